using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;

namespace Waymark.Cli.Tests;

/// <summary><c>waymark analyze --workspace KEY --from --to</c>: the stored events analysed as GET …/analytics analyses them.</summary>
public sealed class AnalyzeStoredEventsTests
{
    // Four customers in November 2026; K-1 comes back after more than 7 days (a second journey), K-4 starts in December.
    private const string Events = """
        {"customer":"K-1","time":"2026-11-02T09:00:00Z","touchpoint":"order-placed","channel":"web","eventId":"e1"}
        {"customer":"K-1","time":"2026-11-02T09:30:00Z","touchpoint":"delivery-question","channel":"chat","outcome":"unresolved","eventId":"e2"}
        {"customer":"K-1","time":"2026-11-03T10:00:00Z","touchpoint":"delivery-question","channel":"phone","outcome":"resolved","eventId":"e3"}
        {"customer":"K-2","time":"2026-11-05T12:00:00Z","touchpoint":"order-placed","channel":"web","eventId":"e4"}
        {"customer":"K-2","time":"2026-11-06T08:00:00Z","touchpoint":"return","channel":"store","eventId":"e5"}
        {"customer":"K-3","time":"2026-11-10T15:00:00Z","touchpoint":"order-placed","channel":"shop","eventId":"e6"}
        {"customer":"K-3","time":"2026-11-10T15:10:00Z","touchpoint":"delivery-question","channel":"phone","outcome":"resolved","eventId":"e7"}
        {"customer":"K-1","time":"2026-11-20T09:00:00Z","touchpoint":"order-placed","channel":"web","eventId":"e8"}
        {"customer":"K-4","time":"2026-12-01T09:00:00Z","touchpoint":"order-placed","channel":"web","eventId":"e9"}
        {"customer":"shop/DE/4711","time":"2026-12-02T09:00:00Z","touchpoint":"order-placed","channel":"web","eventId":"e10"}
        {"customer":"50%2F","time":"2026-12-02T09:00:00Z","touchpoint":"order-placed","channel":"web","eventId":"e11"}
        """;

    private static async Task<string> StoredAsync(Scratch scratch)
    {
        var db = scratch.File("w.db");
        Assert.Equal(0, (await WaymarkProcess.RunAsync(scratch.Path, "demo", "--db", db)).ExitCode);
        await File.WriteAllTextAsync(scratch.File("events.ndjson"), Events);
        var ingest = await WaymarkProcess.RunAsync(scratch.Path, "ingest", "events.ndjson", "--workspace", "demo", "--db", db);
        Assert.True(ingest.ExitCode == 0, ingest.Errors);
        return db;
    }

