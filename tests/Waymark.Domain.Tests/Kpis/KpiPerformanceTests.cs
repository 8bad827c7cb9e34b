using Waymark.Domain.Kpis;
using Waymark.Domain.Tests.Support;

namespace Waymark.Domain.Tests.Kpis;

public class KpiPerformanceTests
{
    private static KpiPerformance Of(Kpi kpi, params double[] values) => KpiPerformance.Of(kpi, Some.Measurements(kpi, values));

    [Fact]
    public void Without_measurements_there_is_nothing_to_compare()
    {
        var performance = KpiPerformance.Of(Some.Kpi(target: 80, bestInClass: 95), []);

        Assert.Equal(new KpiPerformance(null, null, null, null, null, null, null, KpiTrend.NotEnoughData, null, 0), performance);
    }

    [Fact]
    public void One_measurement_is_compared_but_gives_no_trend()
    {
        var performance = Of(Some.Kpi(target: 80), 85);

        Assert.Equal(85, performance.Actual);
        Assert.Equal(Some.Instant, performance.MeasuredAt);
        Assert.Equal(5, performance.VersusTarget);
        Assert.Equal(KpiTrend.NotEnoughData, performance.Trend);
        Assert.Null(performance.SlopePerMeasurement);
        Assert.Equal(1, performance.Measurements);
    }

    [Fact]
    public void Higher_is_better_below_target_and_best_in_class_gives_negative_advantages()
    {
        var performance = Of(Some.Kpi(KpiDirection.HigherIsBetter, target: 80, bestInClass: 95), 70, 72);

        Assert.Equal(72, performance.Actual);
        Assert.Equal(-8, performance.VersusTarget);
        Assert.Equal(-0.1, performance.VersusTargetRelative);      // −8 / 80
        Assert.False(performance.MeetsTarget);
        Assert.Equal(-23, performance.VersusBestInClass);
        Assert.Equal(-0.2421, performance.VersusBestInClassRelative); // −23 / 95 = −0.24210…
        Assert.Equal(2, performance.Measurements);
    }

    [Fact]
    public void Higher_is_better_above_target_gives_a_positive_advantage_and_meets_the_target()
    {
        var performance = Of(Some.Kpi(KpiDirection.HigherIsBetter, target: 80, bestInClass: 95), 85);

        Assert.Equal(5, performance.VersusTarget);
        Assert.Equal(0.0625, performance.VersusTargetRelative);       // 5 / 80
        Assert.True(performance.MeetsTarget);
        Assert.Equal(-10, performance.VersusBestInClass);
        Assert.Equal(-0.1053, performance.VersusBestInClassRelative);  // −10 / 95 = −0.10526…
    }

    [Fact]
    public void Exactly_on_target_meets_the_target()
    {
        var performance = Of(Some.Kpi(KpiDirection.LowerIsBetter, target: 120), 120);

        Assert.Equal(0, performance.VersusTarget);
        Assert.True(performance.MeetsTarget);
    }

    [Fact]
    public void Lower_is_better_above_target_gives_negative_advantages()
    {
        var performance = Of(Some.Kpi(KpiDirection.LowerIsBetter, target: 120, bestInClass: 90), 160, 150);

        Assert.Equal(150, performance.Actual);
        Assert.Equal(-30, performance.VersusTarget);
        Assert.Equal(-0.25, performance.VersusTargetRelative);        // −30 / 120
        Assert.False(performance.MeetsTarget);
        Assert.Equal(-60, performance.VersusBestInClass);
        Assert.Equal(-0.6667, performance.VersusBestInClassRelative); // −60 / 90
    }

    [Fact]
    public void Lower_is_better_below_target_gives_a_positive_advantage_and_meets_the_target()
    {
        var performance = Of(Some.Kpi(KpiDirection.LowerIsBetter, target: 120, bestInClass: 90), 100);

        Assert.Equal(20, performance.VersusTarget);
        Assert.Equal(0.1667, performance.VersusTargetRelative);       // 20 / 120
        Assert.True(performance.MeetsTarget);
        Assert.Equal(-10, performance.VersusBestInClass);
        Assert.Equal(-0.1111, performance.VersusBestInClassRelative);
    }

