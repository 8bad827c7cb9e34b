using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Waymark.Domain.Journeys;
using static Microsoft.Playwright.Assertions;

namespace Waymark.Browser.Tests;

/// <summary>The map page in a real browser: it fits the window with one scroll area, zooms to fit, the step editor behaves as a dialog and covers nothing it needs.</summary>
public sealed class JourneyMapLayoutTests(WaymarkServer server) : IClassFixture<WaymarkServer>
{
    /// <summary>A wide map: five stages (Awareness, Research, Purchase, Delivery, Use) of four steps each, and a long name and description.</summary>
    private async Task<Guid> WideJourneyAsync(string name)
    {
        await using var db = server.OpenDb();
        var ws = await db.Workspaces.SingleAsync(w => w.Key == "demo");
        var journey = new Journey(ws.Id, name, JourneyScenario.InitialPurchase);
        journey.Describe(name, string.Join(" ", Enumerable.Repeat("A long description of what this map covers and where its insights come from.", 6)),
            JourneyScenario.InitialPurchase, null, null, JourneyState.Current);
        var emotion = 0;
        foreach (var stageName in new[] { "Awareness", "Research", "Purchase", "Delivery", "Use" })
        {
            var stage = journey.AddStage(stageName);
            for (var i = 1; i <= 4; i++) journey.AddStep(stage.Id, new StepContent($"{stageName} step {i}", Emotion: emotion++ % 7 - 3));
        }
        db.Journeys.Add(journey);
        await db.SaveChangesAsync();
        return journey.Id;
    }

    private async Task<IPage> OpenAsync(Guid id)
    {
        var page = await server.SignedInPageAsync(returnUrl: $"/w/demo/journeys/{id}");
        await WaymarkServer.WaitForCircuitAsync(page);
        await Expect(page.Locator("[data-step]").First).ToBeVisibleAsync();
        return page;
    }

    private static Task<double[]> Box(IPage page, string selector) =>
        page.Locator(selector).EvaluateAsync<double[]>("e => { const r = e.getBoundingClientRect(); return [r.left, r.top, r.right, r.bottom]; }");

