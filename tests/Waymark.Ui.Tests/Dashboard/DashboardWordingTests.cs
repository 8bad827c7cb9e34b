using Bunit;
using Waymark.Storage.Access;
using Waymark.Ui.Tests.Support;
using Waymark.Web.Components.Pages.Dashboard;
using static Waymark.Web.Features.Dashboard.DashboardApi;

namespace Waymark.Ui.Tests.Dashboard;

/// <summary>The dashboard's words, on the demo database.</summary>
[Collection(UiCollection.Name)]
public sealed class DashboardWordingTests(UiFactory factory)
{
    private static UnaddressedItem Item(bool momentOfTruth, bool painPoint) =>
        new("step", Guid.NewGuid(), "a step", momentOfTruth, painPoint, Guid.NewGuid());

    [Fact]
    public void The_unaddressed_count_says_how_pain_points_and_moments_of_truth_make_it_up()
    {
        using var host = new PageHost(factory, WorkspaceRole.Viewer);
        var page = host.Context.Render<Web.Components.Pages.Dashboard.Dashboard>(p => p.Add(x => x.Ws, "demo"));
        page.WaitForElement("[data-testid=unaddressed-count]");

        var count = int.Parse(page.Find("[data-testid=unaddressed-count]").TextContent);
        var text = page.Find("[data-testid=unaddressed-explained]").TextContent;
        var match = System.Text.RegularExpressions.Regex.Match(text,
            @"^(\d+) pain points? and (\d+) moments? of truth with no open action(?:; (\d+) (?:is|are) both and counted once)?$");
        Assert.True(match.Success, text);
        var both = match.Groups[3].Success ? int.Parse(match.Groups[3].Value) : 0;
        Assert.True(both > 0, "the demo has steps that are both a pain point and a moment of truth: " + text);
        Assert.Equal(count, int.Parse(match.Groups[1].Value) + int.Parse(match.Groups[2].Value) - both);
    }

    [Fact]
    public void One_of_each_is_said_in_the_singular()
    {
        var one = new Unaddressed(1, 1, 1, 1, [Item(true, true)]);
        Assert.Equal("1 pain point and 1 moment of truth with no open action; 1 is both and counted once",
            Web.Components.Pages.Dashboard.Dashboard.UnaddressedExplained(one));
        var none = new Unaddressed(2, 2, 0, 0, [Item(false, true), Item(false, true)]);
        Assert.Equal("2 pain points and 0 moments of truth with no open action", Web.Components.Pages.Dashboard.Dashboard.UnaddressedExplained(none));
    }
}
