using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;

namespace Waymark.Cli.Tests;

public sealed class CliTests
{
    [Fact]
    public async Task Help_lists_every_command()
    {
        using var scratch = new Scratch();
        var help = await WaymarkProcess.RunAsync(scratch.Path, "--help");
        Assert.Equal(0, help.ExitCode);
        foreach (var command in new[] { "serve", "demo", "export", "import", "analyze", "generate-events", "ingest", "export-events" })
            Assert.Contains(command, help.Output);

        var serveHelp = await WaymarkProcess.RunAsync(scratch.Path, "serve", "--help");
        Assert.Contains("--db", serveHelp.Output);
        Assert.Contains("--postgres", serveHelp.Output);
        Assert.Contains("--urls", serveHelp.Output);
    }

    [Fact]
    public async Task Demo_then_export_then_import_creates_a_second_workspace_and_prints_its_key_last()
    {
        using var scratch = new Scratch();
        var db = scratch.File("w.db");

        var demo = await WaymarkProcess.RunAsync(scratch.Path, "demo", "--db", db);
        Assert.True(demo.ExitCode == 0, demo.Errors);
        Assert.Equal("demo", demo.LastLine);

        var export = await WaymarkProcess.RunAsync(scratch.Path, "export", "--workspace", "demo", "--out", scratch.File("demo.json"), "--db", db);
        Assert.True(export.ExitCode == 0, export.Errors);
        var document = JsonNode.Parse(await File.ReadAllTextAsync(scratch.File("demo.json")))!;
        Assert.True(document["touchpoints"]!.AsArray().Count >= 40);

        var import = await WaymarkProcess.RunAsync(scratch.Path, "import", "--in", scratch.File("demo.json"), "--db", db);
        Assert.True(import.ExitCode == 0, import.Errors);
        Assert.Equal("demo-2", import.LastLine);

        var again = await WaymarkProcess.RunAsync(scratch.Path, "export", "--workspace", "demo-2", "--out", scratch.File("copy.json"), "--db", db);
        Assert.True(again.ExitCode == 0, again.Errors);
        var copy = JsonNode.Parse(await File.ReadAllTextAsync(scratch.File("copy.json")))!;
        Assert.Equal(document["touchpoints"]!.AsArray().Count, copy["touchpoints"]!.AsArray().Count);
    }

    [Fact]
    public async Task A_broken_import_names_file_line_and_field_and_creates_nothing()
    {
        using var scratch = new Scratch();
        var db = scratch.File("w.db");
        await WaymarkProcess.RunAsync(scratch.Path, "demo", "--db", db);
        await WaymarkProcess.RunAsync(scratch.Path, "export", "--workspace", "demo", "--out", scratch.File("demo.json"), "--db", db);
        var text = await File.ReadAllTextAsync(scratch.File("demo.json"));
        var broken = JsonNode.Parse(text)!;
        broken["touchpoints"]![0]!["relevance"] = 0;
        await File.WriteAllTextAsync(scratch.File("broken.json"), broken.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true }));

        var import = await WaymarkProcess.RunAsync(scratch.Path, "import", "--in", scratch.File("broken.json"), "--db", db);

        Assert.Equal(1, import.ExitCode);
        Assert.Matches(@"broken\.json: line \d+, touchpoints\[0\]\.relevance: ", import.Errors);
        Assert.Contains("nothing was imported", import.Errors);
        var export = await WaymarkProcess.RunAsync(scratch.Path, "export", "--workspace", "demo-2", "--out", scratch.File("x.json"), "--db", db);
        Assert.Equal(1, export.ExitCode);
        Assert.Contains("There is no workspace 'demo-2'", export.Errors);
    }

    [Fact]
    public async Task Serve_prints_the_address_it_listens_on_and_answers_there()
    {
        using var scratch = new Scratch();
        var port = FreePort();
        var url = $"http://127.0.0.1:{port}";
        using var process = Process.Start(WaymarkProcess.StartInfo(scratch.Path, "serve", "--urls", url))!;
        try
        {
            string? line;
            var seen = new List<string>();
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
            while ((line = await process.StandardOutput.ReadLineAsync(timeout.Token)) is not null && !line.Contains("Waymark is listening on"))
                seen.Add(line);
            Assert.True(line is not null, "serve ended without printing its address: " + string.Join('\n', seen));
            Assert.Contains($"Waymark is listening on {url}", line);
            Assert.Contains(seen, l => l.Contains("waymark.db"));

            using var http = new HttpClient();
            Assert.Equal(HttpStatusCode.Unauthorized, (await http.GetAsync($"{url}/api/workspaces")).StatusCode); // signed-in use: AccessCommandTests
            Assert.Equal(HttpStatusCode.OK, (await http.GetAsync($"{url}/health")).StatusCode);
            Assert.True(File.Exists(scratch.File("waymark.db")), "the default SQLite file is created in the working directory");
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
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
