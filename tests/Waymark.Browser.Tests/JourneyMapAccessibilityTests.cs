using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Waymark.Domain.Journeys;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Waymark.Browser.Tests;

/// <summary>
/// The journey map page checked by axe-core (WCAG 2 A/AA and 2.2 AA rules) as an editor sees it, with and without the
/// step editor open, plus its skip link. axe-core is not part of the repository: test.sh installs it (see Axe); under CI a missing one fails.
/// </summary>
public sealed class JourneyMapAccessibilityTests(WaymarkServer server, ITestOutputHelper output) : IClassFixture<WaymarkServer>
{
    /// <summary>A map with an empty stage first, steps with touchpoints of the demo workspace, a pain point and a moment of truth.</summary>
    internal static async Task<Guid> SeedAsync(WaymarkServer server, string name)
    {
        await using var db = server.OpenDb();
        var ws = await db.Workspaces.SingleAsync(w => w.Key == "demo");
        var touchpoints = await db.Touchpoints.Where(t => t.WorkspaceId == ws.Id).OrderBy(t => t.Name).Select(t => t.Id).Take(3).ToListAsync();
        var journey = new Journey(ws.Id, name, JourneyScenario.RepeatPurchase);
        journey.Describe(name, "A map for checking the page: an empty stage, then steps with touchpoints.", JourneyScenario.RepeatPurchase, null, null, JourneyState.Current);
        journey.AddStage("Awareness");
        var a = journey.AddStage("Stage A");
        var b = journey.AddStage("Stage B");
        journey.AddStep(a.Id, new StepContent("one", ThoughtsAndMotivation: "thinking one", Emotion: 1, TouchpointIds: touchpoints.Take(2).ToList(), IsMomentOfTruth: true));
        journey.AddStep(a.Id, new StepContent("two", Emotion: -2, TouchpointIds: touchpoints.Skip(2).ToList(), IsPainPoint: true));
        journey.AddStep(b.Id, new StepContent("three", Emotion: 2));
        db.Journeys.Add(journey);
        await db.SaveChangesAsync();
        return journey.Id;
    }

    private const string Run = """
        async () => {
          const r = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } });
          return r.violations.map(v => `${v.id} (${v.impact}) on ${v.nodes.length}: ${v.nodes.slice(0, 5).map(n => n.html.slice(0, 120) + ' – ' + n.failureSummary.replace(/\s+/g, ' ').slice(0, 200)).join(' | ')}`);
        }
        """;

    private async Task<IPage> OpenAsync(Guid id, string email = WaymarkServer.AdminEmail)
    {
        var context = await server.Browser.NewContextAsync(new BrowserNewContextOptions { BypassCSP = true, ViewportSize = new ViewportSize { Width = 1280, Height = 800 } });
        context.SetDefaultTimeout(15_000);
        var page = await context.NewPageAsync();
        await page.GotoAsync($"{server.BaseUrl}/account/login?returnUrl={Uri.EscapeDataString($"/w/demo/journeys/{id}")}");
        await page.FillAsync("#email", email);
        await page.FillAsync("#password", WaymarkServer.Password);
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync(url => !url.Contains("/account/login"));
        await WaymarkServer.WaitForCircuitAsync(page);
        await Expect(page.Locator("[data-step]")).ToHaveCountAsync(3);
        return page;
    }

    [Fact]
    public async Task The_map_and_its_step_editor_have_no_axe_violations()
    {
        if (!Axe.IsAvailable(out var axe)) { output.WriteLine("axe-core not found: run ./test.sh or set WAYMARK_AXE to axe.min.js; nothing was checked."); return; }
        var id = await SeedAsync(server, "Accessible map");
        var page = await OpenAsync(id);
        await page.AddScriptTagAsync(new PageAddScriptTagOptions { Path = axe });

        var map = await page.EvaluateAsync<string[]>(Run);
        Assert.True(map.Length == 0, "The map: " + string.Join("\n", map));

        await page.ClickAsync("button[aria-label='Open step one']");
        await Expect(page.Locator("[data-testid=step-editor]")).ToBeVisibleAsync();
        var editor = await page.EvaluateAsync<string[]>(Run);
        Assert.True(editor.Length == 0, "With the step editor open: " + string.Join("\n", editor));

        // A viewer's map and editor (read-only fields) too.
        var viewer = await OpenAsync(id, WaymarkServer.ViewerEmail);
        await viewer.AddScriptTagAsync(new PageAddScriptTagOptions { Path = axe });
        var read = await viewer.EvaluateAsync<string[]>(Run);
        Assert.True(read.Length == 0, "A viewer's map: " + string.Join("\n", read));
        await viewer.ClickAsync("button[aria-label='Open step one']");
        await Expect(viewer.Locator("#editor-title")).ToBeFocusedAsync();
        var readEditor = await viewer.EvaluateAsync<string[]>(Run);
        Assert.True(readEditor.Length == 0, "A viewer's step editor: " + string.Join("\n", readEditor));
    }
}
