using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Waymark.Benchmarking;
using Waymark.CircuitBenchmark;

// Interactive map pages at scale (issue 11, item 4): the published server holds N open map pages (Blazor circuits)
// of one journey map; how much memory per open page, how long one edit takes to reach all of them, and whether the
// memory comes back once they close. See docs/benchmarks.md.
var options = BenchmarkOptions.Parse(args);
var repository = BenchmarkOptions.RepositoryRoot();
Directory.CreateDirectory(options.Work);
var published = options.Published ?? Shell.Publish(repository, Path.Combine(options.Work, "published"));

// dotnet-counters, the repository's local tool, reads the server's GC heap and circuits.
Shell.Run("dotnet", ["tool", "restore"], repository);
await using var server = await PublishedWaymark.StartAsync(published, options.Work, options.Size, options.ServerEnvironment);
using var memory = new ServerMemory(server.ProcessId, repository, options.Work);
using var api = new HttpClient { BaseAddress = new Uri(server.BaseUrl), Timeout = TimeSpan.FromMinutes(2) };
api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", server.Token);

var journeysUrl = $"/api/workspaces/{Uri.EscapeDataString(server.Workspace)}/journeys";
var journeys = (await api.GetFromJsonAsync<JsonElement>($"{journeysUrl}?pageSize=500")).GetProperty("items").EnumerateArray()
    .Select(j => (Id: j.GetProperty("id").GetGuid(), Name: j.GetProperty("name").GetString()!, Steps: j.GetProperty("stepCount").GetInt32()))
    .ToList();
// "median": the map of the median size (a typical map of the workspace rather than its largest).
var bySize = journeys.OrderByDescending(j => j.Steps).ThenBy(j => j.Name, StringComparer.Ordinal).ToList();
var journey = options.Journey switch
{
    null => bySize.FirstOrDefault(),
    "median" => bySize.Count == 0 ? default : bySize[bySize.Count / 2],
    var wanted => journeys.FirstOrDefault(j => j.Name.Contains(wanted, StringComparison.OrdinalIgnoreCase)),
};
if (journey.Name is null) throw new InvalidOperationException($"No journey map matches '{options.Journey}'. Maps: {string.Join(", ", journeys.Select(j => j.Name))}");
var mapUrl = $"{server.BaseUrl}/w/{Uri.EscapeDataString(server.Workspace)}/journeys/{journey.Id}";
Console.WriteLine($"Map: '{journey.Name}' ({journey.Steps} steps) of workspace '{server.Workspace}' ({options.Size}) at {mapUrl}");

await using IMapPages pages = options.Client == "protocol"
    ? await ProtocolPages.StartAsync(server)
    : await ChromiumPages.StartAsync(options, server);
Console.WriteLine($"Client: {pages.Client}");

// A warm-up page (JIT, caches, the first circuit) that is closed again before the baseline is taken.
await pages.WarmUpAsync(mapUrl);
// The same edit with no page open, for comparison with the one that has to reach every page.
var loneRename = await RenameFirstStageAsync(api, journeysUrl, journey.Id, $"Circuit warm-up {DateTime.UtcNow:HHmmss}");
var lone = Stopwatch.StartNew();
await loneRename();
var loneEdit = lone.Elapsed.TotalMilliseconds;
await memory.StartedAsync();
var baseline = await memory.ReadAsync("before opening (signed in, warmed up)");
for (var waited = Stopwatch.StartNew(); baseline.ActiveCircuits is null or > 0 && waited.Elapsed < TimeSpan.FromSeconds(30);)
    baseline = await memory.ReadAsync(baseline.When);
var readings = new List<MemoryReading> { baseline };

