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

    /// <summary>First-contact resolution of a generated log, counted by hand from its rows: per customer, the first service contact.</summary>
    private static (int Journeys, int FirstResolved) CountByHand(List<string[]> rows, Func<string[], bool> isContact, params string[] resolved)
    {
        var first = rows.Where(isContact).GroupBy(r => r[0]).Select(g => g.First()[5]).ToList();
        return (first.Count, first.Count(o => resolved.Contains(o)));
    }

    [Fact]
    public async Task First_contact_resolution_counts_service_contacts_by_default_or_as_the_options_define_them()
    {
        using var scratch = new Scratch();
        var generate = await WaymarkProcess.RunAsync(scratch.Path, "generate-events", "--customers", "500", "--out", scratch.File("events.csv"));
        Assert.True(generate.ExitCode == 0, generate.Errors);
        // customer, case, time, touchpoint, channel, outcome, …; the generator's service contacts are its support-contact events.
        var rows = File.ReadLines(scratch.File("events.csv")).Skip(1).Select(l => l.Split(',')).ToList();
        Assert.Contains(rows, r => r[5] == "purchased");

        async Task<JsonNode> Analyze(string name, params string[] options)
        {
            var analyze = await WaymarkProcess.RunAsync(scratch.Path, ["analyze", scratch.File("events.csv"), "--json", scratch.File(name), .. options]);
            Assert.True(analyze.ExitCode == 0, analyze.Errors);
            Assert.Contains("contact definition: Service contacts are", analyze.Output);
            return JsonNode.Parse(await File.ReadAllTextAsync(scratch.File(name)))!;
        }
        void AssertFcr(JsonNode report, (int Journeys, int FirstResolved) expected)
        {
            var fcr = report["kpis"]!["firstContactResolution"]!;
            Assert.Equal(expected.Journeys, fcr["contactJourneys"]!.GetValue<int>());
            Assert.Equal(expected.FirstResolved, fcr["firstContactResolved"]!.GetValue<int>());
            Assert.Equal((double)expected.FirstResolved / expected.Journeys, fcr["rate"]!.GetValue<double>(), 12);
            Assert.Equal(expected.Journeys, report["repeatContacts"]!["contactJourneys"]!.GetValue<int>());
        }

        var byDefault = await Analyze("default.json");
        AssertFcr(byDefault, CountByHand(rows, r => r[3] == "support-contact", "resolved"));
        var definition = byDefault["kpis"]!["firstContactResolution"]!["definition"]!;
        Assert.Empty(definition["touchpoints"]!.AsArray());
        Assert.Contains("resolved", definition["resolvedOutcomes"]!.AsArray().Select(o => o!.GetValue<string>()));
        Assert.Equal(definition.ToJsonString(), byDefault["repeatContacts"]!["definition"]!.ToJsonString());

        // Callback requests (no outcome: not resolved) count as contacts too, and an escalation counts as resolved.
        var named = await Analyze("named.json", "--service-contacts", "support-contact, callback-request", "--resolved-outcomes", "resolved,escalated");
        AssertFcr(named, CountByHand(rows, r => r[3] is "support-contact" or "callback-request", "resolved", "escalated"));
        Assert.Equal(["support-contact", "callback-request"], named["kpis"]!["firstContactResolution"]!["definition"]!["touchpoints"]!.AsArray().Select(t => t!.GetValue<string>()));

        var phone = await Analyze("phone.json", "--service-contacts", "support-contact", "--service-channels", "phone");
        AssertFcr(phone, CountByHand(rows, r => r[3] == "support-contact" && r[4] == "phone", "resolved"));
    }

    [Fact]
    public async Task A_service_contact_option_without_values_is_refused_and_an_unknown_touchpoint_is_noted()
    {
        using var scratch = new Scratch();
        await File.WriteAllLinesAsync(scratch.File("log.csv"),
        [
            "customer,time,touchpoint,channel,outcome",
            "C1,2025-03-01T10:00:00Z,web-checkout,web,purchased",
            "C1,2025-03-02T10:00:00Z,call-hotline,phone,unresolved",
            "C1,2025-03-02T11:00:00Z,call-hotline,phone,resolved",
        ]);

        var empty = await WaymarkProcess.RunAsync(scratch.Path, "analyze", scratch.File("log.csv"), "--resolved-outcomes", " , ");
        Assert.Equal(1, empty.ExitCode);
        Assert.Contains("--resolved-outcomes needs at least one outcome", empty.Errors);

        var typo = await WaymarkProcess.RunAsync(scratch.Path, "analyze", scratch.File("log.csv"), "--service-contacts", "call-hotline,call-hotlin", "--json", scratch.File("r.json"));
        Assert.True(typo.ExitCode == 0, typo.Errors);
        Assert.Contains("note: No event has the service contact touchpoint 'call-hotlin'.", typo.Output);
        Assert.Contains("first-contact resolution: 0", typo.Output);
        Assert.Contains("repeat contacts: 1 (100", typo.Output);
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
    public async Task Events_generated_for_a_workspace_map_use_the_workspaces_own_touchpoint_keys_and_channels_and_mostly_follow_the_map()
    {
        using var scratch = new Scratch();
        var db = scratch.File("waymark.db");
        Assert.Equal(0, (await WaymarkProcess.RunAsync(scratch.Path, "demo", "--db", db)).ExitCode);
        var export = await WaymarkProcess.RunAsync(scratch.Path, "export", "--db", db, "--workspace", "demo", "--out", scratch.File("demo.json"));
        Assert.True(export.ExitCode == 0, export.Errors);
        var workspace = JsonNode.Parse(await File.ReadAllTextAsync(scratch.File("demo.json")))!;
        var channelNames = workspace["channels"]!.AsArray().ToDictionary(c => c!["id"]!.GetValue<string>(), c => c!["name"]!.GetValue<string>());
        var keys = workspace["touchpoints"]!.AsArray().ToDictionary(
            t => t!["eventKey"]?.GetValue<string>() is { Length: > 0 } key ? key : t!["name"]!.GetValue<string>(),
            t => channelNames[t!["channelId"]!.GetValue<string>()]);

        var generate = await WaymarkProcess.RunAsync(scratch.Path, "generate-events", "--db", db, "--workspace", "demo",
            "--journey", "Broken panel under warranty", "--customers", "300", "--out", scratch.File("events.csv"), "--journey-out", scratch.File("map.json"));
        Assert.True(generate.ExitCode == 0, generate.Errors);

        var rows = File.ReadLines(scratch.File("events.csv")).Skip(1).Select(l => l.Split(',')).ToList();
        Assert.All(rows, r => Assert.True(keys.TryGetValue(r[3], out var channel) && channel == r[4], $"{r[3]} in {r[4]}"));
        var mapKeys = JsonNode.Parse(await File.ReadAllTextAsync(scratch.File("map.json")))!["stages"]!.AsArray()
            .SelectMany(s => s!["steps"]!.AsArray()).SelectMany(s => s!["touchpoints"]!.AsArray().Select(t => t!.GetValue<string>())).ToHashSet();
        Assert.Contains("call-hotline", mapKeys);
        Assert.True(rows.Count(r => mapKeys.Contains(r[3])) > 0.95 * rows.Count);

        var analyze = await WaymarkProcess.RunAsync(scratch.Path, "analyze", scratch.File("events.csv"), "--db", db,
            "--workspace", "demo", "--map-journey", "Broken panel under warranty", "--json", scratch.File("report.json"));
        Assert.True(analyze.ExitCode == 0, analyze.Errors);
        var conformance = JsonNode.Parse(await File.ReadAllTextAsync(scratch.File("report.json")))!["conformance"]!;
        Assert.InRange(conformance["conformanceRate"]!.GetValue<double>(), 0.4, 0.9);
        Assert.InRange(conformance["averageFitness"]!.GetValue<double>(), 0.85, 0.99);

        var unknown = await WaymarkProcess.RunAsync(scratch.Path, "generate-events", "--db", db, "--workspace", "demo", "--journey", "no such map", "--out", scratch.File("x.csv"));
        Assert.Equal(1, unknown.ExitCode);
        Assert.Contains("has no journey map 'no such map'", unknown.Errors);
    }

    /// <summary>Files shaped to overflow a reader's stack or buffers: the process answers with an error and exits 1 (not 134).</summary>
    [Theory]
    [InlineData("nested.xes", "trace 1, event 1", "nested more than 100 levels deep")]
    [InlineData("nested.ndjson", "line 2", "nested more than 64 levels deep")]
    [InlineData("unclosed.csv", "line 3", "is a closing quote missing?")]
    [InlineData("nested.parquet", "the schema", "nested more than 64 levels deep")]
    public async Task A_file_built_to_take_the_reader_down_ends_in_a_clear_error_and_exit_code_1(string name, string place, string problem)
    {
        using var scratch = new Scratch();
        await File.WriteAllBytesAsync(scratch.File(name), Hostile(name));

        var analyze = await WaymarkProcess.RunAsync(scratch.Path, "analyze", scratch.File(name), "--json", scratch.File("r.json"));

        Assert.True(analyze.ExitCode == 1, $"exit code {analyze.ExitCode}: {analyze.Errors}");
        Assert.StartsWith($"error: {name}: {place}", analyze.Errors.Trim());
        Assert.Contains(problem, analyze.Errors);
        Assert.DoesNotContain("   at ", analyze.Errors);
        Assert.False(File.Exists(scratch.File("r.json")));
    }

    private static byte[] Hostile(string name)
    {
        const string first = "{\"customer\":\"c1\",\"time\":\"2024-01-01T00:00:00Z\",\"touchpoint\":\"a\"}\n";
        return name switch
        {
            "nested.xes" => System.Text.Encoding.UTF8.GetBytes("<log><trace><string key=\"concept:name\" value=\"t1\"/><event><string key=\"concept:name\" value=\"a\"/>"
                + string.Concat(Enumerable.Repeat("<int key=\"lvl\" value=\"1\">", 10_000)) + string.Concat(Enumerable.Repeat("</int>", 10_000)) + "</event></trace></log>"),
            "nested.ndjson" => System.Text.Encoding.UTF8.GetBytes(first + first.Replace("}", ",\"extra\":" + new string('[', 100_000) + new string(']', 100_000) + "}")),
            "unclosed.csv" => System.Text.Encoding.UTF8.GetBytes("customer,time,touchpoint\nc1,2024-01-01T00:00:00Z,a\n\"c2,2024-01-01T00:01:00Z,b\n"
                + string.Concat(Enumerable.Repeat("c3,2024-01-01T00:02:00Z,c\n", 20_000))),
            _ => DeeplyNestedParquet(100_000),
        };
    }

    /// <summary>A Parquet footer (no row group) whose schema nests <paramref name="levels"/> groups around one column, in Thrift compact protocol.</summary>
    private static byte[] DeeplyNestedParquet(int levels)
    {
        var f = new List<byte> { 0x15, 2, 0x19, 0xFC };
        VarInt(levels + 2);
        for (var i = 0; i <= levels; i++) f.AddRange([0x48, 1, (byte)'g', 0x15, 2, 0]);
        f.AddRange([0x15, 12, 0x25, 2, 0x18, 1, (byte)'x', 0, 0x16, 0, 0x19, 0x0C, 0]);
        return [.. "PAR1"u8, .. f, .. BitConverter.GetBytes(f.Count), .. "PAR1"u8];

        void VarInt(int n)
        {
            for (; n >= 0x80; n >>= 7) f.Add((byte)(n | 0x80));
            f.Add((byte)n);
        }
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
