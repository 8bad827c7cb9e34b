using System.Net;
using AngleSharp.Dom;
using Bunit;
using Waymark.Storage.Access;
using Waymark.Ui.Tests.Journeys;
using Waymark.Ui.Tests.Support;
using Waymark.Web.Components.Pages.Journeys;

namespace Waymark.Ui.Tests.Printing;

/// <summary>The export menu on the map page and the report button on the dashboard: what they point at, and that a viewer following them gets the file.</summary>
[Collection(UiCollection.Name)]
public sealed class ExportButtonsTests(UiFactory factory)
{
    /// <summary>The address a GET form sends the browser to with its fields as they are.</summary>
    private static string Submitted(IElement form) =>
        form.GetAttribute("action") + "?" + string.Join("&", form.QuerySelectorAll("input, select").Select(field =>
            $"{field.GetAttribute("name")}={Uri.EscapeDataString(field is AngleSharp.Html.Dom.IHtmlSelectElement select ? select.Value ?? "" : field.GetAttribute("value") ?? "")}"));

    [Fact]
    public async Task The_map_page_offers_the_map_as_svg_pdf_on_a_chosen_paper_and_png_and_a_viewer_gets_each()
    {
        var map = await MapSeed.CreateAsync(factory, "Export menu");
        using var host = new PageHost(factory, WorkspaceRole.Viewer);
        var page = host.Context.Render<JourneyMap>(p => p.Add(x => x.Ws, "demo").Add(x => x.Id, map.Id));
        page.WaitForElement("[data-testid=export-menu]");
        var client = factory.ClientAs(WorkspaceRole.Viewer);

        var pdf = page.Find("[data-testid=export-pdf]");
        Assert.Equal($"/api/workspaces/demo/journeys/{map.Id}/map.pdf", pdf.GetAttribute("action"));
        Assert.Equal("get", pdf.GetAttribute("method"));
        Assert.Equal(["A4", "A3", "A2", "A1", "A0", "Letter", "Tabloid"], page.FindAll("[data-testid=pdf-paper] option").Select(o => o.TextContent));
        // What a person picks in the form's selects, which the browser then sends (no page code is involved).
        ((AngleSharp.Html.Dom.IHtmlSelectElement)page.Find("[data-testid=pdf-paper]")).Value = "a0";
        ((AngleSharp.Html.Dom.IHtmlSelectElement)page.Find("[data-testid=pdf-fit]")).Value = "poster";
        var poster = await client.GetAsync(Submitted(page.Find("[data-testid=export-pdf]")));
        Assert.Equal(HttpStatusCode.OK, poster.StatusCode);
        Assert.Equal("application/pdf", poster.Content.Headers.ContentType?.MediaType);
        Assert.Contains("paper=a0", Submitted(page.Find("[data-testid=export-pdf]")));
        Assert.Contains("fit=poster", Submitted(page.Find("[data-testid=export-pdf]")));

        var png = page.Find("[data-testid=export-png]");
        Assert.Equal($"/api/workspaces/demo/journeys/{map.Id}/map.png", png.GetAttribute("action"));
        var picture = await client.GetAsync(Submitted(png));
        Assert.Equal(HttpStatusCode.OK, picture.StatusCode);
        Assert.Equal(1600, SkiaSharp.SKBitmap.Decode(await picture.Content.ReadAsByteArrayAsync()).Width);

        Assert.Equal("Download SVG", page.Find("[data-testid=export-menu] a[data-testid=download-svg]").TextContent.Trim());
    }

    [Fact]
    public async Task The_dashboard_offers_the_cx_report_which_a_viewer_gets_as_a_pdf()
    {
        using var host = new PageHost(factory, WorkspaceRole.Viewer);
        var page = host.Context.Render<Web.Components.Pages.Dashboard.Dashboard>(p => p.Add(x => x.Ws, "demo"));
        var link = page.WaitForElement("[data-testid=download-report]");
        Assert.Equal("/api/workspaces/demo/report.pdf", link.GetAttribute("href"));
        Assert.True(link.HasAttribute("download"));
        var response = await factory.ClientAs(WorkspaceRole.Viewer).GetAsync(link.GetAttribute("href"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
    }
}
