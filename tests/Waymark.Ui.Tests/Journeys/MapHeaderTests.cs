using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Waymark.Domain.Journeys;
using Waymark.Storage.Access;
using Waymark.Ui.Tests.Support;
using Waymark.Web.Components.Pages.Journeys;

namespace Waymark.Ui.Tests.Journeys;

/// <summary>The map's name, description, persona and state, edited in the map's header against the demo database.</summary>
[Collection(UiCollection.Name)]
public sealed class MapHeaderTests(UiFactory factory)
{
    private static IRenderedComponent<JourneyMap> Open(PageHost host, Guid id)
    {
        var page = host.Context.Render<JourneyMap>(p => p.Add(x => x.Ws, "demo").Add(x => x.Id, id));
        page.WaitForElement("[data-testid=map-header]");
        return page;
    }

    [Fact]
    public async Task The_name_and_description_are_edited_in_place_saved_with_the_version_and_undone()
    {
        var map = await MapSeed.CreateAsync(factory, "Header in place");
        var before = await MapSeed.ReadAsync(factory, map.Id);
        using var host = new PageHost(factory, WorkspaceRole.Owner);
        var page = Open(host, map.Id);

        await page.Find("[data-testid=map-name] button").ClickAsync();
        page.Find("#map-name").Input("  Repeat purchase, in store  ");
        page.Find("#map-description").Input("From the 2025 store interviews.\nOnline orders are another map.");
        await page.Find("form[aria-label='Map name and description']").SubmitAsync();

        page.WaitForAssertion(() => Assert.Equal("Repeat purchase, in store", page.Find("[data-testid=map-name]").TextContent.Trim()));
        Assert.Equal("From the 2025 store interviews.\nOnline orders are another map.", page.Find("[data-testid=map-description]").TextContent);
        var after = await MapSeed.ReadAsync(factory, map.Id);
        Assert.Equal(("Repeat purchase, in store", "From the 2025 store interviews.\nOnline orders are another map.", before.Version + 1),
            (after.Name, after.Description, after.Version));
        Assert.Contains("renamed the map to 'Repeat purchase, in store' and changed the map's description", page.Find("[data-testid=undo]").TextContent);

        // Escape leaves the form without saving.
        await page.Find("[data-testid=map-name] button").ClickAsync();
        page.Find("#map-name").Input("Not meant");
        await page.Find("form[aria-label='Map name and description']").KeyDownAsync(new KeyboardEventArgs { Key = "Escape" });
        page.WaitForAssertion(() => Assert.Empty(page.FindAll("#map-name")));
        Assert.Equal("Repeat purchase, in store", (await MapSeed.ReadAsync(factory, map.Id)).Name);

        await page.Find("[data-testid=undo]").ClickAsync();
        page.WaitForAssertion(() => Assert.Equal("Header in place", page.Find("[data-testid=map-name]").TextContent.Trim()));
        var undone = await MapSeed.ReadAsync(factory, map.Id);
        Assert.Equal(("Header in place", null), (undone.Name, undone.Description));
        Assert.Empty(page.FindAll("[data-testid=map-description]"));
    }

    [Fact]
    public async Task The_persona_is_switched_in_the_header_and_undone()
    {
        var map = await MapSeed.CreateAsync(factory, "Persona switch");
        Guid persona;
        await using (var db = factory.OpenDb())
            persona = await db.Personas.Where(p => p.WorkspaceId == factory.DemoId).OrderBy(p => p.Name).Select(p => p.Id).FirstAsync();
        using var host = new PageHost(factory, WorkspaceRole.Owner);
        var page = Open(host, map.Id);

        await page.Find("#map-persona").ChangeAsync(new ChangeEventArgs { Value = persona.ToString() });
        page.WaitForAssertion(() => Assert.Contains("History (1)", page.Markup));
        Assert.Equal(persona, (await MapSeed.ReadAsync(factory, map.Id)).PersonaId);

        await page.Find("[data-testid=undo]").ClickAsync();
        page.WaitForAssertion(() => Assert.Contains("History (1)", page.Markup));
        Assert.Null((await MapSeed.ReadAsync(factory, map.Id)).PersonaId);
    }

