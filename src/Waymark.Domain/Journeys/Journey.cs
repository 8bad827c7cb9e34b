using Waymark.Domain.Common;

namespace Waymark.Domain.Journeys;

public enum JourneyScenario { InitialPurchase, RepeatPurchase, ServiceCase, Onboarding, Custom }

/// <summary>Current state shows how it is today; future state how the team wants it to be.</summary>
public enum JourneyState { Current, Future }

/// <summary>
/// A customer journey map: ordered stages, each with ordered steps, drawn in the lanes the team chose.
/// Stages and steps change only through the journey, so their order always stays 0..n-1.
/// </summary>
public sealed class Journey : WorkspaceEntity
{
    private readonly List<Stage> _stages = [];
    // Not stored: a loaded journey stamps its changes with the system clock.
    private TimeProvider _clock = TimeProvider.System;

    private Journey() { Name = ""; }

    public Journey(Guid workspaceId, string name, JourneyScenario scenario, JourneyState state = JourneyState.Current) : base(workspaceId)
    {
        Name = Guard.Required(name, "name");
        Scenario = Guard.Defined(scenario, "scenario");
        State = Guard.Defined(state, "state");
        _lanes = JourneyLanes.Stored(JourneyLanes.Default);
        if (scenario == JourneyScenario.Custom) CustomScenario = "Custom";
        MapChangedAt = DateTimeOffset.UtcNow;
    }

    /// <summary>Stamps the map's later changes with this clock instead of the system's.</summary>
    public Journey UsingClock(TimeProvider clock)
    {
        _clock = clock;
        return this;
    }

    public string Name { get; private set; } = "";
    public string? Description { get; private set; }
    public JourneyScenario Scenario { get; private set; }
    public string? CustomScenario { get; private set; }
    public Guid? PersonaId { get; private set; }
    public JourneyState State { get; private set; }
    /// <summary>
    /// The lanes shown on the map, top to bottom; lanes not listed are hidden. A lane Waymark added after the map's lanes
    /// were chosen shows, as on a new map, until someone hides it (<see cref="JourneyLanes.Shown"/>).
    /// </summary>
    public string[] Lanes { get => JourneyLanes.Shown(_lanes); private set => _lanes = value; }
    /// <summary>The lanes as stored (storage reads and writes this field): shown ones, then those hidden by choice.</summary>
    private string[] _lanes = [];
    /// <summary>Changes with every change of the map's structure so the journey's version moves too.</summary>
    public DateTimeOffset MapChangedAt { get; private set; }
    public IReadOnlyList<Stage> Stages => _stages;

    public IEnumerable<Stage> OrderedStages => _stages.OrderBy(s => s.Position);
    public IEnumerable<Step> OrderedSteps => OrderedStages.SelectMany(s => s.OrderedSteps);

    public Journey Describe(string name, string? description, JourneyScenario scenario, string? customScenario, Guid? personaId, JourneyState state)
    {
        Name = Guard.Required(name, "name");
        Description = Guard.Limited(description, "description");
        Scenario = Guard.Defined(scenario, "scenario");
        CustomScenario = scenario == JourneyScenario.Custom ? Guard.Required(customScenario, "customScenario", 100) : null;
        PersonaId = personaId;
        State = Guard.Defined(state, "state");
        return this;
    }

    /// <summary>
    /// A new map drawn like this one — scenario, description, lanes, stages and every step's content — to become its
    /// future state or a variant for another persona. The copy has its own ids; evaluations, KPIs and actions stay with
    /// this map, as they judge or improve the journey as it was mapped here.
    /// </summary>
    public Journey CopyAs(string name, JourneyState state, Guid? personaId)
    {
        var copy = new Journey(WorkspaceId, name, Scenario, state).Describe(name, Description, Scenario, CustomScenario, personaId, state);
        copy._lanes = [.. _lanes];
        foreach (var stage in OrderedStages)
        {
            var copied = copy.AddStage(stage.Name, stage.PhaseId);
            copied.Describe(stage.Name, stage.Description, stage.PhaseId);
            foreach (var step in stage.OrderedSteps) copy.AddStep(copied.Id, step.Content);
        }
        return copy;
    }

    public Journey ShowLanes(IEnumerable<string> lanes)
    {
        _lanes = JourneyLanes.Stored(JourneyLanes.Validate(lanes));
        Changed();
        return this;
    }

    public Stage AddStage(string name, Guid? phaseId = null, int? position = null) =>
        PlaceStage(Guid.CreateVersion7(), name, phaseId, position);

