using Microsoft.EntityFrameworkCore;
using Waymark.Domain.Common;
using Waymark.Domain.Kpis;
using Waymark.Storage.Access;
using Waymark.Web.Infrastructure;

namespace Waymark.Web.Features.Kpis;

public sealed record MeasurementItem(double? Value, DateTimeOffset? MeasuredAt, string? Note = null);

/// <summary>Measurements of one KPI; <c>source</c> defaults to <c>api</c>.</summary>
public sealed record MeasurementBatch(IReadOnlyList<MeasurementItem?>? Measurements, MeasurementSource? Source = null);

public sealed record CrossKpiItem(Guid? KpiId, double? Value, DateTimeOffset? MeasuredAt, string? Note = null, MeasurementSource? Source = null);

/// <summary>A correction of one measurement: the value, when it was measured and the note, with the version it corrects.</summary>
public sealed record MeasurementChange(double? Value, DateTimeOffset? MeasuredAt, string? Note = null, int? Version = null);

/// <summary>
/// A KPI's measurements over time, fed by hand on the KPI page, by other systems through the API, by imports.
/// Batches are all-or-nothing: one bad item refuses the whole batch, naming the item, and nothing is stored; an
/// accepted batch is saved in one transaction before the answer goes out, so an acknowledged value is never lost.
/// A KPI on a journey redraws its map, whose KPI lane shows the latest value.
/// </summary>
public static class KpiMeasurementChanges
{
    public const int MaxBatch = 10_000;

    private const string EventsOnly = "The source 'events' is for values Waymark computes from interaction events itself; bind the KPI to an event measure instead, or send your figure as 'api', 'manual' or 'import'.";

    public static async Task<IReadOnlyList<KpiMeasurement>> RecordAsync(Work work, CurrentWorkspace ws, Guid kpiId, MeasurementBatch batch, CancellationToken ct)
    {
        await work.AllowAsync(ws, WorkspaceRole.Editor, ct);
        var kpi = await work.Db.Kpis.AsNoTracking().FindInAsync(ws, kpiId, "KPI", ct);
        var items = RequireItems(batch.Measurements, "measurements");
        var source = batch.Source ?? MeasurementSource.Api;
        if (source == MeasurementSource.Events) throw new DomainRuleException("source", EventsOnly);
        var measured = items.Select((item, i) => Measure(kpi, item?.Value, item?.MeasuredAt, source, item?.Note, $"measurements[{i}]", items.Count)).ToList();
        work.Db.KpiMeasurements.AddRange(measured);
        await KpiChanges.AnnounceAsync(work, ws, kpi, $"recorded {Count.Of(measured.Count, "measurement")} of '{kpi.Name}'", ct);
        await work.SaveAsync(ct);
        return measured;
    }

    /// <summary>Records a batch across KPIs, as a call-centre or BI system pushes its figures: <c>[{ kpiId, value, measuredAt }]</c>.</summary>
    public static async Task<IReadOnlyList<KpiMeasurement>> RecordAcrossKpisAsync(Work work, CurrentWorkspace ws, IReadOnlyList<CrossKpiItem?>? batch, CancellationToken ct)
    {
        await work.AllowAsync(ws, WorkspaceRole.Editor, ct);
        var items = RequireItems(batch, "");
        var ids = items.Where(i => i?.KpiId is not null).Select(i => i!.KpiId!.Value).Distinct().ToList();
        var kpis = await work.Db.Kpis.AsNoTracking().Where(k => k.WorkspaceId == ws.Id && ids.Contains(k.Id)).ToDictionaryAsync(k => k.Id, ct);
        var measured = items.Select((item, i) =>
        {
            if (item?.KpiId is not { } kpiId)
                throw new DomainRuleException($"[{i}].kpiId", "Each measurement needs the kpiId it belongs to.");
            if (!kpis.TryGetValue(kpiId, out var kpi))
                throw new DomainRuleException($"[{i}].kpiId", $"There is no KPI with id {kpiId} in this workspace.");
            if (item.Source == MeasurementSource.Events) throw new DomainRuleException($"[{i}].source", EventsOnly);
            return Measure(kpi, item.Value, item.MeasuredAt, item.Source ?? MeasurementSource.Api, item.Note, $"[{i}]", items.Count);
        }).ToList();
        work.Db.KpiMeasurements.AddRange(measured);
        foreach (var group in measured.GroupBy(m => m.KpiId))
            await KpiChanges.AnnounceAsync(work, ws, kpis[group.Key], $"recorded {Count.Of(group.Count(), "measurement")} of '{kpis[group.Key].Name}'", ct);
        await work.SaveAsync(ct);
        return measured;
    }

