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
    /// <summary>The lowest value the KPI can take (e.g. −100 for NPS, 0 for a percentage); null when unbounded.</summary>
    public double? ValidMinimum { get; private set; }
    /// <summary>The highest value the KPI can take (e.g. 100 for NPS or a percentage); null when unbounded.</summary>
    public double? ValidMaximum { get; private set; }
    public Guid? TouchpointId { get; private set; }
    public Guid? StepId { get; private set; }
    public Guid? JourneyId { get; private set; }
    public Guid? ChannelId { get; private set; }
    /// <summary>The metric that fills this KPI from interaction events, e.g. <c>csat</c>; null when fed by hand or API.</summary>
    public string? ComputedFrom { get; private set; }
    /// <summary>
    /// How many measurements the KPI has, kept by storage in the same transaction as every measurement added or removed,
    /// so that reading it does not count years of them; 0 for a KPI not yet stored.
    /// </summary>
    public int MeasurementCount { get; private set; }

    /// <summary>The event measure this KPI is computed from, period by period; null when fed by hand or API.</summary>
    /// <summary>Null too when the map a conformance KPI was held against has been deleted: it computes nothing until bound again.</summary>
    public KpiEventBinding? Binding => BoundMeasure is { } measure && !(measure == EventMeasure.MapConformance && BoundJourneyId is null)
        ? new KpiEventBinding(measure, BoundGrain ?? PeriodGrain.Month, BoundTouchpoint, BoundToTouchpoint, BoundChannel, BoundJourneyId)
        : null;
    // The binding's parts, as storage keeps them.
    public EventMeasure? BoundMeasure { get; private set; }
    public PeriodGrain? BoundGrain { get; private set; }
    public string? BoundTouchpoint { get; private set; }
    public string? BoundToTouchpoint { get; private set; }
    public string? BoundChannel { get; private set; }
    public Guid? BoundJourneyId { get; private set; }

    /// <summary>Fills the KPI from events from now on; measurements recorded by hand or API stay as they are.</summary>
    public void Bind(KpiEventBinding binding) =>
        (BoundMeasure, BoundGrain, BoundTouchpoint, BoundToTouchpoint, BoundChannel, BoundJourneyId) =
        (binding.Measure, binding.Grain, binding.Touchpoint, binding.ToTouchpoint, binding.Channel, binding.JourneyId);

    /// <summary>Stops computing the KPI from events; the measurements computed so far stay.</summary>
    public void Unbind() =>
        (BoundMeasure, BoundGrain, BoundTouchpoint, BoundToTouchpoint, BoundChannel, BoundJourneyId) = (null, null, null, null, null, null);

    public Kpi Define(KpiDefinition d)
    {
        Name = Guard.Required(d.Name, "name");
        Description = Guard.Limited(d.Description, "description");
        Unit = Guard.Required(d.Unit, "unit", 40);
        Direction = Guard.Defined(d.Direction, "direction");
        var (min, max) = (Guard.Finite(d.ValidMinimum, "validMinimum"), Guard.Finite(d.ValidMaximum, "validMaximum"));
        if (min > max)
            throw new DomainRuleException("validMaximum", $"The highest valid value ({Number(max!.Value)}) is below the lowest ({Number(min!.Value)}).");
        var target = Guard.Finite(d.Target, "target");
        var best = Guard.Finite(d.BestInClass, "bestInClass");
        InRange(target, min, max, "target", "The target");
        InRange(best, min, max, "bestInClass", "Best in class");
        (ValidMinimum, ValidMaximum, Target, BestInClass) = (min, max, target, best);
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
        new(WorkspaceId, Id, Valid(value), measuredAt, source, note);

    /// <summary>Corrects a measurement of this KPI, e.g. a typing error; the value must lie in the valid range as when recorded.</summary>
    public void Correct(KpiMeasurement measurement, double value, DateTimeOffset measuredAt, string? note)
    {
        if (measurement.KpiId != Id) throw new DomainRuleException("measurementId", "This measurement belongs to another KPI.");
        measurement.Change(Valid(value), measuredAt, note);
    }

    /// <summary>Whether a value lies in the valid range (always, when the KPI has none).</summary>
    public bool Allows(double value) => !(value < ValidMinimum || value > ValidMaximum);

    /// <summary>The valid range in words, e.g. "between −100 and 100", "at least 0"; null when unbounded.</summary>
    public string? RangeText => (ValidMinimum, ValidMaximum) switch
    {
        ({ } lo, { } hi) => $"between {Number(lo)} and {Number(hi)}",
        ({ } lo, null) => $"at least {Number(lo)}",
        (null, { } hi) => $"at most {Number(hi)}",
        _ => null,
    };

    private double Valid(double value)
    {
        if (!double.IsNaN(value) && !double.IsInfinity(value) && !Allows(value))
            throw new DomainRuleException("value", $"A value of {Name} must be {RangeText}; {Number(value)} is outside.");
        return value;
    }

    private void InRange(double? value, double? min, double? max, string field, string label)
    {
        if (value is { } v && (v < min || v > max))
            throw new DomainRuleException(field, $"{label} ({Number(v)}) lies outside the valid range, {RangeOf(min, max)}.");
    }

    private static string RangeOf(double? min, double? max) =>
        min is { } lo ? max is { } hi ? $"{Number(lo)} to {Number(hi)}" : $"{Number(lo)} or more" : $"{Number(max!.Value)} or less";

    private static string Number(double v) => v.ToString("0.####", System.Globalization.CultureInfo.InvariantCulture);
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
    string? ComputedFrom = null,
    double? ValidMinimum = null,
    double? ValidMaximum = null);
