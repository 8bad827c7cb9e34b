using Waymark.Domain.Journeys;
using Waymark.Domain.Organisation;
using Waymark.Domain.Touchpoints;
using Waymark.Storage;
using Waymark.Storage.Access;
using Waymark.Web.Infrastructure;

namespace Waymark.Web.Features.Journeys;

/// <summary>Every change to the steps of a map, for the HTTP API and the map page alike; undo and redo: <see cref="StepUndo"/>.</summary>
public static class StepChanges
{
    public static async Task<OnMap<Step>> AddAsync(Work work, CurrentWorkspace ws, Guid journeyId, Guid stageId, NewStepRequest r, CancellationToken ct)
    {
        await work.AllowAsync(ws, WorkspaceRole.Editor, ct);
        var journey = await JourneyMaps.LoadAsync(work.Db, ws, journeyId, ct);
        var stage = JourneyMaps.StageOf(journey, stageId);
        var content = r.ToContent();
        await RequireReferencesAsync(work.Db, ws, content, ct);
        var step = journey.AddStep(stageId, content, r.Position);
        work.Announce(journey.Id, $"added the step '{step.Action}' to the stage '{stage.Name}'");
        await work.SaveAsync(ct);
        return new(journey, step);
    }

    /// <summary>Changes what the step says, at the version the caller read.</summary>
    public static async Task<OnMap<Step>> UpdateAsync(Work work, CurrentWorkspace ws, Guid journeyId, Guid stepId, StepRequest r, CancellationToken ct)
    {
        await work.AllowAsync(ws, WorkspaceRole.Editor, ct);
        var journey = await JourneyMaps.LoadAsync(work.Db, ws, journeyId, ct);
        var step = JourneyMaps.StepOf(journey, stepId);
        step.EnsureVersion(Versions.Required(r.Version));
        await ApplyAsync(work, ws, journey, step, r.ToContent(), ct);
        await work.SaveAsync(ct);
        return new(journey, step);
    }

    internal static async Task ApplyAsync(Work work, CurrentWorkspace ws, Journey journey, Step step, StepContent content, CancellationToken ct)
    {
        await RequireReferencesAsync(work.Db, ws, content, ct);
        step.Apply(content);
        work.Announce(journey.Id, $"edited the step '{step.Action}'");
    }

    public static async Task<Journey> MoveAsync(Work work, CurrentWorkspace ws, Guid journeyId, Guid stepId, MoveStepRequest r, CancellationToken ct)
    {
        await work.AllowAsync(ws, WorkspaceRole.Editor, ct);
        var journey = await JourneyMaps.LoadAsync(work.Db, ws, journeyId, ct);
        var step = JourneyMaps.StepOf(journey, stepId);
        Move(work, journey, step, r.StageId, r.Position);
        await work.SaveAsync(ct);
        return journey;
    }

    internal static void Move(Work work, Journey journey, Step step, Guid stageId, int position)
    {
        journey.MoveStep(step.Id, stageId, position);
        work.Announce(journey.Id, $"moved the step '{step.Action}'");
    }

    /// <summary>
    /// Removes the step with its step evaluations; actions and KPIs that pointed at it stay, unlinked. Answers the step as
    /// it was, with everything <see cref="RestoreAsync"/> needs to put it all back.
    /// </summary>
    public static async Task<OnMap<RemovedStep>> DeleteAsync(Work work, CurrentWorkspace ws, Guid journeyId, Guid stepId, int? version, CancellationToken ct)
    {
        await work.AllowAsync(ws, WorkspaceRole.Editor, ct);
        var journey = await JourneyMaps.LoadAsync(work.Db, ws, journeyId, ct);
        var step = JourneyMaps.StepOf(journey, stepId);
        if (version is { } v) step.EnsureVersion(v);
        var removed = await RemoveAsync(work, ws, journey, step, ct);
        await work.SaveAsync(ct);
        return new(journey, removed);
    }

    internal static async Task<RemovedStep> RemoveAsync(Work work, CurrentWorkspace ws, Journey journey, Step step, CancellationToken ct)
    {
        var removed = new RemovedStep(step.StageId, (await Restores.CaptureAsync(work.Db, ws, [step], ct))[0]);
        journey.RemoveStep(step.Id);
        work.Announce(journey.Id, $"deleted the step '{step.Action}'");
        return removed;
    }

    /// <summary>
    /// Puts a removed step back with the id it had: the KPIs and ideas/actions named point at it again, its evaluations are
    /// recorded again with their ids. An id in use, or a KPI or action pointed elsewhere since, is refused and changes nothing.
    /// </summary>
    public static async Task<OnMap<Step>> RestoreAsync(Work work, CurrentWorkspace ws, Guid journeyId, Guid stageId, RestoredStep r, CancellationToken ct)
    {
        await work.AllowAsync(ws, WorkspaceRole.Editor, ct);
        var journey = await JourneyMaps.LoadAsync(work.Db, ws, journeyId, ct);
        JourneyMaps.StageOf(journey, stageId);
        return await RestoreAsync(work, ws, journey, stageId, r, ct);
    }

    internal static async Task<OnMap<Step>> RestoreAsync(Work work, CurrentWorkspace ws, Journey journey, Guid stageId, RestoredStep r, CancellationToken ct)
    {
        var step = await Restores.RestoreStepAsync(work.Db, ws, journey, stageId, r, ct);
        work.Announce(journey.Id, $"restored the step '{step.Action}'");
        await work.SaveAsync(ct);
        return new(journey, step);
    }

    /// <summary>Touchpoints and the backstage department must be this workspace's.</summary>
    internal static async Task RequireReferencesAsync(WaymarkDb db, CurrentWorkspace ws, StepContent content, CancellationToken ct)
    {
        await db.RequireAllAsync<Touchpoint>(ws, content.TouchpointIds?.Where(t => t != Guid.Empty).ToList(), "touchpointIds", "touchpoint", ct);
        await db.RequireAsync<Department>(ws, content.BackstageDepartmentId, "backstageDepartmentId", "department", ct);
    }
}
