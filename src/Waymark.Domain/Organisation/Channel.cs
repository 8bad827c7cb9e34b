using Waymark.Domain.Common;

namespace Waymark.Domain.Organisation;

public enum ChannelKind { Digital, Analog }

/// <summary>Direct channels are run by the company itself; indirect ones by others (review portals, word of mouth, dealers).</summary>
public enum ChannelReach { Direct, Indirect }

/// <summary>A way the customer and the company meet: website, phone, store, WhatsApp, review portals …</summary>
public sealed class Channel : WorkspaceEntity
{
    private Channel() { Name = ""; }

    public Channel(Guid workspaceId, string name, ChannelKind kind, ChannelReach reach) : base(workspaceId) =>
        Describe(name, kind, reach, null);

    public string Name { get; private set; } = "";
    public ChannelKind Kind { get; private set; }
    public ChannelReach Reach { get; private set; }
    public string? Description { get; private set; }

    public Channel Describe(string name, ChannelKind kind, ChannelReach reach, string? description)
    {
        Name = Guard.Required(name, "name");
        Kind = Guard.Defined(kind, "kind");
        Reach = Guard.Defined(reach, "reach");
        Description = Guard.Limited(description, "description");
        return this;
    }
}
