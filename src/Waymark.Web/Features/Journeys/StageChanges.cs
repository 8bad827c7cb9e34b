using Waymark.Domain.Journeys;
using Waymark.Domain.Organisation;
using Waymark.Storage;
using Waymark.Storage.Access;
using Waymark.Web.Infrastructure;

namespace Waymark.Web.Features.Journeys;

/// <summary>Every change to the stages (the columns) of a map, for the HTTP API and the map page alike; undo and redo: <see cref="StageUndo"/>.</summary>
public static class StageChanges
{
    public static async Task<OnMap<Stage>> AddAsync(Work work, CurrentWorkspace ws, Guid journeyId, NewStageRequest r, CancellationToken ct)
    {
        await work.AllowAsync(ws, WorkspaceRole.Editor, ct);
        var journey = await JourneyMaps.LoadAsync(work.Db, ws, journeyId, ct);
        var phaseName = await PhaseNameAsync(work.Db, ws, r.PhaseId, ct);
        var stage = journey.AddStage(string.IsNullOrWhiteSpace(r.Name) && phaseName is not null ? phaseName : r.Name!, r.PhaseId, r.Position);
        if (r.Description is not null) stage.Describe(stage.Name, r.Description, stage.PhaseId);
        work.Announce(journey.Id, $"added the stage '{stage.Name}'");
        await work.SaveAsync(ct);
        return new(journey, stage);
    }

    /// <summary>Renames the stage, describes it and links it to a phase, at the version the caller read.</summary>
    public static async Task<OnMap<Stage>> UpdateAsync(Work work, CurrentWorkspace ws, Guid journeyId, Guid stageId, StageRequest r, CancellationToken ct)
    {
        await work.AllowAsync(ws, WorkspaceRole.Editor, ct);
        var journey = await JourneyMaps.LoadAsync(work.Db, ws, journeyId, ct);
        var stage = JourneyMaps.StageOf(journey, stageId);
        stage.EnsureVersion(Versions.Required(r.Version));
        await PhaseNameAsync(work.Db, ws, r.PhaseId, ct);
        Describe(work, stage, r.Name, r.Description, r.PhaseId);
        await work.SaveAsync(ct);
        return new(journey, stage);
    }

    internal static void Describe(Work work, Stage stage, string name, string? description, Guid? phaseId)
    {
        var old = stage.Name;
        stage.Describe(name, description, phaseId);
        work.Announce(stage.JourneyId, old == stage.Name ? $"changed the stage '{stage.Name}'" : $"renamed the stage '{old}' to '{stage.Name}'");
    }

    public static async Task<Journey> MoveAsync(Work work, CurrentWorkspace ws, Guid journeyId, Guid stageId, MoveStageRequest r, CancellationToken ct)
    {
        await work.AllowAsync(ws, WorkspaceRole.Editor, ct);
        var journey = await JourneyMaps.LoadAsync(work.Db, ws, journeyId, ct);
        var stage = JourneyMaps.StageOf(journey, stageId);
        journey.MoveStage(stageId, r.Position);
        work.Announce(journey.Id, $"moved the stage '{stage.Name}'");
        await work.SaveAsync(ct);
        return journey;
    }

    /// <summary>
    /// Removes the stage with its steps (and their step evaluations); actions and KPIs that pointed at a step stay, unlinked.
    /// Answers the stage as it was, with everything <see cref="RestoreAsync"/> needs to put it all back.
    /// </summary>
    public static async Task<OnMap<RestoredStage>> DeleteAsync(Work work, CurrentWorkspace ws, Guid journeyId, Guid stageId, int? version, CancellationToken ct)
    {
        await work.AllowAsync(ws, WorkspaceRole.Editor, ct);
        var journey = await JourneyMaps.LoadAsync(work.Db, ws, journeyId, ct);
        var stage = JourneyMaps.StageOf(journey, stageId);
        if (version is { } v) stage.EnsureVersion(v);
        var removed = await RemoveAsync(work, ws, journey, stage, ct);
        await work.SaveAsync(ct);
        return new(journey, removed);
    }

    /// <summary>A map keeps at least one stage, so that there is a column to add steps to.</summary>
    internal static async Task<RestoredStage> RemoveAsync(Work work, CurrentWorkspace ws, Journey journey, Stage stage, CancellationToken ct)
    {
        if (journey.Stages.Count <= 1)
            throw new ConflictException($"A map keeps at least one stage, so '{stage.Name}' is not deleted. Add another stage first.");
        var removed = new RestoredStage(stage.Id, stage.Name, stage.Description, stage.PhaseId, stage.Position,
            await Restores.CaptureAsync(work.Db, ws, stage.OrderedSteps.ToList(), ct));
        journey.RemoveStage(stage.Id);
        work.Announce(journey.Id, $"deleted the stage '{stage.Name}'");
        return removed;
    }

    /// <summary>
    /// Puts a removed stage back with the id it had and its steps with theirs, each with its KPIs, insights, ideas and actions and
    /// evaluations. An id in use, or a link pointed elsewhere since, is refused and changes nothing.
    /// </summary>
    public static Task<OnMap<Stage>> RestoreAsync(Work work, CurrentWorkspace ws, Guid journeyId, RestoredStage r, CancellationToken ct) =>
        RestoreAsync(work, ws, journeyId, r, lastIfPastTheEnd: false, ct);

    /// <summary>With <paramref name="lastIfPastTheEnd"/> (undo), a stage whose place is gone because the map got shorter goes last.</summary>
    internal static async Task<OnMap<Stage>> RestoreAsync(Work work, CurrentWorkspace ws, Guid journeyId, RestoredStage r, bool lastIfPastTheEnd, CancellationToken ct)
    {
        await work.AllowAsync(ws, WorkspaceRole.Editor, ct);
        var journey = await JourneyMaps.LoadAsync(work.Db, ws, journeyId, ct);
        if (lastIfPastTheEnd) r = r with { Position = Math.Min(r.Position ?? journey.Stages.Count, journey.Stages.Count) };
        var stage = await Restores.RestoreStageAsync(work.Db, ws, journey, r, ct);
        work.Announce(journey.Id, $"restored the stage '{stage.Name}'");
        await work.SaveAsync(ct);
        return new(journey, stage);
    }

    /// <summary>Checks the phase is one of this workspace's and gives its name.</summary>
    private static async Task<string?> PhaseNameAsync(WaymarkDb db, CurrentWorkspace ws, Guid? phaseId, CancellationToken ct)
    {
        if (phaseId is null) return null;
        await db.RequireAsync<Phase>(ws, phaseId, "phaseId", "phase", ct);
        return (await db.Phases.FindAsync([phaseId.Value], ct))!.Name;
    }
}
