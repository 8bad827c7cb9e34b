using Microsoft.EntityFrameworkCore;
using Waymark.Domain.Organisation;
using Waymark.Domain.Touchpoints;
using Waymark.Storage;
using Waymark.Storage.Access;
using Waymark.Web.Infrastructure;

namespace Waymark.Web.Features.Touchpoints;

/// <summary>A touchpoint as a person or a program describes it.</summary>
public sealed record TouchpointRequest(
    string Name, Guid ChannelId, TouchpointCategory Category, int Relevance = 3, string? Description = null, string? CustomCategory = null,
    IReadOnlyList<Guid>? PhaseIds = null, Guid? DepartmentId = null, Guid? OwnerId = null,
    bool IsMomentOfTruth = false, bool IsPainPoint = false, bool IsBrandSuccessPoint = false,
    Compliance DesignCompliance = Compliance.NotAssessed, Compliance TonalityCompliance = Compliance.NotAssessed,
    Compliance ReactionTimeCompliance = Compliance.NotAssessed, IReadOnlyList<string>? Tags = null, string? EventKey = null, int? Version = null)
{
    public TouchpointProfile Profile() => new(
        Name, ChannelId, Category, Relevance, Description, CustomCategory, PhaseIds, DepartmentId, OwnerId,
        IsMomentOfTruth, IsPainPoint, IsBrandSuccessPoint, DesignCompliance, TonalityCompliance, ReactionTimeCompliance, Tags, EventKey);
}

/// <summary>Every change to a touchpoint, for the HTTP API and the touchpoint pages alike.</summary>
public static class TouchpointChanges
{
    public static async Task<Touchpoint> CreateAsync(Work work, CurrentWorkspace ws, TouchpointRequest r, CancellationToken ct)
    {
        await work.AllowAsync(ws, WorkspaceRole.Editor, ct);
        var touchpoint = new Touchpoint(ws.Id, r.Profile());
        await RequireReferencesAsync(work.Db, ws, touchpoint, ct);
        work.Db.Touchpoints.Add(touchpoint);
        await work.SaveAsync(ct);
        return touchpoint;
    }

    /// <summary>The journey maps that show the touchpoint on a step are told, so their open pages show its new name and flags.</summary>
    public static async Task<Touchpoint> UpdateAsync(Work work, CurrentWorkspace ws, Guid id, TouchpointRequest r, CancellationToken ct)
    {
        await work.AllowAsync(ws, WorkspaceRole.Editor, ct);
        var touchpoint = await work.Db.Touchpoints.FindInAsync(ws, id, "touchpoint", ct);
        touchpoint.EnsureVersion(Versions.Required(r.Version));
        touchpoint.Describe(r.Profile());
        await RequireReferencesAsync(work.Db, ws, touchpoint, ct);
        foreach (var journey in (await TouchpointsApi.StepsUsingAsync(work.Db, ws, id, ct)).Select(s => s.JourneyId).Distinct())
            work.Announce(journey, $"changed the touchpoint '{touchpoint.Name}'");
        await work.SaveAsync(ct);
        return touchpoint;
    }

    /// <summary>Refused while journey steps, KPIs or improvements point at the touchpoint; its evaluations go with it.</summary>
    public static async Task DeleteAsync(Work work, CurrentWorkspace ws, Guid id, int? version, CancellationToken ct)
    {
        await work.AllowAsync(ws, WorkspaceRole.Editor, ct);
        var db = work.Db;
        var touchpoint = await db.Touchpoints.FindInAsync(ws, id, "touchpoint", ct);
        if (version is { } v) touchpoint.EnsureVersion(v);
        var steps = await TouchpointsApi.StepsUsingAsync(db, ws, id, ct);
        var kpis = await db.Kpis.Where(k => k.WorkspaceId == ws.Id && k.TouchpointId == id).Select(k => k.Name).ToListAsync(ct);
        var improvements = await db.Improvements.CountAsync(i => i.WorkspaceId == ws.Id && i.TouchpointId == id, ct);
        if (steps.Count + kpis.Count + improvements > 0)
        {
            var uses = new List<string>();
            if (steps.Count > 0) uses.Add($"{Count.Of(steps.Count, "journey step")} ({string.Join(", ", steps.Select(s => $"'{s.Action}' in '{s.Journey}'").Take(5))})");
            if (kpis.Count > 0) uses.Add($"{Count.Of(kpis.Count, "KPI")} ({string.Join(", ", kpis.Take(5))})");
            if (improvements > 0) uses.Add(Count.Of(improvements, "insight, idea or action", "insights, ideas or actions"));
            throw new ConflictException($"The touchpoint '{touchpoint.Name}' is still used by {string.Join(" and ", uses)}. Remove it from them before deleting it.");
        }
        db.Evaluations.RemoveRange(await TouchpointsApi.EvaluationsOf(db, ws, id).AsTracking().ToListAsync(ct));
        db.Touchpoints.Remove(touchpoint);
        await work.SaveAsync(ct);
    }

    private static async Task RequireReferencesAsync(WaymarkDb db, CurrentWorkspace ws, Touchpoint t, CancellationToken ct)
    {
        await db.RequireAsync<Channel>(ws, t.ChannelId, "channelId", "channel", ct);
        await db.RequireAllAsync<Phase>(ws, t.PhaseIds, "phaseIds", "phase", ct);
        await db.RequireAsync<Department>(ws, t.DepartmentId, "departmentId", "department", ct);
        await db.RequireAsync<Person>(ws, t.OwnerId, "ownerId", "person", ct);
    }
}
