using Waymark.Domain.Common;

namespace Waymark.Domain.Improvements;

/// <summary>An insight is something learnt, an idea a proposal, an action committed work with an owner and a due date.</summary>
public enum ImprovementKind { Insight, Idea, Action }

public enum ImprovementStatus { Open, InProgress, Done, Discarded }

public enum Priority { Low, Medium, High, Critical }

/// <summary>An insight, idea or action, linked to what it is about on the map or in the inventory.</summary>
public sealed class Improvement : WorkspaceEntity
{
    private Improvement() { Title = ""; }

    public Improvement(Guid workspaceId, ImprovementKind kind, ImprovementContent content) : base(workspaceId)
    {
        Kind = Guard.Defined(kind, "kind");
        Apply(content);
    }

    public ImprovementKind Kind { get; private set; }
    public string Title { get; private set; } = "";
    public string? Description { get; private set; }
    public Guid? OwnerId { get; private set; }
    public DateOnly? DueOn { get; private set; }
    public ImprovementStatus Status { get; private set; }
    public Priority Priority { get; private set; }
    /// <summary>Expected impact on the customer experience, 1 (little) to 5 (large).</summary>
    public int? Impact { get; private set; }
    /// <summary>Effort to realise, 1 (little) to 5 (large).</summary>
    public int? Effort { get; private set; }
    public Guid? TouchpointId { get; private set; }
    public Guid? JourneyId { get; private set; }
    public Guid? StepId { get; private set; }
    public Guid? KpiId { get; private set; }
    public Guid? PersonaId { get; private set; }
    public DateTimeOffset? CompletedAt { get; private set; }

    /// <summary>Someone is (or should be) working on it.</summary>
    public bool IsOpen => Status is ImprovementStatus.Open or ImprovementStatus.InProgress;

    public bool IsOverdue(DateOnly today) => IsOpen && DueOn is { } due && due < today;

    /// <summary>Points it at a step again, e.g. when the step it was about is restored after a removal.</summary>
    public void LinkToStep(Guid stepId) => StepId = stepId;

    /// <summary>Takes the content; an improvement that becomes done records when, by <paramref name="clock"/> (the system's if none).</summary>
    public Improvement Apply(ImprovementContent c, TimeProvider? clock = null)
    {
        Title = Guard.Required(c.Title, "title", 300);
        Description = Guard.Limited(c.Description, "description");
        if (Kind == ImprovementKind.Action && c.OwnerId is null && c.Status is ImprovementStatus.InProgress)
            throw new DomainRuleException("ownerId", "An action in progress needs an owner.");
        OwnerId = c.OwnerId;
        DueOn = Guard.SensibleDate(c.DueOn, "dueOn");
        var status = Guard.Defined(c.Status, "status");
        if (status == ImprovementStatus.Done && Status != ImprovementStatus.Done) CompletedAt = (clock ?? TimeProvider.System).GetUtcNow();
        if (status != ImprovementStatus.Done) CompletedAt = null;
        Status = status;
        Priority = Guard.Defined(c.Priority, "priority");
        Impact = Guard.InRange(c.Impact, 1, 5, "impact", "1 = little, 5 = large");
        Effort = Guard.InRange(c.Effort, 1, 5, "effort", "1 = little, 5 = large");
        TouchpointId = c.TouchpointId;
        JourneyId = c.JourneyId;
        StepId = c.StepId;
        KpiId = c.KpiId;
        PersonaId = c.PersonaId;
        return this;
    }
}

public sealed record ImprovementContent(
    string Title,
    string? Description = null,
    Guid? OwnerId = null,
    DateOnly? DueOn = null,
    ImprovementStatus Status = ImprovementStatus.Open,
    Priority Priority = Priority.Medium,
    int? Impact = null,
    int? Effort = null,
    Guid? TouchpointId = null,
    Guid? JourneyId = null,
    Guid? StepId = null,
    Guid? KpiId = null,
    Guid? PersonaId = null);
