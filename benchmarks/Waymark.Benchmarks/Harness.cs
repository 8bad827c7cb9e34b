using System.Diagnostics;
using System.Text;
using DuckDB.NET.Data;
using Waymark.Analytics.Generation;
using Waymark.Analytics.Metrics;
using Waymark.Analytics.Model;
using Waymark.Analytics.Reading;
using Waymark.Analytics.Writing;

namespace Waymark.Benchmarks;

/// <summary>
/// A plain harness (one process, warm-up then timed runs, median reported) rather than BenchmarkDotNet: the subject
/// is a 10M-event data set that takes seconds to build, and DuckDB must run in the same process on the same data.
/// </summary>
internal static class Harness
{
    public static string Run(BenchmarkOptions o)
    {
        Directory.CreateDirectory(o.Dir);
        var loadAtStart = File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Trim() : "n/a";
        var md = new StringBuilder();
        var csv = Path.Combine(o.Dir, $"events-{o.Events}.csv");
        if (!File.Exists(csv))
        {
            var t = Stopwatch.StartNew();
            using (var w = new CsvEventWriter(csv))
                EventGenerator.Generate(new GeneratorOptions { Customers = int.MaxValue, MaxEvents = o.Events, Seed = 7 }, w,
                    (c, e) => Console.Write($"\rgenerating: {e:N0} events"));
            Console.WriteLine($"\rgenerated {csv} in {t.Elapsed.TotalSeconds:F1} s ({new FileInfo(csv).Length / 1e6:F0} MB)");
        }

        // 1. Reading CSV into the columnar log (includes sorting = building the log).
        GC.Collect(2, GCCollectionMode.Forced, true, true);
        var before = GC.GetTotalMemory(true);
        var read = Stopwatch.StartNew();
        var log = CsvEventReader.Read(csv, new ReadOptions { KeepAttributes = false });
        read.Stop();
        var after = GC.GetTotalMemory(true);
        var n = log.Count;
        var bytesPerEvent = (after - before) / (double)n;
        Console.WriteLine($"CSV read+build (cold): {read.Elapsed.TotalSeconds:F2} s, {n / read.Elapsed.TotalSeconds / 1e6:F2} M events/s, {bytesPerEvent:F1} B/event retained");
        // 2. Analysis over the in-memory log.
        var full = new AnalysisOptions { Metrics = Metric.All & ~Metric.Conformance };
        var withConformance = new AnalysisOptions { Journey = EventGenerator.DesignedJourney };
        AnalysisReport report = null!;
        var tFull = Time(o.Runs, () => report = JourneyAnalyzer.Analyze(log, full));
        Console.WriteLine($"full report (no conformance): median {tFull.Median:F3} s");
        var tConf = Time(Math.Max(1, o.Runs / 2), () => JourneyAnalyzer.Analyze(log, withConformance));
        Console.WriteLine($"full report with conformance: median {tConf.Median:F3} s");
        var tVariants = Time(o.Runs, () => JourneyAnalyzer.Analyze(log, new AnalysisOptions { Metrics = Metric.Variants }));
        var tDfg = Time(o.Runs, () => JourneyAnalyzer.Analyze(log, new AnalysisOptions { Metrics = Metric.Dfg }));
        var tSwitch = Time(o.Runs, () => JourneyAnalyzer.Analyze(log, new AnalysisOptions { Metrics = Metric.ChannelSwitches }));
        var peakOneLog = Process.GetCurrentProcess().PeakWorkingSet64;
        var loadAfterAnalysis = File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Trim() : "n/a";
        var warmRead = Time(Math.Max(1, o.Runs / 2), () => CsvEventReader.Read(csv, new ReadOptions { KeepAttributes = false }));
        Console.WriteLine($"CSV read+build (warm): median {warmRead.Median:F2} s, {n / warmRead.Median / 1e6:F2} M events/s");

        // Build alone: the same events from memory into a fresh builder (no parsing).
        var build = Time(1, () =>
        {
            var b = new EventLogBuilder();
            var pools = log.Pools;
            var runs = log.CustomerRuns!;
            for (int i = 0, k = 0; i < n; i++)
            {
                while (runs[k + 1] <= i) k++;
                b.Add(b.Pools.Customers.GetOrAdd(pools.Customers.Chars(k)), -1, log.Time[i], b.Pools.Activities.GetOrAdd(pools.Activities[log.Activity[i]]),
                    b.Pools.Channels.GetOrAdd(pools.Channels[log.Channel[i]]), b.Pools.Outcomes.GetOrAdd(pools.Outcomes[log.Outcome[i]]),
                    log.Score[i], log.ScoreKind[i], log.Duration[i], log.Waiting[i]);
            }
            b.Build();
        });

        var peakBeforeDuck = Process.GetCurrentProcess().PeakWorkingSet64;

        // 3. XES: write the first events of the log as XES, then read it back; and the real bpic2012 log.
        var xes = Path.Combine(o.Dir, $"events-{o.XesEvents}.xes");
        if (!File.Exists(xes))
        {
            using var w = new XesEventWriter(xes);
            for (var i = 0; i < Math.Min(o.XesEvents, n); i++)
                w.Write(new EventRecord(log.CustomerOf(i), null, log.Time[i], log.ActivityOf(i), log.ChannelOf(i), log.OutcomeOf(i),
                    log.Score[i], log.ScoreKind[i], log.Duration[i], log.Waiting[i]));
        }
        var xesN = 0;
        var tXes = Time(3, () => xesN = XesReader.Read(xes).Count);
        Console.WriteLine($"XES read: {xesN / tXes.Median / 1e6:F2} M events/s ({new FileInfo(xes).Length / 1e6:F0} MB)");
        var bpic = FindBpic();
        (double Median, double Min) tBpic = (double.NaN, double.NaN);
        if (bpic is not null) tBpic = Time(3, () => XesReader.Read(bpic));

        var sb = md;
        sb.AppendLine($"| machine | {Environment.ProcessorCount} cores, {GcMemoryGb():F0} GiB, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}, .NET {Environment.Version} |");
        sb.AppendLine($"|---|---|");
        sb.AppendLine($"| events | {n:N0} in {report.Cases:N0} journeys, {report.Activities.Count} touchpoints, {report.Variants.Count:N0} variants, {report.Dfg.Count} DFG edges |");
        sb.AppendLine();
        sb.AppendLine("| step | time | throughput | target |");
        sb.AppendLine("|---|---|---|---|");
        sb.AppendLine($"| read CSV → sorted columnar log ({new FileInfo(csv).Length / 1e6:F0} MB), first run | {read.Elapsed.TotalSeconds:F2} s | {n / read.Elapsed.TotalSeconds / 1e6:F2} M events/s | ≥ 2 M/s |");
        sb.AppendLine($"| read CSV → sorted columnar log, warm (median) | {warmRead.Median:F2} s | {n / warmRead.Median / 1e6:F2} M events/s | ≥ 2 M/s |");
        sb.AppendLine($"| build log from memory (dictionary-encode + sort) | {build.Median:F2} s | {n / build.Median / 1e6:F2} M events/s | |");
        sb.AppendLine($"| read XES ({xesN:N0} events, {new FileInfo(xes).Length / 1e6:F0} MB) | {tXes.Median:F2} s | {xesN / tXes.Median / 1e6:F2} M events/s | ≥ 1 M/s |");
        if (bpic is not null) sb.AppendLine($"| read bpic2012.xes.gz (262,200 events, gzip) | {tBpic.Median:F2} s | {262200 / tBpic.Median / 1e6:F2} M events/s | |");
        sb.AppendLine($"| full report, all metrics but conformance | {tFull.Median:F3} s (min {tFull.Min:F3}) | {n / tFull.Median / 1e6:F1} M events/s | < 1.5 s |");
        sb.AppendLine($"| full report with conformance to the designed journey | {tConf.Median:F3} s | {n / tConf.Median / 1e6:F1} M events/s | |");
        sb.AppendLine($"| memory retained by the log | {bytesPerEvent:F1} B/event | | < 64 B/event |");
        sb.AppendLine($"| process peak working set: read CSV + all analyses of one log | {peakOneLog / 1e6:F0} MB = {peakOneLog / (double)n:F0} B/event | | |");
        sb.AppendLine($"| process peak working set before DuckDB (up to 3 logs alive in the warm-read and build steps) | {peakBeforeDuck / 1e6:F0} MB | | |");
        sb.AppendLine();
        sb.AppendLine($"Load average (1, 5, 15 min) at start: {loadAtStart}; after the analyses: {loadAfterAnalysis}; at the end: {(File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Trim() : "n/a")}");
        sb.AppendLine();

        if (o.DuckDb)
        {
            var duck = DuckDbComparison.Run(csv, o.Runs, report);
            sb.AppendLine("| metric | Waymark (median) | DuckDB (median) | DuckDB / Waymark | target |");
            sb.AppendLine("|---|---|---|---|---|");
            sb.AppendLine($"| variants | {tVariants.Median:F3} s | {duck.Variants:F3} s | {duck.Variants / tVariants.Median:F1}× | ≥ 3× |");
            sb.AppendLine($"| DFG with median and p90 | {tDfg.Median:F3} s | {duck.Dfg:F3} s | {duck.Dfg / tDfg.Median:F1}× | ≥ 3× |");
            sb.AppendLine($"| channel-switch matrix | {tSwitch.Median:F3} s | {duck.Switch:F3} s | {duck.Switch / tSwitch.Median:F1}× | ≥ 3× |");
            sb.AppendLine();
            sb.AppendLine($"DuckDB load of the same CSV into a table: {duck.Load:F2} s (not counted above). Results cross-checked: {duck.Check}");
            sb.AppendLine($"Process peak working set at the end (with DuckDB): {Process.GetCurrentProcess().PeakWorkingSet64 / 1e6:F0} MB");
        }
        return sb.ToString();
    }

    private static double GcMemoryGb() => GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / (1024.0 * 1024 * 1024);

    private static string? FindBpic()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Waymark.slnx"))) dir = dir.Parent;
        if (dir is null) return null;
        var path = Path.Combine(dir.FullName, "..", "shared", "data", "event-logs", "bpic2012.xes.gz");
        return File.Exists(path) ? path : null;
    }

    /// <summary>One warm-up, then <paramref name="runs"/> timed runs; median and minimum in seconds.</summary>
    internal static (double Median, double Min) Time(int runs, Action action)
    {
        action();
        var times = new List<double>();
        for (var i = 0; i < runs; i++)
        {
            GC.Collect(2, GCCollectionMode.Forced, true, true);
            var sw = Stopwatch.StartNew();
            action();
            times.Add(sw.Elapsed.TotalSeconds);
        }
        times.Sort();
        return (times[times.Count / 2], times[0]);
    }
}
