using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Waymark.Domain.Kpis;
using Waymark.Storage;
using Waymark.Web.Infrastructure;

namespace Waymark.Web.Features.Kpis;

public static partial class KpisApi
{
    public static RouteGroupBuilder MapKpisApi(this RouteGroupBuilder workspace)
    {
        var group = workspace.MapGroup("/kpis").WithTags("KPIs");
        group.MapGet("/", List);
        group.MapGet("/{id:guid}", Get);
        group.MapGet("/{id:guid}/performance", Performance);
        group.MapPost("/", Create);
        group.MapPut("/{id:guid}", Update).ProducesProblem(409).ProducesProblem(428);
        group.MapDelete("/{id:guid}", Delete).ProducesProblem(409);
        group.MapPut("/{id:guid}/binding", Bind).ProducesProblem(409).ProducesProblem(428);
        group.MapDelete("/{id:guid}/binding", Unbind).ProducesProblem(409).ProducesProblem(428);
        group.MapKpiMeasurementsApi();
        return group;
    }

    private static async Task<Ok<Page<KpiResponse>>> List(CurrentWorkspace ws, WaymarkDb db, string? search, Guid? touchpointId, Guid? journeyId,
        Guid? stepId, Guid? channelId, string? meetsTarget, int? page, int? pageSize, CancellationToken ct)
    {
        var meets = ParseBool(meetsTarget, "meetsTarget");
        var query = db.Kpis.AsNoTracking().Where(k => k.WorkspaceId == ws.Id);
        if (touchpointId is { } t) query = query.Where(k => k.TouchpointId == t);
        if (journeyId is { } j) query = query.Where(k => k.JourneyId == j);
        if (stepId is { } st) query = query.Where(k => k.StepId == st);
        if (channelId is { } c) query = query.Where(k => k.ChannelId == c);
        if (!string.IsNullOrWhiteSpace(search)) query = query.Where(k => EF.Functions.Like(k.Name.ToLower(), Filters.Like(search), "\\"));
        query = query.OrderBy(k => k.Name).ThenBy(k => k.Id);

        if (meets is null)
        {
            // Page in the database, then load the measurements of just this page's KPIs in one query.
            var (p, s) = Paging.Validate(page, pageSize);
            var total = await query.CountAsync(ct);
            var kpis = await query.Skip((p - 1) * s).Take(s).ToListAsync(ct);
            return TypedResults.Ok(new Page<KpiResponse>(await WithPerformanceAsync(db, kpis, ct), p, s, total));
        }
        // Whether a KPI meets its target is derived from its measurements, so the filter runs after the figures are known.
        var all = await WithPerformanceAsync(db, await query.ToListAsync(ct), ct);
        return TypedResults.Ok(all.Where(k => k.Performance.MeetsTarget == meets).ToList().ToPage(page, pageSize));
    }

    private static async Task<Ok<KpiResponse>> Get(CurrentWorkspace ws, Guid id, WaymarkDb db, HttpContext http, CancellationToken ct)
    {
        var kpi = await db.Kpis.AsNoTracking().FindInAsync(ws, id, "KPI", ct);
        http.SetETag(kpi.Version);
        return TypedResults.Ok((await WithPerformanceAsync(db, [kpi], ct))[0]);
    }

    private static async Task<Ok<PerformanceResponse>> Performance(CurrentWorkspace ws, Guid id, WaymarkDb db, CancellationToken ct)
    {
        var kpi = await db.Kpis.AsNoTracking().FindInAsync(ws, id, "KPI", ct);
        return TypedResults.Ok((await WithPerformanceAsync(db, [kpi], ct))[0].Performance);
    }

    private static async Task<Created<KpiResponse>> Create(CurrentWorkspace ws, KpiRequest r, Work work, CancellationToken ct)
    {
        var kpi = await KpiChanges.CreateAsync(work, ws, r, ct);
        return TypedResults.Created($"/api/workspaces/{ws.Key}/kpis/{kpi.Id}", KpiResponse.From(kpi, KpiPerformance.Of(kpi, [])));
    }

    private static async Task<Ok<KpiResponse>> Update(CurrentWorkspace ws, Guid id, KpiRequest r, Work work, HttpContext http, CancellationToken ct)
    {
        var kpi = await KpiChanges.UpdateAsync(work, ws, id, r with { Version = Versions.Expected(http, r.Version) }, ct);
        http.SetETag(kpi.Version);
        return TypedResults.Ok((await WithPerformanceAsync(work.Db, [kpi], ct))[0]);
    }

    private static async Task<NoContent> Delete(CurrentWorkspace ws, Guid id, Work work, HttpContext http, CancellationToken ct)
    {
        await KpiChanges.DeleteAsync(work, ws, id, Versions.Optional(http), ct);
        return TypedResults.NoContent();
    }

    /// <summary>Binds the KPI to an event measure; its whole history is computed in the background.</summary>
    private static async Task<Ok<KpiResponse>> Bind(CurrentWorkspace ws, Guid id, KpiBindingRequest r, Work work, HttpContext http, CancellationToken ct)
    {
        var kpi = await KpiBindingChanges.BindAsync(work, ws, id, r with { Version = Versions.Expected(http, r.Version) }, ct);
        http.SetETag(kpi.Version);
        return TypedResults.Ok((await WithPerformanceAsync(work.Db, [kpi], ct))[0]);
    }

    /// <summary>Stops computing the KPI from events; what was computed stays.</summary>
    private static async Task<Ok<KpiResponse>> Unbind(CurrentWorkspace ws, Guid id, Work work, HttpContext http, int? version, CancellationToken ct)
    {
        var kpi = await KpiBindingChanges.UnbindAsync(work, ws, id, version ?? Versions.Optional(http), ct);
        http.SetETag(kpi.Version);
        return TypedResults.Ok((await WithPerformanceAsync(work.Db, [kpi], ct))[0]);
    }
}
