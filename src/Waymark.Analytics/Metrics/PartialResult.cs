using Waymark.Analytics.Conformance;
using Waymark.Analytics.Model;

namespace Waymark.Analytics.Metrics;

/// <summary>
/// The metrics of one partition of journeys, in a form that merges exactly: counts, matrices, histograms and the raw
/// transition times (quantiles are taken only at the end). Ids are local to the partition and carry their names, so
/// partials from separately read logs merge by name. Merge is associative and commutative up to the order of lists
/// that are sorted before reporting. The transition times and journey durations live outside the GC heap: dispose the
/// partial (or the one it was merged into) when done with it to free them at once; the finalizer frees them otherwise.
/// </summary>
public sealed partial class PartialResult : IDisposable
{
    internal const int Bins = 11;
    internal const int Kinds = 3;

    internal List<string> Activities = [];
    internal List<string> Channels = [];
    internal long Journeys, Events;
    internal long[] ActivityCount = [], StartCount = [], EndCount = [];
    internal Dictionary<VariantKey, long> Variants = [];
    internal Dictionary<(int From, int To), EdgeAcc> Edges = [];
    internal Dictionary<(int Step, int From, int To), long> Sankey = [];
    internal Dictionary<(int From, int To), long> ChannelTransitions = [];
    internal Dictionary<(int From, int To), long> Escalations = [];
    internal long[] SwitchTriggers = [], RepeatCount = [];
    internal long Repeats;
    internal TimeAcc[] ActivityTimes = [], ChannelTimes = [];
    internal ScoreAcc[] Scores = []; // [activity * Kinds + kind - 1]
    /// <summary>Journeys with a service contact, with any resolved one, resolved at the first, with a repeat contact.</summary>
    internal long ContactJourneys, ResolvedJourneys, FirstContactResolved, RepeatJourneys;
    internal string[]? FunnelSteps;
    internal long[] FunnelReached = [];
    internal List<NativeBuffer<long>> JourneyDurations = [];
    internal int ConformanceSteps = -1;
    /// <summary>The map's checked steps (stage, step) in order, and per step the journeys that fulfilled it in place.</summary>
    internal (string Stage, string Step)[] ConformanceStepNames = [];
    internal long[] StepFulfilled = [];
    internal Dictionary<(int Cost, int Length), long> Fitness = [];
    internal Dictionary<(DeviationKind Kind, string Subject), long> Deviations = [];
    internal List<JourneyConformance> Worst = [];
    internal int WorstLimit;
    internal double RepeatWindowSeconds;
    internal Metric Metrics;

    /// <summary>
    /// What counted as a service contact: partials merge only with partials of the same definition (keep them apart
    /// by it where partials are stored).
    /// </summary>
    public ServiceContactDefinition ServiceContacts { get; internal set; } = ServiceContactDefinition.Default;

    internal sealed class EdgeAcc
    {
        public long Count;
        /// <summary>Transition times in ticks.</summary>
        public List<NativeBuffer<long>> Durations = [];
        /// <summary>Transition times in whole seconds, half the memory of ticks (used when every time of a partition is a whole second).</summary>
        public List<NativeBuffer<int>> Seconds = [];
    }

    internal struct TimeAcc
    {
        public long Events, WaitCount, HandleCount;
        public double WaitSum, HandleSum;

        public void Add(in TimeAcc o)
        {
            Events += o.Events; WaitCount += o.WaitCount; HandleCount += o.HandleCount; WaitSum += o.WaitSum; HandleSum += o.HandleSum;
        }
    }

    internal sealed class ScoreAcc
    {
        public long Count;
        public double Sum;
        public long[] Histogram = new long[Bins];

        public void Add(ScoreAcc o)
        {
            Count += o.Count;
            Sum += o.Sum;
            for (var i = 0; i < Bins; i++) Histogram[i] += o.Histogram[i];
        }
    }

    /// <summary>A variant: activity ids (local to the partial) with a precomputed hash.</summary>
    internal readonly struct VariantKey : IEquatable<VariantKey>
    {
        public readonly int[] Ids;
        private readonly int _hash;

        public VariantKey(int[] ids)
        {
            Ids = ids;
            var h = new HashCode();
            foreach (var id in ids) h.Add(id);
            _hash = h.ToHashCode();
        }

        public bool Equals(VariantKey other) => _hash == other._hash && Ids.AsSpan().SequenceEqual(other.Ids);
        public override bool Equals(object? obj) => obj is VariantKey v && Equals(v);
        public override int GetHashCode() => _hash;
    }

