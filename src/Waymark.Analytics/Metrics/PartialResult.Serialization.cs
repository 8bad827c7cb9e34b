using System.Text;
using Waymark.Analytics.Conformance;
using Waymark.Analytics.Model;

namespace Waymark.Analytics.Metrics;

/// <summary>
/// A partial in a compact binary form, so that partials can be kept (per day, in the database) and merged later: every
/// field that merges, numbers as variable-length integers, transition times and journey durations as their raw values
/// (quantiles are taken only when a report is made). A partial read back merges and reports exactly as the one written.
/// </summary>
public sealed partial class PartialResult
{
    private const int FormatMagic = 0x3150_4D57; // "WMP1"
    private const byte FormatVersion = 1;

    /// <summary>Writes the partial. The partial stays usable.</summary>
    public void WriteTo(Stream stream)
    {
        using var w = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true);
        w.Write(FormatMagic);
        w.Write(FormatVersion);
        WriteStrings(w, ServiceContacts.Touchpoints);
        WriteStrings(w, ServiceContacts.Channels);
        WriteStrings(w, ServiceContacts.ResolvedOutcomes);
        WriteStrings(w, ServiceContacts.UnresolvedOutcomes);
        w.Write7BitEncodedInt((int)Metrics);
        w.Write7BitEncodedInt64(Journeys);
        w.Write7BitEncodedInt64(Events);
        WriteStrings(w, Activities);
        WriteStrings(w, Channels);
        WriteCounts(w, ActivityCount);
        WriteCounts(w, StartCount);
        WriteCounts(w, EndCount);
        WriteCounts(w, SwitchTriggers);
        WriteCounts(w, RepeatCount);
        w.Write7BitEncodedInt64(Repeats);
        w.Write(RepeatWindowSeconds);

        w.Write7BitEncodedInt(Variants.Count);
        foreach (var (variant, count) in Variants)
        {
            w.Write7BitEncodedInt(variant.Ids.Length);
            foreach (var id in variant.Ids) w.Write7BitEncodedInt(id);
            w.Write7BitEncodedInt64(count);
        }

        w.Write7BitEncodedInt(Edges.Count);
        foreach (var ((from, to), acc) in Edges)
        {
            w.Write7BitEncodedInt(from);
            w.Write7BitEncodedInt(to);
            w.Write7BitEncodedInt64(acc.Count);
            // Whole seconds stay whole seconds (half the size); a mix is written in ticks, as the report compares it.
            var seconds = acc.Durations.Count == 0;
            w.Write(seconds);
            w.Write7BitEncodedInt(acc.Seconds.Sum(b => b.Length) + acc.Durations.Sum(b => b.Length));
            foreach (var b in acc.Seconds)
                foreach (var v in b.Span) WriteSigned(w, seconds ? v : v * TimeSpan.TicksPerSecond);
            foreach (var b in acc.Durations)
                foreach (var v in b.Span) WriteSigned(w, v);
        }

        WriteTable(w, Sankey, (w, k) => { w.Write7BitEncodedInt(k.Step); w.Write7BitEncodedInt(k.From); w.Write7BitEncodedInt(k.To); });
        WriteTable(w, ChannelTransitions, WritePair);
        WriteTable(w, Escalations, WritePair);

        WriteTimes(w, ActivityTimes);
        WriteTimes(w, ChannelTimes);
        w.Write7BitEncodedInt(Scores.Length);
        foreach (var s in Scores)
        {
            w.Write7BitEncodedInt64(s.Count);
            w.Write(s.Sum);
            foreach (var h in s.Histogram) w.Write7BitEncodedInt64(h);
        }

        w.Write7BitEncodedInt64(ContactJourneys);
        w.Write7BitEncodedInt64(ResolvedJourneys);
        w.Write7BitEncodedInt64(FirstContactResolved);
        w.Write7BitEncodedInt64(RepeatJourneys);
        w.Write(FunnelSteps is not null);
        if (FunnelSteps is not null) WriteStrings(w, FunnelSteps);
        WriteCounts(w, FunnelReached);
        w.Write(JourneyDurations.Count > 0);
        w.Write7BitEncodedInt(JourneyDurations.Sum(b => b.Length));
        foreach (var b in JourneyDurations)
            foreach (var v in b.Span) WriteSigned(w, v);

