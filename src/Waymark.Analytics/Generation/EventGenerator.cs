using Waymark.Analytics.Conformance;
using Waymark.Analytics.Model;
using Waymark.Analytics.Writing;

namespace Waymark.Analytics.Generation;

public sealed record GeneratorOptions
{
    public int Customers { get; init; } = 1000;
    /// <summary>Stop once this many events are written (the last customer is completed); no limit when null.</summary>
    public long? MaxEvents { get; init; }
    public int Seed { get; init; } = 42;
    public DateTime Start { get; init; } = new(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc);
    public int Days { get; init; } = 365;
    /// <summary>
    /// For <see cref="MapEventGenerator"/>: the touchpoints (event keys) that are contacts with the service, and how
    /// each treats customers. None when null: the log is the same as before this option existed.
    /// </summary>
    public IReadOnlyDictionary<string, ServiceContactProfile>? ServiceContacts { get; init; }
    /// <summary>For <see cref="MapEventGenerator"/>: touchpoints (event keys) where customers answer the NPS question; none when null.</summary>
    public IReadOnlyCollection<string>? NpsSurveys { get; init; }
}

/// <summary>
/// How a service touchpoint treats customers in a generated log: the chance that a contact resolves the matter, and the
/// mean waiting time (seconds), each moving in a straight line from the first value at the start of the generated
/// period to the second at its end (a service that gets better or worse over the year); and the mean handling time.
/// </summary>
public sealed record ServiceContactProfile(double ResolvesFrom, double ResolvesTo, double WaitingFrom, double WaitingTo, double HandlingSeconds);

/// <summary>
/// Synthetic omnichannel journeys: customers of three personas (with channel preferences) mostly follow
/// <see cref="DesignedJourney"/> stage by stage, with realistic deviations — dropping out, skipping a step, unplanned
/// touchpoints, stages out of order — and service contacts that fail, are retried (often in another channel: a channel
/// switch, an escalation when the failed contact was not resolved), with waiting and handling times per channel and
/// CSAT that falls with waiting and failure, CES after resolution, and an NPS answer that reflects the whole journey.
/// Deterministic for a seed. Customers are written one after the other, each customer's events in time order.
/// </summary>
public static class EventGenerator
{
    private sealed record Persona(string Name, double Share, string[] Contact, double[] Weights, double DigitalAffinity);

    private static readonly Persona[] Personas =
    [
        new("digital native", 0.40, ["chat", "whatsapp", "email", "phone"], [0.45, 0.30, 0.15, 0.10], 0.9),
        new("traditionalist", 0.30, ["phone", "store", "email", "chat"], [0.55, 0.25, 0.15, 0.05], 0.3),
        new("pragmatist", 0.30, ["email", "phone", "chat", "whatsapp"], [0.35, 0.35, 0.20, 0.10], 0.6),
    ];

    private static readonly Dictionary<string, (double Resolve, double WaitMean, double HandleMean)> Service = new()
    {
        ["phone"] = (0.72, 240, 420),
        ["chat"] = (0.64, 90, 540),
        ["whatsapp"] = (0.58, 900, 300),
        ["email"] = (0.55, 14400, 360),
        ["store"] = (0.80, 600, 900),
    };

    /// <summary>The map the generated customers are meant to follow (touchpoint keys as in the events).</summary>
    public static DesignedJourney DesignedJourney { get; } = new()
    {
        Name = "Buy and get help",
        Stages =
        [
            new DesignedStage { Name = "Awareness", Steps = [new DesignedStep { Name = "Notice the brand", Touchpoints = ["online-ad", "social-post"] }] },
            new DesignedStage { Name = "Consideration", Steps =
            [
                new DesignedStep { Name = "Explore the website", Touchpoints = ["website-visit"] },
                new DesignedStep { Name = "Read reviews", Touchpoints = ["product-reviews"] },
            ] },
            new DesignedStage { Name = "Purchase", Steps = [new DesignedStep { Name = "Buy", Touchpoints = ["web-checkout", "store-purchase"] }] },
            new DesignedStage { Name = "Usage/Service", Steps =
            [
                new DesignedStep { Name = "Onboarding", Touchpoints = ["onboarding-email"] },
                new DesignedStep { Name = "Get help", Touchpoints = ["support-contact"] },
            ] },
            new DesignedStage { Name = "Advocacy", Steps = [new DesignedStep { Name = "Answer the survey", Touchpoints = ["nps-survey"] }] },
        ],
    };

    private static readonly string[] Unplanned = ["complaint-tweet", "store-visit", "faq-page", "callback-request"];

    /// <summary>Writes the generated events; returns how many.</summary>
    public static long Generate(GeneratorOptions options, IEventWriter writer, Action<long, long>? progress = null)
    {
        var random = new Random(options.Seed);
        var buffer = new List<EventRecord>(64);
        long events = 0;
        var spanTicks = TimeSpan.FromDays(options.Days).Ticks;
        for (var c = 0; c < options.Customers || options.MaxEvents is not null; c++)
        {
            if (options.MaxEvents is { } max && events >= max) break;
            if (options.MaxEvents is null && c >= options.Customers) break;
            buffer.Clear();
            Customer(random, $"C{c + 1:D7}", options.Start.Ticks + (long)(random.NextDouble() * spanTicks), buffer);
            foreach (var e in buffer) writer.Write(e);
            events += buffer.Count;
            if (progress is not null && (c & 0x3FFF) == 0) progress(c, events);
        }
        return events;
    }