    [Fact]
    public void Lower_is_better_beating_best_in_class_is_positive()
    {
        var performance = Of(Some.Kpi(KpiDirection.LowerIsBetter, bestInClass: 90), 81);

        Assert.Equal(9, performance.VersusBestInClass);
        Assert.Equal(0.1, performance.VersusBestInClassRelative);
        Assert.Null(performance.VersusTarget);
        Assert.Null(performance.VersusTargetRelative);
        Assert.Null(performance.MeetsTarget);
    }

    [Fact]
    public void A_relative_figure_is_taken_of_the_size_of_a_negative_reference()
    {
        // NPS target −10, actual +5: 15 points better, 150 % of the reference's size.
        var performance = Of(Some.Kpi(KpiDirection.HigherIsBetter, target: -10), 5);

        Assert.Equal(15, performance.VersusTarget);
        Assert.Equal(1.5, performance.VersusTargetRelative);
    }

    [Fact]
    public void A_reference_of_zero_gives_an_absolute_but_no_relative_figure()
    {
        var performance = Of(Some.Kpi(KpiDirection.LowerIsBetter, target: 0, bestInClass: 0), 3);

        Assert.Equal(-3, performance.VersusTarget);
        Assert.Null(performance.VersusTargetRelative);
        Assert.False(performance.MeetsTarget);
        Assert.Equal(-3, performance.VersusBestInClass);
        Assert.Null(performance.VersusBestInClassRelative);
    }

    [Fact]
    public void Figures_are_rounded_to_four_places()
    {
        var performance = Of(Some.Kpi(target: 4.0), 4.2);

        Assert.Equal(0.2, performance.VersusTarget);
        Assert.Equal(0.05, performance.VersusTargetRelative);
    }

    [Fact]
    public void Higher_is_better_rising_values_are_improving()
    {
        var performance = Of(Some.Kpi(KpiDirection.HigherIsBetter), 70, 72);

        Assert.Equal(KpiTrend.Improving, performance.Trend);
        Assert.Equal(2, performance.SlopePerMeasurement);
    }

    [Fact]
    public void Higher_is_better_falling_values_are_worsening()
    {
        var performance = Of(Some.Kpi(KpiDirection.HigherIsBetter), 80, 75, 70);

        Assert.Equal(KpiTrend.Worsening, performance.Trend);
        Assert.Equal(-5, performance.SlopePerMeasurement);
    }

    [Fact]
    public void Lower_is_better_falling_values_are_improving()
    {
        var performance = Of(Some.Kpi(KpiDirection.LowerIsBetter), 160, 150);

        Assert.Equal(KpiTrend.Improving, performance.Trend);
        Assert.Equal(-10, performance.SlopePerMeasurement);
    }

    [Fact]
    public void Lower_is_better_rising_values_are_worsening()
    {
        Assert.Equal(KpiTrend.Worsening, Of(Some.Kpi(KpiDirection.LowerIsBetter), 100, 110).Trend);
    }

    [Fact]
    public void The_slope_is_the_least_squares_fit()
    {
        // x = 0..3, y = 1, 3, 2, 6: Σ(x−1.5)(y−3) = 1.5·2 + 0.5·0 + 0.5·(−1) + 1.5·3 = 7, Σ(x−1.5)² = 5, slope 1.4.
        var performance = Of(Some.Kpi(), 1, 3, 2, 6);

        Assert.Equal(1.4, performance.SlopePerMeasurement);
        Assert.Equal(KpiTrend.Improving, performance.Trend);
    }

    [Fact]
    public void A_fitted_change_under_1_percent_of_the_mean_is_stable()
    {
        // change 0.9 over the window; 1 % of the mean 100.45 is 1.0045.
        var performance = Of(Some.Kpi(), 100, 100.9);

        Assert.Equal(KpiTrend.Stable, performance.Trend);
        Assert.Equal(0.9, performance.SlopePerMeasurement);
    }

    [Fact]
    public void A_fitted_change_over_1_percent_of_the_mean_is_a_trend()
    {
        // change 1.1 over the window; 1 % of the mean 100.55 is 1.0055.
        Assert.Equal(KpiTrend.Improving, Of(Some.Kpi(), 100, 101.1).Trend);
        Assert.Equal(KpiTrend.Worsening, Of(Some.Kpi(), 101.1, 100).Trend);
    }

