using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Waymark.Domain.Journeys;
using Waymark.Storage.Access;
using Waymark.Ui.Tests.Support;
using Waymark.Web.Components.Pages.Journeys;

namespace Waymark.Ui.Tests.Journeys;

/// <summary>The journey list: starting a future state from a current map, and duplicating one, against the demo database.</summary>
[Collection(UiCollection.Name)]
public sealed class JourneyListTests(UiFactory factory)
{
    [Fact]
    public async Task Starting_the_future_state_copies_the_current_map_and_opens_the_copy()
    {
        var map = await MapSeed.CreateAsync(factory, "Wall mount service");
        using var host = new PageHost(factory, WorkspaceRole.Editor);
        var page = host.Context.Render<Web.Components.Pages.Journeys.Journeys>(p => p.Add(x => x.Ws, "demo"));
        page.WaitForElement("[data-journey='Wall mount service']");

        await page.Find("button[aria-label='Start the future state of Wall mount service']").ClickAsync();

        page.WaitForAssertion(() => Assert.Contains(host.Messages, m => m.Contains("Future state of 'Wall mount service' started")));
        await using var db = factory.OpenDb();
        var copy = await db.Journeys.Include(j => j.Stages).ThenInclude(s => s.Steps).SingleAsync(j => j.Name == "Wall mount service (future state)");
        var original = await db.Journeys.Include(j => j.Stages).ThenInclude(s => s.Steps).SingleAsync(j => j.Id == map.Id);
        Assert.Equal(JourneyState.Future, copy.State);
        Assert.Equal(original.OrderedSteps.Select(s => s.Action), copy.OrderedSteps.Select(s => s.Action));
        var nav = host.Context.Services.GetRequiredService<Microsoft.AspNetCore.Components.NavigationManager>();
        Assert.EndsWith($"/w/demo/journeys/{copy.Id}", nav.Uri);
    }

    [Fact]
    public void Viewers_get_neither_duplicate_nor_future_state_buttons()
    {
        using var host = new PageHost(factory, WorkspaceRole.Viewer);
        var page = host.Context.Render<Web.Components.Pages.Journeys.Journeys>(p => p.Add(x => x.Ws, "demo"));
        page.WaitForElement("[data-journey]");
        Assert.Empty(page.FindAll("button[aria-label^='Duplicate']"));
        Assert.Empty(page.FindAll("button[aria-label^='Start the future state']"));
        Assert.Empty(page.FindAll("button[aria-label^='Delete']"));
    }

    [Fact]
    public void A_card_says_whose_journey_it_is_after_a_separator_with_a_space_on_each_side()
    {
        using var host = new PageHost(factory, WorkspaceRole.Viewer);
        var page = host.Context.Render<Web.Components.Pages.Journeys.Journeys>(p => p.Add(x => x.Ws, "demo"));
        page.WaitForElement("[data-journey]");
        var lines = page.FindAll("[data-journey] .wm-muted.wm-small").Select(e => e.TextContent).Where(t => t.Contains("for ")).ToList();
        Assert.NotEmpty(lines);
        Assert.All(lines, line => Assert.Matches(@"\S · for \S", line));
    }
}
