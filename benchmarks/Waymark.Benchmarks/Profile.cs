using System.Diagnostics;
using Waymark.Analytics.Metrics;
using Waymark.Analytics.Reading;

namespace Waymark.Benchmarks;

/// <summary>--profile FILE.csv: times each metric alone on a log, to see where the full report spends its time.</summary>
internal static class Profile
{
    /// <summary>--memory FILE.csv: peak working set after reading, and after one full analysis (run alone in a fresh process).</summary>
    public static void Memory(string csv)
    {
        var proc = System.Diagnostics.Process.GetCurrentProcess();
        var log = CsvEventReader.Read(csv, new ReadOptions { KeepAttributes = false });
        proc.Refresh();
        Console.WriteLine($"after read: peak {proc.PeakWorkingSet64 / 1e6:F0} MB = {proc.PeakWorkingSet64 / (double)log.Count:F0} B/event; heap {GC.GetTotalMemory(false) / 1e6:F0} MB");
        // Per metric on Linux: the peak working set is reset (/proc/self/clear_refs) before each analysis, so each line
        // shows the high-water mark of that analysis alone above the log.
        if (File.Exists("/proc/self/clear_refs"))
            foreach (var metric in Enum.GetValues<Metric>().Where(m => m is not Metric.None))
            {
                GC.Collect(2, GCCollectionMode.Forced, true, true);
                var rss = StatusKb("VmRSS");
                File.WriteAllText("/proc/self/clear_refs", "5");
                var allocated = GC.GetTotalAllocatedBytes(true);
                JourneyAnalyzer.Analyze(log, new AnalysisOptions { Metrics = metric, Journey = metric == Metric.Conformance ? Waymark.Analytics.Generation.EventGenerator.DesignedJourney : null });
                Console.WriteLine($"{metric,-18} peak {StatusKb("VmHWM") / 1e3:F0} MB (+{(StatusKb("VmHWM") - rss) / 1e3:F0} MB over {rss / 1e3:F0}), allocated {(GC.GetTotalAllocatedBytes(true) - allocated) / 1e6:F0} MB");
            }
        var allocatedBefore = GC.GetTotalAllocatedBytes(true);
        JourneyAnalyzer.Analyze(log, new AnalysisOptions { Journey = Waymark.Analytics.Generation.EventGenerator.DesignedJourney });
        Console.WriteLine($"full analysis with conformance allocated {(GC.GetTotalAllocatedBytes(true) - allocatedBefore) / 1e6:F0} MB");
        proc.Refresh();
        Console.WriteLine($"after analysis: peak {proc.PeakWorkingSet64 / 1e6:F0} MB = {proc.PeakWorkingSet64 / (double)log.Count:F0} B/event; retained {GC.GetTotalMemory(true) / (double)log.Count:F1} B/event");
    }

    /// <summary>--read FILE [runs]: reading alone (CSV, NDJSON, XES or Parquet by extension), each run in turn, the first with JIT.</summary>
    public static void Read(string file, int runs)
    {
        for (var run = 0; run < runs; run++)
        {
            GC.Collect(2, GCCollectionMode.Forced, true, true);
            var sw = Stopwatch.StartNew();
            var log = EventLogFiles.Read(file, options: new ReadOptions { KeepAttributes = false });
            sw.Stop();
            Console.WriteLine($"run {run + 1}: {log.Count:N0} events in {sw.Elapsed.TotalSeconds:F2} s = {log.Count / sw.Elapsed.TotalSeconds / 1e6:F2} M events/s");
        }
    }

    private static long StatusKb(string field) =>
        long.Parse(File.ReadLines("/proc/self/status").First(l => l.StartsWith(field + ":"))[(field.Length + 1)..].Trim().Split(' ')[0]);

    public static void Run(string csv, int runs)
    {
        if (csv.EndsWith(".xes") || csv.EndsWith(".gz"))
        {
            var xt = Harness.Time(runs, () => XesReader.Read(csv));
            Console.WriteLine($"XES {XesReader.Read(csv).Count / xt.Median / 1e6:F2} M events/s");
            return;
        }
        var sw = System.Diagnostics.Stopwatch.StartNew();
        var log = CsvEventReader.Read(csv, new ReadOptions { KeepAttributes = false });
        Console.WriteLine($"CSV first read {log.Count / sw.Elapsed.TotalSeconds / 1e6:F2} M events/s");
        Console.WriteLine($"{log.Count:N0} events");
        foreach (var metric in Enum.GetValues<Metric>().Where(m => m is not Metric.None))
        {
            var t = Harness.Time(runs, () => JourneyAnalyzer.Analyze(log, new AnalysisOptions { Metrics = metric, Funnel = ["website-visit", "web-checkout"], Journey = metric == Metric.Conformance ? Waymark.Analytics.Generation.EventGenerator.DesignedJourney : null }));
            Console.WriteLine($"{metric,-18} {t.Median * 1000,8:F1} ms");
        }
        var allConf = Harness.Time(runs, () => JourneyAnalyzer.Analyze(log, new AnalysisOptions { Journey = Waymark.Analytics.Generation.EventGenerator.DesignedJourney }));
        Console.WriteLine($"All + conformance  {allConf.Median * 1000,8:F1} ms");
        var vo = new AnalysisOptions { Metrics = Metric.Variants };
        var vp = Harness.Time(runs, () => JourneyAnalyzer.AnalyzePartial(log, vo));
        var vr = Harness.Time(runs, () => JourneyAnalyzer.ToReport(JourneyAnalyzer.AnalyzePartial(log, vo)));
        Console.WriteLine($"variants partial {vp.Median * 1000:F1} ms, partial+report {vr.Median * 1000:F1} ms, variants: {JourneyAnalyzer.AnalyzePartial(log, vo).Variants.Count}");
        var p = Harness.Time(runs, () => JourneyAnalyzer.AnalyzePartial(log, new AnalysisOptions { Metrics = Metric.All & ~Metric.Conformance }));
        Console.WriteLine($"{"partial (no report)",-18} {p.Median * 1000,8:F1} ms");
    }
}
