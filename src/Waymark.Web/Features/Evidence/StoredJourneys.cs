using System.Runtime.CompilerServices;
using System.Text.Json;
using Waymark.Domain.Events;
using Waymark.Storage;
using Waymark.Storage.Interactions;
using Waymark.Web.Infrastructure;

namespace Waymark.Web.Features.Evidence;

/// <summary>
/// The real journeys of a period as <see cref="EventAnalytics"/> counts them, one at a time: the period's events that
/// pass the question's filters, per customer, a new journey after a pause longer than <see cref="EventAnalytics.JourneyGap"/>.
/// The drill-downs read here, so the customers they name are the ones the figures counted.
/// </summary>
public static class StoredJourneys
{
    /// <summary>A customer's journey: their events in time order.</summary>
    public sealed record Journey(string Customer, IReadOnlyList<InteractionEvent> Events);

    /// <summary>The events of the period that pass the question's channel and persona filters, in time order.</summary>
    public static async IAsyncEnumerable<InteractionEvent> EventsAsync(WaymarkDb db, CurrentWorkspace ws, EventQuestion question, [EnumeratorCancellation] CancellationToken ct)
    {
        var from = question.From.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var to = question.To.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        await foreach (var e in EventStore.For(db).ReadAsync(ws.Id, from, to, ct))
        {
            if (question.Channel is { } channel && !string.Equals(e.Channel, channel, StringComparison.OrdinalIgnoreCase)) continue;
            if (question.Persona is { } persona && !string.Equals(PersonaOf(e), persona, StringComparison.OrdinalIgnoreCase)) continue;
            yield return e;
        }
    }

    /// <summary>
    /// The period's journeys, each as soon as it is complete: when its customer's next event comes after the gap, or
    /// at the end of the period. A reader that has seen enough may stop early.
    /// </summary>
    public static async IAsyncEnumerable<Journey> ReadAsync(WaymarkDb db, CurrentWorkspace ws, EventQuestion question, [EnumeratorCancellation] CancellationToken ct)
    {
        var open = new Dictionary<string, List<InteractionEvent>>(StringComparer.Ordinal);
        await foreach (var e in EventsAsync(db, ws, question, ct))
        {
            if (open.TryGetValue(e.Customer, out var events))
            {
                if (e.At - events[^1].At <= EventAnalytics.JourneyGap)
                {
                    events.Add(e);
                    continue;
                }
                yield return new Journey(e.Customer, events);
            }
            open[e.Customer] = [e];
        }
        foreach (var (customer, events) in open) yield return new Journey(customer, events);
    }

    /// <summary>One customer's journeys over all their stored events.</summary>
    public static IReadOnlyList<IReadOnlyList<InteractionEvent>> Split(IReadOnlyList<InteractionEvent> events)
    {
        var journeys = new List<IReadOnlyList<InteractionEvent>>();
        List<InteractionEvent>? current = null;
        foreach (var e in events)
        {
            if (current is null || e.At - current[^1].At > EventAnalytics.JourneyGap) journeys.Add(current = []);
            current.Add(e);
        }
        return journeys;
    }

    /// <summary>The persona an event names in its attributes, as the analytics filter by it.</summary>
    public static string? PersonaOf(InteractionEvent e)
    {
        if (e.Attributes is null) return null;
        using var json = JsonDocument.Parse(e.Attributes);
        return json.RootElement.ValueKind == JsonValueKind.Object && json.RootElement.TryGetProperty("persona", out var p) ? p.ToString() : null;
    }
}
