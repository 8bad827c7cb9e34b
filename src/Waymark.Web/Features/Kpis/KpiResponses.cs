using Microsoft.EntityFrameworkCore;
using Waymark.Domain.Common;
using Waymark.Domain.Kpis;
using Waymark.Storage;

namespace Waymark.Web.Features.Kpis;

public static partial class KpisApi
{
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
