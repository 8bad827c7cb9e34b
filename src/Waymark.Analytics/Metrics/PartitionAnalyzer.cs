using Waymark.Analytics.Conformance;
using Waymark.Analytics.Model;

namespace Waymark.Analytics.Metrics;

/// <summary>
/// Computes every metric for a contiguous range of journeys in one pass over their events. Scratch state is dense
/// arrays indexed by dictionary ids; the result is a <see cref="PartialResult"/>. The transition times of the DFG
/// are filed afterwards (<see cref="FileTransitionTimes"/>), once the edge counts of every partition are known, into
/// arrays shared by all partitions: no per-partition copies to concatenate for the quantiles.
/// </summary>
internal sealed class PartitionAnalyzer
{
    private readonly EventLog _log;
    private readonly int[] _starts;
    private readonly AnalysisOptions _o;
    private readonly bool[] _resolvedOutcome;
    /// <summary>Per touchpoint, whether its events are service contacts; null when contacts are known by their outcome.</summary>
    private readonly bool[]? _contactTouchpoint;
    /// <summary>Per outcome, whether it marks a service contact (used when no touchpoints are named).</summary>
    private readonly bool[] _contactOutcome;
    /// <summary>Per channel, whether service contacts happen there; null for any channel.</summary>
    private readonly bool[]? _contactChannel;
    private readonly int[] _funnel;
    private readonly ConformanceChecker? _checker;
    private PairTable _edges = new(0, 0);
    private long[] _edgeCount = [];

    public PartitionAnalyzer(EventLog log, int[] starts, AnalysisOptions options)
    {
        _log = log;
        _starts = starts;
        _o = options;
        var outcomes = log.Pools.Outcomes;
        var contacts = options.ServiceContacts;
        var resolved = new HashSet<string>(contacts.ResolvedOutcomes, StringComparer.OrdinalIgnoreCase);
        var unresolved = new HashSet<string>(contacts.UnresolvedOutcomes, StringComparer.OrdinalIgnoreCase);
        _resolvedOutcome = new bool[outcomes.Count];
        _contactOutcome = new bool[outcomes.Count];
        for (var i = 0; i < outcomes.Count; i++)
        {
            _resolvedOutcome[i] = resolved.Contains(outcomes[i]);
            _contactOutcome[i] = _resolvedOutcome[i] || unresolved.Contains(outcomes[i]);
        }
        var activities = log.Pools.Activities;
        if (contacts.Touchpoints.Count > 0)
        {
            _contactTouchpoint = new bool[activities.Count];
            foreach (var name in contacts.Touchpoints)
                if (activities.TryGet(name, out var id)) _contactTouchpoint[id] = true;
        }
        if (contacts.Channels.Count > 0)
        {
            var channels = log.Pools.Channels;
            var wanted = new HashSet<string>(contacts.Channels, StringComparer.OrdinalIgnoreCase);
            _contactChannel = new bool[channels.Count];
            for (var i = 0; i < channels.Count; i++) _contactChannel[i] = wanted.Contains(channels[i]);
        }
        _funnel = options.Has(Metric.Funnel) && options.Funnel is { Count: > 0 } f
            ? f.Select(name => activities.TryGet(name, out var id) ? id : -1).ToArray()
            : [];
        if (options.Has(Metric.Conformance) && options.Journey is not null)
        {
            _checker = new ConformanceChecker(options.Journey);
        }
    }

