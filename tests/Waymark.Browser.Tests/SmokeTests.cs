using Microsoft.Playwright;

namespace Waymark.Browser.Tests;

public sealed class DemoWorkspaceTests(WaymarkServer server) : IClassFixture<WaymarkServer>
{
    [Fact]
    public async Task The_dashboard_and_the_demo_journey_map_render_and_are_saved_as_screenshots()
    {
        var page = await server.SignedInPageAsync();
        await page.GotoAsync($"{server.BaseUrl}/w/demo/dashboard");
        await WaymarkServer.WaitForCircuitAsync(page);
        await page.WaitForSelectorAsync("[data-testid=cx-score]");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = WaymarkServer.ScreenshotPath("dashboard.png"), FullPage = false });

        await page.GotoAsync($"{server.BaseUrl}/w/demo/journeys");
        await WaymarkServer.WaitForCircuitAsync(page);
        await page.ClickAsync("[data-journey] >> nth=0");
        await page.WaitForSelectorAsync("[data-testid=journey-map]");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = WaymarkServer.ScreenshotPath("journey-map.png"), FullPage = false });
    }
}
