using System.Text.RegularExpressions;
using Waymark.Analytics.Conformance;
using Waymark.Analytics.Metrics;
using Waymark.Analytics.Reading;

namespace Waymark.Web.Features.Journeys;

/// <summary>
/// The real journeys of an uploaded event log held against a journey map. Nothing is stored: the upload lives in a
/// temporary file only while it is read.
/// </summary>
public static partial class RealJourneys
{
    public const long MaxBytes = 50L * 1024 * 1024;

    /// <summary>
    /// How real journeys met a step of the map: in the map's order (the best alignment matches an event to it), out of
    /// order (one of its touchpoints happened, but not where the map expects it), or skipped (none happened at all).
    /// </summary>
    public sealed record StepCheck(string Stage, string Step, IReadOnlyList<string> Touchpoints, long InOrder, long OutOfOrder, long Skipped);

    public sealed record Result(AnalysisReport Report, IReadOnlyList<StepCheck> Steps);

    /// <summary>Reads the log (format from the file name) and analyses it against the map, off the caller's thread.</summary>
    /// <exception cref="EventLogFormatException">A record cannot be read; the message says file, line and field.</exception>
    public static async Task<Result> AnalyseAsync(Stream upload, string fileName, DesignedJourney map, CancellationToken ct) =>
        await AnalyseAsync(upload, fileName, map, null, ct);

    /// <summary>The same, with the log's own column names (<see cref="ColumnMapping.Parse"/> syntax, e.g. <c>customer=cust_id,time=ts</c>).</summary>
    public static async Task<Result> AnalyseAsync(Stream upload, string fileName, DesignedJourney map, string? columns, CancellationToken ct)
    {
        var mapping = string.IsNullOrWhiteSpace(columns) ? new ColumnMapping() : ColumnMapping.Parse(columns);
        // The readers take .gz and the format from a path, so the upload is copied to a file named like it.
        var path = Path.Combine(Path.GetTempPath(), $"waymark-real-{Guid.NewGuid():N}{Extension(fileName)}");
        try
        {
            await using (var file = File.Create(path)) await upload.CopyToAsync(file, ct);
            return await Task.Run(() =>
            {
                var log = EventLogFiles.Read(path, options: new ReadOptions { SourceName = fileName, Mapping = mapping });
                var report = JourneyAnalyzer.Analyze(log, new AnalysisOptions { Journey = map.Stages.Count > 0 ? map : null });
                return new Result(report, Steps(map, report));
            }, ct);
        }
        finally
        {
            File.Delete(path);
        }
    }

    /// <summary>
    /// Per step of the map, in map order: the journeys that fulfilled it in place (the checker's step fulfilment), those
    /// that skipped it (none of its touchpoints at all: the checker's SkippedStep, once per journey), and the rest, whose
    /// touchpoint for it came out of the map's order.
    /// </summary>
    public static IReadOnlyList<StepCheck> Steps(DesignedJourney map, AnalysisReport report)
    {
        var journeys = report.Conformance?.Journeys ?? report.Cases;
        var inOrder = report.Conformance?.StepFulfilment ?? [];
        var skipped = (report.Conformance?.Deviations ?? [])
            .Where(d => d.Kind == DeviationKind.SkippedStep)
            .GroupBy(d => d.Subject, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Sum(d => d.Count), StringComparer.Ordinal);
        // The checker keeps the map's steps that have touchpoints, in map order, and names them (the same steps and
        // names its SkippedSteps use): step i of its fulfilment is the i-th such step of the map.
        var touchpoints = map.Stages.SelectMany(stage => stage.Steps).Where(step => step.Touchpoints.Count > 0).Select(step => step.Touchpoints).ToList();
        return inOrder.Select((step, i) =>
            {
                var missed = skipped.GetValueOrDefault(step.Step);
                return new StepCheck(step.Stage, step.Step, touchpoints[i], step.Fulfilled, Math.Max(0, journeys - step.Fulfilled - missed), missed);
            })
            .ToList();
    }

    /// <summary>"1 journey", "2 journeys", "1,234 events": a count with its noun in the right number.</summary>
    public static string Count(long n, string singular, string? plural = null) =>
        $"{n.ToString("N0", System.Globalization.CultureInfo.InvariantCulture)} {(n == 1 ? singular : plural ?? singular + "s")}";

    /// <summary>A deviation as a CX manager reads it.</summary>
    public static string Words(DeviationCount d) => d.Kind switch
    {
        DeviationKind.SkippedStep => $"Step “{d.Subject}” skipped",
        DeviationKind.UnexpectedTouchpoint => $"“{d.Subject}” is not on the map",
        DeviationKind.OutOfOrderStage => OutOfOrder(d.Subject),
        _ => $"“{d.Subject}” repeated a step already done",
    };

    // The checker names an out-of-order touchpoint with the stage it belongs in: "call-hotline (Reporting)".
    private static string OutOfOrder(string subject)
    {
        var at = subject.LastIndexOf(" (", StringComparison.Ordinal);
        return at > 0 && subject.EndsWith(')')
            ? $"“{subject[..at]}” came out of the map's order (it belongs in {subject[(at + 2)..^1]})"
            : $"“{subject}” came out of the map's order";
    }

    /// <summary>The file name's extension, ".xes.gz" included, when it is a plain one; the format is guessed from it.</summary>
    private static string Extension(string fileName)
    {
        var name = Path.GetFileName(fileName).ToLowerInvariant();
        var ext = name.EndsWith(".gz", StringComparison.Ordinal) ? Path.GetExtension(name[..^3]) + ".gz" : Path.GetExtension(name);
        return PlainExtension().IsMatch(ext) ? ext : "";
    }

    [GeneratedRegex(@"^(\.[a-z0-9]{1,10}){0,2}$")]
    private static partial Regex PlainExtension();
}

/// <summary>
/// The last analyses of this person's circuit (one per map, the most recent few), so that coming back to a map's
/// real-journeys page shows its results again instead of asking for the file once more. Scoped: it lives as long as
/// the browser tab's connection and nobody else sees it; nothing is written anywhere.
/// </summary>
public sealed class RealJourneysMemory
{
    /// <summary>How many maps' analyses are kept; the one used longest ago is forgotten first.</summary>
    public const int Capacity = 3;

    public sealed record Analysis(string FileName, RealJourneys.Result Result, string DirectlyFollowsGraph);

    private readonly List<(Guid Map, Analysis Analysis)> _kept = [];
    private readonly Lock _lock = new();

    public Analysis? Recall(Guid map)
    {
        lock (_lock)
        {
            var at = _kept.FindIndex(k => k.Map == map);
            if (at < 0) return null;
            var kept = _kept[at];
            _kept.RemoveAt(at);
            _kept.Add(kept);
            return kept.Analysis;
        }
    }

    public void Keep(Guid map, Analysis analysis)
    {
        lock (_lock)
        {
            _kept.RemoveAll(k => k.Map == map);
            _kept.Add((map, analysis));
            if (_kept.Count > Capacity) _kept.RemoveAt(0);
        }
    }

    public void Forget(Guid map)
    {
        lock (_lock) _kept.RemoveAll(k => k.Map == map);
    }
}
