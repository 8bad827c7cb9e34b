using Waymark.Analytics.Model;

namespace Waymark.Analytics.Metrics;

/// <summary>
/// Entry point of the analytics: reconstructs journeys, computes the partials of the journey partitions in parallel,
/// merges them, and turns the merged partial into the report.
/// </summary>
public static class JourneyAnalyzer
{
    public static AnalysisReport Analyze(EventLog log, AnalysisOptions? options = null)
    {
        using var partial = AnalyzePartial(log, options ?? new AnalysisOptions());
        return ToReport(partial);
    }

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
        var analyzers = new PartitionAnalyzer[parts];
        // Every partition writes its journeys' durations into their places in one array.
        var durations = options.Has(Metric.JourneyDurations) ? new NativeBuffer<long>(journeys) : null;
        ForEachPartition(parts, p =>
        {
            analyzers[p] = new PartitionAnalyzer(log, starts, options);
            results[p] = analyzers[p].Run(bounds[p], bounds[p + 1], durations);
        });
        var merged = results[0];
        for (var p = 1; p < parts; p++) merged.Merge(results[p]);
        if (durations is not null) merged.JourneyDurations.Add(durations);
        if (options.Has(Metric.Dfg)) FileTransitionTimes(analyzers, bounds, merged);
        return merged;
    }

    /// <summary>
    /// Fills one array of transition times per DFG edge, shared by the partitions: each partition writes its part
    /// from its own offset, so the quantiles need no concatenation (the times are the largest analysis structure,
    /// one value per transition).
    /// </summary>
    private static unsafe void FileTransitionTimes(PartitionAnalyzer[] analyzers, int[] bounds, PartialResult merged)
    {
        var parts = analyzers.Length;
        var whole = new bool[parts];
        ForEachPartition(parts, p => whole[p] = analyzers[p].HasWholeSecondTimes(bounds[p], bounds[p + 1]));
        var seconds = whole.All(w => w);
        var shared = new Dictionary<(int From, int To), (NativeBuffer<int>? Seconds, NativeBuffer<long>? Ticks, int Filled)>();
        foreach (var (edge, acc) in merged.Edges)
        {
            var count = (int)acc.Count;
            shared[edge] = seconds ? (new NativeBuffer<int>(count), null, 0) : (null, new NativeBuffer<long>(count), 0);
            if (seconds) acc.Seconds = [shared[edge].Seconds!];
            else acc.Durations = [shared[edge].Ticks!];
        }
        // Where each partition writes: by its local edge id, the address of its first slot in the shared buffer.
        var targets = new nint[parts][];
        for (var p = 0; p < parts; p++)
        {
            var local = analyzers[p].EdgeCounts().ToArray();
            targets[p] = new nint[local.Length];
            for (var e = 0; e < local.Length; e++)
            {
                var (edge, count) = local[e];
                var (s, t, filled) = shared[edge];
                targets[p][e] = s is not null ? (nint)(s.Pointer + filled) : (nint)(t!.Pointer + filled);
                shared[edge] = (s, t, filled + (int)count);
            }
        }
        foreach (var (s, t, filled) in shared.Values)
            if (filled != (s?.Length ?? t!.Length)) throw new InvalidOperationException("The partitions' edge counts do not add up to the merged ones.");
        ForEachPartition(parts, p => analyzers[p].FileTransitionTimes(bounds[p], bounds[p + 1], seconds, targets[p]));
    }

    private static void ForEachPartition(int parts, Action<int> body)
    {
        if (parts == 1) body(0);
        else Parallel.For(0, parts, new ParallelOptions { MaxDegreeOfParallelism = parts }, body);
    }

    public static AnalysisReport ToReport(PartialResult p) => ReportBuilder.Build(p);
}
