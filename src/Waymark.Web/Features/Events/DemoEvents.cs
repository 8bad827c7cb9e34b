using System.Text.Json;
using Waymark.Analytics.Conformance;
using Waymark.Analytics.Generation;
using Waymark.Analytics.Model;
using Waymark.Analytics.Reading;
using Waymark.Analytics.Writing;
using Waymark.Domain.Events;
using Waymark.Domain.Journeys;
using Waymark.Domain.Workspaces;
using Waymark.Web.Infrastructure;

namespace Waymark.Web.Features.Events;

/// <summary>
/// The demo workspace's year of interaction events, so that a new user sees evidence on the maps, the analytics page and
/// the KPIs from the first screen: customers walk the current-state maps (<see cref="MapEventGenerator"/>), with the
/// hotline, the live chat, WhatsApp and the store service desk as service contacts that resolve or not, and the
/// satisfaction survey answered with an NPS score. The year ends at the given moment; the same moment always gives the
/// same events (one seed), and only the events of journeys still going on after it are left out.
/// </summary>
public static class DemoEvents
{
    /// <summary>Whether a new demo workspace gets its events (true by default; the command line's <c>--no-demo-events</c>, <c>--no-events</c>).</summary>
    public const string Setting = "Waymark:SeedDemoEvents";
    /// <summary>About how many events the demo gets (tests ask for fewer).</summary>
    public const string CountSetting = "Waymark:DemoEventCount";
    public const int DefaultCount = 200_000;
    public const int Seed = 2026;

    /// <summary>As many events as the API takes in one request: each batch is one commit and one entry in the audit trail.</summary>
    private const int BatchSize = EventLimits.DefaultEvents;

    /// <summary>The maps customers walk, by scenario: their share of the events and the first letter of their customers' ids.</summary>
    private static readonly Dictionary<JourneyScenario, (double Share, char Prefix)> Walked = new()
    {
        [JourneyScenario.InitialPurchase] = (0.45, 'P'),
        [JourneyScenario.RepeatPurchase] = (0.30, 'R'),
        [JourneyScenario.ServiceCase] = (0.25, 'S'),
    };

    /// <summary>The service as the demo tells it: the hotline resolves more and keeps callers waiting less as the year goes on.</summary>
    private static readonly Dictionary<string, ServiceContactProfile> Service = new(StringComparer.Ordinal)
    {
        ["call-hotline"] = new(0.64, 0.76, 480, 270, 480),
        ["chat-web"] = new(0.70, 0.80, 150, 90, 540),
        ["whatsapp-service"] = new(0.72, 0.82, 1200, 600, 360),
        ["store-service-desk"] = new(0.80, 0.85, 600, 480, 900),
    };

    private static readonly string[] Surveys = ["email-feedback-survey"];

    /// <summary>The moment a demo seeded now ends its year: the last whole hour, so the newest event is at most an hour or so old.</summary>
    public static DateTime EndFor(DateTimeOffset now) =>
        new(now.UtcTicks - now.UtcTicks % TimeSpan.TicksPerHour, DateTimeKind.Utc);

    /// <summary>
    /// The events of the year up to <paramref name="end"/> (exclusive) for the demo's current-state maps, in time order;
    /// about <paramref name="count"/> of them. Each customer walks one map, and customers of different maps have different ids.
    /// </summary>
    public static List<InteractionEvent> Generate(WorkspaceContent content, DateTime end, int count = DefaultCount)
    {
        var touchpoints = content.Touchpoints.ToDictionary(t => t.Id);
        var channelNames = content.Channels.ToDictionary(c => c.Id, c => c.Name);
        // The same key rule as a map's designed journey: a touchpoint's event key, else its name.
        var channels = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var t in content.Touchpoints.OrderBy(t => t.Name, StringComparer.Ordinal))
            channels.TryAdd(t.EventKey is { Length: > 0 } key ? key : t.Name, channelNames.GetValueOrDefault(t.ChannelId, ""));
        var start = end.AddDays(-365);
        var events = new List<InteractionEvent>(count + count / 10);
        var maps = content.Journeys.Where(j => j.State == JourneyState.Current && Walked.ContainsKey(j.Scenario)).ToList();
        for (var i = 0; i < maps.Count; i++)
        {
            var map = maps[i];
            var (share, prefix) = Walked[map.Scenario];
            var persona = content.Personas.FirstOrDefault(p => p.Id == map.PersonaId)?.Name;
            var attributes = persona is null ? null : JsonSerializer.Serialize(new Dictionary<string, string> { ["persona"] = persona });
            var options = new GeneratorOptions
            {
                Customers = int.MaxValue, MaxEvents = (long)(count * share), Seed = Seed + i, Start = start, Days = 365,
                ServiceContacts = Service, NpsSurveys = Surveys,
            };
            var writer = new Collect(events, end, prefix, attributes);
            MapEventGenerator.Generate(DesignedJourney.FromMap(map, touchpoints), channels, options, writer);
        }
        events.Sort((a, b) => a.At != b.At ? a.At.CompareTo(b.At) : string.CompareOrdinal(a.Customer, b.Customer));
        return events;
    }

    /// <summary>
    /// Stores the events in the workspace through the ingestion use case, as a system sending them would (checked, committed
    /// batch by batch, in the audit trail, KPIs bound to events and open pages told); returns how many were stored.
    /// </summary>
    public static async Task<long> StoreAsync(Work work, CurrentWorkspace ws, IReadOnlyList<InteractionEvent> events, CancellationToken ct)
    {
        long stored = 0;
        for (var first = 0; first < events.Count; first += BatchSize)
        {
            var batch = Enumerable.Range(first, Math.Min(BatchSize, events.Count - first))
                .Select(i => new IncomingEvent(i + 1, $"demo event {i + 1}", events[i], []));
            stored += (await EventIngestion.IngestAsync(work, ws, batch, int.MaxValue, ct)).Stored;
            work.Db.ChangeTracker.Clear();
        }
        return stored;
    }

    /// <summary>
    /// Takes the generator's events as stored events: the map's customer ids, its persona, nothing after the end, times in
    /// whole seconds as contact-centre systems record them (PostgreSQL keeps microseconds, so finer times would come back
    /// other than generated).
    /// </summary>
    private sealed class Collect(List<InteractionEvent> into, DateTime end, char prefix, string? attributes) : IEventWriter
    {
        public void Write(in EventRecord e)
        {
            if (e.TimeTicks >= end.Ticks) return;
            var at = new DateTime(e.TimeTicks - e.TimeTicks % TimeSpan.TicksPerSecond, DateTimeKind.Utc);
            into.Add(new InteractionEvent(prefix + e.Customer[1..], at, e.Activity, e.Channel)
            {
                Outcome = e.Outcome.Length == 0 ? null : e.Outcome,
                Score = float.IsNaN(e.Score) ? null : e.Score,
                ScoreKind = e.ScoreKind switch
                {
                    ScoreKind.Csat => EventScoreKind.Csat,
                    ScoreKind.Nps => EventScoreKind.Nps,
                    ScoreKind.Ces => EventScoreKind.Ces,
                    _ => null,
                },
                HandlingSeconds = float.IsNaN(e.Duration) ? null : e.Duration,
                WaitingSeconds = float.IsNaN(e.Waiting) ? null : e.Waiting,
                Attributes = attributes,
            });
        }

        public void Dispose() { }
    }
}
