using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Waymark.Browser.Tests;

/// <summary>The browser's own print of a page shows its content, not the app bar, the menu or the buttons.</summary>
public sealed class PrintStylesheetTests(WaymarkServer server) : IClassFixture<WaymarkServer>
{
    [Fact]
    public async Task Printing_the_map_shows_its_steps_without_buttons_menus_or_the_app_bar()
    {
        var id = await MapFixtures.SmallJourneyAsync(server, "Printed map");
        var page = await server.SignedInPageAsync(returnUrl: $"/w/demo/journeys/{id}");
        await WaymarkServer.WaitForCircuitAsync(page);
        await Expect(page.Locator("[data-step]")).ToHaveCountAsync(3);
        await Expect(page.Locator("[data-testid=export-menu]")).ToBeVisibleAsync();

        await page.EmulateMediaAsync(new() { Media = Media.Print });
        foreach (var step in await page.Locator("[data-step]").AllAsync()) await Expect(step).ToBeVisibleAsync();
        await Expect(page.Locator("[data-testid=export-menu]")).ToBeHiddenAsync();
        await Expect(page.Locator(".wm-appbar")).ToBeHiddenAsync();
        await Expect(page.Locator(".wm-drawer")).ToBeHiddenAsync();
        foreach (var button in await page.Locator(".wm-btn, .wm-icon-btn, .wm-add-step").AllAsync()) await Expect(button).ToBeHiddenAsync();
        // The step's own title is content: it prints as its text.
        await Expect(page.Locator("[data-step=one] .wm-step-title")).ToBeVisibleAsync();

        await page.EmulateMediaAsync(new() { Media = Media.Screen });
        await Expect(page.Locator("[data-testid=export-menu]")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Printing_the_dashboard_shows_its_figures_without_the_report_button()
    {
        var page = await server.SignedInPageAsync(returnUrl: "/w/demo/dashboard");
        await WaymarkServer.WaitForCircuitAsync(page);
        await Expect(page.Locator("[data-testid=cx-score]")).ToBeVisibleAsync();
        await page.EmulateMediaAsync(new() { Media = Media.Print });
        await Expect(page.Locator("[data-testid=cx-score]")).ToBeVisibleAsync();
        await Expect(page.Locator("[data-testid=download-report]")).ToBeHiddenAsync();
        await Expect(page.Locator(".wm-appbar")).ToBeHiddenAsync();
    }
}
