using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Waymark.Domain.Common;
using Waymark.Domain.Kpis;
using Waymark.Storage;
using Waymark.Web.Infrastructure;

namespace Waymark.Web.Features.Kpis;

/// <summary>
/// A KPI's measurements over time, fed by hand, by other systems through the API, by imports or computed from events.
/// Batches are all-or-nothing: one bad item refuses the whole batch, naming the item, and nothing is stored.
/// An accepted batch is committed in one transaction before the answer goes out, so an acknowledged value is never lost.
/// </summary>
public static class KpiMeasurementsApi
{
    public const int MaxBatch = 10_000;

    public sealed record MeasurementItem(double? Value, DateTimeOffset? MeasuredAt, string? Note = null);
    public sealed record MeasurementBatch(IReadOnlyList<MeasurementItem?>? Measurements, MeasurementSource? Source = null);
    public sealed record CrossKpiItem(Guid? KpiId, double? Value, DateTimeOffset? MeasuredAt, string? Note = null, MeasurementSource? Source = null);

    /// <summary>A correction of one measurement: the value, when it was measured and the note, with the version it corrects.</summary>
    public sealed record MeasurementChange(double? Value, DateTimeOffset? MeasuredAt, string? Note = null, int? Version = null);

    public sealed record MeasurementResponse(Guid Id, Guid KpiId, double Value, DateTimeOffset MeasuredAt, MeasurementSource Source, string? Note, DateTimeOffset RecordedAt, int Version)
    {
        public static MeasurementResponse From(KpiMeasurement m) => new(m.Id, m.KpiId, m.Value, m.MeasuredAt, m.Source, m.Note, m.RecordedAt, m.Version);
    }

    public sealed record BatchResponse(int Stored, IReadOnlyList<MeasurementResponse> Measurements);

    public static RouteGroupBuilder MapKpiMeasurementsApi(this RouteGroupBuilder kpis)
    {
        kpis.MapGet("/{id:guid}/measurements", List);
        kpis.MapPost("/{id:guid}/measurements", Record);
        kpis.MapPost("/measurements", RecordAcrossKpis);
        kpis.MapGet("/{id:guid}/measurements/{measurementId:guid}", Get);
        kpis.MapPut("/{id:guid}/measurements/{measurementId:guid}", Correct).ProducesProblem(409).ProducesProblem(428);
        kpis.MapDelete("/{id:guid}/measurements/{measurementId:guid}", Delete).ProducesProblem(409);
        return kpis;
    }

    private static async Task<Ok<Page<MeasurementResponse>>> List(CurrentWorkspace ws, Guid id, WaymarkDb db, DateTimeOffset? from, DateTimeOffset? to,
        int? page, int? pageSize, CancellationToken ct)
    {
        await db.Kpis.AsNoTracking().FindInAsync(ws, id, "KPI", ct);
        if (from is { } f && to is { } t && f > t) throw new DomainRuleException("to", "'to' must not be earlier than 'from'.");
        var query = db.KpiMeasurements.AsNoTracking().Where(m => m.KpiId == id && m.WorkspaceId == ws.Id);
        if (from is { } start) { var utc = start.ToUniversalTime(); query = query.Where(m => m.MeasuredAt >= utc); }
        if (to is { } end) { var utc = end.ToUniversalTime(); query = query.Where(m => m.MeasuredAt <= utc); }
        return TypedResults.Ok(await query.OrderBy(m => m.MeasuredAt).ThenBy(m => m.RecordedAt).ThenBy(m => m.Id)
            .ToPageAsync(page, pageSize, MeasurementResponse.From, ct));
    }

    /// <summary>Records a batch for one KPI; <c>source</c> defaults to <c>api</c>.</summary>
    private static async Task<Created<BatchResponse>> Record(CurrentWorkspace ws, Guid id, MeasurementBatch batch, WaymarkDb db, CancellationToken ct)
    {
        var kpi = await db.Kpis.AsNoTracking().FindInAsync(ws, id, "KPI", ct);
        var items = RequireItems(batch.Measurements, "measurements");
        var source = batch.Source ?? MeasurementSource.Api;
        var measured = items.Select((item, i) => Measure(kpi, item?.Value, item?.MeasuredAt, source, item?.Note, $"measurements[{i}]")).ToList();
        await SaveAsync(db, measured, ct);
        return TypedResults.Created($"/api/workspaces/{ws.Key}/kpis/{id}/measurements",
            new BatchResponse(measured.Count, measured.Select(MeasurementResponse.From).ToList()));
    }

