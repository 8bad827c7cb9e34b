using Microsoft.EntityFrameworkCore;
using Waymark.Domain.Organisation;
using Waymark.Storage.Access;
using Waymark.Web.Infrastructure;

namespace Waymark.Web.Features.Organisation;

/// <summary>A phase of the customer lifecycle; <c>Position</c> inserts it there (0 is first) instead of at the end.</summary>
public sealed record PhaseRequest(string Name, string? Description = null, int? Position = null, int? Version = null);

public sealed record MovePhaseRequest(int Position);

/// <summary>
/// Every change to the workspace's phases, for the HTTP API and the Phases tab alike. Phases are an ordered list, so
/// each change loads all of them and leaves their positions 0, 1, 2… without gaps.
/// </summary>
public static class PhaseChanges
{
    public static async Task<Phase> CreateAsync(Work work, CurrentWorkspace ws, PhaseRequest r, CancellationToken ct)
    {
        await work.AllowAsync(ws, WorkspaceRole.Editor, ct);
        var phases = await AllAsync(work, ws, ct);
        var phase = new Phase(ws.Id, r.Name, phases.Count).Describe(r.Name, r.Description);
        phases.Add(phase);
        if (r.Position is { } position) Phase.Reorder(phases, phase.Id, position);
        work.Db.Phases.Add(phase);
        await work.SaveAsync(ct);
        return phase;
    }

    public static async Task<Phase> UpdateAsync(Work work, CurrentWorkspace ws, Guid id, PhaseRequest r, CancellationToken ct)
    {
        await work.AllowAsync(ws, WorkspaceRole.Editor, ct);
        var phases = await AllAsync(work, ws, ct);
        var phase = Find(phases, ws, id);
        phase.EnsureVersion(Versions.Required(r.Version));
        phase.Describe(r.Name, r.Description);
        if (r.Position is { } position && position != phase.Position) Phase.Reorder(phases, id, position);
        await work.SaveAsync(ct);
        return phase;
    }

    /// <summary>Moves the phase to <paramref name="position"/>; with a version, only if nobody changed the phase since.</summary>
    public static async Task<List<Phase>> MoveAsync(Work work, CurrentWorkspace ws, Guid id, int position, int? version, CancellationToken ct)
    {
        await work.AllowAsync(ws, WorkspaceRole.Editor, ct);
        var phases = await AllAsync(work, ws, ct);
        var phase = Find(phases, ws, id);
        if (version is { } v) phase.EnsureVersion(v);
        Phase.Reorder(phases, id, position);
        await work.SaveAsync(ct);
        return phases.OrderBy(p => p.Position).ToList();
    }

    /// <summary>A phase is deleted only while no touchpoint and no journey stage uses it; the others close the gap.</summary>
    public static async Task DeleteAsync(Work work, CurrentWorkspace ws, Guid id, int? version, CancellationToken ct)
    {
        await work.AllowAsync(ws, WorkspaceRole.Editor, ct);
        var db = work.Db;
        var phases = await AllAsync(work, ws, ct);
        var phase = Find(phases, ws, id);
        if (version is { } v) phase.EnsureVersion(v);
        var stages = await db.Stages.CountAsync(s => s.PhaseId == id, ct);
        var touchpoints = (await db.Touchpoints.Where(t => t.WorkspaceId == ws.Id).Select(t => t.PhaseIds).ToListAsync(ct)).Count(ids => ids.Contains(id));
        if (stages + touchpoints > 0)
            throw new ConflictException($"The phase '{phase.Name}' is used by {Count.Of(touchpoints, "touchpoint")} and " +
                $"{Count.Of(stages, "journey stage")}. Change them before deleting it.");
        db.Phases.Remove(phase);
        phases.Remove(phase);
        var i = 0;
        foreach (var p in phases.OrderBy(p => p.Position)) Phase.Reorder(phases, p.Id, i++);
        await work.SaveAsync(ct);
    }

    private static Task<List<Phase>> AllAsync(Work work, CurrentWorkspace ws, CancellationToken ct) =>
        work.Db.Phases.Where(p => p.WorkspaceId == ws.Id).ToListAsync(ct);

    private static Phase Find(List<Phase> phases, CurrentWorkspace ws, Guid id) =>
        phases.FirstOrDefault(p => p.Id == id) ?? throw new NotFoundException($"There is no phase with id {id} in workspace '{ws.Key}'.");
}