var opening = Stopwatch.StartNew();
await pages.OpenAsync(mapUrl, options.Pages, options.Parallel);
opening.Stop();
Console.WriteLine($"{options.Pages} map pages live in {opening.Elapsed.TotalSeconds:0.0} s");
await Task.Delay(TimeSpan.FromSeconds(5));
var open = await memory.ReadAsync($"{options.Pages} pages open, every circuit live");
// The circuit counters come a second or two behind; read again (half a minute at most) until they count every page.
for (var waited = Stopwatch.StartNew(); open.ConnectedCircuits < options.Pages && waited.Elapsed < TimeSpan.FromSeconds(30);)
    open = await memory.ReadAsync(open.When);
readings.Add(open);
// What holding the pages costs once the burst of opening them is collected (the GC runs when something allocates or
// the idle release finds the server quiet): the figure the target is about. The reading above stays for comparison.
await Task.Delay(TimeSpan.FromSeconds(20));
var settled = await memory.ReadAsync($"{options.Pages} pages open, 20 s later (settled)");
readings.Add(settled);
if (options.HoldSeconds > 0)
{
    Console.WriteLine($"Holding the pages open for {options.HoldSeconds} s; the server is process {server.ProcessId}.");
    await Task.Delay(TimeSpan.FromSeconds(options.HoldSeconds));
}
// What the open pages cost while nothing changes (a client that kept a circuit busy would show here).
var idleFrom = CpuTime.Read(server.ProcessId);
await Task.Delay(TimeSpan.FromSeconds(5));
var idle = CpuTime.Read(server.ProcessId).Minus(idleFrom);

// Edits before the one measured, each awaited on every page and followed by the 3 s the measured one gets.
for (var prior = 1; prior <= options.PriorEdits; prior++)
{
    var name = $"Circuit prior {prior} {DateTime.UtcNow:HHmmss}";
    var priorSeen = await pages.WatchAsync(name);
    await (await RenameFirstStageAsync(api, journeysUrl, journey.Id, name))();
    await Task.WhenAny(Task.WhenAll(priorSeen), Task.Delay(TimeSpan.FromSeconds(options.EditTimeoutSeconds)));
    Console.WriteLine($"Prior edit {prior} reached {priorSeen.Count(s => s.IsCompletedSuccessfully)} of {options.Pages} pages");
    await Task.Delay(TimeSpan.FromSeconds(3));
}

// One edit through the API: the first stage gets a new name; every page watches its map for that name.
var marker = $"Circuit check {DateTime.UtcNow:HHmmss}";
var seen = await pages.WatchAsync(marker);
var rename = await RenameFirstStageAsync(api, journeysUrl, journey.Id, marker);
var clientCpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
var logAtEdit = server.Output.Length;
var cpuBefore = CpuTime.Read(server.ProcessId);
var sent = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
var edit = Stopwatch.StartNew();
await rename();
var editAnswered = edit.Elapsed.TotalMilliseconds;
await Task.WhenAny(Task.WhenAll(seen), Task.Delay(TimeSpan.FromSeconds(options.EditTimeoutSeconds)));
var cpuSeen = CpuTime.Read(server.ProcessId);
var clientCpu = (Process.GetCurrentProcess().TotalProcessorTime - clientCpuBefore).TotalMilliseconds;
var latencies = seen.Where(s => s.IsCompletedSuccessfully).Select(s => s.Result - sent).Order().ToList();
Console.WriteLine($"The edit reached {latencies.Count} of {options.Pages} pages");
// The server's CPU half a second at a time over the next 3 s: tells its renders (the snackbar's steps come at fixed
// times) from what else it does meanwhile (a collection, the JIT's second tier).
var afterSeen = new List<double>();
for (var (slice, at) = (0, cpuSeen); slice < 6; slice++)
{
    await Task.Delay(TimeSpan.FromMilliseconds(500));
    var now = CpuTime.Read(server.ProcessId);
    afterSeen.Add(now.Minus(at).ServerMs);
    at = now;
}
// What the edit cost the server in all (its renders may go on after the last page saw the name, for the other parts).
var editCpu = new EditCpu(cpuSeen.Minus(cpuBefore), CpuTime.Read(server.ProcessId).Minus(cpuBefore));
// What else the server did meanwhile (its idle memory release, a compacting collection, would cost CPU of its own).
var loggedDuringEdit = server.Output[logAtEdit..].Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
    .Where(l => !l.StartsWith("warn: Microsoft.EntityFrameworkCore", StringComparison.Ordinal) && !l.StartsWith("info:", StringComparison.Ordinal)
                && !l.StartsWith("Compiling a query", StringComparison.Ordinal)).ToList();
