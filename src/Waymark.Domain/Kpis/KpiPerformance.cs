namespace Waymark.Domain.Kpis;

public enum KpiTrend { NotEnoughData, Improving, Stable, Worsening }

/// <summary>
/// Where a KPI stands: its latest value against target and best-in-class. Advantages are signed so that
/// positive always means better, whatever the KPI's direction; relative figures are fractions of the reference.
/// The trend is the least-squares slope over the last measurements, called stable when the fitted change
/// over that window is under 1 % of the window's mean (or of 1 when the mean is 0).
/// </summary>
public sealed record KpiPerformance(
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
    public const int TrendWindow = 6;

    /// <summary>The performance from all of a KPI's measurements.</summary>
    public static KpiPerformance Of(Kpi kpi, IEnumerable<KpiMeasurement> measurements)
    {
        var all = measurements.ToList();
        return FromLatest(kpi, all, all.Count);
    }

    /// <summary>
    /// The performance from the latest measurements only: <paramref name="latest"/> must hold at least the latest
    /// <see cref="TrendWindow"/> of them (more do no harm), <paramref name="count"/> is how many the KPI has in all.
    /// The same figures as <see cref="Of"/>, without reading years of history.
    /// </summary>
    public static KpiPerformance FromLatest(Kpi kpi, IEnumerable<KpiMeasurement> latest, int count)
    {
        // Measured at the same time, the one recorded later counts as later; the id (time-ordered) settles the rest.
        var window = latest.OrderBy(m => m.MeasuredAt).ThenBy(m => m.RecordedAt).ThenBy(m => m.Id).TakeLast(TrendWindow).ToList();
        if (window.Count == 0)
            return new KpiPerformance(null, null, null, null, null, null, null, KpiTrend.NotEnoughData, null, 0);
        var last = window[^1];
        var vsTarget = kpi.Advantage(last.Value, kpi.Target);
        var vsBest = kpi.Advantage(last.Value, kpi.BestInClass);
        var (trend, slope) = TrendOf(kpi, window.Select(m => m.Value).ToList());
        return new KpiPerformance(
            last.Value,
            last.MeasuredAt,
            Round(vsTarget),
            Relative(vsTarget, kpi.Target),
            vsTarget is null ? null : vsTarget >= 0,
            Round(vsBest),
            Relative(vsBest, kpi.BestInClass),
            trend,
            Round(slope),
            Math.Max(count, window.Count));
    }

    private static (KpiTrend, double?) TrendOf(Kpi kpi, IReadOnlyList<double> values)
    {
        if (values.Count < 2) return (KpiTrend.NotEnoughData, null);
        var n = values.Count;
        var meanX = (n - 1) / 2.0;
        var meanY = values.Average();
        double num = 0, den = 0;
        for (var i = 0; i < n; i++)
        {
            num += (i - meanX) * (values[i] - meanY);
            den += (i - meanX) * (i - meanX);
        }
        var slope = num / den;
        var change = slope * (n - 1);
        var scale = Math.Abs(meanY) < 1e-12 ? 1 : Math.Abs(meanY);
        if (Math.Abs(change) < 0.01 * scale) return (KpiTrend.Stable, slope);
        var better = kpi.Direction == KpiDirection.HigherIsBetter ? slope > 0 : slope < 0;
        return (better ? KpiTrend.Improving : KpiTrend.Worsening, slope);
    }

    private static double? Relative(double? advantage, double? reference) =>
        advantage is null || reference is null || reference == 0 ? null : Math.Round(advantage.Value / Math.Abs(reference.Value), 4);

    private static double? Round(double? v) => v is null ? null : Math.Round(v.Value, 4);
}
