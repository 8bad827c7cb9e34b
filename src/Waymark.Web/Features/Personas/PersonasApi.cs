using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Waymark.Domain.Organisation;
using Waymark.Domain.Personas;
using Waymark.Storage;
using Waymark.Web.Infrastructure;

namespace Waymark.Web.Features.Personas;

public static class PersonasApi
{
    public sealed record PersonaRequest(
        string Name, string? Initials = null, string? PictureUrl = null, string? Quote = null, string? Description = null,
        string? AgeBand = null, string? Occupation = null, string? IncomeBand = null, string? Location = null, string? Household = null,
        IReadOnlyList<string>? Goals = null, IReadOnlyList<string>? Needs = null, IReadOnlyList<string>? Frustrations = null,
        string? PurchasingBehaviour = null, OnlineAffinity OnlineAffinity = OnlineAffinity.Medium,
        IReadOnlyList<Guid>? PreferredChannelIds = null, double? ShareOfCustomers = null, int? Version = null)
    {
        public PersonaProfile Profile() => new(
            Name, Initials, PictureUrl, Quote, Description, AgeBand, Occupation, IncomeBand, Location, Household,
            Goals, Needs, Frustrations, PurchasingBehaviour, OnlineAffinity, PreferredChannelIds, ShareOfCustomers);
    }

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

    public static RouteGroupBuilder MapPersonasApi(this RouteGroupBuilder workspace)
    {
        var group = workspace.MapGroup("/personas").WithTags("Personas");
        group.MapGet("/", List);
        group.MapGet("/{id:guid}", Get);
        group.MapPost("/", Create);
        group.MapPut("/{id:guid}", Update).ProducesProblem(409).ProducesProblem(428);
        group.MapDelete("/{id:guid}", Delete).ProducesProblem(409);
        group.MapPersonaPicturesApi();
        return group;
    }

    private static async Task<Ok<Page<PersonaResponse>>> List(CurrentWorkspace ws, WaymarkDb db, string? search, int? page, int? pageSize, CancellationToken ct)
    {
        var query = db.Personas.AsNoTracking().Where(p => p.WorkspaceId == ws.Id);
        if (!string.IsNullOrWhiteSpace(search))
        {
            var like = Filters.Like(search);
            query = query.Where(p => EF.Functions.Like(p.Name.ToLower(), like, "\\")
                || (p.Description != null && EF.Functions.Like(p.Description.ToLower(), like, "\\"))
                || (p.Occupation != null && EF.Functions.Like(p.Occupation.ToLower(), like, "\\")));
        }
        return TypedResults.Ok(await query.OrderBy(p => p.Name).ToPageAsync(page, pageSize, PersonaResponse.From, ct));
    }

    private static async Task<Ok<PersonaDetail>> Get(CurrentWorkspace ws, Guid id, WaymarkDb db, HttpContext http, CancellationToken ct)
    {
        var persona = await db.Personas.AsNoTracking().FindInAsync(ws, id, "persona", ct);
        var journeys = await db.Journeys.AsNoTracking()
            .Where(j => j.WorkspaceId == ws.Id && j.PersonaId == id)
            .OrderBy(j => j.Name)
            .Select(j => new JourneyRef(j.Id, j.Name))
            .ToListAsync(ct);
        http.SetETag(persona.Version);
        return TypedResults.Ok(new PersonaDetail(PersonaResponse.From(persona), journeys));
    }

    private static async Task<Created<PersonaResponse>> Create(CurrentWorkspace ws, PersonaRequest r, WaymarkDb db, CancellationToken ct)
    {
        var persona = new Persona(ws.Id, r.Name).Describe(r.Profile());
        await db.RequireAllAsync<Channel>(ws, persona.PreferredChannelIds, "preferredChannelIds", "channel", ct);
        db.Personas.Add(persona);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/workspaces/{ws.Key}/personas/{persona.Id}", PersonaResponse.From(persona));
    }

    private static async Task<Ok<PersonaResponse>> Update(CurrentWorkspace ws, Guid id, PersonaRequest r, WaymarkDb db, HttpContext http, CancellationToken ct)
    {
        var persona = await db.Personas.FindInAsync(ws, id, "persona", ct);
        persona.EnsureVersion(Versions.Expected(http, r.Version));
        persona.Describe(r.Profile());
        await db.RequireAllAsync<Channel>(ws, persona.PreferredChannelIds, "preferredChannelIds", "channel", ct);
        await db.SaveChangesAsync(ct);
        http.SetETag(persona.Version);
        return TypedResults.Ok(PersonaResponse.From(persona));
    }

    /// <summary>
    /// Refused while journeys are drawn for the persona, or evaluations and improvements speak for it: those scores
    /// are the team's evidence and would silently change touchpoints' current scores if they went with it.
    /// </summary>
    private static async Task<NoContent> Delete(CurrentWorkspace ws, Guid id, WaymarkDb db, HttpContext http, CancellationToken ct)
    {
        var persona = await db.Personas.FindInAsync(ws, id, "persona", ct);
        if (Versions.Optional(http) is { } v) persona.EnsureVersion(v);
        var journeys = await db.Journeys.Where(j => j.WorkspaceId == ws.Id && j.PersonaId == id).Select(j => j.Name).ToListAsync(ct);
        if (journeys.Count > 0)
            throw new ConflictException($"The persona '{persona.Name}' is used by {journeys.Count} journey map(s) ({string.Join(", ", journeys.Order())}). Choose another persona for them before deleting it.");
        var evaluations = await db.Evaluations.CountAsync(e => e.WorkspaceId == ws.Id && e.PersonaId == id, ct);
        var improvements = await db.Improvements.CountAsync(i => i.WorkspaceId == ws.Id && i.PersonaId == id, ct);
        if (evaluations + improvements > 0)
            throw new ConflictException($"The persona '{persona.Name}' still has {evaluations} evaluation(s) and {improvements} insight(s), idea(s) or action(s). Delete or reassign them first, so no scores are lost by accident.");
        db.Personas.Remove(persona);
        await db.SaveChangesAsync(ct);
        return TypedResults.NoContent();
    }
}
