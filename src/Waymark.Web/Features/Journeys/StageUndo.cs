using Waymark.Domain.Journeys;
using Waymark.Storage.Access;
using Waymark.Web.Infrastructure;

namespace Waymark.Web.Features.Journeys;

/// <summary>Undo and redo of the map page for stages: each changes a stage back only if it is still as this session left it.</summary>
public static class StageUndo
{
    /// <summary>Renames the stage to <paramref name="to"/> if it still has the name <paramref name="from"/>.</summary>
    public static async Task<Stage> RenameIfUnchangedAsync(Work work, CurrentWorkspace ws, Guid journeyId, Guid stageId, string from, string to, CancellationToken ct)
    {
        var (_, stage) = await FindAsync(work, ws, journeyId, stageId, $"the stage '{from}'", ct);
        Unchanged.Require(stage.Name == from.Trim(), $"the stage '{stage.Name}'");
        StageChanges.Describe(work, stage, to, stage.Description, stage.PhaseId);
        await work.SaveAsync(ct);
        return stage;
    }

    /// <summary>Moves a stage back; a position past the end (the map lost stages since) puts it last.</summary>
    public static async Task<Journey> MoveBackAsync(Work work, CurrentWorkspace ws, Guid journeyId, Guid stageId, int position, CancellationToken ct)
    {
        var (journey, stage) = await FindAsync(work, ws, journeyId, stageId, "the stage", ct);
        journey.MoveStage(stageId, Math.Clamp(position, 0, journey.Stages.Count - 1));
        work.Announce(journey.Id, $"moved the stage '{stage.Name}'");
        await work.SaveAsync(ct);
        return journey;
    }

    /// <summary>Removes a stage again (redo, or undoing its addition) if it still has the name and the steps this session left it with.</summary>
    public static async Task<RestoredStage> DeleteIfUnchangedAsync(
        Work work, CurrentWorkspace ws, Guid journeyId, Guid stageId, string name, IReadOnlyList<Guid> stepIds, CancellationToken ct)
    {
        var (journey, stage) = await FindAsync(work, ws, journeyId, stageId, $"the stage '{name}'", ct);
        Unchanged.Require(stage.Name == name.Trim() && stage.Steps.Select(s => s.Id).Order().SequenceEqual(stepIds.Order()), $"the stage '{name}'");
        var removed = await StageChanges.RemoveAsync(work, ws, journey, stage, ct);
        await work.SaveAsync(ct);
        return removed;
    }

    /// <summary>Puts a removed stage back with its id, its steps with theirs and what pointed at them, where it was or last.</summary>
    public static async Task<Stage> PutBackAsync(Work work, CurrentWorkspace ws, Guid journeyId, RestoredStage stage, CancellationToken ct) =>
        (await StageChanges.RestoreAsync(work, ws, journeyId, stage, lastIfPastTheEnd: true, ct)).Item;

    private static async Task<(Journey, Stage)> FindAsync(Work work, CurrentWorkspace ws, Guid journeyId, Guid stageId, string what, CancellationToken ct)
    {
        await work.AllowAsync(ws, WorkspaceRole.Editor, ct);
        var journey = await JourneyMaps.LoadAsync(work.Db, ws, journeyId, ct);
        return (journey, journey.Stages.FirstOrDefault(s => s.Id == stageId) ?? throw Unchanged.Gone(what));
    }
}
