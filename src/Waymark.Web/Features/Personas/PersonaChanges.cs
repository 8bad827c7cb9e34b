using Microsoft.EntityFrameworkCore;
using Waymark.Domain.Organisation;
using Waymark.Domain.Personas;
using Waymark.Storage.Access;
using Waymark.Web.Infrastructure;

namespace Waymark.Web.Features.Personas;

/// <summary>A persona as a person or a program describes it; the picture is changed on its own (<see cref="PersonaPictureChanges"/>).</summary>
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

/// <summary>Every change to a persona, for the HTTP API and the persona pages alike.</summary>
public static class PersonaChanges
{
    public static async Task<Persona> CreateAsync(Work work, CurrentWorkspace ws, PersonaRequest r, CancellationToken ct)
    {
        await work.AllowAsync(ws, WorkspaceRole.Editor, ct);
        var persona = new Persona(ws.Id, r.Name).Describe(r.Profile());
        await work.Db.RequireAllAsync<Channel>(ws, persona.PreferredChannelIds, "preferredChannelIds", "channel", ct);
        work.Db.Personas.Add(persona);
        await work.SaveAsync(ct);
        return persona;
    }

    /// <summary>The journey maps drawn for the persona are told, so their open pages show its new name.</summary>
    public static async Task<Persona> UpdateAsync(Work work, CurrentWorkspace ws, Guid id, PersonaRequest r, CancellationToken ct)
    {
        await work.AllowAsync(ws, WorkspaceRole.Editor, ct);
        var persona = await work.Db.Personas.FindInAsync(ws, id, "persona", ct);
        persona.EnsureVersion(Versions.Required(r.Version));
        persona.Describe(r.Profile());
        await work.Db.RequireAllAsync<Channel>(ws, persona.PreferredChannelIds, "preferredChannelIds", "channel", ct);
        foreach (var journey in await work.Db.Journeys.Where(j => j.WorkspaceId == ws.Id && j.PersonaId == id).Select(j => j.Id).ToListAsync(ct))
            work.Announce(journey, $"changed the persona '{persona.Name}'");
        await work.SaveAsync(ct);
        return persona;
    }

    /// <summary>
    /// Refused while journeys are drawn for the persona, or evaluations and improvements speak for it: those scores
    /// are the team's evidence and would silently change touchpoints' current scores if they went with it.
    /// </summary>
    public static async Task DeleteAsync(Work work, CurrentWorkspace ws, Guid id, int? version, CancellationToken ct)
    {
        await work.AllowAsync(ws, WorkspaceRole.Editor, ct);
        var db = work.Db;
        var persona = await db.Personas.FindInAsync(ws, id, "persona", ct);
        if (version is { } v) persona.EnsureVersion(v);
        var journeys = await db.Journeys.Where(j => j.WorkspaceId == ws.Id && j.PersonaId == id).Select(j => j.Name).ToListAsync(ct);
        if (journeys.Count > 0)
            throw new ConflictException($"The persona '{persona.Name}' is used by {Count.Of(journeys.Count, "journey map")} " +
                $"({string.Join(", ", journeys.Order())}). Choose another persona for them before deleting it.");
        var evaluations = await db.Evaluations.CountAsync(e => e.WorkspaceId == ws.Id && e.PersonaId == id, ct);
        var improvements = await db.Improvements.CountAsync(i => i.WorkspaceId == ws.Id && i.PersonaId == id, ct);
        if (evaluations + improvements > 0)
            throw new ConflictException($"The persona '{persona.Name}' still has {Count.Of(evaluations, "evaluation")} and " +
                $"{Count.Of(improvements, "insight, idea or action", "insights, ideas or actions")}. Delete or reassign them first, so no scores are lost by accident.");
        db.Personas.Remove(persona);
        await work.SaveAsync(ct);
    }
}
