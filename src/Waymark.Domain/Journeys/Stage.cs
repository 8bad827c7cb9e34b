using Waymark.Domain.Common;

namespace Waymark.Domain.Journeys;

/// <summary>A column of the map, usually one of the workspace's phases, renamable per map.</summary>
public sealed class Stage
{
    private readonly List<Step> _steps = [];

    private Stage() { Name = ""; }

    internal Stage(Guid id, Guid journeyId, string name, Guid? phaseId, int position)
    {
        Id = id;
        JourneyId = journeyId;
        Name = Guard.Required(name, "name", 100);
        PhaseId = phaseId;
        Position = position;
    }

    public Guid Id { get; private set; }
    public Guid JourneyId { get; private set; }
    public string Name { get; private set; } = "";
    public string? Description { get; private set; }
    public Guid? PhaseId { get; private set; }
    public int Position { get; internal set; }
    public int Version { get; set; } = 1;
    public IReadOnlyList<Step> Steps => _steps;
    public IEnumerable<Step> OrderedSteps => _steps.OrderBy(s => s.Position);

    public void EnsureVersion(int expected)
    {
        if (expected != Version) throw new StaleVersionException("stage", expected, Version);
    }

    public Stage Describe(string name, string? description, Guid? phaseId)
    {
        Name = Guard.Required(name, "name", 100);
        Description = Guard.Limited(description, "description");
        PhaseId = phaseId;
        return this;
    }

    internal Step Append(Guid stepId, StepContent content)
    {
        var step = new Step(stepId, Id, _steps.Count, content);
        _steps.Add(step);
        return step;
    }

    internal void Detach(Step step)
    {
        _steps.Remove(step);
        Renumber(OrderedSteps.ToList());
    }

    internal void Insert(Step step, int index)
    {
        var ordered = OrderedSteps.ToList();
        Guard.InRange(index, 0, ordered.Count, "position");
        ordered.Insert(index, step);
        step.StageId = Id;
        _steps.Add(step);
        Renumber(ordered);
    }

    private static void Renumber(List<Step> ordered)
    {
        for (var i = 0; i < ordered.Count; i++) ordered[i].Position = i;
    }
}
