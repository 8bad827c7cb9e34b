using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Waymark.Domain.Evaluations;
using Waymark.Domain.Improvements;
using Waymark.Domain.Kpis;
using static Microsoft.Playwright.Assertions;

namespace Waymark.Browser.Tests;

/// <summary>The map's header edited in place and the session's undo history, by mouse and by keyboard.</summary>
public sealed class MapHistoryTests(WaymarkServer server) : IClassFixture<WaymarkServer>
{
    private sealed record Links(Guid Kpi, Guid Action, Guid Evaluation);

    /// <summary>A KPI, an action and an evaluation on step "two" of the map, as the team would have made them.</summary>
    private async Task<(Guid Step, Links Links)> LinkToTwoAsync(Guid journeyId)
    {
        await using var db = server.OpenDb();
        var journey = await db.Journeys.Include(j => j.Stages).ThenInclude(s => s.Steps).SingleAsync(j => j.Id == journeyId);
        var two = journey.OrderedSteps.Single(s => s.Action == "two");
        var kpi = new Kpi(journey.WorkspaceId, new KpiDefinition("Queue at step two", "min", KpiDirection.LowerIsBetter, 5, 2, JourneyId: journeyId, StepId: two.Id));
        var action = new Improvement(journey.WorkspaceId, ImprovementKind.Action, new ImprovementContent("Open a second till", JourneyId: journeyId, StepId: two.Id));
        var evaluation = new Evaluation(journey.WorkspaceId, new EvaluationContent(4, new DateOnly(2025, 3, 10), StepId: two.Id, Comment: "Long queue"));
        db.AddRange(kpi, action, evaluation);
        await db.SaveChangesAsync();
        return (two.Id, new Links(kpi.Id, action.Id, evaluation.Id));
    }

    private async Task<(string Name, Guid? Step, Guid? KpiStep, Guid? ActionStep, bool Evaluation)> StoredAsync(Guid journeyId, Links links)
    {
        await using var db = server.OpenDb();
        var journey = await db.Journeys.Include(j => j.Stages).ThenInclude(s => s.Steps).SingleAsync(j => j.Id == journeyId);
        return (journey.Name, journey.OrderedSteps.SingleOrDefault(s => s.Action == "two")?.Id,
            (await db.Kpis.SingleAsync(k => k.Id == links.Kpi)).StepId,
            (await db.Improvements.SingleAsync(i => i.Id == links.Action)).StepId,
            await db.Evaluations.AnyAsync(e => e.Id == links.Evaluation));
    }

    [Fact]
    public async Task The_name_is_edited_in_place_a_deleted_step_comes_back_with_its_id_and_links_and_changes_are_undone_and_redone_by_key()
    {
        var id = await MapFixtures.SmallJourneyAsync(server, "History in the browser");
        var (two, links) = await LinkToTwoAsync(id);
        var page = await server.SignedInPageAsync(returnUrl: $"/w/demo/journeys/{id}");
        await WaymarkServer.WaitForCircuitAsync(page);
        await Expect(page.Locator("[data-step]")).ToHaveCountAsync(3);

        // The name, edited where it is shown.
        await page.ClickAsync("[data-testid=map-name] button");
        await page.FillAsync("#map-name", "Repeat purchase in the store");
        await page.PressAsync("#map-name", "Enter");
        await Expect(page.Locator("[data-testid=map-name]")).ToHaveTextAsync("Repeat purchase in the store");
        Assert.Equal("Repeat purchase in the store", (await StoredAsync(id, links)).Name);

        // Step "two" goes, and with it the links of its KPI and action and its evaluation.
        await page.Locator("[data-step=two]").HoverAsync();
        await page.ClickAsync("button[aria-label='Delete step two']");
        await Expect(page.Locator("[data-step]")).ToHaveCountAsync(2);
        Assert.Equal(("Repeat purchase in the store", null, null, null, false), await StoredAsync(id, links));

        // In a text field Ctrl+Z undoes typing, not the map.
        await page.ClickAsync("[data-testid=map-name] button");
        await page.FillAsync("#map-name", "Typing");
        await page.PressAsync("#map-name", "Control+z");
        await page.PressAsync("#map-name", "Escape");
        await Expect(page.Locator("#map-name")).ToHaveCountAsync(0);
        await Expect(page.Locator("[data-step]")).ToHaveCountAsync(2);

        // Undo twice by key and by button: the step comes back as it was, then the old name.
        await page.Keyboard.PressAsync("Control+z");
        await Expect(page.Locator("[data-step]")).ToHaveCountAsync(3);
        await Expect(page.Locator("[data-testid=undo]")).ToContainTextAsync("renamed the map");
        await page.ClickAsync("[data-testid=undo]");
        await Expect(page.Locator("[data-testid=map-name]")).ToHaveTextAsync("History in the browser");
        Assert.Equal(("History in the browser", two, two, two, true), await StoredAsync(id, links));
        await Expect(page.Locator("[data-lane=kpis] >> text=Queue at step two")).ToHaveCountAsync(1);
        await Expect(page.Locator("[data-lane=improvements] >> text=Open a second till")).ToHaveCountAsync(1);

        // Redo by key: the rename again; the step keeps its old id and its links.
        await page.Keyboard.PressAsync("Control+Shift+z");
        await Expect(page.Locator("[data-testid=map-name]")).ToHaveTextAsync("Repeat purchase in the store");
        Assert.Equal(("Repeat purchase in the store", two, two, two, true), await StoredAsync(id, links));

        // Ctrl+Y redoes the deletion, the button undoes it once more.
        await page.Keyboard.PressAsync("Control+y");
        await Expect(page.Locator("[data-step]")).ToHaveCountAsync(2);
        await page.ClickAsync("[data-testid=undo]");
        await Expect(page.Locator("[data-step]")).ToHaveCountAsync(3);
        Assert.Equal(("Repeat purchase in the store", two, two, two, true), await StoredAsync(id, links));

        await page.ClickAsync("button[aria-controls=history-panel]");
        await Expect(page.Locator("[data-testid=history] li")).ToHaveTextAsync(["deleted step 'two' (undone)", "renamed the map to 'Repeat purchase in the store'"]);
    }
}
