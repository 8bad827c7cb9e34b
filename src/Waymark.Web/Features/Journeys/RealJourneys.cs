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

    /// <summary>How often real journeys fulfilled a step of the map and how often they skipped it.</summary>
    public sealed record StepCheck(string Stage, string Step, IReadOnlyList<string> Touchpoints, long Fulfilled, long Skipped);

    public sealed record Result(AnalysisReport Report, IReadOnlyList<StepCheck> Steps);

    /// <summary>Reads the log (format from the file name) and analyses it against the map, off the caller's thread.</summary>
    /// <exception cref="EventLogFormatException">A record cannot be read; the message says file, line and field.</exception>
    public static async Task<Result> AnalyseAsync(Stream upload, string fileName, DesignedJourney map, CancellationToken ct)
    {
        // The readers take .gz and the format from a path, so the upload is copied to a file named like it.
        var path = Path.Combine(Path.GetTempPath(), $"waymark-real-{Guid.NewGuid():N}{Extension(fileName)}");
        try
        {
            await using (var file = File.Create(path)) await upload.CopyToAsync(file, ct);
            return await Task.Run(() =>
            {
                var log = EventLogFiles.Read(path, options: new ReadOptions { SourceName = fileName });
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
    /// Per step of the map, in map order: a journey skipped a step when none of its events fulfils it anywhere (the
    /// checker's SkippedStep, counted once per journey); every other journey fulfilled it, in order or not.
    /// </summary>
    public static IReadOnlyList<StepCheck> Steps(DesignedJourney map, AnalysisReport report)
    {
        var journeys = report.Conformance?.Journeys ?? report.Cases;
        var skipped = (report.Conformance?.Deviations ?? [])
            .Where(d => d.Kind == DeviationKind.SkippedStep)
            .GroupBy(d => d.Subject, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Sum(d => d.Count), StringComparer.Ordinal);
        return map.Stages
            .SelectMany(stage => stage.Steps.Select(step =>
            {
                var name = string.IsNullOrEmpty(step.Name) ? string.Join("/", step.Touchpoints) : step.Name;
                var missed = skipped.GetValueOrDefault(name);
                return new StepCheck(stage.Name, name, step.Touchpoints, journeys - missed, missed);
            }))
            .ToList();
    }

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
