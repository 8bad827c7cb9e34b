using Waymark.Domain.Improvements;
using Waymark.Domain.Journeys;
using Waymark.Domain.Kpis;
using Waymark.Domain.Organisation;
using Waymark.Domain.Personas;
using Waymark.Domain.Touchpoints;
using Waymark.Storage;
using Waymark.Storage.Access;
using Waymark.Web.Features.Kpis;
using Waymark.Web.Infrastructure;

namespace Waymark.Web.Features.Improvements;

/// <summary>An insight, idea or action as a person or a program describes it.</summary>
public sealed record ImprovementRequest(
    string Title,
    string? Description = null,
    Guid? OwnerId = null,
    DateOnly? DueOn = null,
    ImprovementStatus? Status = null,
    Priority? Priority = null,
    int? Impact = null,
    int? Effort = null,
    Guid? TouchpointId = null,
    Guid? JourneyId = null,
    Guid? StepId = null,
    Guid? KpiId = null,
    Guid? PersonaId = null,
    int? Version = null)
{
    public ImprovementContent ToContent() => new(Title, Description, OwnerId, DueOn, Status ?? ImprovementStatus.Open,
        Priority ?? Domain.Improvements.Priority.Medium, Impact, Effort, TouchpointId, JourneyId, StepId, KpiId, PersonaId);

    /// <summary>The item as it was read, to change one thing of it (its status, when a card moves on the board).</summary>
    public static ImprovementRequest Of(Improvement i) => new(i.Title, i.Description, i.OwnerId, i.DueOn, i.Status, i.Priority, i.Impact, i.Effort,
        i.TouchpointId, i.JourneyId, i.StepId, i.KpiId, i.PersonaId, i.Version);
}

/// <summary>
/// Every change to insights, ideas and actions, for the HTTP API, the Actions board, the map and the CLI alike. Each
/// change redraws the workspace's board, and the map of the journey the item is on.
/// </summary>
public static class ImprovementChanges
{
    public static async Task<Improvement> CreateAsync(Work work, CurrentWorkspace ws, ImprovementKind kind, ImprovementRequest r, CancellationToken ct)
    {
        await work.AllowAsync(ws, WorkspaceRole.Editor, ct);
        var item = new Improvement(ws.Id, kind, r.ToContent());
        await RequireLinksAsync(work.Db, ws, r, ct);
        work.Db.Improvements.Add(item);
        await AnnounceAsync(work, ws, item, $"added the {Noun(kind)} '{item.Title}'", ct);
        await work.SaveAsync(ct);
        return item;
    }

    public static async Task<Improvement> UpdateAsync(Work work, CurrentWorkspace ws, ImprovementKind kind, Guid id, ImprovementRequest r, CancellationToken ct)
    {
        await work.AllowAsync(ws, WorkspaceRole.Editor, ct);
        var item = await work.Db.Improvements.Where(i => i.Kind == kind).FindInAsync(ws, id, Noun(kind), ct);
        item.EnsureVersion(Versions.Required(r.Version));
        await RequireLinksAsync(work.Db, ws, r, ct);
        var content = r.ToContent();
        var did = content.Status != item.Status
            ? $"moved the {Noun(kind)} '{content.Title.Trim()}' to {Words(content.Status)}"
            : $"changed the {Noun(kind)} '{content.Title.Trim()}'";
        // The map it leaves redraws as well as the one it joins.
        await AnnounceAsync(work, ws, item, did, ct);
        item.Apply(content, work.Clock);
        await AnnounceAsync(work, ws, item, did, ct);
        await work.SaveAsync(ct);
        return item;
    }

    public static async Task DeleteAsync(Work work, CurrentWorkspace ws, ImprovementKind kind, Guid id, int? version, CancellationToken ct)
    {
        await work.AllowAsync(ws, WorkspaceRole.Editor, ct);
        var item = await work.Db.Improvements.Where(i => i.Kind == kind).FindInAsync(ws, id, Noun(kind), ct);
        if (version is { } v) item.EnsureVersion(v);
        work.Db.Improvements.Remove(item);
        await AnnounceAsync(work, ws, item, $"deleted the {Noun(kind)} '{item.Title}'", ct);
        await work.SaveAsync(ct);
    }

    /// <summary>"insight", "idea", "action": how the refusals and announcements name the item.</summary>
    public static string Noun(ImprovementKind kind) => kind.ToString().ToLowerInvariant();

    private static string Words(ImprovementStatus status) => status == ImprovementStatus.InProgress ? "in progress" : status.ToString().ToLowerInvariant();

    private static async Task AnnounceAsync(Work work, CurrentWorkspace ws, Improvement item, string did, CancellationToken ct)
    {
        work.AnnounceToBoard(ws.Id, did);
        if (await work.Db.MapOfAsync(ws, item.JourneyId, item.StepId, ct) is { } journey) work.Announce(journey, did);
    }

    private static async Task RequireLinksAsync(WaymarkDb db, CurrentWorkspace ws, ImprovementRequest r, CancellationToken ct)
    {
        await db.RequireAsync<Person>(ws, r.OwnerId, "ownerId", "person", ct);
        await db.RequireAsync<Touchpoint>(ws, r.TouchpointId, "touchpointId", "touchpoint", ct);
        await db.RequireAsync<Journey>(ws, r.JourneyId, "journeyId", "journey", ct);
        await db.RequireStepAsync(ws, r.StepId, r.JourneyId, ct);
        await db.RequireAsync<Kpi>(ws, r.KpiId, "kpiId", "KPI", ct);
        await db.RequireAsync<Persona>(ws, r.PersonaId, "personaId", "persona", ct);
    }
}