    [Fact]
    public async Task Stored_events_of_a_period_give_the_endpoints_json_and_the_report_of_their_exported_file()
    {
        using var scratch = new Scratch();
        var db = await StoredAsync(scratch);

        var stored = await WaymarkProcess.RunAsync(scratch.Path, "analyze", "--workspace", "demo", "--from", "2026-11-01", "--to", "2026-11-30",
            "--json", scratch.File("stored.json"), "--html", scratch.File("stored.html"), "--db", db);

        Assert.True(stored.ExitCode == 0, stored.Errors);
        Assert.Contains("journeys of 'demo' that start from 2026-11-01 to 2026-11-30", stored.Output);
        Assert.Contains("journeys: 4", stored.Output);
        Assert.Contains("top variants", stored.Output);
        Assert.Contains("<html", await File.ReadAllTextAsync(scratch.File("stored.html")));
        var json = JsonNode.Parse(await File.ReadAllTextAsync(scratch.File("stored.json")))!.AsObject();
        Assert.Equal("2026-11-01", json["from"]!.GetValue<string>());
        Assert.Equal(4, json["cases"]!.GetValue<int>());

        // The same events exported and analysed as a file, cut at the same 7-day gap: the same report.
        var export = await WaymarkProcess.RunAsync(scratch.Path, "export-events", "--workspace", "demo", "--from", "2026-11-01", "--to", "2026-11-30",
            "--out", scratch.File("november.csv"), "--db", db);
        Assert.True(export.ExitCode == 0, export.Errors);
        var file = await WaymarkProcess.RunAsync(scratch.Path, "analyze", scratch.File("november.csv"), "--gap", "7d", "--json", scratch.File("file.json"));
        Assert.True(file.ExitCode == 0, file.Errors);
        var report = json.DeepClone().AsObject();
        foreach (var asked in new[] { "from", "to", "lastEventAt" }) report.Remove(asked);
        var fromFile = JsonNode.Parse(await File.ReadAllTextAsync(scratch.File("file.json")))!;
        Assert.True(JsonNode.DeepEquals(fromFile, report), $"file: {fromFile.ToJsonString()}\nstored: {report.ToJsonString()}");

        // The endpoint answers the same question with the same JSON.
        var url = $"http://127.0.0.1:{FreePort()}";
        using var server = Process.Start(WaymarkProcess.StartInfo(scratch.Path, "serve", "--urls", url, "--db", db))!;
        try
        {
            string? line;
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
            while ((line = await server.StandardOutput.ReadLineAsync(timeout.Token)) is not null && !line.Contains("Waymark is listening on")) { }
            Assert.NotNull(line);
            var token = await WaymarkProcess.RunAsync(scratch.Path, "token", "create", "--workspace", "demo", "--role", "viewer", "--db", db);
            Assert.True(token.ExitCode == 0, token.Errors);
            using var http = new HttpClient();
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.LastLine);
            var answer = await http.GetAsync($"{url}/api/workspaces/demo/analytics?from=2026-11-01&to=2026-11-30");
            Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
            var endpoint = JsonNode.Parse(await answer.Content.ReadAsStringAsync())!;
            Assert.True(JsonNode.DeepEquals(endpoint, json), $"endpoint: {endpoint.ToJsonString()}\ncli: {json.ToJsonString()}");

            // The real server keeps the path as sent: an escaped slash and an escaped "%2F" reach two different customers.
            var editor = await WaymarkProcess.RunAsync(scratch.Path, "token", "create", "--workspace", "demo", "--role", "editor", "--db", db);
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", editor.LastLine);
            foreach (var customer in new[] { "shop/DE/4711", "50%2F" })
            {
                var timeline = await http.GetAsync($"{url}/api/workspaces/demo/customers/{Uri.EscapeDataString(customer)}/timeline");
                Assert.True(timeline.IsSuccessStatusCode, $"{customer}: {await timeline.Content.ReadAsStringAsync()}");
                Assert.Equal(customer, JsonNode.Parse(await timeline.Content.ReadAsStringAsync())!["customer"]!.GetValue<string>());
            }
        }
        finally
        {
            server.Kill(entireProcessTree: true);
            await server.WaitForExitAsync();
        }
    }

    [Fact]
    public async Task A_channel_filter_and_a_map_named_by_name_are_asked_as_the_endpoint_asks_them()
    {
        using var scratch = new Scratch();
        var db = await StoredAsync(scratch);

        var phone = await WaymarkProcess.RunAsync(scratch.Path, "analyze", "--workspace", "demo", "--from", "2026-11-01", "--to", "2026-11-30",
            "--channel", "phone", "--journey", "Broken panel under warranty", "--json", scratch.File("phone.json"), "--db", db);

        Assert.True(phone.ExitCode == 0, phone.Errors);
        Assert.Contains("channel phone, held against the map 'Broken panel under warranty'", phone.Output);
        var json = JsonNode.Parse(await File.ReadAllTextAsync(scratch.File("phone.json")))!;
        Assert.Equal("phone", json["channel"]!.GetValue<string>());
        Assert.True(Guid.TryParse(json["journey"]!.GetValue<string>(), out _));
        Assert.Equal(2, json["events"]!.GetValue<int>());
        Assert.NotNull(json["conformance"]);
    }

    [Theory]
    [InlineData(new[] { "--workspace", "nowhere", "--from", "2026-11-01", "--to", "2026-11-30" }, "error: --workspace: There is no workspace 'nowhere'.")]
    [InlineData(new[] { "--workspace", "demo", "--from", "2026-11-30", "--to", "2026-11-01" }, "error: --to: The period ends on 2026-11-01, before it starts on 2026-11-30")]
    [InlineData(new[] { "--workspace", "demo", "--from", "30.11.2026" }, "error: --from: '30.11.2026' is not a date; write it as year-month-day")]
    [InlineData(new[] { "--workspace", "demo", "--journey", "no such map" }, "error: --journey: Workspace 'demo' has no journey map 'no such map'.")]
    [InlineData(new[] { "--workspace", "demo", "--gap", "3d" }, "--gap only applies to an event log FILE")]
    [InlineData(new[] { "events.csv", "--from", "2026-11-01" }, "--from applies to the events stored in --workspace; leave out FILE")]
    [InlineData(new[] { "--workspace", "demo", "--by", "case", "--funnel", "a,b" }, "--by, --funnel only apply to an event log FILE")]
    [InlineData(new string[0], "Give an event log FILE, or --workspace KEY")]
    public async Task A_question_that_cannot_be_answered_says_why_and_exits_1(string[] options, string message)
    {
        using var scratch = new Scratch();
        var db = scratch.File("w.db");
        Assert.Equal(0, (await WaymarkProcess.RunAsync(scratch.Path, "demo", "--db", db)).ExitCode);

        var run = await WaymarkProcess.RunAsync(scratch.Path, ["analyze", .. options, "--db", db]);

        Assert.True(run.ExitCode == 1, $"exit code {run.ExitCode}: {run.Output}{run.Errors}");
        Assert.Contains(message, run.Errors);
        Assert.DoesNotContain("   at ", run.Errors);
    }

    private static int FreePort()
    {
        var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
