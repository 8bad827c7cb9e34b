using Bunit;
using Waymark.Web.Components.Pages.Dashboard;
using Waymark.Web.Features.Dashboard;

namespace Waymark.Ui.Tests.Dashboard;

/// <summary>The importance–performance drawing: one mark per cell, however many touchpoints the workspace has.</summary>
public sealed class ImportanceGridTests : IDisposable
{
    private readonly BunitContext _ctx = new();

    public void Dispose() => _ctx.Dispose();

    private static GridPoint Point(string name, int relevance, double score) =>
        new(Guid.NewGuid(), name, relevance, score, DashboardApi.QuadrantOf(relevance, score));

    [Fact]
    public void A_lone_touchpoint_is_a_link_to_it_and_a_crowded_cell_one_mark_that_says_how_many_and_names_the_worst()
    {
        var lone = Point("Web shop <new>", 2, 8);
        var crowded = Enumerable.Range(0, 2000).Select(i => Point($"Hotline {i:0000}", 5, 3 + (i % 5) / 100.0)).ToList();
        var grid = ImportancePerformanceGrid.Of([.. crowded, lone]);

        var drawing = _ctx.Render<ImportanceGrid>(p => p.Add(g => g.Grid, grid).Add(g => g.Ws, "demo"));

        Assert.Equal(2, drawing.FindAll("circle").Count);
        var link = drawing.Find("a");
        Assert.Equal($"/w/demo/touchpoints/{lone.TouchpointId}", link.GetAttribute("href"));
        Assert.Equal("Web shop <new>: relevance 2, score 8.0", link.GetAttribute("aria-label"));
        var cell = drawing.Find("[data-testid=grid-cell]");
        Assert.Equal("2000 touchpoints of relevance 5 scoring about 3.0: Hotline 0000, Hotline 0005, Hotline 0010 and 1997 more", cell.GetAttribute("aria-label"));
        Assert.Equal("2000", cell.QuerySelector("text")!.TextContent);
        var labels = drawing.FindAll("text").Select(t => t.TextContent).ToList();
        Assert.Contains("Concentrate here · 2000", labels);
        Assert.Contains("Possible overkill · 1", labels);
        Assert.Contains("Low priority · 0", labels);
        Assert.Contains("Keep up the good work · 0", labels);
        Assert.Equal("Web shop <new> — relevance 2, score 8.0", link.QuerySelector("title")!.TextContent);
    }
}
