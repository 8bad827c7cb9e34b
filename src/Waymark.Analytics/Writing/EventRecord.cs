using Waymark.Analytics.Model;

namespace Waymark.Analytics.Writing;

/// <summary>One event as plain values, for writers and the generator. Missing numbers are NaN.</summary>
public readonly record struct EventRecord(
    string Customer, string? Case, long TimeTicks, string Activity, string Channel, string Outcome,
    float Score, ScoreKind ScoreKind, float Duration, float Waiting);

/// <summary>Writes events one at a time; events of one trace (customer or case) must come together for XES.</summary>
public interface IEventWriter : IDisposable
{
    void Write(in EventRecord e);
}

public static class EventWriters
{
    public static IEventWriter Create(string path, Reading.EventLogFormat? format = null) =>
        (format ?? Reading.EventLogFiles.GuessFormat(path)) switch
        {
            Reading.EventLogFormat.Xes => new XesEventWriter(path),
            Reading.EventLogFormat.Ndjson => new NdjsonEventWriter(path),
            Reading.EventLogFormat.Parquet => new ParquetEventWriter(path),
            _ => new CsvEventWriter(path),
        };

    /// <summary>Writes a whole log in its stored order (grouped by journey key, by time).</summary>
    public static void Write(EventLog log, string path, Reading.EventLogFormat? format = null)
    {
        using var writer = Create(path, format);
        for (var i = 0; i < log.Count; i++)
            writer.Write(new EventRecord(log.CustomerOf(i), log.CaseOf(i), log.Time[i], log.ActivityOf(i), log.ChannelOf(i), log.OutcomeOf(i),
                log.Score[i], log.ScoreKind[i], log.Duration[i], log.Waiting[i]));
    }

    internal static int FormatTime(long ticks, Span<char> into)
    {
        var ok = new DateTime(ticks, DateTimeKind.Utc).TryFormat(into, out var n, (ticks % TimeSpan.TicksPerSecond) == 0 ? "yyyy-MM-ddTHH:mm:ssZ" : "yyyy-MM-ddTHH:mm:ss.fffffffZ");
        return ok ? n : throw new InvalidOperationException("time does not fit");
    }
}
