using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Waymark.Browser.Tests;

/// <summary>
/// The README's screenshots (docs/screenshots), taken from the demo workspace by docs/screenshots.sh. A normal test run
/// leaves the repository's files as they are, so this runs only when WAYMARK_SCREENSHOTS=1; it checks each page shows its
/// content before taking its picture.
/// </summary>
public sealed class ReadmeScreenshots(WaymarkServer server) : IClassFixture<WaymarkServer>
{
    private sealed class ScreenshotFactAttribute : FactAttribute
    {
        public ScreenshotFactAttribute()
        {
            if (Environment.GetEnvironmentVariable("WAYMARK_SCREENSHOTS") != "1")
                Skip = "Takes the README's screenshots: run docs/screenshots.sh.";
        }
    }

    [ScreenshotFact]
    public async Task The_dashboard_and_a_demo_journey_map_are_saved_for_the_readme()
    {
        var page = await server.SignedInPageAsync();
        await page.SetViewportSizeAsync(1440, 900);
        await page.GotoAsync($"{server.BaseUrl}/w/demo/dashboard");
        await WaymarkServer.WaitForCircuitAsync(page);
        await Expect(page.Locator("[data-testid=cx-score]")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^\d+\.\d$"));
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = ScreenshotPath("dashboard.png") });

        Guid journey;
        int stages, steps;
        await using (var db = server.OpenDb())
        {
            journey = await db.Journeys.Where(j => j.Name.StartsWith("Broken panel")).Select(j => j.Id).FirstAsync();
            var stageIds = await db.Stages.Where(s => s.JourneyId == journey).Select(s => s.Id).ToListAsync();
            stages = stageIds.Count;
            steps = await db.Steps.CountAsync(s => stageIds.Contains(s.StageId));
        }
        await page.GotoAsync($"{server.BaseUrl}/w/demo/journeys/{journey}");
        await WaymarkServer.WaitForCircuitAsync(page);
        await Expect(page).ToHaveTitleAsync("Broken panel under warranty · Waymark");
        await Expect(page.Locator("[data-stage]")).ToHaveCountAsync(stages);
        await Expect(page.Locator("[data-step]")).ToHaveCountAsync(steps);
        await Expect(page.Locator("[data-lane=emotion] svg")).ToBeVisibleAsync();
        await page.SetViewportSizeAsync(1600, 1350);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = ScreenshotPath("journey-map.png") });
    }

    /// <summary>docs/screenshots of the repository these tests were built from.</summary>
    private static string ScreenshotPath(string name, [System.Runtime.CompilerServices.CallerFilePath] string source = "")
    {
        var dir = new DirectoryInfo(Path.GetDirectoryName(source) ?? AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Waymark.slnx"))) dir = dir.Parent;
        var folder = Path.Combine(dir?.FullName ?? Path.GetTempPath(), "docs", "screenshots");
        Directory.CreateDirectory(folder);
        return Path.Combine(folder, name);
    }
}