    /// <summary>The metrics of journeys [first, end); journey durations go to their places in the shared array.</summary>
    public PartialResult Run(int firstJourney, int endJourney, NativeBuffer<long>? journeyDurations)
    {
        var log = _log;
        var o = _o;
        var na = log.Pools.Activities.Count;
        var nc = log.Pools.Channels.Count;
        var act = log.Activity;
        var chan = log.Channel;
        var time = log.Time;
        var outcome = log.Outcome;
        var score = log.Score;
        var kind = log.ScoreKind;
        var duration = log.Duration;
        var waiting = log.Waiting;
        var starts = _starts;
        var noChannel = log.Pools.Channels.TryGet("", out var nch) ? nch : -1;

        bool doActivities = o.Has(Metric.Activities), doVariants = o.Has(Metric.Variants), doDfg = o.Has(Metric.Dfg),
            doSwitch = o.Has(Metric.ChannelSwitches), doSankey = o.Has(Metric.Sankey), doRepeat = o.Has(Metric.RepeatContacts),
            doTimes = o.Has(Metric.Times), doKpis = o.Has(Metric.Kpis), doDurations = o.Has(Metric.JourneyDurations);
        var doTransitions = doDfg || doSwitch || doSankey || doKpis;

        var p = new PartialResult
        {
            Activities = [.. log.Pools.Activities.Values],
            Channels = [.. log.Pools.Channels.Values],
            Metrics = o.Metrics,
            RepeatWindowSeconds = o.RepeatWindow.TotalSeconds,
            ServiceContacts = o.ServiceContacts,
            WorstLimit = o.WorstJourneys,
        };
        var activityCount = new long[na];
        var startCount = new long[na];
        var endCount = new long[na];
        var triggers = new long[na];
        var repeatCount = new long[na];
        var actTimes = new PartialResult.TimeAcc[na];
        var chanTimes = new PartialResult.TimeAcc[nc];
        var scoreCount = new long[na * PartialResult.Kinds];
        var scoreSum = new double[na * PartialResult.Kinds];
        var scoreHist = new long[na * PartialResult.Kinds * PartialResult.Bins];
        var edges = new PairTable(na, na);
        var edgeCount = new long[Math.Max(16, na)];
        // Channel pairs through a PairTable too: a log that maps a high-cardinality column as channel must not
        // allocate channels² counters.
        var channelPairs = new PairTable(nc, nc);
        var chanCount = new long[64];
        var escalation = new long[64];
        var depth = Math.Max(1, o.SankeyDepth);
        var sankey = new PairTable(depth * na, na);
        var sankeyCount = new long[64];
        var windowTicks = o.RepeatWindow.Ticks;
        var funnel = _funnel;
        var funnelReached = new long[funnel.Length];
        var durations = journeyDurations is null ? default : journeyDurations.Span;
        doDurations &= journeyDurations is not null;
        var variants = new Dictionary<VariantRef, long>(new VariantComparer(act));
        var checker = _checker;
        List<int>? deviationCodes = checker is null ? null : [];
        long[] deviationCounts = [];
        if (checker is not null)
        {
            checker.Bind(log.Pools.Activities.Values);
            p.ConformanceSteps = checker.StepCount;
            p.ConformanceStepNames = [.. checker.Steps];
            p.StepFulfilled = new long[checker.StepCount];
            deviationCounts = new long[checker.CodeCount];
        }
        long events = 0, repeats = 0, contactJourneys = 0, resolvedJourneys = 0, fcr = 0, repeatJourneys = 0;

        for (var j = firstJourney; j < endJourney; j++)
        {
            var s = starts[j];
            var e = starts[j + 1];
            events += e - s;
            if (doActivities)
            {
                startCount[act[s]]++;
                endCount[act[e - 1]]++;
            }
            if (doDurations) durations[j] = time[e - 1] - time[s];
            if (doVariants)
            {
                var h = 17;
                for (var i = s; i < e; i++) h = (h ^ act[i]) * 16777619 + (h >>> 15);
                ref var slot = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(variants, new VariantRef(s, e - s, h), out _);
                slot++;
            }
            if (doKpis || doRepeat)
            {
                // FCR when the journey's first service contact resolved the matter; a repeat is a service contact
                // within the window after the previous one, whatever its touchpoint or channel: the customer is back.
                var contacts = 0;
                var anyResolved = false;
                var hasRepeat = false;
                long previous = 0;
                for (var i = s; i < e; i++)
                {
                    if (!IsServiceContact(act[i], chan[i], outcome[i])) continue;
                    var isResolved = _resolvedOutcome[outcome[i]];
                    if (contacts == 0 && isResolved) fcr++;
                    else if (contacts > 0 && time[i] - previous <= windowTicks)
                    {
                        repeats++;
                        repeatCount[act[i]]++;
                        hasRepeat = true;
                    }
                    anyResolved |= isResolved;
                    previous = time[i];
                    contacts++;
                }
                if (contacts > 0) contactJourneys++;
                if (anyResolved) resolvedJourneys++;
                if (hasRepeat) repeatJourneys++;
            }
            if (funnel.Length > 0)
            {
                var k = 0;
                for (var i = s; i < e && k < funnel.Length; i++)
                    if (act[i] == funnel[k]) k++;
                for (var i = 0; i < k; i++) funnelReached[i]++;
            }
            if (checker is not null)
            {
                deviationCodes!.Clear();
                var cost = checker.Check(act.AsSpan(s, e - s), deviationCodes, p.StepFulfilled);
                ref var fitnessCount = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(p.Fitness, (cost, e - s), out _);
                fitnessCount++;
                foreach (var code in deviationCodes) deviationCounts[code]++;
                if (cost > 0) OfferWorst(p, checker, log, s, e, cost, deviationCodes);
            }

            for (var i = s; i < e; i++)
            {
                var a = act[i];
                var c = chan[i];
                if (doActivities) activityCount[a]++;
                if (doTimes)
                {
                    var w = waiting[i];
                    var d = duration[i];
                    ref var at = ref actTimes[a];
                    ref var ct = ref chanTimes[c];
                    at.Events++;
                    ct.Events++;
                    if (!float.IsNaN(w)) { at.WaitCount++; at.WaitSum += w; ct.WaitCount++; ct.WaitSum += w; }
                    if (!float.IsNaN(d)) { at.HandleCount++; at.HandleSum += d; ct.HandleCount++; ct.HandleSum += d; }
                }
                if (doKpis)
                {
                    var sk = kind[i];
                    if (sk != ScoreKind.None)
                    {
                        var v = score[i];
                        var slot = a * PartialResult.Kinds + (int)sk - 1;
                        scoreCount[slot]++;
                        scoreSum[slot] += v;
                        var bin = (int)MathF.Round(v);
                        bin = bin < 0 ? 0 : bin > 10 ? 10 : bin;
                        scoreHist[slot * PartialResult.Bins + bin]++;
                    }
                }
                if (doTransitions && i > s)
                {
                    var a0 = act[i - 1];
                    var c0 = chan[i - 1];
                    if (doDfg)
                    {
                        var edge = edges.GetOrAdd(a0, a);
                        if (edge >= edgeCount.Length) Array.Resize(ref edgeCount, edgeCount.Length * 2);
                        edgeCount[edge]++;
                    }
                    if (doSwitch || doKpis)
                    {
                        var pair = channelPairs.GetOrAdd(c0, c);
                        if (pair >= chanCount.Length)
                        {
                            Array.Resize(ref chanCount, chanCount.Length * 2);
                            Array.Resize(ref escalation, escalation.Length * 2);
                        }
                        chanCount[pair]++;
                        if (c0 != c && c0 != noChannel && c != noChannel)
                        {
                            triggers[a0]++;
                            var o0 = outcome[i - 1];
                            if (IsServiceContact(a0, c0, o0) && !_resolvedOutcome[o0]) escalation[pair]++;
                        }
                    }
                    if (doSankey)
                    {
                        var step = i - 1 - s;
                        if (step < depth)
                        {
                            var flow = sankey.GetOrAdd(step * na + a0, a);
                            if (flow >= sankeyCount.Length) Array.Resize(ref sankeyCount, sankeyCount.Length * 2);
                            sankeyCount[flow]++;
                        }
                    }
                }
            }
        }

        p.Journeys = endJourney - firstJourney;
        p.Events = events;
        p.ActivityCount = activityCount;
        p.StartCount = startCount;
        p.EndCount = endCount;
        p.SwitchTriggers = triggers;
        p.RepeatCount = repeatCount;
        p.Repeats = repeats;
        p.ActivityTimes = actTimes;
        p.ChannelTimes = chanTimes;
        p.ContactJourneys = contactJourneys;
        p.RepeatJourneys = repeatJourneys;
        p.ResolvedJourneys = resolvedJourneys;
        p.FirstContactResolved = fcr;
        p.FunnelSteps = funnel.Length > 0 ? o.Funnel!.ToArray() : null;
        p.FunnelReached = funnelReached;
        p.Scores = new PartialResult.ScoreAcc[na * PartialResult.Kinds];
        for (var i = 0; i < p.Scores.Length; i++)
        {
            var acc = new PartialResult.ScoreAcc { Count = scoreCount[i], Sum = scoreSum[i] };
            Array.Copy(scoreHist, i * PartialResult.Bins, acc.Histogram, 0, PartialResult.Bins);
            p.Scores[i] = acc;
        }
        foreach (var (v, count) in variants)
            p.Variants.Add(new PartialResult.VariantKey(act.AsSpan(v.Start, v.Length).ToArray()), count);
        for (var pair = 0; pair < channelPairs.Count; pair++)
        {
            var key = (channelPairs.From(pair), channelPairs.To(pair));
            p.ChannelTransitions[key] = chanCount[pair];
            if (escalation[pair] > 0) p.Escalations[key] = escalation[pair];
        }
        for (var f = 0; f < sankey.Count; f++)
            p.Sankey[(sankey.From(f) / na, sankey.From(f) % na, sankey.To(f))] = sankeyCount[f];
        if (checker is not null)
            for (var code = 0; code < deviationCounts.Length; code++)
            {
                if (deviationCounts[code] == 0) continue;
                var d = checker.Describe(code);
                p.Deviations[(d.Kind, d.Subject)] = p.Deviations.GetValueOrDefault((d.Kind, d.Subject)) + deviationCounts[code];
            }
        if (doDfg)
            for (var i = 0; i < edges.Count; i++)
                p.Edges[(edges.From(i), edges.To(i))] = new PartialResult.EdgeAcc { Count = edgeCount[i] };
        _edges = edges;
        _edgeCount = edgeCount;
        return p;
    }

