using System.Globalization;
using Bunit;
using Waymark.Domain.Kpis;
using Waymark.Web.Components.Pages.Kpis;
using Waymark.Web.Features.Kpis;

namespace Waymark.Ui.Tests.Kpis;

/// <summary>The chart component on its own: where its points and lines fall.</summary>
public sealed class KpiChartTests : IDisposable
{
    private readonly BunitContext _ctx = new();

    public void Dispose() => _ctx.Dispose();

    private static (KpisApi.KpiResponse Kpi, List<KpiMeasurement> Measurements) Kpi(double? target, double? best, params double[] values)
    {
        var kpi = new Kpi(Guid.NewGuid(), new KpiDefinition("Hotline <wait>", "min", KpiDirection.LowerIsBetter, target, best));
        var start = new DateTimeOffset(2026, 1, 1, 6, 0, 0, TimeSpan.Zero);
        var measurements = values.Select((v, i) => kpi.Measure(v, start.AddMonths(i), MeasurementSource.Manual, null)).ToList();
        return (KpisApi.KpiResponse.From(kpi, KpiPerformance.Of(kpi, measurements)), measurements);
    }

    [Fact]
    public void One_point_per_measurement_in_time_order_with_target_and_best_in_class_lines()
    {
        var (kpi, measurements) = Kpi(3, 1, 7.9, 6.5, 5.2, 4.6);
        // Given in any order; drawn in time order.
        measurements.Reverse();

        var chart = _ctx.Render<KpiChart>(p => p.Add(c => c.Kpi, kpi).Add(c => c.Measurements, measurements));

        var circles = chart.FindAll("circle");
        Assert.Equal(4, circles.Count);
        var xs = circles.Select(c => double.Parse(c.GetAttribute("cx")!, CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(xs.OrderBy(x => x), xs);
        var ys = circles.Select(c => double.Parse(c.GetAttribute("cy")!, CultureInfo.InvariantCulture)).ToList();
        // Falling values climb up the chart (SVG y grows downwards).
        Assert.Equal(ys.OrderBy(y => y), ys);
        Assert.Equal(["2026-01-01: 7.9", "2026-02-01: 6.5", "2026-03-01: 5.2", "2026-04-01: 4.6"], circles.Select(c => c.QuerySelector("title")!.TextContent).ToList());

        var dashed = chart.FindAll("line[stroke-dasharray]");
        Assert.Equal(2, dashed.Count);
        var target = Assert.Single(dashed, l => l.GetAttribute("stroke-dasharray") == "6 4");
        var best = Assert.Single(dashed, l => l.GetAttribute("stroke-dasharray") == "2 3");
        var targetY = double.Parse(target.GetAttribute("y1")!, CultureInfo.InvariantCulture);
        var bestY = double.Parse(best.GetAttribute("y1")!, CultureInfo.InvariantCulture);
        // Target 3 lies between the last point (4.6) and best in class (1).
        Assert.True(ys[^1] < targetY && targetY < bestY, $"points {string.Join(",", ys)}, target {targetY}, best {bestY}");
        Assert.Contains(chart.FindAll("text"), t => t.TextContent == "target");
        Assert.Contains(chart.FindAll("text"), t => t.TextContent == "best");
        // Axis labels: first and last date.
        Assert.Contains(chart.FindAll("text"), t => t.TextContent == "2026-01-01");
        Assert.Contains(chart.FindAll("text"), t => t.TextContent == "2026-04-01");
    }

    [Fact]
    public void Without_a_target_there_is_no_target_line_and_the_name_is_escaped_in_the_label()
    {
        var (kpi, measurements) = Kpi(null, null, 5, 6);

        var chart = _ctx.Render<KpiChart>(p => p.Add(c => c.Kpi, kpi).Add(c => c.Measurements, measurements));

        Assert.Empty(chart.FindAll("line[stroke-dasharray]"));
        Assert.Equal(2, chart.FindAll("circle").Count);
        Assert.StartsWith("Hotline <wait> over time", chart.Find("svg").GetAttribute("aria-label"));
        Assert.Empty(chart.FindAll("wait"));
    }

    [Fact]
    public void No_measurements_say_so_in_words()
    {
        var (kpi, measurements) = Kpi(3, 1);

        var chart = _ctx.Render<KpiChart>(p => p.Add(c => c.Kpi, kpi).Add(c => c.Measurements, measurements));

        Assert.Empty(chart.FindAll("svg"));
        Assert.Contains("No measurements yet", chart.Markup);
    }

    [Theory]
    [InlineData(34.25, 52.75)]
    [InlineData(-100, 100)]
    [InlineData(0.062, 0.071)]
    [InlineData(7, 7)]
    public void Value_ticks_are_round_and_cover_the_values(double min, double max)
    {
        var ticks = KpiChart.ValueTicks(min, max);

        var step = ticks[1] - ticks[0];
        var power = Math.Pow(10, Math.Floor(Math.Log10(step)));
        Assert.Contains(Math.Round(step / power, 6), new[] { 1d, 2, 5 });
        Assert.All(ticks, t => Assert.Equal(0, Math.Round(t / step - Math.Round(t / step), 6)));
        Assert.InRange(ticks.Count, 3, 7);
        Assert.True(ticks[0] <= min && ticks[^1] >= max, string.Join(", ", ticks));
    }

    [Fact]
    public void The_target_label_fits_in_the_picture_and_date_labels_keep_apart()
    {
        var kpi = new Kpi(Guid.NewGuid(), new KpiDefinition("NPS", "points", KpiDirection.HigherIsBetter, 45, 62));
        var start = new DateTimeOffset(2026, 1, 1, 6, 0, 0, TimeSpan.Zero);
        // Irregular dates: three close together, then a gap.
        var days = new[] { 0, 2, 4, 6, 40, 42, 90, 180 };
        var measurements = days.Select((d, i) => kpi.Measure(30 + i, start.AddDays(d), MeasurementSource.Manual)).ToList();

        var chart = _ctx.Render<KpiChart>(p => p.Add(c => c.Kpi, KpisApi.KpiResponse.From(kpi, KpiPerformance.Of(kpi, measurements))).Add(c => c.Measurements, measurements));

        var width = double.Parse(chart.Find("svg").GetAttribute("viewBox")!.Split(' ')[2], CultureInfo.InvariantCulture);
        var target = chart.FindAll("text").Single(t => t.TextContent == "target");
        // 10-unit text is at most about 6 units a letter wide.
        Assert.True(double.Parse(target.GetAttribute("x")!, CultureInfo.InvariantCulture) + 6 * "target".Length <= width);
        var xs = chart.FindAll("text[data-tick=date]").Select(t => double.Parse(t.GetAttribute("x")!, CultureInfo.InvariantCulture)).ToList();
        Assert.Contains(chart.FindAll("text[data-tick=date]"), t => t.TextContent == "2026-01-01");
        Assert.Contains(chart.FindAll("text[data-tick=date]"), t => t.TextContent == "2026-06-30");
        Assert.All(xs.Zip(xs.Skip(1)), pair => Assert.True(pair.Second - pair.First >= 60, $"date labels at {string.Join(", ", xs)}"));
    }

    [Fact]
    public void Values_computed_from_events_are_drawn_apart_from_recorded_ones_with_a_legend()
    {
        var kpi = new Kpi(Guid.NewGuid(), new KpiDefinition("First-contact resolution", "%"));
        var start = new DateTimeOffset(2026, 3, 2, 0, 0, 0, TimeSpan.Zero);
        List<KpiMeasurement> measurements =
        [
            kpi.Measure(60, start, MeasurementSource.Manual),
            kpi.Measure(62.5, start, MeasurementSource.Events),
            kpi.Measure(64, start.AddDays(7), MeasurementSource.Events),
            kpi.Measure(61, start.AddDays(14), MeasurementSource.Api),
        ];
        var response = KpisApi.KpiResponse.From(kpi, KpiPerformance.Of(kpi, measurements));

        var chart = _ctx.Render<KpiChart>(p => p.Add(c => c.Kpi, response).Add(c => c.Measurements, measurements));

        var recorded = chart.FindAll("circle[data-point=recorded]");
        var computed = chart.FindAll("polygon[data-point=computed]");
        Assert.Equal(["2026-03-02: 60, recorded", "2026-03-16: 61, recorded"], recorded.Select(c => c.QuerySelector("title")!.TextContent));
        Assert.Equal(["2026-03-02: 62.5, computed from events", "2026-03-09: 64, computed from events"], computed.Select(c => c.QuerySelector("title")!.TextContent));
        // Each kind has its own line, so a manual and a computed value of the same week do not zigzag into one.
        Assert.Equal(2, chart.Find("polyline[data-line=recorded]").GetAttribute("points")!.Split(' ').Length);
        Assert.Equal("4 3", chart.Find("polyline[data-line=computed]").GetAttribute("stroke-dasharray"));
        var legend = chart.Find("[data-testid=kpi-chart-legend]");
        Assert.Contains("recorded", legend.TextContent);
        Assert.Contains("computed from events", legend.TextContent);
        Assert.Contains("(2 computed from events, 2 recorded)", chart.Find("desc").TextContent);
    }

    [Fact]
    public void A_chart_without_computed_values_has_no_legend()
    {
        var (kpi, measurements) = Kpi(null, null, 5, 6);

        var chart = _ctx.Render<KpiChart>(p => p.Add(c => c.Kpi, kpi).Add(c => c.Measurements, measurements));

        Assert.Empty(chart.FindAll("[data-testid=kpi-chart-legend]"));
        Assert.Empty(chart.FindAll("[data-point=computed]"));
    }
}
