using Waymark.Analytics.Conformance;
using Waymark.Analytics.Model;

namespace Waymark.Analytics.Metrics;

/// <summary>Turns a merged partial into the report: names, rates, quantiles, and a deterministic order everywhere.</summary>
internal static class ReportBuilder
{
    private const double TicksPerSecond = TimeSpan.TicksPerSecond;

    public static AnalysisReport Build(PartialResult p)
    {
        var names = p.Activities;
        var channels = p.Channels;
        var journeys = p.Journeys;
        IReadOnlyList<NameCount> Counts(long[] counts) =>
            counts.Select((c, i) => new NameCount(names[i], c)).Where(x => x.Count > 0)
                .OrderByDescending(x => x.Count).ThenBy(x => x.Name, StringComparer.Ordinal).ToArray();

        var variants = p.Variants
            .Select(kv => (Names: kv.Key.Ids.Select(id => names[id]).ToArray(), kv.Value))
            .OrderByDescending(v => v.Value).ThenBy(v => v.Names, SequenceComparer.Instance)
            .Select(v => new VariantRow(v.Names, v.Value, Share(v.Value, journeys)))
            .ToArray();

        var edgeList = p.Edges.ToArray();
        var dfg = new DfgEdge[edgeList.Length];
        Parallel.For(0, edgeList.Length, i =>
        {
            var ((from, to), acc) = edgeList[i];
            double median, p90;
            if (acc.Durations.Count == 0 && acc.Seconds.Count > 0)
            {
                var seconds = Joined(acc.Seconds);
                acc.Seconds = [seconds];
                median = Quantiles.OfSeconds(seconds.Span, 0.5) / TicksPerSecond;
                p90 = Quantiles.OfSeconds(seconds.Span, 0.9) / TicksPerSecond;
            }
            else
            {
                // Partials that mix whole seconds and ticks (merged from different logs) are compared in ticks.
                foreach (var s in acc.Seconds)
                {
                    var ticks = new NativeBuffer<long>(s.Length);
                    var source = s.Span;
                    var target = ticks.Span;
                    for (var k = 0; k < source.Length; k++) target[k] = source[k] * TimeSpan.TicksPerSecond;
                    acc.Durations.Add(ticks);
                    s.Dispose();
                }
                acc.Seconds = [];
                var all = Joined(acc.Durations);
                acc.Durations = [all];
                median = Quantiles.Of(all.Span, 0.5) / TicksPerSecond;
                p90 = Quantiles.Of(all.Span, 0.9) / TicksPerSecond;
            }
            dfg[i] = new DfgEdge(names[from], names[to], acc.Count, median, p90);
        });
        var orderedDfg = dfg.OrderByDescending(e => e.Count).ThenBy(e => e.From, StringComparer.Ordinal).ThenBy(e => e.To, StringComparer.Ordinal).ToArray();

        var sankey = p.Sankey.Select(kv => new SankeyFlow(kv.Key.Step + 1, names[kv.Key.From], names[kv.Key.To], kv.Value))
            .OrderBy(f => f.Step).ThenByDescending(f => f.Count).ThenBy(f => f.From, StringComparer.Ordinal).ThenBy(f => f.To, StringComparer.Ordinal)
            .ToArray();

        return new AnalysisReport
        {
            Cases = journeys,
            Events = p.Events,
            Activities = Counts(p.ActivityCount),
            StartActivities = Counts(p.StartCount),
            EndActivities = Counts(p.EndCount),
            Variants = variants,
            Dfg = orderedDfg,
            Sankey = sankey,
            ChannelSwitches = Channels(p),
            RepeatContacts = new RepeatContactReport
            {
                WindowSeconds = p.RepeatWindowSeconds,
                Total = p.Repeats,
                ContactJourneys = p.ContactJourneys,
                RepeatJourneys = p.RepeatJourneys,
                Rate = p.ContactJourneys == 0 ? null : (double)p.RepeatJourneys / p.ContactJourneys,
                ByTouchpoint = Counts(p.RepeatCount),
                Definition = p.ServiceContacts,
            },
            Times = new TimesReport
            {
                ByTouchpoint = TimeRows(p.ActivityTimes, names),
                ByChannel = TimeRows(p.ChannelTimes, channels),
            },
            Funnel = p.FunnelSteps is null ? null : Funnel(p, journeys),
            Kpis = Kpis(p),
            JourneyDuration = p.JourneyDurations.Count == 0 ? null : Durations(p),
            Conformance = p.ConformanceSteps < 0 ? null : Conformance(p),
        };
    }

