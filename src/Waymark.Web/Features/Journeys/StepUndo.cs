using Waymark.Domain.Journeys;
using Waymark.Storage.Access;
using Waymark.Web.Infrastructure;

namespace Waymark.Web.Features.Journeys;

/// <summary>Undo and redo of the map page for steps: each changes a step back only if it is still as this session left it.</summary>
public static class StepUndo
{
    /// <summary>Changes the step from one content to the other if it still reads <paramref name="from"/>.</summary>
    public static async Task<Step> UpdateIfUnchangedAsync(Work work, CurrentWorkspace ws, Guid journeyId, Guid stepId, StepContent from, StepContent to, CancellationToken ct)
    {
        var (journey, step) = await FindAsync(work, ws, journeyId, stepId, $"the step '{from.Action}'", ct);
        Unchanged.Require(Unchanged.Same(step.Content, from), $"the step '{step.Action}'");
        await StepChanges.ApplyAsync(work, ws, journey, step, to, ct);
        await work.SaveAsync(ct);
        return step;
    }

    /// <summary>Moves the step on if it is still in the stage this session put it in; a position past the end puts it last.</summary>
    public static async Task<Journey> MoveIfUnchangedAsync(
        Work work, CurrentWorkspace ws, Guid journeyId, Guid stepId, Guid expectedStageId, Guid stageId, int position, CancellationToken ct)
    {
        var (journey, step) = await FindAsync(work, ws, journeyId, stepId, "the step", ct);
        Unchanged.Require(step.StageId == expectedStageId, $"the step '{step.Action}'", "moved");
        var to = journey.Stages.FirstOrDefault(s => s.Id == stageId) ?? throw Unchanged.Gone($"the stage the step '{step.Action}' was in");
        StepChanges.Move(work, journey, step, stageId, Math.Min(position, to.Id == step.StageId ? to.Steps.Count - 1 : to.Steps.Count));
        await work.SaveAsync(ct);
        return journey;
    }

    /// <summary>Removes a step again (redo, or undoing its addition) if it still reads as this session left it.</summary>
    public static async Task<RemovedStep> DeleteIfUnchangedAsync(Work work, CurrentWorkspace ws, Guid journeyId, Guid stepId, StepContent content, CancellationToken ct)
    {
        var (journey, step) = await FindAsync(work, ws, journeyId, stepId, $"the step '{content.Action}'", ct);
        Unchanged.Require(Unchanged.Same(step.Content, content), $"the step '{step.Action}'");
        var removed = await StepChanges.RemoveAsync(work, ws, journey, step, ct);
        await work.SaveAsync(ct);
        return removed;
    }

    /// <summary>Puts a removed step back with its id and what pointed at it, where it was (or last, when its stage got shorter).</summary>
    public static async Task<Step> PutBackAsync(Work work, CurrentWorkspace ws, Guid journeyId, RemovedStep removed, CancellationToken ct)
    {
        await work.AllowAsync(ws, WorkspaceRole.Editor, ct);
        var journey = await JourneyMaps.LoadAsync(work.Db, ws, journeyId, ct);
        var stage = journey.Stages.FirstOrDefault(s => s.Id == removed.StageId) ?? throw Unchanged.Gone($"the stage of the step '{removed.Step.Action}'");
        var step = removed.Step with { Position = Math.Min(removed.Step.Position ?? stage.Steps.Count, stage.Steps.Count) };
        return (await StepChanges.RestoreAsync(work, ws, journey, stage.Id, step, ct)).Item;
    }

    private static async Task<(Journey, Step)> FindAsync(Work work, CurrentWorkspace ws, Guid journeyId, Guid stepId, string what, CancellationToken ct)
    {
        await work.AllowAsync(ws, WorkspaceRole.Editor, ct);
        var journey = await JourneyMaps.LoadAsync(work.Db, ws, journeyId, ct);
        return (journey, journey.Stages.SelectMany(s => s.Steps).FirstOrDefault(s => s.Id == stepId) ?? throw Unchanged.Gone(what));
    }
}
