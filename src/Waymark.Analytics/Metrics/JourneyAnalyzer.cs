using Waymark.Analytics.Model;

namespace Waymark.Analytics.Metrics;

/// <summary>
/// Entry point of the analytics: reconstructs journeys, computes the partials of the journey partitions in parallel,
/// merges them, and turns the merged partial into the report.
/// </summary>
public static class JourneyAnalyzer
{
    public static AnalysisReport Analyze(EventLog log, AnalysisOptions? options = null) =>
        ToReport(AnalyzePartial(log, options ?? new AnalysisOptions()));

    /// <summary>The mergeable result for a whole log (itself computed as merged partitions).</summary>
    public static PartialResult AnalyzePartial(EventLog log, AnalysisOptions options)
    {
        var starts = JourneyIndex.Build(log, options.InactivityGap);
        var journeys = starts.Length - 1;
        var parts = options.Parallelism is { } forced
            ? Math.Max(1, Math.Min(forced, Math.Max(1, journeys)))
            : Math.Max(1, Math.Min(Environment.ProcessorCount, Math.Max(1, journeys / 1024)));
        var bounds = new int[parts + 1];
        // Cut by events so the partitions carry equal work.
        for (int p = 1, j = 0; p < parts; p++)
        {
            var target = (long)log.Count * p / parts;
            while (j < journeys && starts[j] < target) j++;
            bounds[p] = j;
        }
        bounds[parts] = journeys;
        for (var p = 1; p <= parts; p++) bounds[p] = Math.Max(bounds[p], bounds[p - 1]);
        var results = new PartialResult[parts];
        if (parts == 1) results[0] = new PartitionAnalyzer(log, starts, options).Run(0, journeys);
        else
            Parallel.For(0, parts, new ParallelOptions { MaxDegreeOfParallelism = parts },
                p => results[p] = new PartitionAnalyzer(log, starts, options).Run(bounds[p], bounds[p + 1]));
        var merged = results[0];
        for (var p = 1; p < parts; p++) merged.Merge(results[p]);
        return merged;
    }

    public static AnalysisReport ToReport(PartialResult p) => ReportBuilder.Build(p);
}
