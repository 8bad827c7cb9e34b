using Waymark.Domain.Common;

namespace Waymark.Domain.Journeys;

/// <summary>One thing the customer does in a stage, with what they think, ask, stumble over and feel.</summary>
public sealed class Step
{
    /// <summary>How long the customer action may be; the editor says so before anyone types.</summary>
    public const int ActionLimit = 500;
    /// <summary>How long thoughts and motivation, questions and obstacles may each be.</summary>
    public const int TextLimit = 2000;
    /// <summary>How long the notes may be.</summary>
    public const int NotesLimit = 4000;

    private Step() { Action = ""; }

    internal Step(Guid id, Guid stageId, int position, StepContent content)
    {
        Id = id;
        StageId = stageId;
        Position = position;
        Apply(content);
        Action ??= "";
    }

    public Guid Id { get; private set; }
    public Guid StageId { get; internal set; }
    public int Position { get; internal set; }
    public int Version { get; set; } = 1;
    public string Action { get; private set; } = "";
    public string? ThoughtsAndMotivation { get; private set; }
    public string? Questions { get; private set; }
    public string? Obstacles { get; private set; }
    /// <summary>−3 (very negative) … +3 (very positive).</summary>
    public int Emotion { get; private set; }
    public Guid[] TouchpointIds { get; private set; } = [];
    public Guid? BackstageDepartmentId { get; private set; }
    public int? WaitingMinutes { get; private set; }
    public bool IsMomentOfTruth { get; private set; }
    public bool IsPainPoint { get; private set; }
    public bool IsBrandSuccessPoint { get; private set; }
    public string? Notes { get; private set; }

    public void EnsureVersion(int expected)
    {
        if (expected != Version) throw new StaleVersionException("step", expected, Version);
    }

    /// <summary>What the step says, as it would be given to <see cref="Apply"/>.</summary>
    public StepContent Content => new(Action, ThoughtsAndMotivation, Questions, Obstacles, Emotion, TouchpointIds, BackstageDepartmentId,
        WaitingMinutes, IsMomentOfTruth, IsPainPoint, IsBrandSuccessPoint, Notes);

    public Step Apply(StepContent c)
    {
        Action = Guard.Required(c.Action, "action", ActionLimit);
        ThoughtsAndMotivation = Guard.Limited(c.ThoughtsAndMotivation, "thoughtsAndMotivation", TextLimit);
        Questions = Guard.Limited(c.Questions, "questions", TextLimit);
        Obstacles = Guard.Limited(c.Obstacles, "obstacles", TextLimit);
        Emotion = Guard.InRange(c.Emotion, -3, 3, "emotion", "−3 very negative, 0 neutral, +3 very positive");
        TouchpointIds = Guard.Distinct(c.TouchpointIds);
        BackstageDepartmentId = c.BackstageDepartmentId;
        if (c.WaitingMinutes is < 0) throw new DomainRuleException("waitingMinutes", "Waiting time cannot be negative.");
        WaitingMinutes = c.WaitingMinutes;
        IsMomentOfTruth = c.IsMomentOfTruth;
        IsPainPoint = c.IsPainPoint;
        IsBrandSuccessPoint = c.IsBrandSuccessPoint;
        Notes = Guard.Limited(c.Notes, "notes", NotesLimit);
        return this;
    }
}

public sealed record StepContent(
    string Action,
    string? ThoughtsAndMotivation = null,
    string? Questions = null,
    string? Obstacles = null,
    int Emotion = 0,
    IReadOnlyList<Guid>? TouchpointIds = null,
    Guid? BackstageDepartmentId = null,
    int? WaitingMinutes = null,
    bool IsMomentOfTruth = false,
    bool IsPainPoint = false,
    bool IsBrandSuccessPoint = false,
    string? Notes = null);
