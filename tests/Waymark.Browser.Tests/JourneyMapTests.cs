using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Waymark.Browser.Tests;

/// <summary>The map editor: lanes, moves by button and by drag and drop, undo, conflicts between two browsers, viewers.</summary>
public sealed class JourneyMapTests(WaymarkServer server) : IClassFixture<WaymarkServer>
{
    private static Task<string[]> StepOrder(IPage page) =>
        page.Locator("[data-step]").EvaluateAllAsync<string[]>("els => els.map(e => e.dataset.step)");

    [Fact]
    public async Task Lanes_are_hidden_and_shown_steps_move_by_button_and_by_drag_and_the_last_change_is_undone()
    {
        var id = await MapFixtures.SmallJourneyAsync(server, "Lanes and moves");
        var page = await server.SignedInPageAsync(returnUrl: $"/w/demo/journeys/{id}");
        await WaymarkServer.WaitForCircuitAsync(page);
        await Expect(page.Locator("[data-step]")).ToHaveCountAsync(3);

        // Hide the thoughts lane; it stays hidden after a reload because the journey keeps its lanes.
        await page.ClickAsync("button[aria-controls=lanes-panel]");
        await Expect(page.Locator("[data-lane-head=thoughts]")).ToHaveCountAsync(1);
        await page.ClickAsync("[data-lane-toggle=thoughts]");
        await Expect(page.Locator("[data-lane-head=thoughts]")).ToHaveCountAsync(0);
        await page.ReloadAsync();
        await WaymarkServer.WaitForCircuitAsync(page);
        await Expect(page.Locator("[data-step]")).ToHaveCountAsync(3);
        await Expect(page.Locator("[data-lane-head=thoughts]")).ToHaveCountAsync(0);
        await using (var db = server.OpenDb())
            Assert.DoesNotContain("thoughts", (await db.Journeys.SingleAsync(j => j.Id == id)).Lanes);

        // Move "two" earlier with the keyboard-accessible button, then undo.
        await page.Locator("[data-step=two]").HoverAsync();
        await page.ClickAsync("button[aria-label='Move step two earlier']");
        await Expect(page.Locator("[data-step]").First).ToHaveAttributeAsync("data-step", "two");
        Assert.Equal(new[] { "two", "one", "three" }, await StepOrder(page));
        await page.ClickAsync("[data-testid=undo]");
        await Expect(page.Locator("[data-step]").First).ToHaveAttributeAsync("data-step", "one");
        Assert.Equal(new[] { "one", "two", "three" }, await StepOrder(page));

        // Move "two" later across the stage border: it becomes the first step of stage B.
        await page.Locator("[data-step=two]").FocusAsync();
        await page.ClickAsync("button[aria-label='Move step two later']");
        await Expect(page.Locator("[data-step]").Nth(1)).ToHaveAttributeAsync("data-step", "two");
        await using (var db = server.OpenDb())
        {
            var journey = await db.Journeys.Include(j => j.Stages).ThenInclude(s => s.Steps).SingleAsync(j => j.Id == id);
            Assert.Equal(new[] { "three" }, journey.OrderedStages.Last().OrderedSteps.Skip(1).Select(s => s.Action));
            Assert.Equal("two", journey.OrderedStages.Last().OrderedSteps.First().Action);
        }

        // Drag "three" onto "one": it takes its place.
        await page.DragAndDropAsync("[data-step=three]", "[data-step=one]");
        await Expect(page.Locator("[data-step]").First).ToHaveAttributeAsync("data-step", "three");
        Assert.Equal(new[] { "three", "one", "two" }, await StepOrder(page));
    }

    [Fact]
    public async Task Two_browsers_editing_the_same_step_get_a_conflict_not_a_lost_update_and_see_each_others_changes()
    {
        var id = await MapFixtures.SmallJourneyAsync(server, "Conflicts");
        var anna = await server.SignedInPageAsync(returnUrl: $"/w/demo/journeys/{id}");
        var ben = await server.SignedInPageAsync(returnUrl: $"/w/demo/journeys/{id}");
        foreach (var page in new[] { anna, ben })
        {
            await WaymarkServer.WaitForCircuitAsync(page);
            await page.ClickAsync("button[aria-label='Open step one']");
            await Expect(page.Locator("#step-action")).ToHaveValueAsync("one");
        }

        await anna.FillAsync("#step-action", "one, as Anna sees it");
        await anna.ClickAsync("text=Save step");
        await Expect(anna.Locator("[data-step='one, as Anna sees it']")).ToHaveCountAsync(1);
        // Ben's map shows Anna's change without a reload.
        await Expect(ben.Locator("[data-lane=actions] >> text=one, as Anna sees it")).ToHaveCountAsync(1);

        await ben.FillAsync("#step-action", "one, as Ben sees it");
        await ben.ClickAsync("text=Save step");
        await Expect(ben.Locator("[data-testid=conflict]")).ToContainTextAsync("Someone else");
        await Expect(ben.Locator("#step-action")).ToHaveValueAsync("one, as Anna sees it");
        await using var db = server.OpenDb();
        Assert.True(await db.Steps.AnyAsync(s => s.Action == "one, as Anna sees it"));
        Assert.False(await db.Steps.AnyAsync(s => s.Action == "one, as Ben sees it"));
    }

    [Fact]
    public async Task A_viewer_sees_the_map_but_cannot_change_it()
    {
        var id = await MapFixtures.SmallJourneyAsync(server, "Read only");
        var page = await server.SignedInPageAsync(WaymarkServer.ViewerEmail, $"/w/demo/journeys/{id}");
        await WaymarkServer.WaitForCircuitAsync(page);
        await Expect(page.Locator("[data-step]")).ToHaveCountAsync(3);
        await Expect(page.Locator("[data-testid=read-only]")).ToBeVisibleAsync();
        await Expect(page.Locator("text=+ Stage")).ToHaveCountAsync(0);
        await Expect(page.Locator("button[aria-label='Move step two earlier']")).ToHaveCountAsync(0);
        await page.ClickAsync("button[aria-label='Open step one']");
        await Expect(page.Locator("#step-action")).ToBeDisabledAsync();
        await Expect(page.Locator("text=Save step")).ToHaveCountAsync(0);

        await page.GotoAsync($"{server.BaseUrl}/w/demo/personas");
        await WaymarkServer.WaitForCircuitAsync(page);
        await Expect(page.Locator("text=+ New persona")).ToHaveCountAsync(0);
    }
}
