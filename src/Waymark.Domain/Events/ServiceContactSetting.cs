using Waymark.Domain.Common;

namespace Waymark.Domain.Events;

/// <summary>
/// A workspace's own answer to "which events are contacts with our service, and which outcomes mean the customer's
/// matter was resolved": the basis of first-contact resolution and the repeat-contact rate. Touchpoints are event keys;
/// when none are named, an event is a service contact when its outcome is one of the resolved or unresolved outcomes.
/// A workspace without a setting of its own uses the built-in definition.
/// </summary>
public sealed class ServiceContactSetting : WorkspaceEntity
{
    public const int MaxEntries = 200;

    private ServiceContactSetting() { }

    public ServiceContactSetting(Guid workspaceId) : base(workspaceId) { }

    public string[] Touchpoints { get; private set; } = [];
    public string[] Channels { get; private set; } = [];
    public string[] ResolvedOutcomes { get; private set; } = [];
    public string[] UnresolvedOutcomes { get; private set; } = [];

    public ServiceContactSetting Define(IEnumerable<string>? touchpoints, IEnumerable<string>? channels,
        IEnumerable<string>? resolvedOutcomes, IEnumerable<string>? unresolvedOutcomes)
    {
        var t = Guard.CleanList(touchpoints, "touchpoints", MaxEntries, 200).Distinct(StringComparer.Ordinal).ToArray();
        var c = Guard.CleanList(channels, "channels", MaxEntries, 200).Distinct(StringComparer.OrdinalIgnoreCase).ToArray();
        var resolved = Guard.CleanList(resolvedOutcomes, "resolvedOutcomes", MaxEntries, 200).Distinct(StringComparer.OrdinalIgnoreCase).ToArray();
        var unresolved = Guard.CleanList(unresolvedOutcomes, "unresolvedOutcomes", MaxEntries, 200).Distinct(StringComparer.OrdinalIgnoreCase).ToArray();
        if (resolved.Length == 0)
            throw new DomainRuleException("resolvedOutcomes", "Name at least one outcome that means the customer's matter was resolved, such as 'resolved'.");
        if (resolved.FirstOrDefault(r => unresolved.Contains(r, StringComparer.OrdinalIgnoreCase)) is { } both)
            throw new DomainRuleException("unresolvedOutcomes", $"The outcome '{both}' cannot mean both resolved and not resolved.");
        (Touchpoints, Channels, ResolvedOutcomes, UnresolvedOutcomes) = (t, c, resolved, unresolved);
        return this;
    }
}