    private static double Share(long part, long whole) => whole == 0 ? 0 : (double)part / whole;

    /// <summary>The parts in one buffer; the parts are freed when they were copied (the partial owns them).</summary>
    private static NativeBuffer<T> Joined<T>(List<NativeBuffer<T>> parts) where T : unmanaged
    {
        var all = NativeBuffer<T>.Concat(parts);
        if (parts.Count > 1) foreach (var part in parts) part.Dispose();
        return all;
    }

    private static DurationStats Durations(PartialResult p)
    {
        var buffer = Joined(p.JourneyDurations);
        p.JourneyDurations = [buffer];
        var all = buffer.Span;
        if (all.Length == 0) return new DurationStats(0, 0, 0);
        decimal sum = 0;
        foreach (var v in all) sum += v;
        var mean = (double)(sum / all.Length) / TicksPerSecond;
        return new DurationStats(Quantiles.Of(all, 0.5) / TicksPerSecond, Quantiles.Of(all, 0.9) / TicksPerSecond, mean);
    }

    private static ChannelSwitchReport Channels(PartialResult p)
    {
        var ch = p.Channels;
        var noChannel = ch.IndexOf("");
        var outOf = new Dictionary<int, long>();
        long pairs = 0, switches = 0;
        foreach (var ((from, to), count) in p.ChannelTransitions)
        {
            outOf[from] = outOf.GetValueOrDefault(from) + count;
            if (from == noChannel || to == noChannel) continue;
            pairs += count;
            if (from != to) switches += count;
        }
        var matrix = p.ChannelTransitions
            .Select(kv => new ChannelCell(ch[kv.Key.From], ch[kv.Key.To], kv.Value, Share(kv.Value, outOf[kv.Key.From])))
            .OrderBy(c => c.From, StringComparer.Ordinal).ThenBy(c => c.To, StringComparer.Ordinal).ToArray();
        var used = p.ChannelTransitions.Keys.SelectMany(k => new[] { k.From, k.To }).Distinct().Select(i => ch[i])
            .Order(StringComparer.Ordinal).ToArray();
        return new ChannelSwitchReport
        {
            Channels = used,
            Switches = switches,
            SwitchRate = Share(switches, pairs),
            Matrix = matrix,
            Triggers = p.SwitchTriggers.Select((c, i) => new NameCount(p.Activities[i], c)).Where(x => x.Count > 0)
                .OrderByDescending(x => x.Count).ThenBy(x => x.Name, StringComparer.Ordinal).ToArray(),
        };
    }

    private static IReadOnlyList<TimeRow> TimeRows(PartialResult.TimeAcc[] times, List<string> names) =>
        times.Select((t, i) => (t, i)).Where(x => x.t.Events > 0)
            .Select(x => new TimeRow(names[x.i], x.t.Events,
                x.t.WaitCount, x.t.WaitCount == 0 ? null : x.t.WaitSum / x.t.WaitCount,
                x.t.HandleCount, x.t.HandleCount == 0 ? null : x.t.HandleSum / x.t.HandleCount))
            .OrderBy(r => r.Name, StringComparer.Ordinal).ToArray();

    private static FunnelReport Funnel(PartialResult p, long journeys)
    {
        var steps = new FunnelStep[p.FunnelSteps!.Length];
        var before = journeys;
        for (var i = 0; i < steps.Length; i++)
        {
            var reached = i < p.FunnelReached.Length ? p.FunnelReached[i] : 0;
            steps[i] = new FunnelStep(p.FunnelSteps[i], reached, before - reached, Share(before - reached, before));
            before = reached;
        }
        return new FunnelReport(steps);
    }

    private static ScoreStats? Score(PartialResult.ScoreAcc acc) =>
        acc.Count == 0 ? null : new ScoreStats(acc.Count, acc.Sum / acc.Count, acc.Histogram.ToArray());

    private static NpsStats? Nps(PartialResult.ScoreAcc acc)
    {
        if (acc.Count == 0) return null;
        var h = acc.Histogram;
        var promoters = h[9] + h[10];
        var passives = h[7] + h[8];
        var detractors = acc.Count - promoters - passives;
        return new NpsStats(acc.Count, promoters, passives, detractors, 100.0 * (promoters - detractors) / acc.Count);
    }