    [Fact]
    public void The_1_percent_rule_looks_at_the_change_over_the_whole_window_not_per_step()
    {
        // y = 50, 50.2, 50.1, 50.3: slope 0.08, change over 3 steps 0.24 < 1 % of 50.15.
        var stable = Of(Some.Kpi(), 50, 50.2, 50.1, 50.3);
        // y = 100, 100.4, 100.8, 101.2: slope 0.4 per step (under 1 %), but 1.2 over the window (over 1 % of 100.6).
        var rising = Of(Some.Kpi(), 100, 100.4, 100.8, 101.2);

        Assert.Equal(KpiTrend.Stable, stable.Trend);
        Assert.Equal(0.08, stable.SlopePerMeasurement);
        Assert.Equal(KpiTrend.Improving, rising.Trend);
        Assert.Equal(0.4, rising.SlopePerMeasurement);
    }

    [Fact]
    public void Around_a_mean_of_zero_the_1_percent_rule_uses_1_as_the_scale()
    {
        Assert.Equal(KpiTrend.Stable, Of(Some.Kpi(), -0.004, 0.004).Trend);
        Assert.Equal(KpiTrend.Improving, Of(Some.Kpi(), -0.01, 0.01).Trend);
    }

    [Fact]
    public void Unchanged_values_are_stable()
    {
        var performance = Of(Some.Kpi(KpiDirection.LowerIsBetter), 4, 4, 4);

        Assert.Equal(KpiTrend.Stable, performance.Trend);
        Assert.Equal(0, performance.SlopePerMeasurement);
    }

    [Fact]
    public void Only_the_last_six_measurements_make_the_trend()
    {
        // Over all seven the values fall; over the last six they rise by 1 each.
        var performance = Of(Some.Kpi(), 100, 1, 2, 3, 4, 5, 6);

        Assert.Equal(KpiTrend.Improving, performance.Trend);
        Assert.Equal(1, performance.SlopePerMeasurement);
        Assert.Equal(7, performance.Measurements);
        Assert.Equal(6, performance.Actual);
    }

    [Fact]
    public void An_old_outlier_outside_the_window_does_not_disturb_a_flat_trend()
    {
        var performance = Of(Some.Kpi(), 100, 10, 10, 10, 10, 10, 10);

        Assert.Equal(KpiTrend.Stable, performance.Trend);
        Assert.Equal(0, performance.SlopePerMeasurement);
    }

    [Fact]
    public void Measurements_count_in_the_order_they_were_measured_not_the_order_they_arrived()
    {
        var kpi = Some.Kpi(target: 4);
        var third = kpi.Measure(5, Some.Instant.AddDays(2), MeasurementSource.Import);
        var first = kpi.Measure(1, Some.Instant, MeasurementSource.Import);
        var second = kpi.Measure(3, Some.Instant.AddDays(1), MeasurementSource.Import);

        var performance = KpiPerformance.Of(kpi, [third, first, second]);

        Assert.Equal(5, performance.Actual);
        Assert.Equal(Some.Instant.AddDays(2), performance.MeasuredAt);
        Assert.Equal(1, performance.VersusTarget);
        Assert.Equal(KpiTrend.Improving, performance.Trend);
        Assert.Equal(2, performance.SlopePerMeasurement);
    }

    [Fact]
    public void Measurements_are_ordered_by_their_instant_whatever_their_offset()
    {
        var kpi = Some.Kpi();
        var later = kpi.Measure(10, new DateTimeOffset(2025, 3, 10, 10, 0, 0, TimeSpan.Zero), MeasurementSource.Api);
        var earlier = kpi.Measure(20, new DateTimeOffset(2025, 3, 10, 11, 0, 0, TimeSpan.FromHours(2)), MeasurementSource.Api); // 09:00 UTC

        var performance = KpiPerformance.Of(kpi, [later, earlier]);

        Assert.Equal(10, performance.Actual);
        Assert.Equal(KpiTrend.Worsening, performance.Trend);
    }

