using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Waymark.Browser.Tests;

/// <summary>Workshop scoring with the keyboard only, in a real browser where Enter on a focused control also "clicks" it.</summary>
public sealed class EvaluateKeyboardTests(WaymarkServer server) : IClassFixture<WaymarkServer>
{
    [Fact]
    public async Task Tab_to_the_scale_type_8_and_enter_saves_8_and_the_next_touchpoint_starts_with_no_score()
    {
        Guid persona;
        await using (var db = server.OpenDb())
            persona = await db.Personas.OrderBy(p => p.Name).Select(p => p.Id).FirstAsync();
        var page = await server.SignedInPageAsync(returnUrl: "/w/demo/evaluate");
        await page.SelectOptionAsync("#eval-persona", persona.ToString());
        var heading = page.Locator("[data-testid=eval-touchpoint]");
        await Expect(heading).ToBeVisibleAsync();
        var first = await heading.TextContentAsync();

        await page.FocusAsync("#eval-evaluator");
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("Score 1", await page.EvaluateAsync<string>("() => document.activeElement.getAttribute('aria-label')"));
        await page.Keyboard.PressAsync("8");
        await Expect(page.Locator("[role=radio][aria-checked=true]")).ToHaveAttributeAsync("aria-label", "Score 8");
        await page.Keyboard.PressAsync("Enter");

        await Expect(heading).Not.ToHaveTextAsync(first!);
        // The circuit handles events in order: once these later inputs show their answer, a click the Enter also made has shown its effect.
        await page.FillAsync("#eval-expect-level", "8");
        await page.FillAsync("#eval-experience-level", "5");
        await Expect(page.Locator("[data-testid=eval-gap]")).ToHaveTextAsync("-3");
        await Expect(page.Locator("text=1 saved in this session")).ToBeVisibleAsync();
        await Expect(page.Locator("[role=radio][aria-checked=true]")).ToHaveCountAsync(0);
        await using (var db = server.OpenDb())
        {
            var saved = await db.Evaluations.Where(e => e.PersonaId == persona && db.Touchpoints.Any(t => t.Id == e.TouchpointId && t.Name == first))
                .OrderByDescending(e => e.RecordedAt).FirstAsync();
            Assert.Equal(8, saved.Score);
            Assert.Equal(1, await db.Evaluations.CountAsync(e => e.PersonaId == persona && e.RecordedAt >= saved.RecordedAt));
        }
        await Expect(page.Locator("[data-testid=eval-scale] [aria-pressed]")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task Arrow_keys_on_a_focused_score_move_the_score_and_stay_on_the_touchpoint()
    {
        Guid persona;
        await using (var db = server.OpenDb())
            persona = await db.Personas.OrderBy(p => p.Name).Select(p => p.Id).Skip(1).FirstAsync();
        var page = await server.SignedInPageAsync(returnUrl: "/w/demo/evaluate");
        await page.SelectOptionAsync("#eval-persona", persona.ToString());
        var heading = page.Locator("[data-testid=eval-touchpoint]");
        await Expect(heading).ToBeVisibleAsync();
        var first = await heading.TextContentAsync();

        await page.FocusAsync("[data-testid=eval-scale] [role=radio][tabindex='0']");
        await page.Keyboard.PressAsync("3");
        await page.Keyboard.PressAsync("ArrowRight");

        await Expect(page.Locator("[role=radio][aria-checked=true]")).ToHaveAttributeAsync("aria-label", "Score 4");
        Assert.Equal("Score 4", await page.EvaluateAsync<string>("() => document.activeElement.getAttribute('aria-label')"));
        await Expect(heading).ToHaveTextAsync(first!);
    }
}
