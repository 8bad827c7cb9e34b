using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Waymark.Domain.Common;
using Waymark.Domain.Kpis;
using Waymark.Domain.Organisation;
using Waymark.Domain.Touchpoints;
using Waymark.Domain.Journeys;
using Waymark.Storage;
using Waymark.Web.Infrastructure;

namespace Waymark.Web.Features.Kpis;

public static class KpisApi
{
    public sealed record KpiRequest(
        string Name,
        string Unit,
        KpiDirection? Direction = null,
        double? Target = null,
        double? BestInClass = null,
        string? Description = null,
        Guid? TouchpointId = null,
        Guid? StepId = null,
        Guid? JourneyId = null,
        Guid? ChannelId = null,
        string? ComputedFrom = null,
        int? Version = null,
        double? ValidMinimum = null,
        double? ValidMaximum = null)
    {
        public KpiDefinition ToDefinition() => new(Name, Unit, Direction ?? KpiDirection.HigherIsBetter, Target, BestInClass, Description,
            TouchpointId, StepId, JourneyId, ChannelId, ComputedFrom, ValidMinimum, ValidMaximum);
    }

    /// <summary>Where the KPI stands; advantages are positive when better than the reference, whatever the direction.</summary>
    public sealed record PerformanceResponse(
        double? Actual,
        DateTimeOffset? MeasuredAt,
        double? VersusTarget,
        double? VersusTargetRelative,
        bool? MeetsTarget,
        double? VersusBestInClass,
        double? VersusBestInClassRelative,
        KpiTrend Trend,
        double? SlopePerMeasurement,
        int Measurements)
    {
        public static PerformanceResponse From(KpiPerformance p) => new(p.Actual, p.MeasuredAt, p.VersusTarget, p.VersusTargetRelative,
            p.MeetsTarget, p.VersusBestInClass, p.VersusBestInClassRelative, p.Trend, p.SlopePerMeasurement, p.Measurements);
    }

    public sealed record KpiResponse(
        Guid Id,
        string Name,
        string? Description,
        string Unit,
        KpiDirection Direction,
        double? Target,
        double? BestInClass,
        Guid? TouchpointId,
        Guid? StepId,
        Guid? JourneyId,
        Guid? ChannelId,
        string? ComputedFrom,
        int Version,
        PerformanceResponse Performance,
        double? ValidMinimum = null,
        double? ValidMaximum = null)
    {
        public static KpiResponse From(Kpi k, KpiPerformance p) => new(k.Id, k.Name, k.Description, k.Unit, k.Direction, k.Target, k.BestInClass,
            k.TouchpointId, k.StepId, k.JourneyId, k.ChannelId, k.ComputedFrom, k.Version, PerformanceResponse.From(p), k.ValidMinimum, k.ValidMaximum);
    }

