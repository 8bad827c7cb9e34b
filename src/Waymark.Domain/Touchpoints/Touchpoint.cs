using Waymark.Domain.Common;

namespace Waymark.Domain.Touchpoints;

/// <summary>A point of contact between customer and brand, as kept in the touchpoint inventory.</summary>
public sealed class Touchpoint : WorkspaceEntity
{
    private Touchpoint() { Name = ""; }

    public Touchpoint(Guid workspaceId, TouchpointProfile profile) : base(workspaceId) => Describe(profile);

    public string Name { get; private set; } = "";
    public string? Description { get; private set; }
    public TouchpointCategory Category { get; private set; }
    public string? CustomCategory { get; private set; }
    public Guid ChannelId { get; private set; }
    public Guid[] PhaseIds { get; private set; } = [];
    public Guid? DepartmentId { get; private set; }
    public Guid? OwnerId { get; private set; }
    /// <summary>Importance to the customer, 1 (minor) to 5 (decisive).</summary>
    public int Relevance { get; private set; }
    public bool IsMomentOfTruth { get; private set; }
    public bool IsPainPoint { get; private set; }
    public bool IsBrandSuccessPoint { get; private set; }
    public Compliance DesignCompliance { get; private set; }
    public Compliance TonalityCompliance { get; private set; }
    public Compliance ReactionTimeCompliance { get; private set; }
    public string[] Tags { get; private set; } = [];
    /// <summary>The key interaction events use for this touchpoint, e.g. <c>call-hotline</c>; links the map to real journeys.</summary>
    public string? EventKey { get; private set; }

    public string CategoryName => Category == TouchpointCategory.Custom ? CustomCategory ?? "Custom" : Category.DisplayName();

    public Touchpoint Describe(TouchpointProfile p)
    {
        Name = Guard.Required(p.Name, "name");
        Description = Guard.Limited(p.Description, "description");
        Category = Guard.Defined(p.Category, "category");
        if (Category == TouchpointCategory.Custom)
            CustomCategory = Guard.Required(p.CustomCategory, "customCategory", 100);
        else
            CustomCategory = null;
        if (p.ChannelId == Guid.Empty) throw new DomainRuleException("channelId", "A touchpoint needs the channel it happens in.");
        ChannelId = p.ChannelId;
        PhaseIds = Guard.Distinct(p.PhaseIds);
        DepartmentId = p.DepartmentId;
        OwnerId = p.OwnerId;
        Relevance = Guard.InRange(p.Relevance, 1, 5, "relevance", "1 = minor, 5 = decisive for the customer");
        IsMomentOfTruth = p.IsMomentOfTruth;
        IsPainPoint = p.IsPainPoint;
        IsBrandSuccessPoint = p.IsBrandSuccessPoint;
        DesignCompliance = Guard.Defined(p.DesignCompliance, "designCompliance");
        TonalityCompliance = Guard.Defined(p.TonalityCompliance, "tonalityCompliance");
        ReactionTimeCompliance = Guard.Defined(p.ReactionTimeCompliance, "reactionTimeCompliance");
        Tags = Guard.CleanList(p.Tags, "tags", 30, 60).Distinct(StringComparer.OrdinalIgnoreCase).ToArray();
        EventKey = Guard.Line(string.IsNullOrWhiteSpace(p.EventKey) ? null : p.EventKey.Trim(), "eventKey", 200);
        return this;
    }
}

public sealed record TouchpointProfile(
    string Name,
    Guid ChannelId,
    TouchpointCategory Category,
    int Relevance = 3,
    string? Description = null,
    string? CustomCategory = null,
    IReadOnlyList<Guid>? PhaseIds = null,
    Guid? DepartmentId = null,
    Guid? OwnerId = null,
    bool IsMomentOfTruth = false,
    bool IsPainPoint = false,
    bool IsBrandSuccessPoint = false,
    Compliance DesignCompliance = Compliance.NotAssessed,
    Compliance TonalityCompliance = Compliance.NotAssessed,
    Compliance ReactionTimeCompliance = Compliance.NotAssessed,
    IReadOnlyList<string>? Tags = null,
    string? EventKey = null);
