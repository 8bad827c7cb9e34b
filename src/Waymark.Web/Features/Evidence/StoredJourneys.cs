using System.Runtime.CompilerServices;
using Waymark.Analytics.Metrics;
using Waymark.Analytics.Model;
using Waymark.Domain.Events;
using Waymark.Storage;
using Waymark.Storage.Interactions;
using Waymark.Web.Infrastructure;

namespace Waymark.Web.Features.Evidence;

/// <summary>
/// The real journeys of the stored events, cut by the one journey rule (<see cref="CustomerJourneys"/>), read from the
/// store a UTC month at a time: journeys never reach into the next month, so a month read whole holds its journeys
/// whole. The analytics, their drill-downs and KPIs computed from events all read here, so the customers a drill-down
/// names and the journeys a KPI measures are the ones the figures counted.
/// </summary>
public static class StoredJourneys
{
    /// <summary>The events of one UTC month that the question (<paramref name="variant"/>) counts, cut into journeys.</summary>
    internal static async Task<CustomerJourneys> ReadMonthAsync(IEventStore store, Guid workspaceId, DateOnly month,
        EventAnalytics.Variant variant, CancellationToken ct)
    {
        var journeys = new CustomerJourneys();
        var from = MonthStart(month).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        await foreach (var e in store.ReadForAnalysisAsync(workspaceId, from, from.AddMonths(1), attributes: variant.Persona is not null, ct))
            if (variant.Counts(e)) journeys.Add(e);
        return journeys;
    }

    /// <summary>
    /// The journeys that start in the question's period and pass its channel and persona filters, with all their
    /// events, month by month and earliest first within a month. A reader that has seen enough may stop early.
    /// </summary>
    public static async IAsyncEnumerable<StoredJourney> ReadAsync(WaymarkDb db, CurrentWorkspace ws, EventQuestion question,
        [EnumeratorCancellation] CancellationToken ct)
    {
        var counts = Counting(question);
        var store = EventStore.For(db);
        for (var month = MonthStart(question.From); month <= question.To; month = month.AddMonths(1))
        {
            var journeys = await ReadMonthAsync(store, ws.Id, month, counts, ct);
            foreach (var journey in journeys.Journeys(question.From, question.To)) yield return journey;
        }
    }

    /// <summary>One customer's events (in time order) cut into journeys, each as its events.</summary>
    public static IReadOnlyList<IReadOnlyList<InteractionEvent>> Split(IReadOnlyList<InteractionEvent> events)
    {
        var journeys = new CustomerJourneys();
        foreach (var e in events) journeys.Add(e);
        return journeys.Segments().Select(j => (IReadOnlyList<InteractionEvent>)j.Rows.Select(row => events[row]).ToList())
            .OrderBy(j => j[0].At).ToList();
    }

    /// <summary>Which events the question counts, as the analytics count them (its channel and persona).</summary>
    private static EventAnalytics.Variant Counting(EventQuestion question) =>
        EventAnalytics.Variant.Of(question.Channel, question.Persona, null, ServiceContactDefinition.Default);

    internal static DateOnly MonthStart(DateOnly day) => new(day.Year, day.Month, 1);
}