    private static KpiReport Kpis(PartialResult p)
    {
        var na = p.Activities.Count;
        var total = new PartialResult.ScoreAcc[PartialResult.Kinds];
        for (var k = 0; k < total.Length; k++) total[k] = new PartialResult.ScoreAcc();
        var byTouchpoint = new List<TouchpointKpis>();
        for (var a = 0; a < na && a * PartialResult.Kinds < p.Scores.Length; a++)
        {
            var csat = p.Scores[a * PartialResult.Kinds];
            var nps = p.Scores[a * PartialResult.Kinds + 1];
            var ces = p.Scores[a * PartialResult.Kinds + 2];
            total[0].Add(csat);
            total[1].Add(nps);
            total[2].Add(ces);
            if (csat.Count + nps.Count + ces.Count > 0)
                byTouchpoint.Add(new TouchpointKpis(p.Activities[a], Score(csat), Nps(nps), Score(ces)));
        }
        var ch = p.Channels;
        var outOf = new Dictionary<int, long>();
        foreach (var ((from, _), count) in p.ChannelTransitions) outOf[from] = outOf.GetValueOrDefault(from) + count;
        return new KpiReport
        {
            Csat = Score(total[0]),
            Nps = Nps(total[1]),
            Ces = Score(total[2]),
            ByTouchpoint = byTouchpoint.OrderBy(t => t.Touchpoint, StringComparer.Ordinal).ToArray(),
            FirstContactResolution = new FcrStats(p.ContactJourneys, p.ResolvedJourneys, p.FirstContactResolved,
                p.ContactJourneys == 0 ? null : (double)p.FirstContactResolved / p.ContactJourneys) { Definition = p.ServiceContacts },
            AverageHandlingTimeByChannel = p.ChannelTimes.Select((t, i) => (t, i)).Where(x => x.t.HandleCount > 0 && ch[x.i] != "")
                .Select(x => new ChannelAht(ch[x.i], x.t.HandleCount, x.t.HandleSum / x.t.HandleCount))
                .OrderBy(x => x.Channel, StringComparer.Ordinal).ToArray(),
            Escalations = p.Escalations.Select(kv => new ChannelCell(ch[kv.Key.From], ch[kv.Key.To], kv.Value, Share(kv.Value, outOf.GetValueOrDefault(kv.Key.From))))
                .OrderBy(c => c.From, StringComparer.Ordinal).ThenBy(c => c.To, StringComparer.Ordinal).ToArray(),
        };
    }

    private static ConformanceReport Conformance(PartialResult p)
    {
        long journeys = 0, perfect = 0;
        var histogram = new long[11];
        // Sum fitness in a fixed order so that merged and whole results agree to the last bit.
        double sum = 0;
        foreach (var ((cost, length), count) in p.Fitness.OrderBy(kv => kv.Key.Cost).ThenBy(kv => kv.Key.Length))
        {
            var steps = p.ConformanceSteps;
            var fitness = length + steps == 0 ? 1.0 : 1.0 - (double)cost / (length + steps);
            journeys += count;
            if (cost == 0) perfect += count;
            sum += fitness * count;
            histogram[cost == 0 ? 10 : Math.Min(9, (int)(fitness * 10))] += count;
        }
        return new ConformanceReport
        {
            Steps = p.ConformanceSteps,
            Journeys = journeys,
            ConformanceRate = Share(perfect, journeys),
            AverageFitness = journeys == 0 ? 1 : sum / journeys,
            FitnessHistogram = histogram,
            Deviations = p.Deviations.Select(kv => new DeviationCount(kv.Key.Kind, kv.Key.Subject, kv.Value))
                .OrderByDescending(d => d.Count).ThenBy(d => d.Kind).ThenBy(d => d.Subject, StringComparer.Ordinal).ToArray(),
            StepFulfilment = p.ConformanceStepNames
                .Select((s, i) => new StepFulfilment(s.Stage, s.Step, i < p.StepFulfilled.Length ? p.StepFulfilled[i] : 0,
                    Share(i < p.StepFulfilled.Length ? p.StepFulfilled[i] : 0, journeys)))
                .ToArray(),
            WorstJourneys = p.Worst,
        };
    }

    private sealed class SequenceComparer : IComparer<string[]>
    {
        public static readonly SequenceComparer Instance = new();

        public int Compare(string[]? x, string[]? y)
        {
            for (var i = 0; i < Math.Min(x!.Length, y!.Length); i++)
            {
                var c = string.CompareOrdinal(x[i], y[i]);
                if (c != 0) return c;
            }
            return x.Length.CompareTo(y.Length);
        }
    }
}