    public static RouteGroupBuilder MapKpisApi(this RouteGroupBuilder workspace)
    {
        var group = workspace.MapGroup("/kpis").WithTags("KPIs");
        group.MapGet("/", List);
        group.MapGet("/{id:guid}", Get);
        group.MapGet("/{id:guid}/performance", Performance);
        group.MapPost("/", Create);
        group.MapPut("/{id:guid}", Update).ProducesProblem(409).ProducesProblem(428);
        group.MapDelete("/{id:guid}", Delete).ProducesProblem(409);
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

    private static async Task<Created<KpiResponse>> Create(CurrentWorkspace ws, KpiRequest r, WaymarkDb db, CancellationToken ct)
    {
        var kpi = new Kpi(ws.Id, r.ToDefinition());
        await RequireLinksAsync(db, ws, r, ct);
        db.Kpis.Add(kpi);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/workspaces/{ws.Key}/kpis/{kpi.Id}", KpiResponse.From(kpi, KpiPerformance.Of(kpi, [])));
    }

    private static async Task<Ok<KpiResponse>> Update(CurrentWorkspace ws, Guid id, KpiRequest r, WaymarkDb db, HttpContext http, CancellationToken ct)
    {
        var kpi = await db.Kpis.FindInAsync(ws, id, "KPI", ct);
        kpi.EnsureVersion(Versions.Expected(http, r.Version));
        await RequireLinksAsync(db, ws, r, ct);
        kpi.Define(r.ToDefinition());
        await RequireMeasurementsInRangeAsync(db, kpi, ct);
        await db.SaveChangesAsync(ct);
        http.SetETag(kpi.Version);
        return TypedResults.Ok((await WithPerformanceAsync(db, [kpi], ct))[0]);
    }

    private static async Task<NoContent> Delete(CurrentWorkspace ws, Guid id, WaymarkDb db, HttpContext http, CancellationToken ct)
    {
        var kpi = await db.Kpis.FindInAsync(ws, id, "KPI", ct);
        if (Versions.Optional(http) is { } v) kpi.EnsureVersion(v);
        var improvements = await db.Improvements.CountAsync(i => i.KpiId == id, ct);
        if (improvements > 0)
            throw new ConflictException($"The KPI '{kpi.Name}' is linked to {improvements} insight(s), idea(s) or action(s). Unlink them before deleting it.");
        // Its measurements go with it.
        db.Kpis.Remove(kpi);
        await db.SaveChangesAsync(ct);
        return TypedResults.NoContent();
    }

    private static async Task RequireLinksAsync(WaymarkDb db, CurrentWorkspace ws, KpiRequest r, CancellationToken ct)
    {
        await db.RequireAsync<Touchpoint>(ws, r.TouchpointId, "touchpointId", "touchpoint", ct);
        await db.RequireAsync<Journey>(ws, r.JourneyId, "journeyId", "journey", ct);
        await db.RequireStepAsync(ws, r.StepId, r.JourneyId, ct);
        await db.RequireAsync<Channel>(ws, r.ChannelId, "channelId", "channel", ct);
    }

    /// <summary>A valid range is refused while measurements already lie outside it: they would be wrong figures nobody sees as wrong.</summary>
    internal static async Task RequireMeasurementsInRangeAsync(WaymarkDb db, Kpi kpi, CancellationToken ct)
    {
        if (kpi.RangeText is null) return;
        var (min, max) = (kpi.ValidMinimum ?? double.MinValue, kpi.ValidMaximum ?? double.MaxValue);
        var outside = await db.KpiMeasurements.AsNoTracking().Where(m => m.KpiId == kpi.Id && (m.Value < min || m.Value > max))
            .OrderBy(m => m.MeasuredAt).Select(m => new { m.Value, m.MeasuredAt }).ToListAsync(ct);
        if (outside.Count == 0) return;
        var first = outside[0];
        throw new DomainRuleException(kpi.ValidMinimum is { } lo && first.Value < lo ? "validMinimum" : "validMaximum",
            $"{(outside.Count == 1 ? "1 measurement lies" : $"{outside.Count} measurements lie")} outside the valid range ({kpi.RangeText}), " +
            $"the first {first.Value.ToString("0.####", System.Globalization.CultureInfo.InvariantCulture)} on {first.MeasuredAt:yyyy-MM-dd}. Correct or delete {(outside.Count == 1 ? "it" : "them")} first.");
    }

    /// <summary>The KPIs with their performance; the measurements of all of them are read in one query.</summary>
    internal static async Task<List<KpiResponse>> WithPerformanceAsync(WaymarkDb db, IReadOnlyList<Kpi> kpis, CancellationToken ct)
    {
        var ids = kpis.Select(k => k.Id).ToList();
        var measurements = (await db.KpiMeasurements.AsNoTracking().Where(m => ids.Contains(m.KpiId)).ToListAsync(ct)).ToLookup(m => m.KpiId);
        return kpis.Select(k => KpiResponse.From(k, KpiPerformance.Of(k, measurements[k.Id]))).ToList();
    }

    internal static bool? ParseBool(string? value, string field) => value?.Trim().ToLowerInvariant() switch
    {
        null or "" => null,
        "true" => true,
        "false" => false,
        _ => throw new DomainRuleException(field, $"'{value}' is not a valid {field}. Use true or false."),
    };
}
