using Waymark.Analytics.Model;

namespace Waymark.Analytics.Tests.Support;

/// <summary>Small random logs with many ties and repeats, in random file order.</summary>
internal static class RandomLogs
{
    private static readonly string[] Activities = ["web", "call", "chat", "mail", "store"];
    private static readonly string[] Channels = ["online", "phone", "chat", "shop"];
    private static readonly string[] Outcomes = ["", "resolved", "unresolved"];

    public static List<ReferenceAnalyzer.Event> Events(Random random)
    {
        var customers = random.Next(1, 9);
        var events = new List<ReferenceAnalyzer.Event>();
        for (var c = 0; c < customers; c++)
        {
            var n = random.Next(1, 11);
            for (var i = 0; i < n; i++)
                events.Add(new ReferenceAnalyzer.Event($"cust-{c}", Some.Start.Ticks + random.Next(0, 200) * TimeSpan.TicksPerMinute * (random.Next(4) == 0 ? 60 : 1),
                    Activities[random.Next(random.Next(1, Activities.Length + 1))], Channels[random.Next(Channels.Length)], Outcomes[random.Next(Outcomes.Length)], 0));
        }
        // Shuffle the file order; the position is what keeps ties stable.
        var shuffled = events.OrderBy(_ => random.Next()).Select((e, i) => e with { FilePosition = i }).ToList();
        return shuffled;
    }

    /// <summary>
    /// The events with a random sub-second part added to the times of the chosen customers (all when none are named):
    /// such logs take the engine's tick path for transition times instead of whole seconds.
    /// </summary>
    public static List<ReferenceAnalyzer.Event> WithSubSecondTimes(List<ReferenceAnalyzer.Event> events, Random random, Func<string, bool>? chosen = null) =>
        events.Select(e => chosen is null || chosen(e.Customer) ? e with { Ticks = e.Ticks + random.Next(1, (int)TimeSpan.TicksPerSecond) } : e).ToList();

    /// <summary>A new log holding only the given customers' events of <paramref name="log"/>, with every field copied.</summary>
    public static EventLog BuildFrom(EventLog log, IReadOnlySet<string> customers)
    {
        var b = new EventLogBuilder();
        for (var i = 0; i < log.Count; i++)
        {
            if (!customers.Contains(log.CustomerOf(i))) continue;
            b.Add(log.CustomerOf(i), log.TimeOf(i), log.ActivityOf(i), log.ChannelOf(i), log.OutcomeOf(i), log.ScoreOf(i), log.ScoreKindOf(i),
                log.DurationOf(i), log.WaitingOf(i));
        }
        return b.Build();
    }

    public static EventLog Build(IEnumerable<ReferenceAnalyzer.Event> events, Random? random = null)
    {
        var b = new EventLogBuilder();
        foreach (var e in events.OrderBy(e => e.FilePosition))
        {
            var score = random is null ? 5f : random.Next(0, 11);
            var kind = random is null ? ScoreKind.Csat : (ScoreKind)random.Next(0, 4);
            b.Add(e.Customer, new DateTime(e.Ticks, DateTimeKind.Utc), e.Activity, e.Channel, e.Outcome, kind == ScoreKind.None ? float.NaN : score, kind,
                duration: random is null ? 60 : random.Next(0, 600), waiting: random is null ? float.NaN : random.Next(0, 100));
        }
        return b.Build();
    }
}
