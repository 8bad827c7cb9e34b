using Waymark.Analytics.Model;
using Waymark.Domain.Common;
using Waymark.Storage;
using Waymark.Web.Infrastructure;

namespace Waymark.Web.Features.Evidence;

/// <summary>What a drill-down starts from: a variant (the whole path), a directly-follows edge, or a cell of the channel-switch matrix.</summary>
public enum DrillDown
{
    Variant,
    Edge,
    Switch,
}

/// <summary>A customer whose journeys in the period show what was drilled into.</summary>
/// <param name="Journeys">Their journeys in the period that show it.</param>
/// <param name="FirstAt">When the first of those journeys began.</param>
public sealed record ExampleCustomer(string Customer, int Journeys, DateTime FirstAt);

/// <param name="Of">The variant's touchpoints in order, the edge's two touchpoints, or the cell's two channels.</param>
/// <param name="More">True when more customers than these show it.</param>
public sealed record ExampleCustomersResponse(DrillDown Kind, IReadOnlyList<string> Of, IReadOnlyList<ExampleCustomer> Customers, bool More);

/// <summary>
/// Example customers behind a figure of the journey analytics: those whose journeys in the period (with the same filters
/// and the same journeys as <see cref="EventAnalytics"/>) take a variant, pass an edge or switch between two channels.
/// </summary>
public static class ExampleCustomers
{
    public const int DefaultLimit = 20, MaxLimit = 100;

    public static async Task<ExampleCustomersResponse> FindAsync(WaymarkDb db, CurrentWorkspace ws, EventQuestion question,
        DrillDown kind, IReadOnlyList<string> of, int limit, CancellationToken ct)
    {
        Check(kind, of, limit);
        var shows = Matcher(kind, of);
        var found = new Dictionary<string, (int Journeys, DateTime FirstAt)>(StringComparer.Ordinal);
        await foreach (var journey in StoredJourneys.ReadAsync(db, ws, question, ct))
        {
            if (!shows(journey.Steps)) continue;
            var at = journey.Steps[0].At;
            found[journey.Customer] = found.TryGetValue(journey.Customer, out var seen) ? (seen.Journeys + 1, seen.FirstAt < at ? seen.FirstAt : at) : (1, at);
            // One more than asked for says whether there are more; the rest of the period need not be read then.
            if (found.Count > limit) break;
        }
        var customers = found.Select(f => new ExampleCustomer(f.Key, f.Value.Journeys, f.Value.FirstAt))
            .OrderBy(c => c.FirstAt).ThenBy(c => c.Customer, StringComparer.Ordinal).ToList();
        return new ExampleCustomersResponse(kind, of, customers.Take(limit).ToList(), customers.Count > limit);
    }

    private static void Check(DrillDown kind, IReadOnlyList<string> of, int limit)
    {
        if (limit is < 1 or > MaxLimit) throw new DomainRuleException("limit", $"Ask for 1 to {MaxLimit} example customers.");
        if (of.Any(string.IsNullOrEmpty)) throw new DomainRuleException("of", "A touchpoint or channel to drill into is empty.");
        switch (kind)
        {
            case DrillDown.Variant when of.Count == 0:
                throw new DomainRuleException("of", "Name the variant's touchpoints in order.");
            case DrillDown.Edge when of.Count != 2:
                throw new DomainRuleException("of", "Name the edge's two touchpoints: where customers come from and where they go next.");
            case DrillDown.Switch when of.Count != 2:
                throw new DomainRuleException("of", "Name the two channels of the switch: the one customers leave and the one they go to.");
        }
    }

    private static Func<IReadOnlyList<JourneyStep>, bool> Matcher(DrillDown kind, IReadOnlyList<string> of) => kind switch
    {
        DrillDown.Variant => events => events.Count == of.Count && events.Select(e => e.Touchpoint).SequenceEqual(of, StringComparer.Ordinal),
        DrillDown.Edge => events => Pairs(events).Any(p => p.A.Touchpoint == of[0] && p.B.Touchpoint == of[1]),
        _ => events => Pairs(events).Any(p => p.A.Channel == of[0] && p.B.Channel == of[1]),
    };

    private static IEnumerable<(JourneyStep A, JourneyStep B)> Pairs(IReadOnlyList<JourneyStep> events)
    {
        for (var i = 1; i < events.Count; i++) yield return (events[i - 1], events[i]);
    }
}