readings.Add(await memory.ReadAsync($"{options.Pages} pages open, after the edit"));

// Close everything as people would close their tabs, then watch the memory for a minute.
await pages.CloseAsync();
var closedAt = Stopwatch.StartNew();
readings.Add(await memory.ReadAsync("right after closing"));
for (var s = 10; s <= 60; s += 10)
{
    var wait = TimeSpan.FromSeconds(s) - closedAt.Elapsed;
    if (wait > TimeSpan.Zero) await Task.Delay(wait);
    readings.Add(await memory.ReadAsync($"{s} s after closing"));
}

var report = Report(options, server, pages, journey, opening.Elapsed, readings, latencies, editAnswered, loneEdit, editCpu, clientCpu, idle, loggedDuringEdit, afterSeen);
Console.WriteLine();
Console.WriteLine(report);
if (options.Out is { } outFile) await File.WriteAllTextAsync(outFile, report);
// The server's own log of the run, to look up any error the report counts.
await File.WriteAllTextAsync(Path.Combine(options.Work, "server.log"), server.Output);
return 0;

// Reads the first stage, then answers the rename to send: the reading is not part of the time measured.
static async Task<Func<Task>> RenameFirstStageAsync(HttpClient api, string journeysUrl, Guid journeyId, string name)
{
    var map = await api.GetFromJsonAsync<JsonElement>($"{journeysUrl}/{journeyId}");
    var stage = map.GetProperty("stages")[0];
    string? Text(string p) => stage.GetProperty(p).ValueKind == JsonValueKind.Null ? null : stage.GetProperty(p).GetString();
    var url = $"{journeysUrl}/{journeyId}/stages/{stage.GetProperty("id").GetGuid()}";
    var body = new { name, description = Text("description"), phaseId = Text("phaseId"), version = stage.GetProperty("version").GetInt32() };
    return async () =>
    {
        using var response = await api.PutAsJsonAsync(url, body);
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"The edit was refused: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    };
}

static string Report(BenchmarkOptions o, PublishedWaymark server, IMapPages pages, (Guid Id, string Name, int Steps) journey, TimeSpan opening,
    List<MemoryReading> readings, List<double> latencies, double editAnswered, double loneEdit, EditCpu editCpu, double clientCpu, CpuTime idle, List<string> loggedDuringEdit, List<double> afterSeen)
{
    static string N(double? v, string format = "0") => v is { } x ? x.ToString(format, CultureInfo.InvariantCulture) : "–";
    var before = readings[0];
    var justOpened = readings[1];
    var open = readings[2];
    var text = new StringBuilder();
    text.AppendLine($"### {o.Pages} open map pages ({pages.Client} client): '{journey.Name}' ({journey.Steps} steps), {o.Size} workspace, published build");
    text.AppendLine();
    text.AppendLine($"{DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cores, load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]} at the end; " +
                    $"{pages.Setup(o)}, {o.Pages} pages opened {o.Parallel} at a time" +
                    (o.ServerEnvironment.Count > 0 ? $", server started with {string.Join(", ", o.ServerEnvironment.Select(e => $"{e.Key}={e.Value}"))}" : "") +
                    $"; all {o.Pages} live after {opening.TotalSeconds:0.0} s.");
    text.AppendLine();
    text.AppendLine("| server process | RSS (MB) | anonymous RSS (MB) | GC heap (MB) | GC committed (MB) | circuits active / connected |");
    text.AppendLine("|---|---|---|---|---|---|");
    foreach (var r in readings)
        text.AppendLine($"| {r.When} | {N(r.RssMb)} | {N(r.AnonMb)} | {N(r.GcHeapMb)} | {N(r.GcCommittedMb)} | {N(r.ActiveCircuits)} / {N(r.ConnectedCircuits)} |");
    text.AppendLine();
    text.AppendLine($"- memory per open page: **{(open.RssMb - before.RssMb) / o.Pages:0.00} MB RSS**" +
                    (open.GcHeapMb is { } h && before.GcHeapMb is { } b ? $", {(h - b) / o.Pages:0.00} MB GC heap" : "") +
                    $" ({o.Pages} pages: {open.RssMb:0} MB RSS in all 20 s after they opened, {justOpened.RssMb:0} MB right after; target < 400 MB)");
    if (o.PriorEdits > 0) text.AppendLine($"- before the edit measured, {o.PriorEdits} other edit{(o.PriorEdits == 1 ? "" : "s")} reached every page (`--prior-edits`)");
    if (latencies.Count > 0)
    {
        double At(double q) => latencies[(int)Math.Min(latencies.Count - 1, Math.Floor(q * latencies.Count))];
        text.AppendLine($"- one edit (a stage renamed through the API, answered in {editAnswered:0} ms; {loneEdit:0} ms with no page open) seen by {latencies.Count} of {o.Pages} pages: " +
                        $"min {latencies[0]:0} ms, median {At(0.5):0} ms, p95 {At(0.95):0} ms, max **{latencies[^1]:0} ms** = all pages (target < 1,000 ms)");
    }
    else text.AppendLine($"- the edit reached no page within {o.EditTimeoutSeconds} s");
    text.AppendLine($"- CPU time while the edit went out (from the request until the last page showed it, {editCpu.UntilSeen.WallMs:0} ms): " +
                    $"the server **{editCpu.UntilSeen.ServerMs:0} ms**, the whole machine {editCpu.UntilSeen.MachineMs:0} ms of {editCpu.UntilSeen.WallMs * Environment.ProcessorCount:0} ms " +
                    $"({Environment.ProcessorCount} cores; the rest of it the client and other processes), the benchmark's own process {clientCpu:0} ms; the server until 3 s later: {editCpu.Settled.ServerMs:0} ms " +
                    $"(each half second after the last page had it: {string.Join(", ", afterSeen.Select(ms => ms.ToString("0", CultureInfo.InvariantCulture)))} ms)");
    text.AppendLine($"- the server's log from the edit until 3 s after the last page had it: {(loggedDuringEdit.Count == 0 ? "nothing" : string.Join(" / ", loggedDuringEdit))}");
    text.AppendLine($"- the server while the {o.Pages} pages stood open and nothing changed: {idle.ServerMs:0} ms CPU in {idle.WallMs / 1000:0} s");
    foreach (var finding in pages.Findings()) text.AppendLine($"- {finding}");
    var failures = server.Output.Split('\n').Where(l => l.StartsWith("fail:", StringComparison.Ordinal) || l.StartsWith("crit:", StringComparison.Ordinal)).ToList();
    text.AppendLine(failures.Count == 0 ? "- errors in the server's log during the run: none"
        : $"- errors in the server's log during the run: {failures.Count}, e.g. {string.Join("; ", failures.Distinct().Take(3).Select(f => f.Trim()))}");
    var last = readings[^1];
    text.AppendLine($"- a minute after closing: {last.RssMb:0} MB RSS (target < 250 MB){(last.ActiveCircuits is { } a ? $", {a} circuits still held" : "")}");
    text.AppendLine();
    text.AppendLine($"Command: `{o.CommandLine}`");
    return text.ToString();
}
