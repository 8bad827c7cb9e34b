using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Waymark.Storage.Access;
using Waymark.Ui.Tests.Support;

namespace Waymark.Ui.Tests.Kpis;

[Collection(UiCollection.Name)]
public sealed class KpiPagesTests(UiFactory factory)
{
    [Fact]
    public async Task The_table_lists_every_demo_kpi_with_actual_target_best_in_class_variance_and_trend()
    {
        await using var db = factory.OpenDb();
        var demo = factory.DemoId;
        var kpis = await db.Kpis.Where(k => k.WorkspaceId == demo).ToListAsync();
        Assert.True(kpis.Count >= 10);

        var page = Html.Parse(await factory.PageAsync("/w/demo/kpis"));
        var rows = page.QuerySelectorAll("[data-testid=kpi-table] tbody tr").ToList();

        Assert.Equal(kpis.Count, rows.Count);
        foreach (var k in kpis)
        {
            var row = Assert.Single(rows, r => r.QuerySelector("td button")!.Text() == k.Name).Text();
            Assert.Contains(k.Target!.Value.ToString("0.##", CultureInfo.InvariantCulture), row);
            Assert.Contains(k.BestInClass!.Value.ToString("0.##", CultureInfo.InvariantCulture), row);
            Assert.Matches("improving|stable|worsening|not enough data", row.ToLowerInvariant());
        }
        // The variance is signed and coloured, and says in words which way the trend goes (not by colour alone).
        var variances = page.QuerySelectorAll("[data-testid=kpi-table] tbody tr td:nth-child(5)").ToList();
        Assert.Contains(variances, v => v.ClassList.Contains("wm-bad") && v.Text().StartsWith('-'));
        Assert.Contains(variances, v => v.ClassList.Contains("wm-good") && v.Text().StartsWith('+'));
    }

    [Fact]
    public async Task The_chart_has_one_point_per_measurement_and_the_target_and_best_in_class_lines()
    {
        await using var db = factory.OpenDb();
        var demo = factory.DemoId;
        var kpi = await db.Kpis.SingleAsync(k => k.WorkspaceId == demo && k.Name == "Net Promoter Score");
        var count = await db.KpiMeasurements.CountAsync(m => m.KpiId == kpi.Id);
        Assert.Equal(12, count);

        var page = Html.Parse(await factory.PageAsync($"/w/demo/kpis?kpi={kpi.Id}"));
        var chart = page.QuerySelector("svg.wm-chart");

        Assert.NotNull(chart);
        Assert.Equal("img", chart!.GetAttribute("role"));
        Assert.Contains("Net Promoter Score", chart.GetAttribute("aria-label"));
        Assert.Equal(count, chart.QuerySelectorAll("circle").Length);
        Assert.Single(chart.QuerySelectorAll("polyline"));
        Assert.Equal(count, chart.QuerySelector("polyline")!.GetAttribute("points")!.Split(' ').Length);
        var texts = chart.QuerySelectorAll("text").Select(t => t.Text()).ToList();
        Assert.Contains("target", texts);
        Assert.Contains("best", texts);
        // The measurement table beside it, newest first.
        var latest = await db.KpiMeasurements.Where(m => m.KpiId == kpi.Id).OrderByDescending(m => m.MeasuredAt).FirstAsync();
        var firstRow = page.QuerySelectorAll("section.wm-card table tbody tr").First().Text();
        Assert.Contains(latest.MeasuredAt.ToString("yyyy-MM-dd"), firstRow);
        Assert.Contains(latest.Value.ToString("0.##", CultureInfo.InvariantCulture), firstRow);
    }

    [Fact]
    public async Task Editors_get_the_manual_measurement_form_and_viewers_do_not()
    {
        var owner = Html.Parse(await factory.PageAsync("/w/demo/kpis", WorkspaceRole.Owner));
        var viewer = Html.Parse(await factory.PageAsync("/w/demo/kpis", WorkspaceRole.Viewer));

        var form = owner.QuerySelector("form[aria-label='New measurement']");
        Assert.NotNull(form);
        Assert.NotNull(form!.QuerySelector("label[for=m-value]"));
        Assert.NotNull(form.QuerySelector("label[for=m-date]"));
        Assert.NotNull(form.QuerySelector("label[for=m-note]"));

        Assert.Null(viewer.QuerySelector(".wm-page form"));
        Assert.Empty(Html.EditControls(viewer));
        Assert.NotNull(viewer.QuerySelector("[data-testid=read-only]"));
        Assert.NotNull(viewer.QuerySelector("svg.wm-chart"));
    }
}