    /// <summary>Corrects a value typed wrongly or measured on another day, through the KPI (its valid range); the audit trail keeps what it was.</summary>
    public static async Task<KpiMeasurement> CorrectAsync(Work work, CurrentWorkspace ws, Guid kpiId, Guid measurementId, MeasurementChange change, CancellationToken ct)
    {
        await work.AllowAsync(ws, WorkspaceRole.Editor, ct);
        var kpi = await work.Db.Kpis.AsNoTracking().FindInAsync(ws, kpiId, "KPI", ct);
        var measurement = await FindAsync(work.Db.KpiMeasurements, ws, kpiId, measurementId, ct);
        measurement.EnsureVersion(Versions.Required(change.Version));
        if (measurement.Source == MeasurementSource.Events)
            throw new DomainRuleException("measurementId", "This value is computed from interaction events and is computed again when events arrive; record your own figure as a new measurement instead, and both are kept.");
        if (change.Value is not { } v) throw new DomainRuleException("value", "The measurement needs a value.");
        if (change.MeasuredAt is not { } at) throw new DomainRuleException("measuredAt", "The measurement needs the time it was measured (measuredAt).");
        kpi.Correct(measurement, v, at, change.Note);
        await KpiChanges.AnnounceAsync(work, ws, kpi, $"corrected a measurement of '{kpi.Name}'", ct);
        await work.SaveAsync(ct);
        return measurement;
    }

    public static async Task DeleteAsync(Work work, CurrentWorkspace ws, Guid kpiId, Guid measurementId, int? version, CancellationToken ct)
    {
        await work.AllowAsync(ws, WorkspaceRole.Editor, ct);
        var kpi = await work.Db.Kpis.AsNoTracking().FindInAsync(ws, kpiId, "KPI", ct);
        var measurement = await FindAsync(work.Db.KpiMeasurements, ws, kpiId, measurementId, ct);
        if (version is { } v) measurement.EnsureVersion(v);
        work.Db.KpiMeasurements.Remove(measurement);
        await KpiChanges.AnnounceAsync(work, ws, kpi, $"deleted a measurement of '{kpi.Name}'", ct);
        await work.SaveAsync(ct);
    }

    internal static async Task<KpiMeasurement> FindAsync(IQueryable<KpiMeasurement> measurements, CurrentWorkspace ws, Guid kpiId, Guid measurementId, CancellationToken ct) =>
        await measurements.FirstOrDefaultAsync(m => m.Id == measurementId && m.KpiId == kpiId && m.WorkspaceId == ws.Id, ct)
        ?? throw new NotFoundException($"This KPI has no measurement with id {measurementId}; someone may have deleted it in the meantime.");

    private static IReadOnlyList<T> RequireItems<T>(IReadOnlyList<T>? items, string field)
    {
        var name = field.Length == 0 ? "The batch" : "'" + field + "'";
        if (items is null || items.Count == 0)
            throw new DomainRuleException(field, $"{name} must hold at least one measurement.");
        if (items.Count > MaxBatch)
            throw new DomainRuleException(field, $"{name} may hold at most {MaxBatch} measurements; send the rest in further batches.");
        return items;
    }

    /// <summary>
    /// One item through the domain's rules; a broken rule is reported against the item's position in the batch, and
    /// named in the sentence only when the batch holds more than one (a value typed on the KPI page is just "the value").
    /// </summary>
    private static KpiMeasurement Measure(Kpi kpi, double? value, DateTimeOffset? measuredAt, MeasurementSource source, string? note, string at, int of)
    {
        var which = of == 1 ? "The measurement" : $"Measurement {at}";
        if (value is null) throw new DomainRuleException($"{at}.value", $"{which} needs a value.");
        if (measuredAt is null) throw new DomainRuleException($"{at}.measuredAt", $"{which} needs the time it was measured (measuredAt).");
        try
        {
            return kpi.Measure(value.Value, measuredAt.Value, source, note);
        }
        catch (DomainRuleException e)
        {
            throw new DomainRuleException($"{at}.{e.Field}", of == 1 ? e.Message : $"Measurement {at}: {e.Message}");
        }
    }
}