    private bool IsServiceContact(int touchpoint, int channel, int outcome) =>
        (_contactTouchpoint is null ? _contactOutcome[outcome] : _contactTouchpoint[touchpoint])
        && (_contactChannel is null || _contactChannel[channel]);

    /// <summary>
    /// True when every time of journeys [first, end) is a whole second and their span fits an int of seconds: the
    /// transition times can then be filed as int seconds, half the memory of ticks.
    /// </summary>
    public bool HasWholeSecondTimes(int firstJourney, int endJourney)
    {
        var time = _log.Time;
        var s0 = _starts[firstJourney];
        var e0 = _starts[endJourney];
        long min = long.MaxValue, max = long.MinValue;
        for (var i = s0; i < e0; i++)
        {
            var t = time[i];
            if (t % TimeSpan.TicksPerSecond != 0) return false;
            if (t < min) min = t;
            if (t > max) max = t;
        }
        return e0 == s0 || (max - min) / TimeSpan.TicksPerSecond <= int.MaxValue;
    }

    /// <summary>This partition's edges with their counts, in local edge order.</summary>
    public IEnumerable<((int From, int To) Edge, long Count)> EdgeCounts()
    {
        for (var i = 0; i < _edges.Count; i++) yield return ((_edges.From(i), _edges.To(i)), _edgeCount[i]);
    }

