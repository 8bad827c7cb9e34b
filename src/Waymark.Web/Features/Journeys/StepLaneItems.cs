using Microsoft.EntityFrameworkCore;
using Waymark.Domain.Improvements;
using Waymark.Domain.Kpis;
using Waymark.Storage;
using Waymark.Web.Features.Kpis;
using Waymark.Web.Infrastructure;

namespace Waymark.Web.Features.Journeys;

public sealed record StepKpi(Guid Id, string Name, string Unit, double? Actual, double? Target, bool? MeetsTarget, KpiTrend Trend);
public sealed record StepImprovement(Guid Id, ImprovementKind Kind, string Title, ImprovementStatus Status, bool Overdue, string? Owner);

/// <summary>What a map's KPI lane and ideas-and-actions lane show per step, loaded for all steps at once; the map page and its SVG read the same.</summary>
public static class StepLaneItems
{
    public static async Task<IReadOnlyDictionary<Guid, List<StepKpi>>> KpisAsync(WaymarkDb db, CurrentWorkspace ws, IReadOnlyList<Guid> stepIds, CancellationToken ct)
    {
        var kpis = await db.Kpis.AsNoTracking().Where(k => k.WorkspaceId == ws.Id && k.StepId != null && stepIds.Contains(k.StepId.Value)).ToListAsync(ct);
        return (await KpisApi.WithPerformanceAsync(db, kpis, ct))
            .GroupBy(k => k.StepId!.Value)
            .ToDictionary(g => g.Key, g => g.Select(k => new StepKpi(k.Id, k.Name, k.Unit, k.Performance.Actual, k.Target, k.Performance.MeetsTarget, k.Performance.Trend)).ToList());
    }

    /// <summary>Ideas and actions of the steps (insights and discarded ones are not on the map), with their owners' names from <paramref name="owners"/>.</summary>
    public static async Task<IReadOnlyDictionary<Guid, List<StepImprovement>>> ImprovementsAsync(
        WaymarkDb db, CurrentWorkspace ws, IReadOnlyList<Guid> stepIds, IReadOnlyDictionary<Guid, string> owners, DateOnly today, CancellationToken ct) =>
        (await db.Improvements.AsNoTracking()
            .Where(i => i.WorkspaceId == ws.Id && i.StepId != null && stepIds.Contains(i.StepId.Value) && i.Kind != ImprovementKind.Insight
                        && i.Status != ImprovementStatus.Discarded)
            .ToListAsync(ct))
        .GroupBy(i => i.StepId!.Value)
        .ToDictionary(g => g.Key, g => g.OrderBy(i => i.Kind).ThenBy(i => i.Title)
            .Select(i => new StepImprovement(i.Id, i.Kind, i.Title, i.Status, i.IsOverdue(today), i.OwnerId is { } o ? owners.GetValueOrDefault(o) : null)).ToList());
}