    private static bool Overlap(double[] a, double[] b) => a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3];

    [Fact]
    public async Task The_page_does_not_scroll_the_map_does_and_fit_to_screen_shows_it_whole_with_the_title_on_one_line()
    {
        var id = await WideJourneyAsync("Buying a television for the living room, from the first advert to the first evening in front of it");
        var page = await OpenAsync(id);

        var pageScroll = await page.EvaluateAsync<double[]>("() => [document.scrollingElement.scrollHeight, innerHeight, document.scrollingElement.scrollWidth, innerWidth]");
        Assert.True(pageScroll[0] <= pageScroll[1] + 1, $"the page scrolls: {pageScroll[0]} px high in a {pageScroll[1]} px window");
        Assert.True(pageScroll[2] <= pageScroll[3] + 1, $"the page scrolls sideways: {pageScroll[2]} px in {pageScroll[3]} px");
        var area = await page.Locator("[data-testid=map-scroll]").EvaluateAsync<double[]>("e => [e.scrollWidth, e.clientWidth]");
        Assert.True(area[0] > area[1], "the map itself scrolls sideways");

        // The title stays one line however long; the description can be read whole.
        var title = await page.Locator("[data-testid=map-name]").EvaluateAsync<double[]>("e => [e.getBoundingClientRect().height, parseFloat(getComputedStyle(e).fontSize)]");
        Assert.True(title[0] < title[1] * 2, $"the title is {title[0]} px high at {title[1]} px type");
        await page.ClickAsync("[data-testid=description-more]");
        await Expect(page.Locator("[data-testid=description-more]")).ToHaveAttributeAsync("aria-expanded", "true");
        var description = await page.Locator("[data-testid=map-description]").EvaluateAsync<double[]>("e => [e.scrollHeight, e.clientHeight]");
        Assert.True(description[0] <= description[1] + 1, "the whole description shows");
        await page.ClickAsync("[data-testid=description-more]");

        await page.ClickAsync("[data-testid=zoom-fit]");
        await Expect(page.Locator("[data-testid=zoom-value]")).Not.ToHaveTextAsync("100 %");
        var fitted = await page.Locator("[data-testid=map-scroll]").EvaluateAsync<double[]>(
            "e => { const m = e.querySelector('.wm-map').getBoundingClientRect(); return [m.width, e.clientWidth, m.height, e.clientHeight]; }");
        Assert.True(fitted[0] <= fitted[1] + 1 && fitted[2] <= fitted[3] + 1, $"the fitted map is {fitted[0]}×{fitted[2]} in {fitted[1]}×{fitted[3]}");
    }

    [Fact]
    public async Task Stage_names_keep_their_words_whole_and_a_new_stage_is_brought_into_view_ready_to_name()
    {
        var id = await WideJourneyAsync("New stage in view");
        var page = await OpenAsync(id);

        var name = await page.Locator("[data-stage=Awareness] .wm-stage-name").EvaluateAsync<double[]>(
            "e => [e.getBoundingClientRect().height, parseFloat(getComputedStyle(e).lineHeight) || 20, e.scrollWidth, e.clientWidth]");
        Assert.True(name[0] <= name[1] * 1.5, $"'Awareness' takes {name[0]} px: broken over lines");
        Assert.True(name[2] <= name[3], "'Awareness' is cut off");

        await page.ClickAsync("text=+ Stage");
        var input = page.Locator("[data-stage='New stage'] input");
        await Expect(input).ToBeFocusedAsync();
        var inView = await page.Locator("[data-stage='New stage']").EvaluateAsync<bool>(
            "e => { const a = document.querySelector('[data-testid=map-scroll]').getBoundingClientRect(); const r = e.getBoundingClientRect(); return r.left >= a.left && r.right <= a.right + 1; }");
        Assert.True(inView, "the new stage is outside the visible part of the map");
        await input.FillAsync("Recommendation");
        await input.PressAsync("Enter");
        await Expect(page.Locator("[data-stage=Recommendation]")).ToHaveCountAsync(1);
    }

    [Fact]
    public async Task The_step_editor_takes_the_focus_gives_it_back_on_Escape_and_covers_neither_its_buttons_nor_redo()
    {
        var id = await WideJourneyAsync("Editor as a dialog");
        var page = await OpenAsync(id);

        // The skip link is the page's first stop and lands on the first step.
        await page.FocusAsync("[data-testid=skip-to-map]");
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator("[data-open-step]").First).ToBeFocusedAsync();

        // Enter opens the step; the focus moves into the editor.
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator("[data-testid=step-editor]")).ToBeVisibleAsync();
        await Expect(page.Locator("#step-action")).ToBeFocusedAsync();

        await page.FillAsync("#step-action", "Sees an advert");
        await page.ClickAsync("[data-testid=step-editor] >> text=Save step");
        await Expect(page.Locator("[data-testid=step-status]")).ToHaveTextAsync("Step saved.");
        // Nothing lies over Save and Close, and the map's tools are not under the panel.
        foreach (var button in new[] { "[data-testid=step-editor] footer >> text=Save step", "[data-testid=step-editor] footer >> text=Close" })
        {
            var covered = await page.Locator(button).EvaluateAsync<bool>(
                "e => { const r = e.getBoundingClientRect(); const top = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2); return !(top === e || e.contains(top)); }");
            Assert.False(covered, $"{button} is covered");
        }
        var editor = await Box(page, "[data-testid=step-editor]");
        Assert.False(Overlap(await Box(page, "[data-testid=redo]"), editor), "Redo lies under the step editor");
        Assert.False(Overlap(await Box(page, "[data-testid=undo]"), editor), "Undo lies under the step editor");

        // Messages that still come as toasts appear beside the editor, not over it.
        await page.FillAsync("#action-title", "Show the advert again at the store");
        await page.ClickAsync("[data-testid=step-editor] >> text=Add to step");
        await Expect(page.Locator(".mud-snackbar")).ToBeVisibleAsync();
        Assert.False(Overlap(await Box(page, ".mud-snackbar"), await Box(page, "[data-testid=step-editor]")), "a message lies over the step editor");

        await page.FocusAsync("#step-action");
        await page.Keyboard.PressAsync("Escape");
        await Expect(page.Locator("[data-testid=step-editor]")).ToHaveCountAsync(0);
        await Expect(page.Locator("[data-open-step]").First).ToBeFocusedAsync();
    }
}
