using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Waymark.Domain.Common;
using Waymark.Domain.Journeys;
using Waymark.Domain.Kpis;
using Waymark.Domain.Organisation;
using Waymark.Domain.Touchpoints;
using Waymark.Storage;
using Waymark.Storage.Access;
using Waymark.Web.Infrastructure;

namespace Waymark.Web.Features.Kpis;

/// <summary>What a KPI is, as a person or a program defines it.</summary>
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

/// <summary>Every change to a KPI's definition, for the HTTP API, the KPI pages and the CLI alike. A KPI on a journey redraws its map.</summary>
public static class KpiChanges
{
    public static async Task<Kpi> CreateAsync(Work work, CurrentWorkspace ws, KpiRequest r, CancellationToken ct)
    {
        await work.AllowAsync(ws, WorkspaceRole.Editor, ct);
        var kpi = new Kpi(ws.Id, r.ToDefinition());
        await RequireLinksAsync(work.Db, ws, r, ct);
        work.Db.Kpis.Add(kpi);
        await AnnounceAsync(work, ws, kpi, $"added the KPI '{kpi.Name}'", ct);
        await work.SaveAsync(ct);
        return kpi;
    }

    public static async Task<Kpi> UpdateAsync(Work work, CurrentWorkspace ws, Guid id, KpiRequest r, CancellationToken ct)
    {
        await work.AllowAsync(ws, WorkspaceRole.Editor, ct);
        var kpi = await work.Db.Kpis.FindInAsync(ws, id, "KPI", ct);
        kpi.EnsureVersion(Versions.Required(r.Version));
        await RequireLinksAsync(work.Db, ws, r, ct);
        // The map it leaves redraws as well as the one it joins.
        await AnnounceAsync(work, ws, kpi, $"changed the KPI '{r.Name.Trim()}'", ct);
        kpi.Define(r.ToDefinition());
        await RequireMeasurementsInRangeAsync(work.Db, kpi, ct);
        await AnnounceAsync(work, ws, kpi, $"changed the KPI '{kpi.Name}'", ct);
        await work.SaveAsync(ct);
        return kpi;
    }

    /// <summary>A KPI is deleted only while no insight, idea or action refers to it; its measurements go with it.</summary>
    public static async Task DeleteAsync(Work work, CurrentWorkspace ws, Guid id, int? version, CancellationToken ct)
    {
        await work.AllowAsync(ws, WorkspaceRole.Editor, ct);
        var kpi = await work.Db.Kpis.FindInAsync(ws, id, "KPI", ct);
        if (version is { } v) kpi.EnsureVersion(v);
        var improvements = await work.Db.Improvements.CountAsync(i => i.KpiId == id, ct);
        if (improvements > 0)
            throw new ConflictException($"The KPI '{kpi.Name}' is linked to {Count.Of(improvements, "insight, idea or action", "insights, ideas or actions")}. " +
                "Unlink them before deleting it.");
        work.Db.Kpis.Remove(kpi);
        await AnnounceAsync(work, ws, kpi, $"deleted the KPI '{kpi.Name}'", ct);
        await work.SaveAsync(ct);
    }

    /// <summary>Tells the map of the KPI's journey (or of its step's journey), if it is on one.</summary>
    internal static async Task AnnounceAsync(Work work, CurrentWorkspace ws, Kpi kpi, string did, CancellationToken ct)
    {
        if (await work.Db.MapOfAsync(ws, kpi.JourneyId, kpi.StepId, ct) is { } journey) work.Announce(journey, did);
    }

    private static async Task RequireLinksAsync(WaymarkDb db, CurrentWorkspace ws, KpiRequest r, CancellationToken ct)
    {
        await db.RequireAsync<Touchpoint>(ws, r.TouchpointId, "touchpointId", "touchpoint", ct);
        await db.RequireAsync<Journey>(ws, r.JourneyId, "journeyId", "journey", ct);
        await db.RequireStepAsync(ws, r.StepId, r.JourneyId, ct);
        await db.RequireAsync<Channel>(ws, r.ChannelId, "channelId", "channel", ct);
    }

    /// <summary>A valid range is refused while measurements already lie outside it: they would be wrong figures nobody sees as wrong.</summary>
    private static async Task RequireMeasurementsInRangeAsync(WaymarkDb db, Kpi kpi, CancellationToken ct)
    {
        if (kpi.RangeText is null) return;
        var (min, max) = (kpi.ValidMinimum ?? double.MinValue, kpi.ValidMaximum ?? double.MaxValue);
        var outside = await db.KpiMeasurements.AsNoTracking().Where(m => m.KpiId == kpi.Id && (m.Value < min || m.Value > max))
            .OrderBy(m => m.MeasuredAt).Select(m => new { m.Value, m.MeasuredAt }).ToListAsync(ct);
        if (outside.Count == 0) return;
        var first = outside[0];
        throw new DomainRuleException(kpi.ValidMinimum is { } lo && first.Value < lo ? "validMinimum" : "validMaximum",
            $"{(outside.Count == 1 ? "1 measurement lies" : $"{outside.Count} measurements lie")} outside the valid range ({kpi.RangeText}), " +
            $"the first {first.Value.ToString("0.####", CultureInfo.InvariantCulture)} on {first.MeasuredAt:yyyy-MM-dd}. Correct or delete {(outside.Count == 1 ? "it" : "them")} first.");
    }
}
