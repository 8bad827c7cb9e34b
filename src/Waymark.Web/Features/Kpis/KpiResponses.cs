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
        double? ValidMaximum = null,
        KpiBindingResponse? Binding = null)
    {
        public static KpiResponse From(Kpi k, KpiPerformance p) => new(k.Id, k.Name, k.Description, k.Unit, k.Direction, k.Target, k.BestInClass,
            k.TouchpointId, k.StepId, k.JourneyId, k.ChannelId, k.ComputedFrom, k.Version, PerformanceResponse.From(p), k.ValidMinimum, k.ValidMaximum,
            KpiBindingResponse.From(k.Binding));
    }

    /// <summary>The event measure a KPI is computed from, per day, week or month; null when it is fed by hand or API.</summary>
    public sealed record KpiBindingResponse(EventMeasure Measure, PeriodGrain Grain, string? Touchpoint, string? ToTouchpoint, string? Channel, Guid? JourneyId)
    {
        public static KpiBindingResponse? From(KpiEventBinding? b) =>
            b is null ? null : new(b.Measure, b.Grain, b.Touchpoint, b.ToTouchpoint, b.Channel, b.JourneyId);
    }

    /// <summary>
    /// The KPIs with their performance, from each KPI's latest <see cref="KpiPerformance.TrendWindow"/> measurements and the
    /// count kept on the KPI: the same few queries and the same work whether a KPI has a dozen measurements or years of them.
    /// </summary>
    internal static async Task<List<KpiResponse>> WithPerformanceAsync(WaymarkDb db, IReadOnlyList<Kpi> kpis, CancellationToken ct)
    {
        var latest = await LatestMeasurementsAsync(db, kpis.Select(k => k.Id).Distinct().ToList(), ct);
        return kpis.Select(k => KpiResponse.From(k, KpiPerformance.FromLatest(k, latest[k.Id], k.MeasurementCount))).ToList();
    }

    /// <summary>KPIs per query; SQLite allows at most 500 SELECTs in one UNION.</summary>
    private const int KpisPerQuery = 64;

    /// <summary>
    /// The latest measurements of each KPI: one UNION ALL of "this KPI's newest few" per KPI, each read from the end of the
    /// (KpiId, MeasuredAt, RecordedAt, Id) index. A window function (ROW_NUMBER per KPI) would number every measurement
    /// first; a LATERAL join is not in SQLite. The number of KPIs in a query is rounded up to a power of two (the last one
    /// repeated) so that the database and EF prepare only a handful of query shapes.
    /// </summary>
    private static async Task<ILookup<Guid, KpiMeasurement>> LatestMeasurementsAsync(WaymarkDb db, IReadOnlyList<Guid> ids, CancellationToken ct)
    {
        var found = new List<KpiMeasurement>();
        foreach (var chunk in ids.Chunk(KpisPerQuery))
        {
            var padded = chunk.Concat(Enumerable.Repeat(chunk[^1], (int)System.Numerics.BitOperations.RoundUpToPowerOf2((uint)chunk.Length) - chunk.Length));
            var query = padded.Select(id => Latest(db, id)).Aggregate((all, next) => all.Concat(next));
            found.AddRange(await query.ToListAsync(ct));
        }
        return found.DistinctBy(m => m.Id).ToLookup(m => m.KpiId);
    }

    private static IQueryable<KpiMeasurement> Latest(WaymarkDb db, Guid kpiId) =>
        db.KpiMeasurements.AsNoTracking().Where(m => m.KpiId == kpiId)
            .OrderByDescending(m => m.MeasuredAt).ThenByDescending(m => m.RecordedAt).ThenByDescending(m => m.Id)
            .Take(KpiPerformance.TrendWindow);

    internal static bool? ParseBool(string? value, string field) => value?.Trim().ToLowerInvariant() switch
    {
        null or "" => null,
        "true" => true,
        "false" => false,
        _ => throw new DomainRuleException(field, $"'{value}' is not a valid {field}. Use true or false."),
    };
}
