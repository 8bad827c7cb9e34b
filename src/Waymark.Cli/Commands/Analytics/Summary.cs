using Spectre.Console;
using Waymark.Analytics.Metrics;

namespace Waymark.Cli.Commands.Analytics;

/// <summary>The terminal summary: tables with Spectre when interactive, plain lines when output is redirected.</summary>
internal static class Summary
{
    public static void Print(AnalysisReport r, TimeSpan elapsed, long skippedRecords = 0, IReadOnlyList<string>? warnings = null)
    {
        warnings ??= [];
        var lines = new List<(string Label, string Value)>
        {
            ("journeys", r.Cases.ToString("N0")),
            ("events", r.Events.ToString("N0")),
            ("touchpoints", r.Activities.Count.ToString("N0")),
            ("variants", r.Variants.Count.ToString("N0")),
            ("channel switches", $"{r.ChannelSwitches.Switches:N0} ({r.ChannelSwitches.SwitchRate:P1} of consecutive contacts)"),
            ("contact definition", r.Kpis.FirstContactResolution.Definition.Description),
            ("journeys with a service contact", r.Kpis.FirstContactResolution.ContactJourneys.ToString("N0")),
        };
        if (r.RepeatContacts.Rate is { } repeat)
            lines.Add(("repeat contacts", $"{r.RepeatContacts.Total:N0} ({repeat:P1} of journeys with a service contact had one)"));
        if (r.Kpis.FirstContactResolution.Rate is { } fcr) lines.Add(("first-contact resolution", fcr.ToString("P1")));
        if (r.Kpis.Csat is { } csat) lines.Add(("CSAT", $"{csat.Mean:0.00} ({csat.Count:N0} answers)"));
        if (r.Kpis.Nps is { } nps) lines.Add(("NPS", $"{nps.Score:0} ({nps.Count:N0} answers)"));
        if (r.Kpis.Ces is { } ces) lines.Add(("CES", $"{ces.Mean:0.00} ({ces.Count:N0} answers)"));
        if (r.Conformance is { } c) lines.Add(("conformance", $"{c.ConformanceRate:P1} fit exactly, average fitness {c.AverageFitness:0.000}"));
        if (skippedRecords > 0) lines.Add(("skipped records", skippedRecords.ToString("N0")));
        lines.Add(("analysis time", $"{elapsed.TotalMilliseconds:N0} ms"));

        var top = r.Variants.Take(5).Select(v => ($"{v.Count:N0} ({v.Share:P1})", string.Join(" → ", v.Activities))).ToList();
        if (Console.IsOutputRedirected)
        {
            foreach (var (label, value) in lines) Console.WriteLine($"{label}: {value}");
            Console.WriteLine("top variants:");
            foreach (var (count, path) in top) Console.WriteLine($"  {count}  {path}");
            foreach (var w in warnings) Console.WriteLine($"note: {w}");
            return;
        }
        var table = new Table().Border(TableBorder.Rounded).AddColumn("measure").AddColumn("value");
        foreach (var (label, value) in lines) table.AddRow(Markup.Escape(label), Markup.Escape(value));
        AnsiConsole.Write(table);
        var variants = new Table().Border(TableBorder.Rounded).AddColumn("journeys").AddColumn("top variants");
        foreach (var (count, path) in top) variants.AddRow(Markup.Escape(count), Markup.Escape(path));
        AnsiConsole.Write(variants);
        foreach (var w in warnings) AnsiConsole.MarkupLine($"[yellow]note:[/] {Markup.Escape(w)}");
    }
}
