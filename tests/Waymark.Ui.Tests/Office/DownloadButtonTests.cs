using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Waymark.Storage.Access;
using Waymark.Ui.Tests.Support;
using ActionsPage = Waymark.Web.Components.Pages.Actions.Actions;
using EvaluatePage = Waymark.Web.Components.Pages.Evaluate.Evaluate;
using JourneyMapPage = Waymark.Web.Components.Pages.Journeys.JourneyMap;
using KpisPage = Waymark.Web.Components.Pages.Kpis.Kpis;
using TouchpointsPage = Waymark.Web.Components.Pages.Touchpoints.Touchpoints;

namespace Waymark.Ui.Tests.Office;

/// <summary>The export buttons on the pages they belong to, seen by a viewer, and what their links answer when followed as that viewer.</summary>
[Collection(UiCollection.Name)]
public sealed class DownloadButtonTests(UiFactory factory)
{
    private const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>Follows the link as the viewer: the file it names, with its type.</summary>
    private async Task AssertDownloads(AngleSharp.Dom.IElement link, string mediaType, string fileEnd)
    {
        Assert.True(link.HasAttribute("download"));
        var response = await factory.ClientAs(WorkspaceRole.Viewer).GetAsync(link.GetAttribute("href"));
        Assert.True(response.IsSuccessStatusCode, $"{link.GetAttribute("href")} answered {(int)response.StatusCode}");
        Assert.Equal(mediaType, response.Content.Headers.ContentType?.MediaType);
        Assert.EndsWith(fileEnd, response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        Assert.NotEmpty(await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task The_touchpoints_page_offers_the_workbook_and_the_touchpoints_as_csv()
    {
        using var host = new PageHost(factory, WorkspaceRole.Viewer);
        var page = host.Context.Render<TouchpointsPage>(p => p.Add(x => x.Ws, "demo"));
        page.WaitForElement("[data-testid=touchpoint-table] tbody tr");
        Assert.Equal("/api/workspaces/demo/lists.xlsx", page.Find("[data-testid=download-xlsx]").GetAttribute("href"));
        Assert.Equal("Excel", page.Find("[data-testid=download-xlsx]").TextContent);
        await AssertDownloads(page.Find("[data-testid=download-xlsx]"), Xlsx, ".xlsx");
        await AssertDownloads(page.Find("[data-testid=download-csv-touchpoints]"), "text/csv", $"demo-touchpoints-{DateTime.UtcNow:yyyy-MM-dd}.csv");
    }

    [Fact]
    public async Task The_kpi_page_offers_the_kpis_and_all_their_measurements_as_csv()
    {
        using var host = new PageHost(factory, WorkspaceRole.Viewer);
        var page = host.Context.Render<KpisPage>(p => p.Add(x => x.Ws, "demo"));
        page.WaitForElement("[data-testid=kpi-table]");
        await AssertDownloads(page.Find("[data-testid=download-csv-kpis]"), "text/csv", "kpis-" + $"{DateTime.UtcNow:yyyy-MM-dd}.csv");
        await AssertDownloads(page.Find("[data-testid=download-csv-kpi-measurements]"), "text/csv", ".csv");
        Assert.Equal("CSV: measurements", page.Find("[data-testid=download-csv-kpi-measurements]").TextContent);
        Assert.Single(page.FindAll("[data-testid=download-xlsx]"));
    }

    [Fact]
    public async Task The_actions_page_offers_the_list_it_shows_as_csv()
    {
        using var host = new PageHost(factory, WorkspaceRole.Viewer);
        var page = host.Context.Render<ActionsPage>(p => p.Add(x => x.Ws, "demo"));
        page.WaitForElement("[data-testid=download-csv-actions]");
        await AssertDownloads(page.Find("[data-testid=download-csv-actions]"), "text/csv", ".csv");

        host.Context.Services.GetRequiredService<NavigationManager>().NavigateTo("/w/demo/actions?view=ideas");
        page.WaitForElement("[data-testid=download-csv-ideas]");
        Assert.Empty(page.FindAll("[data-testid=download-csv-actions]"));
        await AssertDownloads(page.Find("[data-testid=download-csv-ideas]"), "text/csv", $"demo-ideas-{DateTime.UtcNow:yyyy-MM-dd}.csv");
    }

    [Fact]
    public async Task The_workshop_scoring_page_offers_the_evaluations_as_csv()
    {
        using var host = new PageHost(factory, WorkspaceRole.Viewer);
        var page = host.Context.Render<EvaluatePage>(p => p.Add(x => x.Ws, "demo"));
        page.WaitForElement("[data-testid=download-csv-evaluations]");
        Assert.Equal("CSV: evaluations", page.Find("[data-testid=download-csv-evaluations]").TextContent);
        await AssertDownloads(page.Find("[data-testid=download-csv-evaluations]"), "text/csv", $"demo-evaluations-{DateTime.UtcNow:yyyy-MM-dd}.csv");
        await AssertDownloads(page.Find("[data-testid=download-xlsx]"), Xlsx, ".xlsx");
    }

    [Fact]
    public async Task The_map_page_offers_its_slide_deck()
    {
        Guid id;
        await using (var db = factory.OpenDb())
            id = await db.Journeys.Where(j => j.WorkspaceId == factory.DemoId).OrderBy(j => j.Name).Select(j => j.Id).FirstAsync();
        using var host = new PageHost(factory, WorkspaceRole.Viewer);
        var page = host.Context.Render<JourneyMapPage>(p => p.Add(x => x.Ws, "demo").Add(x => x.Id, id));
        page.WaitForElement("[data-testid=download-deck]");
        var slides = page.Find("[data-testid=download-deck]");
        Assert.Equal("Slides", slides.TextContent);
        Assert.Equal($"/api/workspaces/demo/deck.pptx?journey={id}", slides.GetAttribute("href"));
        await AssertDownloads(slides, "application/vnd.openxmlformats-officedocument.presentationml.presentation", ".pptx");
    }
}