        w.Write7BitEncodedInt(ConformanceSteps + 1);
        w.Write7BitEncodedInt(ConformanceStepNames.Length);
        foreach (var (stage, step) in ConformanceStepNames)
        {
            w.Write(stage);
            w.Write(step);
        }
        WriteCounts(w, StepFulfilled);
        WriteTable(w, Fitness, (w, k) => { w.Write7BitEncodedInt(k.Cost); w.Write7BitEncodedInt(k.Length); });
        WriteTable(w, Deviations, (w, k) => { w.Write7BitEncodedInt((int)k.Kind); w.Write(k.Subject); });
        w.Write7BitEncodedInt(WorstLimit);
        w.Write7BitEncodedInt(Worst.Count);
        foreach (var j in Worst)
        {
            w.Write(j.Journey);
            w.Write(j.Start.Ticks);
            w.Write7BitEncodedInt(j.Events);
            w.Write7BitEncodedInt(j.Cost);
            w.Write(j.Fitness);
            w.Write7BitEncodedInt(j.Deviations.Count);
            foreach (var d in j.Deviations)
            {
                w.Write7BitEncodedInt((int)d.Kind);
                w.Write(d.Subject);
            }
        }
    }

    /// <summary>The partial as bytes (see <see cref="WriteTo"/>).</summary>
    public byte[] ToBytes()
    {
        using var buffer = new MemoryStream();
        WriteTo(buffer);
        return buffer.ToArray();
    }

    /// <summary>Reads a partial written by <see cref="WriteTo"/>; refuses anything else.</summary>
    public static PartialResult ReadFrom(Stream stream)
    {
        using var r = new BinaryReader(stream, Encoding.UTF8, leaveOpen: true);
        if (r.ReadInt32() != FormatMagic) throw new InvalidDataException("These bytes are not a kept analysis result.");
        if (r.ReadByte() is var version && version != FormatVersion)
            throw new InvalidDataException($"This kept analysis result has format {version}; this version of Waymark reads format {FormatVersion}.");
        var p = new PartialResult
        {
            ServiceContacts = new ServiceContactDefinition
            {
                Touchpoints = ReadStrings(r),
                Channels = ReadStrings(r),
                ResolvedOutcomes = ReadStrings(r),
                UnresolvedOutcomes = ReadStrings(r),
            },
            Metrics = (Metric)r.Read7BitEncodedInt(),
            Journeys = r.Read7BitEncodedInt64(),
            Events = r.Read7BitEncodedInt64(),
            Activities = ReadStrings(r),
            Channels = ReadStrings(r),
            ActivityCount = ReadCounts(r),
            StartCount = ReadCounts(r),
            EndCount = ReadCounts(r),
            SwitchTriggers = ReadCounts(r),
            RepeatCount = ReadCounts(r),
            Repeats = r.Read7BitEncodedInt64(),
            RepeatWindowSeconds = r.ReadDouble(),
        };
        try
        {
            var variants = r.Read7BitEncodedInt();
            p.Variants = new Dictionary<VariantKey, long>(variants);
            for (var i = 0; i < variants; i++)
            {
                var ids = new int[r.Read7BitEncodedInt()];
                for (var k = 0; k < ids.Length; k++) ids[k] = r.Read7BitEncodedInt();
                p.Variants[new VariantKey(ids)] = r.Read7BitEncodedInt64();
            }

            var edges = r.Read7BitEncodedInt();
            p.Edges = new Dictionary<(int From, int To), EdgeAcc>(edges);
            for (var i = 0; i < edges; i++)
            {
                var key = (r.Read7BitEncodedInt(), r.Read7BitEncodedInt());
                var acc = new EdgeAcc { Count = r.Read7BitEncodedInt64() };
                var seconds = r.ReadBoolean();
                var length = r.Read7BitEncodedInt();
                if (seconds)
                {
                    var buffer = new NativeBuffer<int>(length);
                    var span = buffer.Span;
                    for (var k = 0; k < length; k++) span[k] = checked((int)ReadSigned(r));
                    acc.Seconds.Add(buffer);
                }
                else
                {
                    var buffer = new NativeBuffer<long>(length);
                    var span = buffer.Span;
                    for (var k = 0; k < length; k++) span[k] = ReadSigned(r);
                    acc.Durations.Add(buffer);
                }
                p.Edges[key] = acc;
            }

            p.Sankey = ReadTable(r, r => (r.Read7BitEncodedInt(), r.Read7BitEncodedInt(), r.Read7BitEncodedInt()));
            p.ChannelTransitions = ReadTable(r, ReadPair);
            p.Escalations = ReadTable(r, ReadPair);
            p.ActivityTimes = ReadTimes(r);
            p.ChannelTimes = ReadTimes(r);
            p.Scores = new ScoreAcc[r.Read7BitEncodedInt()];
            for (var i = 0; i < p.Scores.Length; i++)
            {
                var s = new ScoreAcc { Count = r.Read7BitEncodedInt64(), Sum = r.ReadDouble() };
                for (var h = 0; h < Bins; h++) s.Histogram[h] = r.Read7BitEncodedInt64();
                p.Scores[i] = s;
            }

            p.ContactJourneys = r.Read7BitEncodedInt64();
            p.ResolvedJourneys = r.Read7BitEncodedInt64();
            p.FirstContactResolved = r.Read7BitEncodedInt64();
            p.RepeatJourneys = r.Read7BitEncodedInt64();
            p.FunnelSteps = r.ReadBoolean() ? [.. ReadStrings(r)] : null;
            p.FunnelReached = ReadCounts(r);
            var hasDurations = r.ReadBoolean();
            var durations = r.Read7BitEncodedInt();
            if (hasDurations)
            {
                var buffer = new NativeBuffer<long>(durations);
                var span = buffer.Span;
                for (var k = 0; k < durations; k++) span[k] = ReadSigned(r);
                p.JourneyDurations.Add(buffer);
            }

            p.ConformanceSteps = r.Read7BitEncodedInt() - 1;
            p.ConformanceStepNames = new (string, string)[r.Read7BitEncodedInt()];
            for (var i = 0; i < p.ConformanceStepNames.Length; i++) p.ConformanceStepNames[i] = (r.ReadString(), r.ReadString());
            p.StepFulfilled = ReadCounts(r);
            p.Fitness = ReadTable(r, r => (r.Read7BitEncodedInt(), r.Read7BitEncodedInt()));
            p.Deviations = ReadTable(r, r => ((DeviationKind)r.Read7BitEncodedInt(), r.ReadString()));
            p.WorstLimit = r.Read7BitEncodedInt();
            var worst = r.Read7BitEncodedInt();
            for (var i = 0; i < worst; i++)
            {
                var journey = r.ReadString();
                var start = new DateTime(r.ReadInt64(), DateTimeKind.Utc);
                int events = r.Read7BitEncodedInt(), cost = r.Read7BitEncodedInt();
                var fitness = r.ReadDouble();
                var deviations = new Deviation[r.Read7BitEncodedInt()];
                for (var k = 0; k < deviations.Length; k++) deviations[k] = new Deviation((DeviationKind)r.Read7BitEncodedInt(), r.ReadString());
                p.Worst.Add(new JourneyConformance(journey, start, events, cost, fitness, deviations));
            }
            return p;
        }
        catch
        {
            p.Dispose();
            throw;
        }
    }

    /// <summary>Reads a partial from bytes written by <see cref="ToBytes"/>.</summary>
    public static PartialResult FromBytes(byte[] bytes)
    {
        using var stream = new MemoryStream(bytes, writable: false);
        return ReadFrom(stream);
    }

    private static void WriteSigned(BinaryWriter w, long v) => w.Write7BitEncodedInt64((v << 1) ^ (v >> 63));

    private static long ReadSigned(BinaryReader r)
    {
        var z = (ulong)r.Read7BitEncodedInt64();
        return (long)(z >> 1) ^ -(long)(z & 1);
    }

    private static void WriteStrings(BinaryWriter w, IReadOnlyList<string> strings)
    {
        w.Write7BitEncodedInt(strings.Count);
        foreach (var s in strings) w.Write(s);
    }

    private static List<string> ReadStrings(BinaryReader r)
    {
        var n = r.Read7BitEncodedInt();
        var list = new List<string>(n);
        for (var i = 0; i < n; i++) list.Add(r.ReadString());
        return list;
    }

    private static void WriteCounts(BinaryWriter w, long[] counts)
    {
        w.Write7BitEncodedInt(counts.Length);
        foreach (var c in counts) w.Write7BitEncodedInt64(c);
    }

    private static long[] ReadCounts(BinaryReader r)
    {
        var counts = new long[r.Read7BitEncodedInt()];
        for (var i = 0; i < counts.Length; i++) counts[i] = r.Read7BitEncodedInt64();
        return counts;
    }

    private static void WritePair(BinaryWriter w, (int From, int To) k)
    {
        w.Write7BitEncodedInt(k.From);
        w.Write7BitEncodedInt(k.To);
    }

    private static (int From, int To) ReadPair(BinaryReader r) => (r.Read7BitEncodedInt(), r.Read7BitEncodedInt());

    private static void WriteTable<TKey>(BinaryWriter w, Dictionary<TKey, long> table, Action<BinaryWriter, TKey> key) where TKey : notnull
    {
        w.Write7BitEncodedInt(table.Count);
        foreach (var (k, count) in table)
        {
            key(w, k);
            w.Write7BitEncodedInt64(count);
        }
    }

    private static Dictionary<TKey, long> ReadTable<TKey>(BinaryReader r, Func<BinaryReader, TKey> key) where TKey : notnull
    {
        var n = r.Read7BitEncodedInt();
        var table = new Dictionary<TKey, long>(n);
        for (var i = 0; i < n; i++)
        {
            var k = key(r);
            table[k] = r.Read7BitEncodedInt64();
        }
        return table;
    }

    private static void WriteTimes(BinaryWriter w, TimeAcc[] times)
    {
        w.Write7BitEncodedInt(times.Length);
        foreach (var t in times)
        {
            w.Write7BitEncodedInt64(t.Events);
            w.Write7BitEncodedInt64(t.WaitCount);
            w.Write7BitEncodedInt64(t.HandleCount);
            w.Write(t.WaitSum);
            w.Write(t.HandleSum);
        }
    }

    private static TimeAcc[] ReadTimes(BinaryReader r)
    {
        var times = new TimeAcc[r.Read7BitEncodedInt()];
        for (var i = 0; i < times.Length; i++)
            times[i] = new TimeAcc
            {
                Events = r.Read7BitEncodedInt64(), WaitCount = r.Read7BitEncodedInt64(), HandleCount = r.Read7BitEncodedInt64(),
                WaitSum = r.ReadDouble(), HandleSum = r.ReadDouble(),
            };
        return times;
    }
}