    [Fact]
    public async Task Future_opens_the_future_state_map_of_the_same_journey_instead_of_relabelling_this_one()
    {
        var map = await MapSeed.CreateAsync(factory, "Switch to future");
        using var host = new PageHost(factory, WorkspaceRole.Editor);
        var nav = host.Context.Services.GetRequiredService<NavigationManager>();
        var page = Open(host, map.Id);

        // No future-state map yet: the switch offers to start one, and changes nothing by itself.
        Assert.Equal("Current", page.Find("[data-testid=map-state]").TextContent);
        await page.Find("button[data-testid=other-state]").ClickAsync();
        var offer = page.Find("[data-testid=other-state-offer]");
        Assert.Contains("There is no future-state map of this journey yet", offer.TextContent);
        Assert.Equal(JourneyState.Current, (await MapSeed.ReadAsync(factory, map.Id)).State);

        await page.FindAll("[data-testid=other-state-offer] button").Single(b => b.TextContent == "Start the future state from this map").ClickAsync();
        Guid future;
        await using (var db = factory.OpenDb())
            future = await db.Journeys.Where(j => j.Name == "Switch to future (future state)" && j.State == JourneyState.Future).Select(j => j.Id).SingleAsync();
        Assert.EndsWith($"/w/demo/journeys/{future}", nav.Uri);
        Assert.Equal(JourneyState.Current, (await MapSeed.ReadAsync(factory, map.Id)).State);

        // Now the current map's switch links to it, and the future map's back to the current one.
        var again = Open(host, map.Id);
        Assert.Equal($"/w/demo/journeys/{future}", again.Find("a[data-testid=other-state]").GetAttribute("href"));
        var other = Open(host, future);
        Assert.Equal("Future", other.Find("[data-testid=map-state]").TextContent);
        Assert.Equal($"/w/demo/journeys/{map.Id}", other.Find("a[data-testid=other-state]").GetAttribute("href"));
    }

    [Fact]
    public async Task A_stale_header_edit_shows_the_newer_version_and_does_not_overwrite_it()
    {
        var map = await MapSeed.CreateAsync(factory, "Header conflict", "First description");
        using var host = new PageHost(factory, WorkspaceRole.Owner);
        var page = Open(host, map.Id);
        await page.Find("[data-testid=map-name] button").ClickAsync();

        // Someone else renames the map through the API while the form is open.
        await using (var db = factory.OpenDb())
        {
            var journey = await db.Journeys.SingleAsync(j => j.Id == map.Id);
            journey.Describe("Header conflict, as Ben calls it", "Ben's description", journey.Scenario, journey.CustomScenario, journey.PersonaId, journey.State);
            await db.SaveChangesAsync();
        }
        page.Find("#map-name").Input("Header conflict, as Anna calls it");
        await page.Find("form[aria-label='Map name and description']").SubmitAsync();

        page.WaitForAssertion(() => Assert.Contains("Someone else changed the map first", page.Find("[data-testid=header-conflict]").TextContent));
        Assert.Contains("Header conflict, as Anna calls it", page.Find("[data-testid=header-conflict]").TextContent);
        Assert.Equal("Header conflict, as Ben calls it", page.Find("#map-name").GetAttribute("value"));
        Assert.Equal("Ben's description", page.Find("#map-description").GetAttribute("value") ?? page.Find("#map-description").TextContent);
        var stored = await MapSeed.ReadAsync(factory, map.Id);
        Assert.Equal(("Header conflict, as Ben calls it", "Ben's description"), (stored.Name, stored.Description));
        Assert.Equal("↶ Undo", page.Find("[data-testid=undo]").TextContent.Trim());

        // Saving again, now over the version shown, is deliberate and goes through.
        page.Find("#map-name").Input("Header conflict, agreed");
        await page.Find("form[aria-label='Map name and description']").SubmitAsync();
        page.WaitForAssertion(() => Assert.Equal("Header conflict, agreed", page.Find("[data-testid=map-name]").TextContent.Trim()));
        Assert.Equal(("Header conflict, agreed", "Ben's description"), ((await MapSeed.ReadAsync(factory, map.Id)).Name, (await MapSeed.ReadAsync(factory, map.Id)).Description));
    }

