using Waymark.Domain.Personas;

namespace Waymark.Web.Features.Personas;

/// <summary>What the API answers about personas.</summary>
public static partial class PersonasApi
{
    public record PersonaResponse(
        Guid Id, string Name, string Initials, string? PictureUrl, string? Quote, string? Description,
        string? AgeBand, string? Occupation, string? IncomeBand, string? Location, string? Household,
        IReadOnlyList<string> Goals, IReadOnlyList<string> Needs, IReadOnlyList<string> Frustrations,
        string? PurchasingBehaviour, OnlineAffinity OnlineAffinity, IReadOnlyList<Guid> PreferredChannelIds, double? ShareOfCustomers, int Version,
        bool HasPicture = false, string? PictureTag = null)
    {
        public static PersonaResponse From(Persona p) => new(
            p.Id, p.Name, p.Initials, p.PictureUrl, p.Quote, p.Description, p.AgeBand, p.Occupation, p.IncomeBand, p.Location, p.Household,
            p.Goals, p.Needs, p.Frustrations, p.PurchasingBehaviour, p.OnlineAffinity, p.PreferredChannelIds, p.ShareOfCustomers, p.Version,
            p.PictureTag is not null, p.PictureTag);
    }

    public sealed record JourneyRef(Guid Id, string Name);

    /// <summary>A persona with the journey maps drawn from its point of view.</summary>
    public sealed record PersonaDetail : PersonaResponse
    {
        public PersonaDetail(PersonaResponse persona, IReadOnlyList<JourneyRef> journeys) : base(persona) => Journeys = journeys;
        public IReadOnlyList<JourneyRef> Journeys { get; }
    }
}
