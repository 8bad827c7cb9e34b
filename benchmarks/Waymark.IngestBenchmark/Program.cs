using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using Waymark.Benchmarking;
using Waymark.IngestBenchmark;

// Interaction events over HTTP, as issue 12 measures them: the published server on a fresh SQLite file and on a
// throwaway PostgreSQL, an event-sender token, several clients sending NDJSON batches at once.
//   dotnet run -c Release --project benchmarks/Waymark.IngestBenchmark -- [--db sqlite|postgres|both] [--batches 60]
//       [--batch-size 10000] [--clients 3] [--warmup 30] [--kill N] [--published DIR]
// --reader times only reading and checking the batches in this process (no server, no database).
// --kill N kills the server with SIGKILL N times during ingestion instead, restarts it, has the clients send every
// batch they got no answer for again, and checks that no acknowledged event is lost and none is stored twice.
string? Value(string name) => Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : null;
var databases = (Value("--db") ?? "both") switch { "both" => new[] { "sqlite", "postgres" }, var one => [one] };
var batches = int.Parse(Value("--batches") ?? "60", CultureInfo.InvariantCulture);
var batchSize = int.Parse(Value("--batch-size") ?? "10000", CultureInfo.InvariantCulture);
var clients = int.Parse(Value("--clients") ?? "3", CultureInfo.InvariantCulture);
var kills = int.Parse(Value("--kill") ?? "0", CultureInfo.InvariantCulture);
// Warm-up batches, sent by all clients at once before the clock starts: the runtime compiles the hot path again with
// full optimisation only after it has run for a while (tiered compilation), which on 2 busy cores takes tens of seconds.
var warmupBatches = int.Parse(Value("--warmup") ?? "30", CultureInfo.InvariantCulture);
if (args.Contains("--reader"))
{
    ReaderProfile.Run(batches, batchSize);
    return;
}
var work = Value("--work") ?? Path.Combine(Path.GetTempPath(), "waymark-ingest-bench");
if (Directory.Exists(work)) Directory.Delete(work, recursive: true);
Directory.CreateDirectory(work);
var published = Value("--published") ?? Shell.Publish(FindRepository(), Path.Combine(Path.GetTempPath(), "waymark-ingest-published"));
var dll = Path.Combine(published, "waymark.dll");

foreach (var database in databases)
{
    using var postgres = database == "postgres" ? ThrowawayPostgres.Start(Path.Combine(work, "pg"), Value("--pg-settings") ?? "") : null;
    Storage storage = postgres is null ? new SqliteStorage(Path.Combine(work, "events.db")) : new PostgresStorage(postgres.ConnectionString("waymark_ingest"));
    // The demo's content and its KPIs bound to events, but not its year of events: what is stored is counted exactly
    // (builds from before the demo had events have no such option).
    string[] noEvents = Shell.Run("dotnet", [dll, "demo", "--help"], work).Output.Contains("--no-events") ? ["--no-events"] : [];
    var workspace = Shell.LastLine(Shell.Must("dotnet", [dll, "demo", .. noEvents, .. storage.Arguments], work));
    var token = Shell.LastLine(Shell.Must("dotnet", [dll, "token", "create", "--workspace", workspace, "--role", "eventSender", "--name", "ingest benchmark", .. storage.Arguments], work));
    using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 64 }) { Timeout = TimeSpan.FromMinutes(2) };
    http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
    var port = Shell.FreePort();
    if (kills > 0) await KillRounds.RunAsync(storage, dll, work, port, http, workspace, kills, clients);
    else await MeasureAsync(storage, port, http, workspace);
}

