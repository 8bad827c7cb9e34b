using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;
using Microsoft.Data.Sqlite;

namespace Waymark.Cli.Tests;

/// <summary>
/// The promise of POST …/events under a crash: the server is killed (SIGKILL) while a client sends batches; after a
/// restart the client sends every batch it got no answer for again. Every acknowledged event is there, and none twice.
/// </summary>
public sealed class KillDuringIngestionTests
{
    private const int Batches = 400, PerBatch = 200;

    private static string Batch(int b) => string.Join("\n", Enumerable.Range(0, PerBatch).Select(i =>
        $$"""{"event_id":"b{{b}}-{{i}}","customer":"c-{{(b * PerBatch + i) % 997}}","time":"2026-11-{{1 + b % 28:00}}T09:{{i % 60:00}}:00Z","touchpoint":"call","channel":"phone"}"""));

    [Fact]
    public async Task Acknowledged_events_survive_a_kill_and_retried_batches_leave_no_duplicates()
    {
        using var scratch = new Scratch();
        var db = scratch.File("w.db");
        Assert.Equal(0, (await WaymarkProcess.RunAsync(scratch.Path, "demo", "--db", db)).ExitCode);
        var token = (await WaymarkProcess.RunAsync(scratch.Path, "token", "create", "--workspace", "demo", "--role", "eventSender", "--db", db)).LastLine;
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

        var acknowledged = new HashSet<int>();
        var port = FreePort();
        var server = await ServeAsync(scratch, db, port);
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
            Assert.Equal(before.Count * PerBatch, Count(db, $"substr(event_id, 2, instr(event_id, '-') - 2) IN ({string.Join(",", before.Select(b => $"'{b}'"))})"));

            // Restarted, the client sends every batch without an answer again (some were stored before the kill).
            server = await ServeAsync(scratch, db, port);
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
            SqliteConnection.ClearAllPools();
        }
        Assert.Equal(Batches * PerBatch, Count(db, "1 = 1"));
        Assert.Equal(Batches * PerBatch, Count(db, "1 = 1", "count(DISTINCT event_id)"));
    }

    private static long Count(string db, string where, string what = "count(*)")
    {
        using var connection = new SqliteConnection($"Data Source={db};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {what} FROM interaction_events WHERE {where}";
        return (long)command.ExecuteScalar()!;
    }

    private static async Task<Process> ServeAsync(Scratch scratch, string db, int port)
    {
        var process = Process.Start(WaymarkProcess.StartInfo(scratch.Path, "serve", "--db", db, "--urls", $"http://127.0.0.1:{port}"))!;
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
