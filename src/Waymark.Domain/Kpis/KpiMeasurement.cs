using Waymark.Domain.Common;

namespace Waymark.Domain.Kpis;

/// <summary>
/// Where a measurement came from. <see cref="Events"/> is written only by Waymark, computing a KPI bound to interaction
/// events; every other source is someone's figure, which a computation never changes.
/// </summary>
public enum MeasurementSource { Manual, Api, Import, Computed, Events }

/// <summary>One value of a KPI at a point in time and where it came from.</summary>
public sealed class KpiMeasurement
{
    private KpiMeasurement() { }

    internal KpiMeasurement(Guid workspaceId, Guid kpiId, double value, DateTimeOffset measuredAt, MeasurementSource source, string? note)
    {
        Id = Guid.CreateVersion7();
        WorkspaceId = workspaceId;
        KpiId = kpiId;
        Change(value, measuredAt, note);
        Source = Guard.Defined(source, "source");
        RecordedAt = DateTimeOffset.UtcNow;
    }

    /// <summary>The value, time and note; where it came from and when it was recorded stay as they were.</summary>
    internal void Change(double value, DateTimeOffset measuredAt, string? note)
    {
        if (double.IsNaN(value) || double.IsInfinity(value))
            throw new DomainRuleException("value", "A measurement must be a number.");
        if (measuredAt == default) throw new DomainRuleException("measuredAt", "A measurement needs the time it was measured.");
        Guard.SensibleDate(DateOnly.FromDateTime(measuredAt.UtcDateTime), "measuredAt");
        Value = value;
        MeasuredAt = measuredAt.ToUniversalTime();
        Note = Guard.Limited(note, "note", 1000);
    }

    public Guid Id { get; private set; }
    public Guid WorkspaceId { get; private set; }
    public Guid KpiId { get; private set; }
    public double Value { get; private set; }
    public DateTimeOffset MeasuredAt { get; private set; }
    public MeasurementSource Source { get; private set; }
    public string? Note { get; private set; }
    public DateTimeOffset RecordedAt { get; private set; }
    /// <summary>Raised by storage on every saved change, so a correction made on an older copy is refused.</summary>
    public int Version { get; set; } = 1;

    public void EnsureVersion(int expected)
    {
        if (expected != Version) throw new StaleVersionException("measurement", expected, Version);
    }
}
