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
}
