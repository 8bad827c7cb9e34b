using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Waymark.Domain.Common;
using Waymark.Domain.Kpis;
using Waymark.Storage;
using Waymark.Web.Infrastructure;

namespace Waymark.Web.Features.Kpis;

/// <summary>A KPI's measurements over time: the endpoints; the changes are <see cref="KpiMeasurementChanges"/>.</summary>
public static class KpiMeasurementsApi
{
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
    private static async Task<Created<BatchResponse>> Record(CurrentWorkspace ws, Guid id, MeasurementBatch batch, Work work, CancellationToken ct)
    {
        var measured = await KpiMeasurementChanges.RecordAsync(work, ws, id, batch, ct);
        return TypedResults.Created($"/api/workspaces/{ws.Key}/kpis/{id}/measurements",
            new BatchResponse(measured.Count, measured.Select(MeasurementResponse.From).ToList()));
    }

    /// <summary>Records a batch across KPIs, as a call-centre or BI system pushes its figures: <c>[{ kpiId, value, measuredAt }]</c>.</summary>
    private static async Task<Created<BatchResponse>> RecordAcrossKpis(CurrentWorkspace ws, IReadOnlyList<CrossKpiItem?> batch, Work work, CancellationToken ct)
    {
        var measured = await KpiMeasurementChanges.RecordAcrossKpisAsync(work, ws, batch, ct);
        return TypedResults.Created($"/api/workspaces/{ws.Key}/kpis",
            new BatchResponse(measured.Count, measured.Select(MeasurementResponse.From).ToList()));
    }

    private static async Task<Ok<MeasurementResponse>> Get(CurrentWorkspace ws, Guid id, Guid measurementId, WaymarkDb db, HttpContext http, CancellationToken ct)
    {
        await db.Kpis.AsNoTracking().FindInAsync(ws, id, "KPI", ct);
        var measurement = await KpiMeasurementChanges.FindAsync(db.KpiMeasurements.AsNoTracking(), ws, id, measurementId, ct);
        http.SetETag(measurement.Version);
        return TypedResults.Ok(MeasurementResponse.From(measurement));
    }

    /// <summary>Corrects a value typed wrongly or measured on another day; the audit trail keeps what it was.</summary>
    private static async Task<Ok<MeasurementResponse>> Correct(CurrentWorkspace ws, Guid id, Guid measurementId, MeasurementChange change, Work work, HttpContext http, CancellationToken ct)
    {
        var measurement = await KpiMeasurementChanges.CorrectAsync(work, ws, id, measurementId, change with { Version = Versions.Expected(http, change.Version) }, ct);
        http.SetETag(measurement.Version);
        return TypedResults.Ok(MeasurementResponse.From(measurement));
    }

    private static async Task<NoContent> Delete(CurrentWorkspace ws, Guid id, Guid measurementId, Work work, HttpContext http, CancellationToken ct)
    {
        await KpiMeasurementChanges.DeleteAsync(work, ws, id, measurementId, Versions.Optional(http), ct);
        return TypedResults.NoContent();
    }
}
