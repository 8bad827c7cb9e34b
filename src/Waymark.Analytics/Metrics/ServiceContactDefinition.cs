namespace Waymark.Analytics.Metrics;

/// <summary>
/// Which events are service contacts and which outcomes mean the matter was resolved: the basis of first-contact
/// resolution, repeat contacts and escalations. Not every event with an outcome is a contact — a purchase
/// ("purchased"), a claim closed as "processed" or a form "completed" are no conversation with the service. So by
/// default an event is a service contact when its outcome belongs to the vocabulary contact centres record for a
/// contact (resolved, unresolved, escalated, transferred, abandoned …); a workspace that knows its service
/// touchpoints names them instead, and may narrow contacts to some channels.
/// Outcomes and channels compare case-insensitively, touchpoints (event keys) exactly; two definitions are equal when
/// they count the same events, whatever the order or case of their lists.
/// </summary>
public sealed record ServiceContactDefinition
{
    public static ServiceContactDefinition Default { get; } = new();

    /// <summary>Touchpoints (event keys) whose events are service contacts; when empty, contacts are known by their outcome.</summary>
    public IReadOnlyList<string> Touchpoints { get; init; } = [];
    /// <summary>Channels service contacts happen in; any channel when empty.</summary>
    public IReadOnlyList<string> Channels { get; init; } = [];
    /// <summary>Outcomes that mean the customer's matter was resolved.</summary>
    public IReadOnlyList<string> ResolvedOutcomes { get; init; } = ["resolved", "solved", "fixed"];
    /// <summary>
    /// Outcomes of a contact that did not resolve the matter; with <see cref="ResolvedOutcomes"/> they tell a contact
    /// from other events when no touchpoints are named.
    /// </summary>
    public IReadOnlyList<string> UnresolvedOutcomes { get; init; } = ["unresolved", "not resolved", "escalated", "transferred", "abandoned", "reopened"];

    /// <summary>The rule in one sentence, for the readers of a report.</summary>
    public string Description
    {
        get
        {
            var what = Touchpoints.Count > 0
                ? $"events at {List(Touchpoints)}"
                : $"events whose outcome is {List([.. ResolvedOutcomes, .. UnresolvedOutcomes])}";
            var where = Channels.Count > 0 ? $" in {List(Channels)}" : "";
            return $"Service contacts are {what}{where}; resolved means the outcome {List(ResolvedOutcomes)}.";

            static string List(IReadOnlyList<string> names) => names.Count switch
            {
                0 => "(none)",
                1 => $"'{names[0]}'",
                _ => string.Join(", ", names.Take(names.Count - 1).Select(n => $"'{n}'")) + $" or '{names[^1]}'",
            };
        }
    }

    /// <summary>Notes on named touchpoints and channels that no event of the log has: a typo counts no contact at all.</summary>
    public IReadOnlyList<string> MissingFrom(Model.EventLog log)
    {
        var notes = new List<string>();
        foreach (var t in Touchpoints.Distinct(StringComparer.Ordinal))
            if (!log.Pools.Activities.TryGet(t, out _))
                notes.Add($"No event has the service contact touchpoint '{t}'.");
        var channels = new HashSet<string>(log.Pools.Channels.Values, StringComparer.OrdinalIgnoreCase);
        foreach (var c in Channels.Distinct(StringComparer.OrdinalIgnoreCase))
            if (!channels.Contains(c))
                notes.Add($"No event is in the service contact channel '{c}'.");
        return notes;
    }

    public bool Equals(ServiceContactDefinition? other) => other is not null && Key == other.Key;

    public override int GetHashCode() => Key.GetHashCode(StringComparison.Ordinal);

    /// <summary>The definition in canonical form: what it counts, independent of list order and case (kept partials are told apart by it).</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public string Key => string.Join('\u0002',
        Canonical(Touchpoints, caseless: false), Canonical(Channels, caseless: true),
        Canonical(ResolvedOutcomes, caseless: true), Canonical(Touchpoints.Count > 0 ? [] : UnresolvedOutcomes, caseless: true));

    private static string Canonical(IEnumerable<string> names, bool caseless) =>
        string.Join('\u0001', names.Select(n => caseless ? n.ToLowerInvariant() : n).Distinct().Order(StringComparer.Ordinal));
}
