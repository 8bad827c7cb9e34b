using Waymark.Analytics.Model;

namespace Waymark.Analytics.Tests.Support;

/// <summary>Test data: small logs written as rows, times in minutes from a fixed start.</summary>
internal static class Some
{
    public static readonly DateTime Start = new(2024, 3, 1, 9, 0, 0, DateTimeKind.Utc);

    public sealed record Row(string Customer, double Minute, string Activity, string? Channel = null, string? Outcome = null,
        float Score = float.NaN, ScoreKind Kind = ScoreKind.None, float Handling = float.NaN, float Waiting = float.NaN, string? Case = null);

    public static EventLog Log(params Row[] rows) => Log(JourneyKey.Customer, rows);

    public static EventLog Log(JourneyKey key, params Row[] rows)
    {
        var b = new EventLogBuilder();
        foreach (var r in rows)
            b.Add(r.Customer, Start.AddMinutes(r.Minute), r.Activity, r.Channel, r.Outcome, r.Score, r.Kind, r.Handling, r.Waiting, r.Case);
        return b.Build(key);
    }

    /// <summary>The service log worked by hand in MetricsTests.</summary>
    public static EventLog ServiceLog() => Log(
        new Row("c1", 0, "browse", "web"),
        new Row("c2", 0, "browse", "web"),
        new Row("c3", 0, "browse", "web"),
        new Row("c4", 0, "call", "phone", "resolved", 3, ScoreKind.Nps, Handling: 50),
        new Row("c1", 10, "call", "phone", "unresolved", 2, ScoreKind.Csat, 300, 60),
        new Row("c2", 20, "call", "phone", "resolved", 5, ScoreKind.Csat, 200, 120),
        new Row("c3", 30, "call", "phone", "unresolved", Handling: 100),
        new Row("c3", 40, "call", "phone", "resolved", 9, ScoreKind.Nps, 200),
        new Row("c1", 70, "chat", "chat", "resolved", 4, ScoreKind.Csat, 120, 30));
}
