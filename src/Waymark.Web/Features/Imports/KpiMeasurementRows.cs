using Microsoft.EntityFrameworkCore;
using Waymark.Domain.Kpis;
using Waymark.Storage;
using Waymark.Web.Infrastructure;
using Waymark.Web.Features.Kpis;

namespace Waymark.Web.Features.Imports;

/// <summary>
/// KPI measurement rows: the KPI by name, the value and the day (or time) it was measured, recorded with the source
/// 'import'. A row corrects the measurement the KPI already has at that time, unless Waymark computed that one from
/// events, which stays and is joined by the imported figure.
/// </summary>
internal sealed class KpiMeasurementRows : KindRows
{
    private NameIndex<Kpi> _kpis = null!;
    private Dictionary<(Guid, DateTimeOffset), KpiMeasurement> _existing = null!;

    public override ImportKind Kind => ImportKinds.KpiMeasurements;

    public override async Task LoadAsync(WaymarkDb db, CurrentWorkspace ws, CancellationToken ct)
    {
        _kpis = new(await db.Kpis.AsNoTracking().Where(k => k.WorkspaceId == ws.Id).ToListAsync(ct), k => k.Name,
            "; create the KPI first or correct the name");
        _existing = (await db.KpiMeasurements.AsNoTracking().Where(m => m.WorkspaceId == ws.Id && m.Source != MeasurementSource.Events).ToListAsync(ct))
            .GroupBy(m => (m.KpiId, m.MeasuredAt.ToUniversalTime())).ToDictionary(g => g.Key, g => g.First());
    }

    public override RowPlan? Plan(ImportRow row, CurrentWorkspace ws)
    {
        var kpi = row.Reference("kpi", _kpis, "KPI");
        if (row.Text("kpi") is null) row.Missing("kpi", "The KPI measured");
        var value = row.Decimal("value");
        if (row.Text("value") is null) row.Missing("value", "The value");
        var at = row.DateTime("measuredAt");
        if (row.Text("measuredAt") is null) row.Missing("measuredAt", "The day measured");
        if (row.Problems.Count > 0) return null;
        var measuredAt = new DateTimeOffset(DateTime.SpecifyKind(at!.Value, DateTimeKind.Utc));
        var note = row.Text("note");
        row.Check(() => kpi!.Measure(value!.Value, measuredAt, MeasurementSource.Import, note), f => f == "measuredAt" ? "measuredAt" : "value");
        if (row.Problems.Count > 0) return null;
        _existing.TryGetValue((kpi!.Id, measuredAt), out var m);
        var values = Shown(("kpi", kpi.Name), ("value", CellText.Show(value!.Value)), ("measuredAt", CellText.Show(measuredAt)), ("note", note ?? m?.Note));
        var updates = m is null ? null : $"the value {CellText.Show(m.Value)} of '{kpi.Name}' on {CellText.Show(m.MeasuredAt)}";
        return new RowPlan($"{kpi.Id}|{measuredAt.UtcTicks}", updates, values,
            m is null
                ? (work, w, ct) => KpiMeasurementChanges.RecordAsync(work, w, kpi.Id, new MeasurementBatch([new MeasurementItem(value, measuredAt, note)], MeasurementSource.Import), ct)
                : (work, w, ct) => KpiMeasurementChanges.CorrectAsync(work, w, kpi.Id, m.Id, new MeasurementChange(value, measuredAt, note ?? m.Note, m.Version), ct));
    }
}