    /// <summary>
    /// Second pass over journeys [first, end): writes each transition time into its edge's shared buffer, from the
    /// address in <paramref name="targets"/> (by local edge id) on — int seconds when <paramref name="seconds"/>,
    /// else long ticks.
    /// </summary>
    public unsafe void FileTransitionTimes(int firstJourney, int endJourney, bool seconds, nint[] targets)
    {
        var act = _log.Activity;
        var time = _log.Time;
        var starts = _starts;
        var edges = _edges;
        var s0 = starts[firstJourney];
        var e0 = starts[endJourney];
        var next = (nint[])targets.Clone();
        var j = firstJourney;
        for (var i = s0 + 1; i < e0; i++)
        {
            if (i == starts[j + 1]) { j++; continue; } // first event of the next journey: no transition into it
            var edge = edges.GetOrAdd(act[i - 1], act[i]);
            var delta = time[i] - time[i - 1];
            if (seconds)
            {
                *(int*)next[edge] = (int)(delta / TimeSpan.TicksPerSecond);
                next[edge] += sizeof(int);
            }
            else
            {
                *(long*)next[edge] = delta;
                next[edge] += sizeof(long);
            }
        }
        for (var e = 0; e < next.Length; e++)
            if (next[e] - targets[e] != _edgeCount[e] * (seconds ? sizeof(int) : sizeof(long)))
                throw new InvalidOperationException("The filing pass found other transitions than the counting pass.");
    }

    private static void OfferWorst(PartialResult p, ConformanceChecker checker, EventLog log, int s, int e, int cost, List<int> deviations)
    {
        if (p.WorstLimit <= 0) return;
        var fitness = checker.Fitness(cost, e - s);
        // The journey's id as characters: most journeys are turned away on fitness, and must not cost a string each.
        var idChars = log.SortedBy == JourneyKey.Case ? log.Pools.Cases.Chars(log.Case![s]) : log.Pools.Customers.Chars(log.CustomerIdOf(s));
        if (p.Worst.Count >= p.WorstLimit)
        {
            var last = p.Worst[^1];
            var cmp = fitness.CompareTo(last.Fitness);
            if (cmp == 0) cmp = idChars.SequenceCompareTo(last.Journey);
            if (cmp == 0) cmp = log.Time[s].CompareTo(last.Start.Ticks);
            if (cmp >= 0) return;
        }
        var id = idChars.ToString();
        p.Worst.Add(new JourneyConformance(id, log.TimeOf(s), e - s, cost, fitness, deviations.Select(checker.Describe).ToArray()));
        p.Worst = p.Worst.OrderBy(w => w.Fitness).ThenBy(w => w.Journey, StringComparer.Ordinal).ThenBy(w => w.Start).Take(p.WorstLimit).ToList();
    }

    private readonly record struct VariantRef(int Start, int Length, int Hash);

    private sealed class VariantComparer(int[] activities) : IEqualityComparer<VariantRef>
    {
        public bool Equals(VariantRef x, VariantRef y) =>
            x.Hash == y.Hash && x.Length == y.Length && activities.AsSpan(x.Start, x.Length).SequenceEqual(activities.AsSpan(y.Start, y.Length));

        public int GetHashCode(VariantRef v) => v.Hash;
    }
}