    [Fact]
    public async Task A_change_of_the_map_elsewhere_that_leaves_the_name_alone_does_not_stop_the_rename()
    {
        var map = await MapSeed.CreateAsync(factory, "Header rebase");
        using var anna = new PageHost(factory, WorkspaceRole.Owner);
        using var ben = new PageHost(factory, WorkspaceRole.Owner);
        var annas = Open(anna, map.Id);
        var bens = Open(ben, map.Id);
        await annas.Find("[data-testid=map-name] button").ClickAsync();

        // Ben adds a stage on his screen: the map's version moves, its name does not.
        await bens.FindAll("button").Single(b => b.TextContent.Trim() == "+ Stage").ClickAsync();
        annas.WaitForAssertion(() => Assert.Equal(3, annas.FindAll(".wm-stage-head[data-stage]").Count));
        annas.Find("#map-name").Input("Header rebased");
        await annas.Find("form[aria-label='Map name and description']").SubmitAsync();

        annas.WaitForAssertion(() => Assert.Equal("Header rebased", annas.Find("[data-testid=map-name]").TextContent.Trim()));
        Assert.Empty(annas.FindAll("[data-testid=header-conflict]"));
        var stored = await MapSeed.ReadAsync(factory, map.Id);
        Assert.Equal(("Header rebased", 3), (stored.Name, stored.Stages.Count));
    }

    [Fact]
    public async Task A_viewer_reads_name_description_persona_and_state_as_text_without_edit_controls()
    {
        var map = await MapSeed.CreateAsync(factory, "Header read only", "What viewers read");
        using var host = new PageHost(factory, WorkspaceRole.Viewer);
        var page = Open(host, map.Id);

        var header = page.Find("[data-testid=map-header]");
        // The export menu's forms only choose how to download the map; nothing else in the header takes input.
        Assert.DoesNotContain(header.QuerySelectorAll("button, input, select, textarea, form"), e => e.Closest("[data-testid=export-menu]") is null);
        Assert.Equal("Header read only", page.Find("[data-testid=map-name]").TextContent.Trim());
        Assert.Equal("What viewers read", page.Find("[data-testid=map-description]").TextContent);
        Assert.Equal("No persona", page.Find("[data-testid=map-persona]").TextContent);
        Assert.Equal("Current", page.Find("[data-testid=map-state]").TextContent);
        Assert.Empty(page.FindAll("[data-testid=undo], [data-testid=redo]"));
    }

    [Fact]
    public async Task The_header_links_to_the_map_as_an_svg_file_which_a_viewer_can_download()
    {
        var map = await MapSeed.CreateAsync(factory, "Header download");
        using var host = new PageHost(factory, WorkspaceRole.Viewer);
        var page = Open(host, map.Id);

        var link = page.Find("[data-testid=map-header] a[data-testid=download-svg]");
        var href = link.GetAttribute("href")!;
        // With the evidence lane the link names the period the page shows; without events the lane is not drawn, and the link is plain.
        Assert.Equal($"/api/workspaces/demo/journeys/{map.Id}/map.svg", href.Split('?')[0]);
        Assert.True(link.HasAttribute("download"));
        Assert.Equal("Download SVG", link.TextContent.Trim());

        // What the browser gets when following it with the viewer's sign-in cookie.
        var response = await factory.ClientAs(WorkspaceRole.Viewer).GetAsync(href);
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/svg+xml", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("Header download.svg", response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        Assert.Contains("Stage A", System.Xml.Linq.XDocument.Parse(await response.Content.ReadAsStringAsync()).Root!.Value);
    }

    [Fact]
    public async Task The_header_links_to_the_designed_journey_that_event_analysis_reads()
    {
        var map = await MapSeed.CreateAsync(factory, "Header designed journey");
        using var host = new PageHost(factory, WorkspaceRole.Viewer);
        var page = Open(host, map.Id);

        var link = page.Find("[data-testid=map-header] a[data-testid=download-designed-journey]");
        var href = link.GetAttribute("href")!;
        Assert.Equal($"/api/workspaces/demo/journeys/{map.Id}/designed-journey", href);
        Assert.Equal("Header designed journey.journey.json", link.GetAttribute("download"));
        var response = await factory.ClientAs(WorkspaceRole.Viewer).GetAsync(href);
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        var designed = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("Header designed journey", designed.GetProperty("name").GetString());
    }
}