    /// <summary>Records a batch across KPIs, as a call-centre or BI system pushes its figures: <c>[{ kpiId, value, measuredAt }]</c>.</summary>
    private static async Task<Created<BatchResponse>> RecordAcrossKpis(CurrentWorkspace ws, IReadOnlyList<CrossKpiItem?> batch, WaymarkDb db, CancellationToken ct)
    {
        var items = RequireItems(batch, "");
        var ids = items.Where(i => i?.KpiId is not null).Select(i => i!.KpiId!.Value).Distinct().ToList();
        var kpis = await db.Kpis.AsNoTracking().Where(k => k.WorkspaceId == ws.Id && ids.Contains(k.Id)).ToDictionaryAsync(k => k.Id, ct);
        var measured = items.Select((item, i) =>
        {
            if (item?.KpiId is not { } kpiId)
                throw new DomainRuleException($"[{i}].kpiId", "Each measurement needs the kpiId it belongs to.");
            if (!kpis.TryGetValue(kpiId, out var kpi))
                throw new DomainRuleException($"[{i}].kpiId", $"There is no KPI with id {kpiId} in this workspace.");
            return Measure(kpi, item.Value, item.MeasuredAt, item.Source ?? MeasurementSource.Api, item.Note, $"[{i}]");
        }).ToList();
        await SaveAsync(db, measured, ct);
        return TypedResults.Created($"/api/workspaces/{ws.Key}/kpis",
            new BatchResponse(measured.Count, measured.Select(MeasurementResponse.From).ToList()));
    }

    private static async Task<Ok<MeasurementResponse>> Get(CurrentWorkspace ws, Guid id, Guid measurementId, WaymarkDb db, HttpContext http, CancellationToken ct)
    {
        await db.Kpis.AsNoTracking().FindInAsync(ws, id, "KPI", ct);
        var measurement = await MeasurementCorrections.FindAsync(db.KpiMeasurements.AsNoTracking(), ws, id, measurementId, ct);
        http.SetETag(measurement.Version);
        return TypedResults.Ok(MeasurementResponse.From(measurement));
    }

    /// <summary>Corrects a value typed wrongly or measured on another day; the audit trail keeps what it was.</summary>
    private static async Task<Ok<MeasurementResponse>> Correct(CurrentWorkspace ws, Guid id, Guid measurementId, MeasurementChange change, WaymarkDb db, HttpContext http, CancellationToken ct)
    {
        var measurement = await MeasurementCorrections.CorrectAsync(db, ws, id, measurementId, Versions.Expected(http, change.Version),
            change.Value, change.MeasuredAt, change.Note, ct);
        http.SetETag(measurement.Version);
        return TypedResults.Ok(MeasurementResponse.From(measurement));
    }

    private static async Task<NoContent> Delete(CurrentWorkspace ws, Guid id, Guid measurementId, WaymarkDb db, HttpContext http, CancellationToken ct)
    {
        await MeasurementCorrections.DeleteAsync(db, ws, id, measurementId, Versions.Optional(http), ct);
        return TypedResults.NoContent();
    }

    private static IReadOnlyList<T> RequireItems<T>(IReadOnlyList<T>? items, string field)
    {
        var name = field.Length == 0 ? "The batch" : "'" + field + "'";
        if (items is null || items.Count == 0)
            throw new DomainRuleException(field, $"{name} must hold at least one measurement.");
        if (items.Count > MaxBatch)
            throw new DomainRuleException(field, $"{name} may hold at most {MaxBatch} measurements; send the rest in further batches.");
        return items;
    }

    /// <summary>One item through the domain's rules; a broken rule is reported against the item's position in the batch.</summary>
    private static KpiMeasurement Measure(Kpi kpi, double? value, DateTimeOffset? measuredAt, MeasurementSource source, string? note, string at)
    {
        if (value is null) throw new DomainRuleException($"{at}.value", $"Measurement {at} needs a value.");
        if (measuredAt is null) throw new DomainRuleException($"{at}.measuredAt", $"Measurement {at} needs the time it was measured (measuredAt).");
        try
        {
            return kpi.Measure(value.Value, measuredAt.Value, source, note);
        }
        catch (DomainRuleException e)
        {
            throw new DomainRuleException($"{at}.{e.Field}", $"Measurement {at}: {e.Message}");
        }
    }

    /// <summary>All or nothing, durably: one SaveChanges inside an explicit transaction committed before the answer.</summary>
    private static async Task SaveAsync(WaymarkDb db, IReadOnlyList<KpiMeasurement> measured, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        db.KpiMeasurements.AddRange(measured);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
    }
}