    /// <summary>
    /// Puts a removed stage back with the id it had; its steps follow with <see cref="RestoreStep"/>.
    /// Undo uses it, so that a stage removed and restored is the same stage again.
    /// </summary>
    public Stage RestoreStage(Guid stageId, string name, Guid? phaseId = null, int? position = null)
    {
        RequireUnused(stageId, _stages.Any(s => s.Id == stageId), "stage");
        return PlaceStage(stageId, name, phaseId, position);
    }

    private Stage PlaceStage(Guid stageId, string name, Guid? phaseId, int? position)
    {
        if (position is { } wanted) Guard.InRange(wanted, 0, _stages.Count, "position");
        var stage = new Stage(stageId, Id, name, phaseId, _stages.Count);
        _stages.Add(stage);
        if (position is { } p) MoveStage(stage.Id, p);
        Changed();
        return stage;
    }

    public Stage FindStage(Guid stageId) =>
        _stages.FirstOrDefault(s => s.Id == stageId)
        ?? throw new DomainRuleException("stageId", "That stage is not part of this journey.");

    public Step FindStep(Guid stepId) =>
        _stages.SelectMany(s => s.Steps).FirstOrDefault(s => s.Id == stepId)
        ?? throw new DomainRuleException("stepId", "That step is not part of this journey.");

    public void MoveStage(Guid stageId, int newIndex)
    {
        var stage = FindStage(stageId);
        var ordered = OrderedStages.ToList();
        Guard.InRange(newIndex, 0, ordered.Count - 1, "position");
        ordered.Remove(stage);
        ordered.Insert(newIndex, stage);
        for (var i = 0; i < ordered.Count; i++) ordered[i].Position = i;
        Changed();
    }

    /// <summary>Removes a stage and the steps in it.</summary>
    public void RemoveStage(Guid stageId)
    {
        _stages.Remove(FindStage(stageId));
        var i = 0;
        foreach (var s in OrderedStages.ToList()) s.Position = i++;
        Changed();
    }

    public Step AddStep(Guid stageId, StepContent content, int? position = null) =>
        PlaceStep(Guid.CreateVersion7(), stageId, content, position);

    /// <summary>
    /// Puts a removed step back with the id it had, so that the evaluations, KPIs and actions that pointed at it
    /// can point at it again. Undo uses it, and so does redo after undoing an added step.
    /// </summary>
    public Step RestoreStep(Guid stepId, Guid stageId, StepContent content, int? position = null)
    {
        RequireUnused(stepId, _stages.SelectMany(s => s.Steps).Any(s => s.Id == stepId), "step");
        return PlaceStep(stepId, stageId, content, position);
    }

    private Step PlaceStep(Guid stepId, Guid stageId, StepContent content, int? position)
    {
        var stage = FindStage(stageId);
        if (position is { } wanted) Guard.InRange(wanted, 0, stage.Steps.Count, "position");
        var step = stage.Append(stepId, content);
        if (position is { } p) MoveStep(step.Id, stageId, p);
        Changed();
        return step;
    }

    private static void RequireUnused(Guid id, bool onThisMap, string what)
    {
        if (id == Guid.Empty) throw new DomainRuleException("id", $"A restored {what} needs the id it had.");
        if (onThisMap) throw new DomainRuleException("id", $"That {what} is on this map already.");
    }

    /// <summary>Moves a step to a position in the same or another stage of this journey.</summary>
    public void MoveStep(Guid stepId, Guid targetStageId, int newIndex)
    {
        var step = FindStep(stepId);
        var from = FindStage(step.StageId);
        var to = FindStage(targetStageId);
        // Checked before detaching, so a bad index leaves the step where it was.
        Guard.InRange(newIndex, 0, from == to ? to.Steps.Count - 1 : to.Steps.Count, "position");
        from.Detach(step);
        to.Insert(step, newIndex);
        Changed();
    }

    public void RemoveStep(Guid stepId)
    {
        var step = FindStep(stepId);
        FindStage(step.StageId).Detach(step);
        Changed();
    }

    /// <summary>The emotion of each step in map order: the line drawn through the emotion lane.</summary>
    public EmotionCurve EmotionCurve() =>
        Journeys.EmotionCurve.Of(OrderedStages.SelectMany(stage => stage.OrderedSteps.Select(step => (stage, step))));

    private void Changed() => MapChangedAt = _clock.GetUtcNow();
}