async Task MeasureAsync(Storage storage, int port, HttpClient http, string workspace)
{
    var (bytesBefore, _) = await storage.EventBytesAsync();
    Console.WriteLine($"{storage.Name}: making {batches} batches of {batchSize:N0} events …");
    var start = new DateTime(2026, 3, 1, 0, 0, 0, DateTimeKind.Utc);
    var bodies = Enumerable.Range(0, batches).AsParallel().AsOrdered().Select(b => EventBatches.Make("m", b, batchSize, start)).ToArray();
    var warmup = Enumerable.Range(0, warmupBatches).AsParallel().AsOrdered().Select(b => EventBatches.Make("warm", b, batchSize, start.AddDays(-20))).ToArray();
    await using var server = await WaymarkServer.StartAsync(dll, work, storage.Arguments, port);
    var url = $"{server.BaseUrl}/api/workspaces/{workspace}/events";
    await SendAllAsync(warmup, null);

    var timings = new List<(double ClientMs, double? ServerMs)>();
    var cpuBefore = server.CpuMs();
    var clock = Stopwatch.StartNew();
    await SendAllAsync(bodies, timings);
    var seconds = clock.Elapsed.TotalSeconds;
    var cpu = server.CpuMs() - cpuBefore;
    var background = server.Output.Split('\n').Where(l => l.Contains("Worked out", StringComparison.Ordinal) || l.Contains("computed", StringComparison.OrdinalIgnoreCase)).ToList();
    await server.KillAsync();
    var stored = await storage.CountAsync();
    var (bytesAfter, detail) = await storage.EventBytesAsync();
    var events = (long)batches * batchSize;

    async Task SendAllAsync(byte[][] all, List<(double ClientMs, double? ServerMs)>? kept)
    {
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, clients).Select(_ => Task.Run(async () =>
        {
            int b;
            while ((b = Interlocked.Increment(ref next)) < all.Length)
            {
                var (status, ms, serverMs, text) = await Send.BatchAsync(http, url, all[b]);
                if (status != HttpStatusCode.OK) throw new InvalidOperationException($"batch {b} answered {(int)status}: {text}");
                if (kept is not null) lock (kept) kept.Add((ms, serverMs));
            }
        })));
    }
    var client = timings.Select(t => t.ClientMs).Order().ToList();
    var own = timings.Where(t => t.ServerMs is not null).Select(t => t.ServerMs!.Value).Order().ToList();
    Console.WriteLine($"{storage.Name}: {events:N0} events in {batches} batches of {batchSize:N0}, {clients} clients: {seconds:F2} s, {events / seconds:N0} events/s");
    Console.WriteLine($"  batch latency at the client: p50 {Percentile(client, 0.5):F0} ms, p99 {Percentile(client, 0.99):F0} ms, max {client[^1]:F0} ms");
    if (own.Count > 0)
        Console.WriteLine($"  server's own time per batch (Server-Timing): p50 {Percentile(own, 0.5):F0} ms, p99 {Percentile(own, 0.99):F0} ms, max {own[^1]:F0} ms");
    Console.WriteLine($"  server CPU: {cpu / 1000:F1} s over {seconds:F1} s = {cpu / 1000 / seconds:F2} cores, {cpu * 1000 / events:F1} µs per event");
    foreach (var line in background) Console.WriteLine($"  background, in the server: {line.Trim()}");
    Console.WriteLine($"  disk: {(bytesAfter - bytesBefore) / (double)stored:F0} bytes per stored event ({stored:N0} events; {detail})");
}

static double Percentile(List<double> sorted, double p) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];

static string FindRepository()
{
    for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
        if (File.Exists(Path.Combine(d.FullName, "Waymark.slnx"))) return d.FullName;
    throw new InvalidOperationException("Run the benchmark from inside the Waymark repository.");
}

internal static class Send
{
    /// <summary>Posts one NDJSON batch; the answer's status, the time it took, the server's own time (Server-Timing) and its text.</summary>
    public static async Task<(HttpStatusCode Status, double Ms, double? ServerMs, string Text)> BatchAsync(HttpClient http, string url, byte[] body, CancellationToken ct = default)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/x-ndjson");
        var clock = Stopwatch.StartNew();
        using var response = await http.PostAsync(url, content, ct);
        var text = await response.Content.ReadAsStringAsync(ct);
        var ms = clock.Elapsed.TotalMilliseconds;
        double? serverMs = null;
        if (response.Headers.TryGetValues("Server-Timing", out var values))
            foreach (var part in values.SelectMany(v => v.Split(';')))
                if (part.Trim().StartsWith("dur=", StringComparison.Ordinal)
                    && double.TryParse(part.Trim()[4..], NumberStyles.Float, CultureInfo.InvariantCulture, out var d))
                    serverMs = d;
        return (response.StatusCode, ms, serverMs, text);
    }
}
