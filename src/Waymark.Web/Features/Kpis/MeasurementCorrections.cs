using Microsoft.EntityFrameworkCore;
using Waymark.Domain.Common;
using Waymark.Domain.Kpis;
using Waymark.Storage;
using Waymark.Web.Infrastructure;

namespace Waymark.Web.Features.Kpis;

/// <summary>
/// Correcting and deleting one measurement of a KPI, as the HTTP API and the KPI page both do it: found in the
/// workspace, checked against the version the person read, changed through the KPI (its valid range), saved.
/// </summary>
public static class MeasurementCorrections
{
    public static async Task<KpiMeasurement> CorrectAsync(WaymarkDb db, CurrentWorkspace ws, Guid kpiId, Guid measurementId, int version,
        double? value, DateTimeOffset? measuredAt, string? note, CancellationToken ct)
    {
        var kpi = await db.Kpis.AsNoTracking().FindInAsync(ws, kpiId, "KPI", ct);
        var measurement = await FindAsync(db.KpiMeasurements, ws, kpiId, measurementId, ct);
        measurement.EnsureVersion(version);
        if (value is not { } v) throw new DomainRuleException("value", "The measurement needs a value.");
        if (measuredAt is not { } at) throw new DomainRuleException("measuredAt", "The measurement needs the time it was measured (measuredAt).");
        kpi.Correct(measurement, v, at, note);
        await db.SaveChangesAsync(ct);
        return measurement;
    }

    public static async Task DeleteAsync(WaymarkDb db, CurrentWorkspace ws, Guid kpiId, Guid measurementId, int? version, CancellationToken ct)
    {
        await db.Kpis.AsNoTracking().FindInAsync(ws, kpiId, "KPI", ct);
        var measurement = await FindAsync(db.KpiMeasurements, ws, kpiId, measurementId, ct);
        if (version is { } v) measurement.EnsureVersion(v);
        db.KpiMeasurements.Remove(measurement);
        await db.SaveChangesAsync(ct);
    }

    internal static async Task<KpiMeasurement> FindAsync(IQueryable<KpiMeasurement> measurements, CurrentWorkspace ws, Guid kpiId, Guid measurementId, CancellationToken ct) =>
        await measurements.FirstOrDefaultAsync(m => m.Id == measurementId && m.KpiId == kpiId && m.WorkspaceId == ws.Id, ct)
        ?? throw new NotFoundException($"This KPI has no measurement with id {measurementId}; someone may have deleted it in the meantime.");
}