    /// <summary>Adds <paramref name="other"/> into this partial (the other one is left unusable).</summary>
    public void Merge(PartialResult other)
    {
        if (!other.ServiceContacts.Equals(ServiceContacts))
            throw new InvalidOperationException(
                "These results counted service contacts differently and cannot be combined: "
                + $"{ServiceContacts.Description} / {other.ServiceContacts.Description}");
        var sameNames = ReferenceEquals(other.Activities, Activities) || other.Activities.SequenceEqual(Activities);
        var am = sameNames ? null : Remap(Activities, other.Activities);
        var sameChannels = ReferenceEquals(other.Channels, Channels) || other.Channels.SequenceEqual(Channels);
        var cm = sameChannels ? null : Remap(Channels, other.Channels);
        int A(int id) => am is null ? id : am[id];
        int C(int id) => cm is null ? id : cm[id];
        var na = Activities.Count;
        var nc = Channels.Count;

        Metrics |= other.Metrics;
        Journeys += other.Journeys;
        Events += other.Events;
        AddArray(ref ActivityCount, other.ActivityCount, na, am);
        AddArray(ref StartCount, other.StartCount, na, am);
        AddArray(ref EndCount, other.EndCount, na, am);
        AddArray(ref SwitchTriggers, other.SwitchTriggers, na, am);
        AddArray(ref RepeatCount, other.RepeatCount, na, am);
        Repeats += other.Repeats;
        RepeatWindowSeconds = Math.Max(RepeatWindowSeconds, other.RepeatWindowSeconds);

        foreach (var (v, count) in other.Variants)
        {
            var key = am is null ? v : new VariantKey(Array.ConvertAll(v.Ids, id => am[id]));
            Variants[key] = Variants.GetValueOrDefault(key) + count;
        }
        foreach (var (pair, acc) in other.Edges)
        {
            var key = (A(pair.From), A(pair.To));
            if (!Edges.TryGetValue(key, out var mine)) Edges[key] = mine = new EdgeAcc();
            mine.Count += acc.Count;
            mine.Durations.AddRange(acc.Durations);
            mine.Seconds.AddRange(acc.Seconds);
        }
        foreach (var (k, count) in other.Sankey) AddTo(Sankey, (k.Step, A(k.From), A(k.To)), count);
        foreach (var (k, count) in other.ChannelTransitions) AddTo(ChannelTransitions, (C(k.From), C(k.To)), count);
        foreach (var (k, count) in other.Escalations) AddTo(Escalations, (C(k.From), C(k.To)), count);

        if (ActivityTimes.Length < na) Array.Resize(ref ActivityTimes, na);
        for (var i = 0; i < other.ActivityTimes.Length; i++) ActivityTimes[A(i)].Add(other.ActivityTimes[i]);
        if (ChannelTimes.Length < nc) Array.Resize(ref ChannelTimes, nc);
        for (var i = 0; i < other.ChannelTimes.Length; i++) ChannelTimes[C(i)].Add(other.ChannelTimes[i]);
        if (Scores.Length < na * Kinds)
        {
            var old = Scores.Length;
            Array.Resize(ref Scores, na * Kinds);
            for (var i = old; i < Scores.Length; i++) Scores[i] = new ScoreAcc();
        }
        for (var i = 0; i < other.Scores.Length; i++) Scores[A(i / Kinds) * Kinds + i % Kinds].Add(other.Scores[i]);

        ContactJourneys += other.ContactJourneys;
        ResolvedJourneys += other.ResolvedJourneys;
        FirstContactResolved += other.FirstContactResolved;
        RepeatJourneys += other.RepeatJourneys;
        FunnelSteps ??= other.FunnelSteps;
        if (FunnelReached.Length < other.FunnelReached.Length) Array.Resize(ref FunnelReached, other.FunnelReached.Length);
        for (var i = 0; i < other.FunnelReached.Length; i++) FunnelReached[i] += other.FunnelReached[i];
        JourneyDurations.AddRange(other.JourneyDurations);

        if (other.ConformanceSteps >= 0) ConformanceSteps = other.ConformanceSteps;
        if (ConformanceStepNames.Length == 0) ConformanceStepNames = other.ConformanceStepNames;
        if (StepFulfilled.Length < other.StepFulfilled.Length) Array.Resize(ref StepFulfilled, other.StepFulfilled.Length);
        for (var i = 0; i < other.StepFulfilled.Length; i++) StepFulfilled[i] += other.StepFulfilled[i];
        foreach (var (k, count) in other.Fitness) AddTo(Fitness, k, count);
        foreach (var (k, count) in other.Deviations) AddTo(Deviations, k, count);
        WorstLimit = Math.Max(WorstLimit, other.WorstLimit);
        Worst.AddRange(other.Worst);
        Worst = Worst.OrderBy(w => w.Fitness).ThenBy(w => w.Journey, StringComparer.Ordinal).ThenBy(w => w.Start).Take(WorstLimit).ToList();
    }

    /// <summary>Frees the transition times and journey durations, of this partial and of those merged into it.</summary>
    public void Dispose()
    {
        foreach (var acc in Edges.Values)
        {
            foreach (var b in acc.Durations) b.Dispose();
            foreach (var b in acc.Seconds) b.Dispose();
        }
        foreach (var b in JourneyDurations) b.Dispose();
    }

    private static void AddTo<TKey>(Dictionary<TKey, long> into, TKey key, long count) where TKey : notnull =>
        into[key] = into.GetValueOrDefault(key) + count;

    private static int[] Remap(List<string> mine, List<string> theirs)
    {
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < mine.Count; i++) index[mine[i]] = i;
        var map = new int[theirs.Count];
        for (var i = 0; i < theirs.Count; i++)
        {
            if (!index.TryGetValue(theirs[i], out var id))
            {
                id = mine.Count;
                mine.Add(theirs[i]);
                index[theirs[i]] = id;
            }
            map[i] = id;
        }
        return map;
    }

    private static void AddArray(ref long[] mine, long[] theirs, int size, int[]? map)
    {
        if (mine.Length < size) Array.Resize(ref mine, size);
        for (var i = 0; i < theirs.Length; i++) mine[map is null ? i : map[i]] += theirs[i];
    }
}
