using Waymark.Domain.Journeys;

namespace Waymark.Web.Features.Journeys;

/// <summary>A new step, last in its stage unless a <c>position</c> is given.</summary>
public sealed record NewStepRequest(
    string Action, string? ThoughtsAndMotivation = null, string? Questions = null, string? Obstacles = null, int Emotion = 0,
    IReadOnlyList<Guid>? TouchpointIds = null, Guid? BackstageDepartmentId = null, int? WaitingMinutes = null,
    bool IsMomentOfTruth = false, bool IsPainPoint = false, bool IsBrandSuccessPoint = false, string? Notes = null, int? Position = null)
{
    public StepContent ToContent() => new(Action, ThoughtsAndMotivation, Questions, Obstacles, Emotion, TouchpointIds, BackstageDepartmentId,
        WaitingMinutes, IsMomentOfTruth, IsPainPoint, IsBrandSuccessPoint, Notes);

    public static NewStepRequest Of(StepContent c, int? position = null) => new(c.Action, c.ThoughtsAndMotivation, c.Questions, c.Obstacles,
        c.Emotion, c.TouchpointIds, c.BackstageDepartmentId, c.WaitingMinutes, c.IsMomentOfTruth, c.IsPainPoint, c.IsBrandSuccessPoint, c.Notes, position);
}

public sealed record StepRequest(
    string Action, string? ThoughtsAndMotivation = null, string? Questions = null, string? Obstacles = null, int Emotion = 0,
    IReadOnlyList<Guid>? TouchpointIds = null, Guid? BackstageDepartmentId = null, int? WaitingMinutes = null,
    bool IsMomentOfTruth = false, bool IsPainPoint = false, bool IsBrandSuccessPoint = false, string? Notes = null, int? Version = null)
{
    public StepContent ToContent() => new(Action, ThoughtsAndMotivation, Questions, Obstacles, Emotion, TouchpointIds, BackstageDepartmentId,
        WaitingMinutes, IsMomentOfTruth, IsPainPoint, IsBrandSuccessPoint, Notes);

    public static StepRequest Of(StepContent c, int version) => new(c.Action, c.ThoughtsAndMotivation, c.Questions, c.Obstacles,
        c.Emotion, c.TouchpointIds, c.BackstageDepartmentId, c.WaitingMinutes, c.IsMomentOfTruth, c.IsPainPoint, c.IsBrandSuccessPoint, c.Notes, version);
}

/// <summary>Moves the step to <c>position</c> in <c>stageId</c> (the same or another stage of the journey).</summary>
public sealed record MoveStepRequest(Guid StageId, int Position);

/// <summary>A step as it was when removed from its stage, with what pointed at it, so that undo can put it all back.</summary>
public sealed record RemovedStep(Guid StageId, RestoredStep Step);
