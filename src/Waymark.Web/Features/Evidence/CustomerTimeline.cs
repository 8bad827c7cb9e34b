using Waymark.Analytics.Metrics;
using Waymark.Domain.Common;
using Waymark.Domain.Events;
using Waymark.Storage;
using Waymark.Storage.Interactions;
using Waymark.Web.Infrastructure;

namespace Waymark.Web.Features.Evidence;

/// <summary>One event on a customer's timeline.</summary>
/// <param name="Contact">A service contact by the definition the timeline states.</param>
/// <param name="Resolved">For a service contact, whether its outcome means resolved; null for other events.</param>
/// <param name="LostContext">For a contact that came soon after an unresolved one on another channel, what it followed; null otherwise.</param>
public sealed record TimelineEvent(
    DateTime At, string Touchpoint, string Channel, string? Outcome, string? Agent, string? Case,
    float? WaitingSeconds, float? HandlingSeconds, float? Score, string? ScoreKind,
    bool Contact, bool? Resolved, LostContext? LostContext);

/// <summary>The unresolved contact a later one followed on another channel: the customer had to start again.</summary>
public sealed record LostContext(DateTime At, string Touchpoint, string Channel, string? Outcome);

public sealed record TimelineJourney(DateTime Start, DateTime End, IReadOnlyList<TimelineEvent> Events);

/// <param name="Rule">The definitions the timeline uses, in words.</param>
public sealed record CustomerTimelineResponse(string Customer, int Events, int LostContexts, IReadOnlyList<TimelineJourney> Journeys, string Rule);

/// <summary>
/// The single customer view: every stored event of one customer across channels in time order, split into journeys as
/// the analytics split them, with lost context marked — a service contact within <see cref="Soon"/> after an unresolved
/// one on another channel, where the customer most likely had to explain everything again.
/// </summary>
public static class CustomerTimeline
{
    public static readonly TimeSpan Soon = TimeSpan.FromDays(2);

    /// <summary>
    /// The customer's part of the timeline page's address: each part between slashes escaped, the slashes kept, so an id
    /// such as "shop/DE/4711" reaches the page's catch-all route whole. An escaped slash would not: the page router reads
    /// it as a separator, the server's routing leaves it escaped.
    /// </summary>
    public static string PagePath(string customer) => string.Join('/', customer.Split('/').Select(Uri.EscapeDataString));

    public static async Task<CustomerTimelineResponse> ReadAsync(WaymarkDb db, CurrentWorkspace ws, string? customer, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(customer)) throw new DomainRuleException("customer", "Name the customer, as the events carry their id.");
        var definition = await EventAnalytics.ServiceContactsAsync(db, ws, ct);
        var events = await EventStore.For(db).ReadCustomerAsync(ws.Id, customer, ct).ToListAsync(ct);
        if (events.Count == 0)
            throw new NotFoundException($"Workspace '{ws.Key}' holds no events of the customer '{customer}'; the id must be written exactly as the events carry it.");
        var journeys = StoredJourneys.Split(events).Select(j => new TimelineJourney(j[0].At, j[^1].At, Mark(j, definition))).ToList();
        return new CustomerTimelineResponse(customer, events.Count, journeys.Sum(j => j.Events.Count(e => e.LostContext is not null)), journeys, Rule(definition));
    }

    /// <summary>The definitions in words, for the page and the API's readers.</summary>
    public static string Rule(ServiceContactDefinition definition) =>
        $"{definition.Description} Lost context: a service contact within {Soon.TotalDays:0} days after an unresolved one on another channel.";

    private static List<TimelineEvent> Mark(IReadOnlyList<InteractionEvent> journey, ServiceContactDefinition definition)
    {
        var marked = new List<TimelineEvent>(journey.Count);
        InteractionEvent? unresolved = null;
        foreach (var e in journey)
        {
            var contact = IsContact(e, definition);
            var resolved = contact ? IsResolved(e, definition) : (bool?)null;
            LostContext? lost = null;
            if (contact && unresolved is { } before && e.At - before.At <= Soon && !string.Equals(before.Channel, e.Channel, StringComparison.OrdinalIgnoreCase))
                lost = new LostContext(before.At, before.Touchpoint, before.Channel, before.Outcome);
            marked.Add(new TimelineEvent(e.At, e.Touchpoint, e.Channel, e.Outcome, e.Agent, e.Case, e.WaitingSeconds, e.HandlingSeconds, e.Score,
                e.ScoreKind is { } kind ? InteractionEvent.Name(kind) : null, contact, resolved, lost));
            // The latest contact decides: once resolved, nothing open is carried over.
            if (contact) unresolved = resolved == true ? null : e;
        }
        return marked;
    }

    /// <summary>As the analyzer counts service contacts: named touchpoints, or else a contact centre's outcome; in the named channels if any.</summary>
    private static bool IsContact(InteractionEvent e, ServiceContactDefinition d) =>
        (d.Touchpoints.Count > 0
            ? d.Touchpoints.Contains(e.Touchpoint, StringComparer.Ordinal)
            : e.Outcome is { } o && (d.ResolvedOutcomes.Contains(o, StringComparer.OrdinalIgnoreCase) || d.UnresolvedOutcomes.Contains(o, StringComparer.OrdinalIgnoreCase)))
        && (d.Channels.Count == 0 || d.Channels.Contains(e.Channel, StringComparer.OrdinalIgnoreCase));

    private static bool IsResolved(InteractionEvent e, ServiceContactDefinition d) =>
        e.Outcome is { } o && d.ResolvedOutcomes.Contains(o, StringComparer.OrdinalIgnoreCase);
}
