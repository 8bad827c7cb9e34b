using Bunit;
using Microsoft.AspNetCore.Components.Web;
using Waymark.Domain.Kpis;
using Waymark.Storage.Access;
using Waymark.Ui.Tests.Support;
using Waymark.Web.Components.Pages.Kpis;

namespace Waymark.Ui.Tests.Kpis;

/// <summary>A KPI measured daily for five years: its page draws a chosen period, averaged when long, and lists the measurements page by page.</summary>
[Collection(UiCollection.Name)]
public sealed class KpiPeriodAndPagingTests(UiFactory factory)
{
    private static readonly DateTimeOffset First = new(2021, 1, 1, 12, 0, 0, TimeSpan.Zero);

    /// <summary>1,826 daily values, 2021-01-01 to 2025-12-31, each the number of its month, so a monthly average is that number.</summary>
    private async Task<Kpi> SeedAsync(string name)
    {
        await using var db = factory.OpenDb();
        // Well above its target, so it never counts among the demo's KPIs furthest from target.
        var kpi = new Kpi(factory.DemoId, new KpiDefinition(name, "points", Target: 0, BestInClass: 20));
        db.Kpis.Add(kpi);
        db.KpiMeasurements.AddRange(Enumerable.Range(0, 1826).Select(d => First.AddDays(d))
            .Select(at => kpi.Measure(at.Month, at, MeasurementSource.Import)));
        await db.SaveChangesAsync();
        return kpi;
    }

    private static IRenderedComponent<KpiPage> Open(PageHost host, Guid id)
    {
        var page = host.Context.Render<KpiPage>(p => p.Add(x => x.Ws, "demo").Add(x => x.Id, id));
        page.WaitForElement("[data-testid=measurements] tbody tr");
        return page;
    }

    private static async Task ChooseAsync(IRenderedComponent<KpiPage> page, string period)
    {
        var button = page.FindAll("[data-testid=kpi-periods] button").Single(b => b.TextContent == period);
        await button.ClickAsync(new MouseEventArgs());
        page.WaitForAssertion(() => Assert.Equal("true",
            page.FindAll("[data-testid=kpi-periods] button").Single(b => b.TextContent == period).GetAttribute("aria-pressed")));
    }

    [Fact]
    public async Task The_chart_shows_the_chosen_period_as_daily_values_or_weekly_and_monthly_averages()
    {
        var kpi = await SeedAsync("Daily app rating (periods)");
        using var host = new PageHost(factory, WorkspaceRole.Viewer);
        var page = Open(host, kpi.Id);

        // A year by default, counted back from the latest measurement: 366 daily values as 53 weekly averages.
        Assert.Equal("true", page.FindAll("[data-testid=kpi-periods] button").Single(b => b.TextContent == "1 year").GetAttribute("aria-pressed"));
        Assert.Equal(53, page.FindAll("[data-testid=kpi-chart] circle").Count);
        Assert.Contains("366 measurements from 2024-12-31 to 2025-12-31, as weekly averages", page.Find("[data-testid=kpi-chart-shows]").TextContent);
        Assert.Contains("weekly averages", page.Find("[data-testid=kpi-chart] desc").TextContent);
        Assert.Equal("week of 2025-12-29: average 12 of 3 measurements", page.FindAll("[data-testid=kpi-chart] circle title")[^1].TextContent);

        await ChooseAsync(page, "90 days");
        Assert.Equal(91, page.FindAll("[data-testid=kpi-chart] circle").Count);
        Assert.Contains("91 measurements from 2025-10-02 to 2025-12-31", page.Find("[data-testid=kpi-chart-shows]").TextContent);
        Assert.DoesNotContain("average", page.Find("[data-testid=kpi-chart-shows]").TextContent);
        Assert.Equal("2025-12-31: 12", page.FindAll("[data-testid=kpi-chart] circle title")[^1].TextContent);

        await ChooseAsync(page, "5 years");
        var months = page.FindAll("[data-testid=kpi-chart] circle title").Select(t => t.TextContent).ToList();
        Assert.Equal(60, months.Count);
        Assert.Equal("January 2021: average 1 of 31 measurements", months[0]);
        Assert.Equal("February 2024: average 2 of 29 measurements", months[37]);
        Assert.Contains("1826 measurements from 2021-01-01 to 2025-12-31, as monthly averages", page.Find("[data-testid=kpi-chart-shows]").TextContent);

        await ChooseAsync(page, "All");
        Assert.Equal(60, page.FindAll("[data-testid=kpi-chart] circle").Count);
        Assert.Equal("false", page.FindAll("[data-testid=kpi-periods] button").Single(b => b.TextContent == "5 years").GetAttribute("aria-pressed"));
        // The figures do not depend on the period shown.
        Assert.Contains("over 1826 measurements", page.Find("[data-testid=kpi-figures]").TextContent);
    }

    [Fact]
    public async Task The_measurements_are_listed_newest_first_25_to_a_page()
    {
        var kpi = await SeedAsync("Daily app rating (pages)");
        using var host = new PageHost(factory, WorkspaceRole.Owner);
        var page = Open(host, kpi.Id);

        string[] Dates() => page.FindAll("[data-testid=measurements] tbody tr td:first-child").Select(td => td.TextContent).ToArray();
        Assert.Equal(25, Dates().Length);
        Assert.Equal(("2025-12-31", "2025-12-07"), (Dates()[0], Dates()[^1]));
        Assert.Contains("1–25 of 1826, newest first (page 1 of 74)", page.Find("[data-testid=measurements-range]").TextContent);
        Assert.True(page.FindAll("[data-testid=measurements-pager] button").Single(b => b.TextContent == "Newer").HasAttribute("disabled"));

        await page.FindAll("[data-testid=measurements-pager] button").Single(b => b.TextContent == "Older").ClickAsync(new MouseEventArgs());

        page.WaitForAssertion(() => Assert.Equal("2025-12-06", Dates()[0]));
        Assert.Equal("2025-11-12", Dates()[^1]);
        Assert.Contains("26–50 of 1826", page.Find("[data-testid=measurements-range]").TextContent);
        Assert.False(page.FindAll("[data-testid=measurements-pager] button").Single(b => b.TextContent == "Newer").HasAttribute("disabled"));
        // Each row keeps its own edit and delete buttons on every page.
        Assert.Equal(50, page.FindAll("[data-testid=measurements] tbody button").Count);
    }
}
