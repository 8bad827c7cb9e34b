using Waymark.Domain.Common;

namespace Waymark.Domain.Kpis;

public enum KpiDirection { HigherIsBetter, LowerIsBetter }

/// <summary>A figure the team steers by, with a target and the best value known in the market.</summary>
public sealed class Kpi : WorkspaceEntity
{
    private Kpi() { Name = Unit = ""; }

    public Kpi(Guid workspaceId, KpiDefinition definition) : base(workspaceId) => Define(definition);

    public string Name { get; private set; } = "";
    public string? Description { get; private set; }
    public string Unit { get; private set; } = "";
    public KpiDirection Direction { get; private set; }
    public double? Target { get; private set; }
    public double? BestInClass { get; private set; }
    public Guid? TouchpointId { get; private set; }
    public Guid? StepId { get; private set; }
    public Guid? JourneyId { get; private set; }
    public Guid? ChannelId { get; private set; }
    /// <summary>The metric that fills this KPI from interaction events, e.g. <c>csat</c>; null when fed by hand or API.</summary>
    public string? ComputedFrom { get; private set; }

    public Kpi Define(KpiDefinition d)
    {
        Name = Guard.Required(d.Name, "name");
        Description = Guard.Limited(d.Description, "description");
        Unit = Guard.Required(d.Unit, "unit", 40);
        Direction = Guard.Defined(d.Direction, "direction");
        Target = Guard.Finite(d.Target, "target");
        BestInClass = Guard.Finite(d.BestInClass, "bestInClass");
        TouchpointId = d.TouchpointId;
        StepId = d.StepId;
        JourneyId = d.JourneyId;
        ChannelId = d.ChannelId;
        ComputedFrom = Guard.Line(d.ComputedFrom, "computedFrom", 100);
        return this;
    }

    /// <summary>Points the KPI at a step again, e.g. when the step it was linked to is restored after a removal.</summary>
    public void LinkToStep(Guid stepId) => StepId = stepId;

    /// <summary>How much better (positive) or worse (negative) an actual value is than a reference, respecting the direction.</summary>
    public double? Advantage(double actual, double? reference) =>
        reference is null ? null : Direction == KpiDirection.HigherIsBetter ? actual - reference.Value : reference.Value - actual;

    public KpiMeasurement Measure(double value, DateTimeOffset measuredAt, MeasurementSource source, string? note = null) =>
        new(WorkspaceId, Id, value, measuredAt, source, note);
}

public sealed record KpiDefinition(
    string Name,
    string Unit,
    KpiDirection Direction = KpiDirection.HigherIsBetter,
    double? Target = null,
    double? BestInClass = null,
    string? Description = null,
    Guid? TouchpointId = null,
    Guid? StepId = null,
    Guid? JourneyId = null,
    Guid? ChannelId = null,
    string? ComputedFrom = null);
