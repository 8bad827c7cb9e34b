using Waymark.Domain.Common;

namespace Waymark.Domain.Evaluations;

public enum EvaluationSource { Workshop, Survey, Interview, Analytics }

/// <summary>
/// How a touchpoint (or a step of a journey) is experienced from the customer's side:
/// a score from 1 (expectations clearly missed) to 10 (expectations exceeded).
/// </summary>
public sealed class Evaluation : WorkspaceEntity
{
    public const string ScaleMeaning = "1 = expectations clearly missed, 10 = expectations exceeded";

    private Evaluation() { }

    public Evaluation(Guid workspaceId, EvaluationContent content) : base(workspaceId) => Apply(content);

    private Evaluation(Guid workspaceId, Guid id, EvaluationContent content, DateTimeOffset recordedAt) : base(workspaceId, id)
    {
        Apply(content);
        RecordedAt = recordedAt;
    }

    /// <summary>An evaluation that went with a removed step, recorded again as it was when that step comes back.</summary>
    public static Evaluation Restored(Guid workspaceId, Guid id, EvaluationContent content, DateTimeOffset recordedAt) =>
        new(workspaceId, id, content, recordedAt);

    public Guid? TouchpointId { get; private set; }
    public Guid? StepId { get; private set; }
    public Guid? PersonaId { get; private set; }
    public int Score { get; private set; }
    /// <summary>What the customer expected, in words.</summary>
    public string? Expectation { get; private set; }
    /// <summary>What the customer experienced, in words.</summary>
    public string? Experience { get; private set; }
    /// <summary>How high the expectation was, 1–10; with <see cref="ExperienceLevel"/> it gives the expectation gap.</summary>
    public int? ExpectationLevel { get; private set; }
    /// <summary>How good the experience was, 1–10.</summary>
    public int? ExperienceLevel { get; private set; }
    public EvaluationSource Source { get; private set; }
    public DateOnly EvaluatedOn { get; private set; }
    public string? Evaluator { get; private set; }
    public string? Comment { get; private set; }
    public DateTimeOffset RecordedAt { get; private set; } = DateTimeOffset.UtcNow;

    /// <summary>Experience minus expectation: negative when the customer got less than expected.</summary>
    public int? Gap => ExperienceLevel - ExpectationLevel;

    public Evaluation Apply(EvaluationContent c)
    {
        var touchpointId = c.TouchpointId == Guid.Empty ? null : c.TouchpointId;
        var stepId = c.StepId == Guid.Empty ? null : c.StepId;
        if ((touchpointId is null) == (stepId is null))
            throw new DomainRuleException("touchpointId", "An evaluation scores either one touchpoint or one journey step.");
        TouchpointId = touchpointId;
        StepId = stepId;
        PersonaId = c.PersonaId;
        Score = Guard.InRange(c.Score, 1, 10, "score", ScaleMeaning);
        Expectation = Guard.Limited(c.Expectation, "expectation", 2000);
        Experience = Guard.Limited(c.Experience, "experience", 2000);
        ExpectationLevel = Level(c.ExpectationLevel, "expectationLevel", "The expectation level");
        ExperienceLevel = Level(c.ExperienceLevel, "experienceLevel", "The experience level");
        Source = Guard.Defined(c.Source, "source");
        EvaluatedOn = Guard.SensibleDate(c.EvaluatedOn, "evaluatedOn");
        Evaluator = Guard.Line(c.Evaluator, "evaluator", 200);
        Comment = Guard.Limited(c.Comment, "comment");
        return this;
    }

    /// <summary>Whether a level (of expectation or experience) is on the 1–10 scale; an empty level is allowed.</summary>
    public static bool IsLevel(int? level) => level is null or >= 1 and <= 10;

    public static string LevelProblem(string label, int level) => $"{label} must be between 1 (very low) and 10 (very high); {level} is outside.";

    private static int? Level(int? level, string field, string label) =>
        IsLevel(level) ? level : throw new DomainRuleException(field, LevelProblem(label, level!.Value));
}

public sealed record EvaluationContent(
    int Score,
    DateOnly EvaluatedOn,
    Guid? TouchpointId = null,
    Guid? StepId = null,
    Guid? PersonaId = null,
    EvaluationSource Source = EvaluationSource.Workshop,
    string? Expectation = null,
    string? Experience = null,
    int? ExpectationLevel = null,
    int? ExperienceLevel = null,
    string? Evaluator = null,
    string? Comment = null);
