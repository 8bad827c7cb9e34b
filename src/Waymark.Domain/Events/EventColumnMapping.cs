using Waymark.Domain.Common;

namespace Waymark.Domain.Events;

/// <summary>
/// The workspace's own names for the fields of the events its systems send, in the form of <c>waymark analyze --map</c>
/// (e.g. <c>customer=cust_id,time=ts,touchpoint=activity</c>): a batch or a file that comes without a mapping of its own
/// is read with it, so the call-centre integration need not repeat it on every request.
/// </summary>
public sealed class EventColumnMapping : WorkspaceEntity
{
    public const int MaxLength = 2_000;

    private EventColumnMapping() { }

    public EventColumnMapping(Guid workspaceId) : base(workspaceId) { }

    /// <summary>The mapping as written, its pairs checked by the reader that uses it.</summary>
    public string Mapping { get; private set; } = "";

    public EventColumnMapping Define(string? mapping)
    {
        if (string.IsNullOrWhiteSpace(mapping))
            throw new DomainRuleException("map", "Name at least one field and its column, such as customer=cust_id; to read the usual names again, remove the saved mapping.");
        if (mapping.Trim().Length > MaxLength)
            throw new DomainRuleException("map", $"A mapping is at most {MaxLength:N0} characters long.");
        Mapping = mapping.Trim();
        return this;
    }
}
