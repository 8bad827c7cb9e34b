using Waymark.Domain.Common;

namespace Waymark.Domain.Personas;

public enum OnlineAffinity { Low, Medium, High }

/// <summary>An archetypal customer whose eyes the team looks through.</summary>
public sealed class Persona : WorkspaceEntity
{
    private Persona() { Name = ""; }

    public Persona(Guid workspaceId, string name) : base(workspaceId)
    {
        Name = Guard.Required(name, "name");
        Initials = InitialsOf(Name);
    }

    public string Name { get; private set; } = "";
    /// <summary>Shown when there is no picture; derived from the name unless set.</summary>
    public string Initials { get; private set; } = "";
    public string? PictureUrl { get; private set; }
    /// <summary>The <see cref="PersonaPicture.Tag"/> of the uploaded picture; null when none is uploaded.</summary>
    public string? PictureTag { get; private set; }
    public string? PictureType { get; private set; }
    public string? Quote { get; private set; }
    public string? Description { get; private set; }
    public string? AgeBand { get; private set; }
    public string? Occupation { get; private set; }
    public string? IncomeBand { get; private set; }
    public string? Location { get; private set; }
    public string? Household { get; private set; }
    public string[] Goals { get; private set; } = [];
    public string[] Needs { get; private set; } = [];
    public string[] Frustrations { get; private set; } = [];
    public string? PurchasingBehaviour { get; private set; }
    public OnlineAffinity OnlineAffinity { get; private set; } = OnlineAffinity.Medium;
    public Guid[] PreferredChannelIds { get; private set; } = [];
    /// <summary>Share of the customer base this persona stands for, in percent.</summary>
    public double? ShareOfCustomers { get; private set; }

    public Persona Describe(PersonaProfile p)
    {
        Name = Guard.Required(p.Name, "name");
        Initials = string.IsNullOrWhiteSpace(p.Initials) ? InitialsOf(Name) : Guard.Line(p.Initials.Trim(), "initials", 4)!;
        if (p.PictureUrl is { Length: > 0 } url && !(Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == "https" || uri.Scheme == "http")))
            throw new DomainRuleException("pictureUrl", "The picture must be an http or https address.");
        PictureUrl = Guard.Limited(p.PictureUrl, "pictureUrl", 2000);
        Quote = Guard.Limited(p.Quote, "quote", 500);
        Description = Guard.Limited(p.Description, "description");
        AgeBand = Guard.Line(p.AgeBand, "ageBand", 50);
        Occupation = Guard.Line(p.Occupation, "occupation", 200);
        IncomeBand = Guard.Line(p.IncomeBand, "incomeBand", 100);
        Location = Guard.Line(p.Location, "location", 200);
        Household = Guard.Line(p.Household, "household", 200);
        Goals = Guard.CleanList(p.Goals, "goals");
        Needs = Guard.CleanList(p.Needs, "needs");
        Frustrations = Guard.CleanList(p.Frustrations, "frustrations");
        PurchasingBehaviour = Guard.Limited(p.PurchasingBehaviour, "purchasingBehaviour");
        OnlineAffinity = Guard.Defined(p.OnlineAffinity, "onlineAffinity");
        PreferredChannelIds = Guard.Distinct(p.PreferredChannelIds);
        if (p.ShareOfCustomers is { } share && (double.IsNaN(share) || share < 0 || share > 100))
            throw new DomainRuleException("shareOfCustomers", "Share of customers is a percentage between 0 and 100.");
        ShareOfCustomers = p.ShareOfCustomers;
        return this;
    }

    /// <summary>Shows this picture from now on; the picture's bytes are stored beside the persona.</summary>
    public void ShowPicture(PersonaPicture picture) => (PictureTag, PictureType) = (picture.Tag, picture.ContentType);

    public void RemovePicture() => (PictureTag, PictureType) = (null, null);

    public static string InitialsOf(string name) =>
        string.Concat(name.Split(' ', StringSplitOptions.RemoveEmptyEntries).Take(2).Select(w => char.ToUpperInvariant(w[0])));
}

/// <summary>Everything a persona's profile says, as one value so create and update share the rules.</summary>
public sealed record PersonaProfile(
    string Name,
    string? Initials = null,
    string? PictureUrl = null,
    string? Quote = null,
    string? Description = null,
    string? AgeBand = null,
    string? Occupation = null,
    string? IncomeBand = null,
    string? Location = null,
    string? Household = null,
    IReadOnlyList<string>? Goals = null,
    IReadOnlyList<string>? Needs = null,
    IReadOnlyList<string>? Frustrations = null,
    string? PurchasingBehaviour = null,
    OnlineAffinity OnlineAffinity = OnlineAffinity.Medium,
    IReadOnlyList<Guid>? PreferredChannelIds = null,
    double? ShareOfCustomers = null);