    private static void Customer(Random r, string id, long start, List<EventRecord> into)
    {
        var persona = Pick(r, Personas, p => p.Share);
        var t = start;
        long totalWait = 0;
        var failures = 0;
        void Emit(string touchpoint, string channel, string outcome, float score, ScoreKind kind, float handle, float wait) =>
            into.Add(new EventRecord(id, null, t, touchpoint, channel, outcome, score, kind, handle, wait));
        void Add(string touchpoint, string channel, string outcome = "", float score = float.NaN, ScoreKind kind = ScoreKind.None) =>
            Emit(touchpoint, channel, outcome, score, kind, float.NaN, float.NaN);
        TimeSpan Gap(double meanHours) => TimeSpan.FromHours(-Math.Log(1 - r.NextDouble()) * meanHours + 0.01);

        var stages = new List<Action>
        {
            () => Add(r.NextDouble() < persona.DigitalAffinity ? "online-ad" : "social-post", "social"),
            () =>
            {
                if (r.NextDouble() < 0.93) { t += Gap(20).Ticks; Add("website-visit", "web"); }
                if (r.NextDouble() < 0.7) { t += Gap(6).Ticks; Add("product-reviews", "review-portal"); }
            },
            () =>
            {
                var online = r.NextDouble() < persona.DigitalAffinity;
                Add(online ? "web-checkout" : "store-purchase", online ? "web" : "store", "purchased");
            },
            () =>
            {
                if (r.NextDouble() < 0.9) { Add("onboarding-email", "email"); t += Gap(72).Ticks; }
                if (r.NextDouble() < 0.55) failures = Support(r, persona, ref t, ref totalWait, Emit);
            },
            () =>
            {
                if (r.NextDouble() < 0.6)
                {
                    var nps = 9.5 - failures * 2.2 - Math.Min(4, totalWait / 3600.0) + (r.NextDouble() - 0.5) * 3;
                    Add("nps-survey", "email", "", (float)Math.Clamp(Math.Round(nps), 0, 10), ScoreKind.Nps);
                }
            },
        };
        // Realistic deviations: two neighbouring stages swapped now and then.
        if (r.NextDouble() < 0.03)
        {
            var i = r.Next(stages.Count - 1);
            (stages[i], stages[i + 1]) = (stages[i + 1], stages[i]);
        }
        for (var s = 0; s < stages.Count; s++)
        {
            if (s > 0) t += Gap(s == 3 ? 240 : 48).Ticks;
            if (r.NextDouble() < 0.04) { Add(Unplanned[r.Next(Unplanned.Length)], r.NextDouble() < 0.5 ? "social" : "web"); t += Gap(2).Ticks; }
            var before = into.Count;
            if (r.NextDouble() > 0.07) stages[s](); // a skipped stage
            if (s < 3 && r.NextDouble() < 0.10 && into.Count > before) break; // drop-out
        }
        if (into.Count == 0) Add("online-ad", "social");
    }

    private static int Support(Random r, Persona persona, ref long t, ref long totalWait, Action<string, string, string, float, ScoreKind, float, float> add)
    {
        var channel = persona.Contact[PickIndex(r, persona.Weights)];
        var failures = 0;
        for (var attempt = 0; attempt < 4; attempt++)
        {
            var (resolve, waitMean, handleMean) = Service[channel];
            var wait = -Math.Log(1 - r.NextDouble()) * waitMean;
            var handle = handleMean * (0.5 + r.NextDouble());
            totalWait += (long)wait;
            t += TimeSpan.FromSeconds(wait).Ticks;
            var resolved = r.NextDouble() < resolve - Math.Min(0.2, wait / waitMean * 0.05);
            var csat = 4.6 - Math.Min(2.0, wait / waitMean * 0.6) - (resolved ? 0 : 1.6) - failures * 0.4 + (r.NextDouble() - 0.5) * 1.2;
            add("support-contact", channel, resolved ? "resolved" : (attempt == 3 ? "escalated" : "unresolved"), (float)Math.Clamp(Math.Round(csat), 1, 5), ScoreKind.Csat, (float)Math.Round(handle), (float)Math.Round(wait));
            if (resolved)
            {
                if (r.NextDouble() < 0.3)
                {
                    t += TimeSpan.FromMinutes(5).Ticks;
                    add("effort-survey", "email", "", (float)Math.Clamp(2 + failures * 1.5 + r.Next(0, 2), 1, 7), ScoreKind.Ces, float.NaN, float.NaN);
                }
                return failures;
            }
            failures++;
            t += TimeSpan.FromHours(-Math.Log(1 - r.NextDouble()) * 20).Ticks;
            // After a failed contact most customers try another channel.
            if (r.NextDouble() < 0.6)
            {
                var other = persona.Contact[PickIndex(r, persona.Weights)];
                channel = other == channel ? (channel == "phone" ? "chat" : "phone") : other;
            }
        }
        return failures;
    }

    private static T Pick<T>(Random r, T[] items, Func<T, double> weight)
    {
        var x = r.NextDouble() * items.Sum(weight);
        foreach (var item in items)
        {
            x -= weight(item);
            if (x <= 0) return item;
        }
        return items[^1];
    }

    private static int PickIndex(Random r, double[] weights)
    {
        var x = r.NextDouble() * weights.Sum();
        for (var i = 0; i < weights.Length; i++)
        {
            x -= weights[i];
            if (x <= 0) return i;
        }
        return weights.Length - 1;
    }
}
