using System.Globalization;

namespace Waymark.Web.Components.Pages.Kpis;

/// <summary>The stretch of a KPI's history its chart shows, counted back from the latest measurement.</summary>
public enum KpiPeriod { Days90, Year, FiveYears, All }

/// <summary>
/// One point of a KPI chart: a measurement, or the average of the measurements of a week, month, quarter or year;
/// <see cref="Computed"/> when computed from interaction events (those are never averaged with recorded ones).
/// </summary>
public sealed record KpiChartPoint(DateTimeOffset At, double Value, int Measurements, string Label, bool Computed = false);

/// <summary>What a KPI chart draws: the measurements of a period as they are, or averaged per week, month, quarter or year when they are many.</summary>
public sealed record KpiSeries(IReadOnlyList<KpiChartPoint> Points, int Measurements, DateTimeOffset From, DateTimeOffset To, string? Averaged)
{
    /// <summary>More points than this would run together on the chart (about 3 units apart); they are averaged instead.</summary>
    public const int MaxPoints = 120;

    public static readonly IReadOnlyList<KpiPeriod> Periods = [KpiPeriod.Days90, KpiPeriod.Year, KpiPeriod.FiveYears, KpiPeriod.All];

    public static string Name(KpiPeriod period) => period switch
    {
        KpiPeriod.Days90 => "90 days",
        KpiPeriod.Year => "1 year",
        KpiPeriod.FiveYears => "5 years",
        _ => "All",
    };

    /// <summary>
    /// Where the period starts, counted back from the latest measurement rather than today, so that a KPI measured until
    /// last year still shows its last 90 days; null for all of it.
    /// </summary>
    public static DateTimeOffset? StartOf(KpiPeriod period, DateTimeOffset latest) => period switch
    {
        KpiPeriod.Days90 => latest.AddDays(-90),
        KpiPeriod.Year => latest.AddYears(-1),
        KpiPeriod.FiveYears => latest.AddYears(-5),
        _ => null,
    };

    private sealed record Grain(string Averaged, Func<DateTimeOffset, DateTimeOffset> Start, Func<DateTimeOffset, string> Label);

    private static readonly Grain[] Grains =
    [
        new("weekly averages", WeekStart, d => $"week of {d:yyyy-MM-dd}"),
        new("monthly averages", d => new DateTimeOffset(d.Year, d.Month, 1, 0, 0, 0, TimeSpan.Zero), d => d.ToString("MMMM yyyy", CultureInfo.InvariantCulture)),
        new("quarterly averages", d => new DateTimeOffset(d.Year, (d.Month - 1) / 3 * 3 + 1, 1, 0, 0, 0, TimeSpan.Zero), d => $"Q{(d.Month - 1) / 3 + 1} {d.Year}"),
        new("yearly averages", d => new DateTimeOffset(d.Year, 1, 1, 0, 0, 0, TimeSpan.Zero), d => d.Year.ToString(CultureInfo.InvariantCulture)),
    ];

    /// <summary>
    /// The chart of measurements (in any order): each one when they are at most <see cref="MaxPoints"/>, otherwise the
    /// average per week, month, quarter or year, the finest of them that gives at most <see cref="MaxPoints"/> points,
    /// each drawn at the start of its week, month … (UTC).
    /// </summary>
    public static KpiSeries Of(IEnumerable<(DateTimeOffset At, double Value)> measurements) =>
        OfKinds(measurements.Select(m => (m.At, m.Value, false)));

    /// <summary>As <see cref="Of(IEnumerable{ValueTuple{DateTimeOffset, double}})"/>, with the measurements computed from events kept apart from those recorded.</summary>
    public static KpiSeries OfKinds(IEnumerable<(DateTimeOffset At, double Value, bool Computed)> measurements)
    {
        var ordered = measurements.OrderBy(m => m.At).ToList();
        if (ordered.Count == 0) return new KpiSeries([], 0, default, default, null);
        var (from, to) = (ordered[0].At, ordered[^1].At);
        if (ordered.Count <= MaxPoints)
            return new KpiSeries(ordered.Select(m => new KpiChartPoint(m.At, m.Value, 1, m.At.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), m.Computed)).ToList(),
                ordered.Count, from, to, null);
        foreach (var grain in Grains)
        {
            var buckets = ordered.GroupBy(m => (Start: grain.Start(m.At.ToUniversalTime()), m.Computed)).ToList();
            if (buckets.Count > MaxPoints && grain != Grains[^1]) continue;
            var points = buckets.Select(b => new KpiChartPoint(b.Key.Start, b.Average(m => m.Value), b.Count(), grain.Label(b.Key.Start), b.Key.Computed))
                .OrderBy(p => p.At).ToList();
            return new KpiSeries(points, ordered.Count, from, to, grain.Averaged);
        }
        throw new InvalidOperationException("The yearly grain always serves.");
    }

    private static DateTimeOffset WeekStart(DateTimeOffset d)
    {
        var day = new DateTimeOffset(d.Year, d.Month, d.Day, 0, 0, 0, TimeSpan.Zero);
        return day.AddDays(-(((int)day.DayOfWeek + 6) % 7));
    }

    /// <summary>What the chart shows, in words: "365 measurements from 2025-01-01 to 2025-12-31, as weekly averages".</summary>
    public string Description =>
        $"{Waymark.Web.Features.Count.Of(Measurements, "measurement")} from {From:yyyy-MM-dd} to {To:yyyy-MM-dd}" + (Averaged is { } a ? $", as {a}" : "");
}