    [Fact]
    public void The_latest_measurements_and_the_count_give_the_same_figures_as_all_measurements()
    {
        var random = new Random(20261203);
        for (var round = 0; round < 500; round++)
        {
            var kpi = new Kpi(Some.WorkspaceId, new KpiDefinition("CSAT", "%", random.Next(2) == 0 ? KpiDirection.HigherIsBetter : KpiDirection.LowerIsBetter,
                Target: random.Next(4) == 0 ? null : random.Next(-50, 100), BestInClass: random.Next(4) == 0 ? null : random.Next(-50, 100)));
            var count = random.Next(0, 40);
            // Few distinct days, so several measurements often share one; values at times flat, so "stable" comes up too.
            var all = Enumerable.Range(0, count).Select(_ => kpi.Measure(random.Next(3) == 0 ? 50 : Math.Round(random.NextDouble() * 200 - 100, 2),
                Some.Instant.AddDays(random.Next(0, 30)), MeasurementSource.Api)).ToList();
            var latest = all.OrderByDescending(m => m.MeasuredAt).ThenByDescending(m => m.RecordedAt).ThenByDescending(m => m.Id)
                .Take(KpiPerformance.TrendWindow).OrderBy(_ => random.Next()).ToList();

            var before = AsBefore(kpi, all.OrderBy(m => m.Id).ToList());

            Assert.Equal(before, KpiPerformance.Of(kpi, all.OrderBy(_ => random.Next())));
            Assert.Equal(before, KpiPerformance.FromLatest(kpi, latest, count));
        }
    }

    [Fact]
    public void Of_two_measurements_at_the_same_time_the_one_recorded_later_is_the_latest()
    {
        var kpi = Some.Kpi(target: 4);
        var first = kpi.Measure(1, Some.Instant, MeasurementSource.Api);
        Thread.Sleep(2);
        var second = kpi.Measure(7, Some.Instant, MeasurementSource.Api);

        Assert.Equal(7, KpiPerformance.Of(kpi, [second, first]).Actual);
        Assert.Equal(7, KpiPerformance.FromLatest(kpi, [second, first], 2).Actual);
    }

    [Fact]
    public void From_the_latest_the_count_is_the_kpi_s_not_the_window_s()
    {
        var kpi = Some.Kpi(target: 4);
        var latest = Some.Measurements(kpi, 1, 2, 3, 4, 5, 6);

        var performance = KpiPerformance.FromLatest(kpi, latest, 1826);

        Assert.Equal(1826, performance.Measurements);
        Assert.Equal(6, performance.Actual);
        Assert.Equal(KpiTrend.Improving, performance.Trend);
    }

    /// <summary>
    /// How the performance was computed before it could come from the latest measurements alone (all of them, sorted,
    /// the last six for the trend), kept here as the reference the new way must agree with. The input comes ordered by id
    /// so that the stable sort settles ties of time the same way as the new way.
    /// </summary>
    private static KpiPerformance AsBefore(Kpi kpi, IReadOnlyList<KpiMeasurement> measurements)
    {
        var ordered = measurements.OrderBy(m => m.MeasuredAt).ThenBy(m => m.RecordedAt).ToList();
        if (ordered.Count == 0) return new KpiPerformance(null, null, null, null, null, null, null, KpiTrend.NotEnoughData, null, 0);
        var latest = ordered[^1];
        var vsTarget = kpi.Advantage(latest.Value, kpi.Target);
        var vsBest = kpi.Advantage(latest.Value, kpi.BestInClass);
        var values = ordered.TakeLast(6).Select(m => m.Value).ToList();
        KpiTrend trend;
        double? slope = null;
        if (values.Count < 2) trend = KpiTrend.NotEnoughData;
        else
        {
            var n = values.Count;
            var meanX = (n - 1) / 2.0;
            var meanY = values.Average();
            double num = 0, den = 0;
            for (var i = 0; i < n; i++) { num += (i - meanX) * (values[i] - meanY); den += (i - meanX) * (i - meanX); }
            var s = num / den;
            slope = s;
            var scale = Math.Abs(meanY) < 1e-12 ? 1 : Math.Abs(meanY);
            trend = Math.Abs(s * (n - 1)) < 0.01 * scale ? KpiTrend.Stable
                : (kpi.Direction == KpiDirection.HigherIsBetter ? s > 0 : s < 0) ? KpiTrend.Improving : KpiTrend.Worsening;
        }
        static double? Round(double? v) => v is null ? null : Math.Round(v.Value, 4);
        static double? Relative(double? a, double? r) => a is null || r is null || r == 0 ? null : Math.Round(a.Value / Math.Abs(r.Value), 4);
        return new KpiPerformance(latest.Value, latest.MeasuredAt, Round(vsTarget), Relative(vsTarget, kpi.Target), vsTarget is null ? null : vsTarget >= 0,
            Round(vsBest), Relative(vsBest, kpi.BestInClass), trend, Round(slope), ordered.Count);
    }
}
