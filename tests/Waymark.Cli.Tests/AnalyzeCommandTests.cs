using System.Text.Json.Nodes;

namespace Waymark.Cli.Tests;

public sealed class AnalyzeCommandTests
{
    [Fact]
    public async Task A_generated_log_is_analysed_into_a_json_and_an_html_report_with_conformance()
    {
        using var scratch = new Scratch();
        var generate = await WaymarkProcess.RunAsync(scratch.Path, "generate-events", "--customers", "200", "--out", scratch.File("events.csv"), "--journey-out", scratch.File("journey.json"));
        Assert.True(generate.ExitCode == 0, generate.Errors);

        var analyze = await WaymarkProcess.RunAsync(scratch.Path, "analyze", scratch.File("events.csv"),
            "--journey", scratch.File("journey.json"), "--json", scratch.File("report.json"), "--html", scratch.File("report.html"));
        Assert.True(analyze.ExitCode == 0, analyze.Errors);
        Assert.Contains("top variants", analyze.Output);

        var report = JsonNode.Parse(await File.ReadAllTextAsync(scratch.File("report.json")))!;
        Assert.Equal(200, report["cases"]!.GetValue<int>());
        var events = File.ReadLines(scratch.File("events.csv")).Count() - 1;
        Assert.Equal(events, report["events"]!.GetValue<int>());
        var variants = report["variants"]!.AsArray();
        Assert.Equal(200, variants.Sum(v => v!["count"]!.GetValue<int>()));
        Assert.True(variants[0]!["count"]!.GetValue<int>() >= variants[^1]!["count"]!.GetValue<int>());
        Assert.All(report["dfg"]!.AsArray(), e => Assert.NotNull(e!["medianSeconds"]));
        Assert.NotNull(report["channelSwitches"]);
        Assert.NotNull(report["kpis"]);
        var fitness = report["conformance"]!["averageFitness"]!.GetValue<double>();
        Assert.InRange(fitness, 0, 1);

        var html = await File.ReadAllTextAsync(scratch.File("report.html"));
        Assert.Contains("<svg", html);
        Assert.DoesNotContain("http://", html.Replace("http://www.w3.org/2000/svg", ""));
    }

    [Fact]
    public async Task A_broken_record_stops_the_analysis_naming_file_and_line()
    {
        using var scratch = new Scratch();
        await File.WriteAllLinesAsync(scratch.File("bad.csv"),
        [
            "customer,time,touchpoint,channel",
            "C1,2025-03-01T10:00:00Z,website-visit,web",
            "C1,not-a-time,call-hotline,phone",
        ]);

        var analyze = await WaymarkProcess.RunAsync(scratch.Path, "analyze", scratch.File("bad.csv"), "--json", scratch.File("r.json"));

        Assert.NotEqual(0, analyze.ExitCode);
        Assert.Contains("bad.csv", analyze.Errors);
        Assert.Contains("line 3", analyze.Errors);
        Assert.False(File.Exists(scratch.File("r.json")));
    }

    [Fact]
    public async Task Real_journeys_are_checked_against_a_journey_map_of_the_workspace_read_from_the_database()
    {
        using var scratch = new Scratch();
        var db = scratch.File("waymark.db");
        var demo = await WaymarkProcess.RunAsync(scratch.Path, "demo", "--db", db);
        Assert.True(demo.ExitCode == 0, demo.Errors);
        await File.WriteAllLinesAsync(scratch.File("events.csv"),
        [
            "customer,time,touchpoint,channel",
            "walter,2026-03-01T09:00:00Z,call-hotline,phone",
            "walter,2026-03-04T10:00:00Z,onsite-repair,service",
            "anna,2026-03-01T09:00:00Z,fax-machine,fax",
        ]);

        var analyze = await WaymarkProcess.RunAsync(scratch.Path, "analyze", scratch.File("events.csv"), "--db", db,
            "--workspace", "demo", "--map-journey", "broken panel under warranty", "--json", scratch.File("report.json"));
        Assert.True(analyze.ExitCode == 0, analyze.Errors);
        var conformance = JsonNode.Parse(await File.ReadAllTextAsync(scratch.File("report.json")))!["conformance"]!;
        Assert.True(conformance["steps"]!.GetValue<int>() >= 2);
        var deviations = conformance["deviations"]!.AsArray();
        Assert.Contains(deviations, d => d!["kind"]!.GetValue<string>() == "UnexpectedTouchpoint" && d["subject"]!.GetValue<string>() == "fax-machine");
        Assert.DoesNotContain(deviations, d => d!["kind"]!.GetValue<string>() == "UnexpectedTouchpoint" && d["subject"]!.GetValue<string>() is "call-hotline" or "onsite-repair");

        var unknown = await WaymarkProcess.RunAsync(scratch.Path, "analyze", scratch.File("events.csv"), "--db", db,
            "--workspace", "demo", "--map-journey", "no such map");
        Assert.NotEqual(0, unknown.ExitCode);
        Assert.Contains("has no journey map 'no such map'", unknown.Errors);
        Assert.Contains("Broken panel under warranty", unknown.Errors);
        var alone = await WaymarkProcess.RunAsync(scratch.Path, "analyze", scratch.File("events.csv"), "--map-journey", "x");
        Assert.NotEqual(0, alone.ExitCode);
        Assert.Contains("--workspace", alone.Errors);
    }
}
