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
            var cells = Assert.Single(rows, r => r.QuerySelector("td a")!.Text() == k.Name);
            Assert.Equal($"/w/demo/kpis/{k.Id}", cells.QuerySelector("td a")!.GetAttribute("href"));
            var row = cells.Text();
            Assert.Contains(k.Unit, row);
            Assert.Contains(k.Target!.Value.ToString("0.##", CultureInfo.InvariantCulture), row);
            Assert.Contains(k.BestInClass!.Value.ToString("0.##", CultureInfo.InvariantCulture), row);
            Assert.Matches("improving|stable|worsening|not enough data", row.ToLowerInvariant());
        }
        // The variance is signed and coloured, and says in words which way the trend goes (not by colour alone).
        var variances = page.QuerySelectorAll("[data-testid=kpi-table] tbody tr td:nth-child(6)").ToList();
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

        var page = Html.Parse(await factory.PageAsync($"/w/demo/kpis/{kpi.Id}"));
        var chart = page.QuerySelector("svg.wm-chart");

        Assert.NotNull(chart);
        Assert.Equal("img", chart!.GetAttribute("role"));
        Assert.Contains("Net Promoter Score", chart.QuerySelector("title")!.Text());
        Assert.Contains($"{count} measurements", chart.QuerySelector("desc")!.Text());
        // Round value ticks: an even step of 1, 2 or 5 times a power of ten.
        var ticks = chart.QuerySelectorAll("text[data-tick=value]").Select(t => double.Parse(t.Text(), CultureInfo.InvariantCulture)).ToList();
        Assert.InRange(ticks.Count, 4, 7);
        Assert.All(ticks, t => Assert.Equal(0, t % (ticks[1] - ticks[0]), 6));
        Assert.NotNull(chart.QuerySelector("line[data-line=target]"));
        Assert.NotNull(chart.QuerySelector("line[data-line=best-in-class]"));
        Assert.Equal(count, chart.QuerySelectorAll("circle").Length);
        Assert.Single(chart.QuerySelectorAll("polyline"));
        Assert.Equal(count, chart.QuerySelector("polyline")!.GetAttribute("points")!.Split(' ').Length);
        var texts = chart.QuerySelectorAll("text").Select(t => t.Text()).ToList();
        Assert.Contains("target", texts);
        Assert.Contains("best", texts);
        // The measurement table beside it, newest first.
        var latest = await db.KpiMeasurements.Where(m => m.KpiId == kpi.Id).OrderByDescending(m => m.MeasuredAt).FirstAsync();
        var rows = page.QuerySelectorAll("[data-testid=measurements] tbody tr").ToList();
        Assert.Equal(count, rows.Count);
        var firstRow = rows[0].Text();
        Assert.Contains(latest.MeasuredAt.ToString("yyyy-MM-dd"), firstRow);
        Assert.Contains(latest.Value.ToString("0.##", CultureInfo.InvariantCulture), firstRow);
    }

    [Fact]
    public async Task Older_links_with_a_kpi_query_open_the_kpi_page()
    {
        var id = Guid.NewGuid();
        var response = await factory.ClientAs(WorkspaceRole.Viewer).GetAsync($"/w/demo/kpis?kpi={id}");

        Assert.True((int)response.StatusCode is 301 or 302, $"answered {(int)response.StatusCode}");
        Assert.EndsWith($"/w/demo/kpis/{id}", response.Headers.Location!.ToString());
    }

    [Fact]
    public async Task The_kpi_page_shows_figures_in_words_and_a_kpi_that_is_not_there_says_so()
    {
        await using var db = factory.OpenDb();
        var demo = factory.DemoId;
        var kpi = await db.Kpis.SingleAsync(k => k.WorkspaceId == demo && k.Name == "Repair turnaround time");

        var page = Html.Parse(await factory.PageAsync($"/w/demo/kpis/{kpi.Id}"));
        var figures = page.QuerySelector("[data-testid=kpi-figures]")!.Text();

        Assert.Equal(kpi.Name, page.QuerySelector("[data-testid=kpi-name]")!.Text());
        Assert.Contains("misses the target", figures);
        Assert.Contains("Worsening", figures);
        Assert.Contains("11.6", figures);
        Assert.Contains("There is no such KPI", await factory.PageAsync($"/w/demo/kpis/{Guid.NewGuid()}"));
    }

    [Fact]
    public async Task Editors_get_the_manual_measurement_form_and_viewers_do_not()
    {
        await using var db = factory.OpenDb();
        var demo = factory.DemoId;
        var id = (await db.Kpis.FirstAsync(k => k.WorkspaceId == demo)).Id;
        var owner = Html.Parse(await factory.PageAsync($"/w/demo/kpis/{id}", WorkspaceRole.Owner));
        var viewer = Html.Parse(await factory.PageAsync($"/w/demo/kpis/{id}", WorkspaceRole.Viewer));
        Assert.Contains(owner.QuerySelectorAll("button"), b => b.Text() == "Edit KPI");
        Assert.Empty(Html.EditControls(Html.Parse(await factory.PageAsync("/w/demo/kpis", WorkspaceRole.Viewer))));
        Assert.Contains(Html.Parse(await factory.PageAsync("/w/demo/kpis")).QuerySelectorAll("button"), b => b.Text() == "+ New KPI");

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
