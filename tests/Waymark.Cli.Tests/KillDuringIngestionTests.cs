using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Waymark.Storage;

namespace Waymark.Cli.Tests;

/// <summary>
/// The promise of POST …/events under a crash: the server is killed (SIGKILL) while a client sends batches; after a
/// restart the client sends every batch it got no answer for again. Every acknowledged event is there, and none twice.
/// On SQLite, and on PostgreSQL in a database of its own on the server of WAYMARK_TEST_POSTGRES.
/// </summary>
public sealed class KillDuringIngestionTests
{
    private const int Batches = 400, PerBatch = 200;

    private static string Batch(int b) => string.Join("\n", Enumerable.Range(0, PerBatch).Select(i =>
        $$"""{"event_id":"b{{b}}-{{i}}","customer":"c-{{(b * PerBatch + i) % 997}}","time":"2026-11-{{1 + b % 28:00}}T09:{{i % 60:00}}:00Z","touchpoint":"call","channel":"phone"}"""));

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task Acknowledged_events_survive_a_kill_and_retried_batches_leave_no_duplicates(string provider)
    {
        using var scratch = new Scratch();
        var postgres = provider == "postgres" ? new NpgsqlConnectionStringBuilder(
            Environment.GetEnvironmentVariable("WAYMARK_TEST_POSTGRES") ?? throw new InvalidOperationException("WAYMARK_TEST_POSTGRES is not set: run the tests with ./test.sh."))
            { Database = $"waymark_kill_{Guid.NewGuid():N}" }.ToString() : null;
        var options = new StorageOptions { SqliteFile = scratch.File("w.db"), PostgresConnectionString = postgres };
        string[] storage = postgres is null ? ["--db", options.SqliteFile] : ["--postgres", postgres];
        Assert.Equal(0, (await WaymarkProcess.RunAsync(scratch.Path, ["demo", .. storage])).ExitCode);
        var token = (await WaymarkProcess.RunAsync(scratch.Path, ["token", "create", "--workspace", "demo", "--role", "eventSender", .. storage])).LastLine;
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

        var acknowledged = new HashSet<int>();
        var port = FreePort();
        var server = await ServeAsync(scratch, storage, port);
        var killed = false;
        try
        {
            // Four clients send at once; the server is killed once a quarter of the batches is acknowledged.
            var next = -1;
            var clients = Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
            {
                int b;
                while ((b = Interlocked.Increment(ref next)) < Batches)
                {
                    try
                    {
                        var response = await http.PostAsync($"http://127.0.0.1:{port}/api/workspaces/demo/events",
                            new StringContent(Batch(b), Encoding.UTF8, "application/x-ndjson"));
                        if (response.StatusCode != HttpStatusCode.OK) continue;
                        lock (acknowledged)
                        {
                            acknowledged.Add(b);
                            if (acknowledged.Count == Batches / 4 && !killed) { killed = true; server.Kill(); }
                        }
                    }
                    catch (Exception e) when (e is HttpRequestException or TaskCanceledException) { }
                }
            })).ToList();
            await Task.WhenAll(clients);
            Assert.True(killed, "the server was not killed during ingestion");
            await server.WaitForExitAsync();
            Assert.InRange(acknowledged.Count, Batches / 4, Batches - 1);

            // What was acknowledged before the kill is all there.
            var before = acknowledged.ToList();
            Assert.Equal(before.Count * PerBatch, await CountAsync(options, $"split_part(event_id, '-', 1) IN ({string.Join(",", before.Select(b => $"'b{b}'"))})"));

            // Restarted, the client sends every batch without an answer again (some were stored before the kill).
            server = await ServeAsync(scratch, storage, port);
            foreach (var b in Enumerable.Range(0, Batches).Where(b => !acknowledged.Contains(b)))
            {
                var response = await http.PostAsync($"http://127.0.0.1:{port}/api/workspaces/demo/events", new StringContent(Batch(b), Encoding.UTF8, "application/x-ndjson"));
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            }
        }
        finally
        {
            server.Kill(entireProcessTree: true);
            await server.WaitForExitAsync();
        }
        try
        {
            Assert.Equal(Batches * PerBatch, await CountAsync(options, "1 = 1"));
            Assert.Equal(Batches * PerBatch, await CountAsync(options, "1 = 1", "count(DISTINCT event_id)"));
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            NpgsqlConnection.ClearAllPools();
            if (postgres is not null)
            {
                await using var admin = new NpgsqlConnection(Environment.GetEnvironmentVariable("WAYMARK_TEST_POSTGRES"));
                await admin.OpenAsync();
                await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{new NpgsqlConnectionStringBuilder(postgres).Database}\" WITH (FORCE)", admin);
                await drop.ExecuteNonQueryAsync();
            }
        }
    }

    /// <summary>Counted in SQL of the database itself, past the application (its event ids are b{batch}-{event}).</summary>
    private static async Task<long> CountAsync(StorageOptions options, string where, string what = "count(*)")
    {
        await using var db = StorageSetup.CreateDb(options);
        if (db.IsSqlite) where = where.Replace("split_part(event_id, '-', 1)", "substr(event_id, 1, instr(event_id, '-') - 1)");
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {what} FROM interaction_events WHERE {where}";
        return Convert.ToInt64(await command.ExecuteScalarAsync());
    }

    private static async Task<Process> ServeAsync(Scratch scratch, string[] storage, int port)
    {
        var process = Process.Start(WaymarkProcess.StartInfo(scratch.Path, ["serve", .. storage, "--urls", $"http://127.0.0.1:{port}"]))!;
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        string? line;
        while ((line = await process.StandardOutput.ReadLineAsync(timeout.Token)) is not null && !line.Contains("Waymark is listening on")) { }
        Assert.True(line is not null, "serve ended early");
        // Keep reading, so a full pipe never blocks the server.
        _ = process.StandardOutput.ReadToEndAsync();
        _ = process.StandardError.ReadToEndAsync();
        return process;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
