using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Waymark.Storage.Access;
using Waymark.Web.Access;
using static Microsoft.Playwright.Assertions;

namespace Waymark.Browser.Tests;

/// <summary>What a new user does on a first day, in one go, checked after a reload.</summary>
public sealed class WalkthroughTests(WaymarkServer server) : IClassFixture<WaymarkServer>
{
    [Fact]
    public async Task A_new_user_maps_a_journey_scores_touchpoints_adds_an_action_and_sees_it_all_after_a_reload()
    {
        var page = await server.SignedInPageAsync();
        await page.GotoAsync($"{server.BaseUrl}/w/demo/dashboard");
        await WaymarkServer.WaitForCircuitAsync(page);
        var actionsBefore = await page.InnerTextAsync("[data-testid=actions-done]");

        // A persona.
        await page.ClickAsync("nav >> text=Personas");
        await page.ClickAsync("text=+ New persona");
        await page.FillAsync("#persona-name", "Paula Probe");
        await page.FillAsync("#persona-quote", "I want it to just work <b>now</b>");
        await page.ClickAsync("text=Create persona");
        await Expect(page.Locator("[data-testid=persona-name]")).ToHaveTextAsync("Paula Probe");
        await Expect(page.Locator(".wm-quote")).ToContainTextAsync("<b>now</b>"); // shown as text, not markup

        // A journey with three stages.
        await page.ClickAsync("nav >> text=Journeys");
        await page.ClickAsync("text=+ New journey");
        await page.FillAsync("#journey-name", "Paula buys a soundbar");
        await page.SelectOptionAsync("#journey-persona", new SelectOptionValue { Label = "Paula Probe" });
        await page.FillAsync("#journey-stages", "Discover, Buy, Use");
        await page.ClickAsync("text=Create and open the map");
        await Expect(page.Locator("[data-testid=journey-map]")).ToBeVisibleAsync();
        await Expect(page.Locator("[data-stage]")).ToHaveCountAsync(3);

        // Six steps, two per stage, each with an emotion; the first uses touchpoints from two channels, the fourth is a moment of truth.
        string[][] steps = [["Discover", "Sees an ad", "1"], ["Discover", "Reads reviews", "2"], ["Buy", "Orders online", "-1"],
            ["Buy", "Waits for delivery", "-3"], ["Use", "Sets it up", "2"], ["Use", "Enjoys a film", "3"]];
        for (var i = 0; i < steps.Length; i++)
        {
            var (stage, action, emotion) = (steps[i][0], steps[i][1], int.Parse(steps[i][2]));
            await page.ClickAsync($"[data-add-step='{stage}']");
            await Expect(page.Locator("#step-action")).ToHaveValueAsync("New step");
            await page.FillAsync("#step-action", action);
            await page.ClickAsync($"[aria-label^='Emotion {(emotion > 0 ? "+" : "")}{emotion},']");
            if (i == 0)
            {
                await page.Locator(".wm-tp-group").Nth(0).Locator("input[type=checkbox]").First.CheckAsync();
                await page.Locator(".wm-tp-group").Nth(1).Locator("input[type=checkbox]").First.CheckAsync();
            }
            if (i == 3) await page.CheckAsync("text=Moment of truth");
            await page.ClickAsync("text=Save step");
            await Expect(page.Locator($"[data-lane=actions] >> text={action}")).ToHaveCountAsync(1);
        }
        await Expect(page.Locator("[data-step]")).ToHaveCountAsync(6);

        // An action on the moment of truth.
        await page.ClickAsync("[data-lane=actions] >> text=Waits for delivery");
        await page.FillAsync("#action-title", "Offer delivery time slots");
        await page.ClickAsync("text=Add to step");
        await Expect(page.Locator("[data-lane=improvements] >> text=Offer delivery time slots")).ToHaveCountAsync(1);
        var mapUrl = page.Url;

        // Score two touchpoints in the workshop view with the keyboard.
        await page.ClickAsync("nav >> text=Evaluate");
        await page.SelectOptionAsync("#eval-persona", new SelectOptionValue { Label = "Paula Probe" });
        var first = await page.InnerTextAsync("[data-testid=eval-touchpoint]");
        await page.ClickAsync("[data-testid=eval-touchpoint]");
        await page.Keyboard.PressAsync("3");
        await Expect(page.Locator("[role=radio][aria-label='Score 3']")).ToHaveAttributeAsync("aria-checked", "true");
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator("[data-testid=eval-touchpoint]")).Not.ToHaveTextAsync(first);
        await page.FillAsync("#eval-expect-level", "8");
        await page.FillAsync("#eval-experience-level", "5");
        await Expect(page.Locator("[data-testid=eval-gap]")).ToHaveTextAsync("-3");
        await page.ClickAsync("[data-testid=eval-touchpoint]");
        await page.Keyboard.PressAsync("0");
        await page.ClickAsync("[data-testid=eval-save]");
        await Expect(page.Locator("text=2 saved in this session")).ToBeVisibleAsync();

        // After a reload the map shows all of it.
        await page.GotoAsync(mapUrl);
        await WaymarkServer.WaitForCircuitAsync(page);
        await Expect(page.Locator("[data-step]")).ToHaveCountAsync(6);
        var emotions = await page.Locator("[data-emotion]").EvaluateAllAsync<int[]>("els => els.map(e => +e.dataset.emotion)");
        Assert.Equal(new[] { 1, 2, -1, -3, 2, 3 }, emotions);
        var channelLanes = await page.Locator("[data-lane^='channel:']:has(.wm-chip)").EvaluateAllAsync<string[]>("els => [...new Set(els.map(e => e.dataset.lane))]");
        Assert.Equal(2, channelLanes.Length);
        await Expect(page.Locator("[data-step='Waits for delivery'] [title='Moment of truth']")).ToHaveCountAsync(1);
        await Expect(page.Locator("[data-lane=improvements] >> text=Offer delivery time slots")).ToHaveCountAsync(1);

        // And the dashboard counts the new action.
        await page.ClickAsync("nav >> text=Dashboard");
        await Expect(page.Locator("[data-testid=actions-done]")).Not.ToHaveTextAsync(actionsBefore);
        await page.ClickAsync("nav >> text=Actions");
        await Expect(page.Locator("[data-action='Offer delivery time slots']")).ToHaveCountAsync(1);

        await using var db = server.OpenDb();
        var paula = await db.Personas.SingleAsync(p => p.Name == "Paula Probe");
        Assert.Equal(2, await db.Evaluations.CountAsync(e => e.PersonaId == paula.Id));
        Assert.Equal(1, await db.Evaluations.CountAsync(e => e.PersonaId == paula.Id && e.Score == 10 && e.ExpectationLevel == 8 && e.ExperienceLevel == 5));
    }

    [Fact]
    public async Task A_first_sign_in_with_a_one_time_password_asks_for_an_own_password_then_opens_where_the_person_was_going()
    {
        var email = $"newcomer-{Guid.NewGuid():N}@example.com";
        string oneTime;
        await using (var scope = server.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<WaymarkUser>>();
            var db = scope.ServiceProvider.GetRequiredService<Waymark.Storage.WaymarkDb>();
            var (user, password) = await Accounts.CreateAsync(users, email, administrator: false);
            oneTime = password;
            var demo = await db.Workspaces.SingleAsync(w => w.Key == "demo");
            await Accounts.GrantAsync(db, demo.Id, user.Id, WorkspaceRole.Editor, TimeProvider.System, default);
        }
        var context = await server.Browser.NewContextAsync();
        context.SetDefaultTimeout(15_000);
        var page = await context.NewPageAsync();
        await page.GotoAsync($"{server.BaseUrl}/account/login?returnUrl={Uri.EscapeDataString("/w/demo/touchpoints")}");
        await page.FillAsync("#email", email);
        await page.FillAsync("#password", oneTime);
        await page.ClickAsync("button[type=submit]");

        await page.WaitForURLAsync(url => url.Contains("/account/password"));
        await Expect(page.Locator("h1")).ToHaveTextAsync("Choose your password");
        await page.FillAsync("#currentPassword", oneTime);
        await page.FillAsync("#newPassword", "quiet meadow copper lantern");
        await page.FillAsync("#confirmPassword", "quiet meadow copper lantern!");
        await page.ClickAsync("text=Save the new password");
        await Expect(page.Locator("[role=alert]")).ToContainTextAsync("The two new passwords differ");

        await page.FillAsync("#currentPassword", oneTime);
        await page.FillAsync("#newPassword", "quiet meadow copper lantern");
        await page.FillAsync("#confirmPassword", "quiet meadow copper lantern");
        await page.ClickAsync("text=Save the new password");
        await page.WaitForURLAsync(url => url.EndsWith("/w/demo/touchpoints"));
        await WaymarkServer.WaitForCircuitAsync(page);
        await Expect(page.Locator(".wm-user")).ToHaveTextAsync(email);
        await context.DisposeAsync();
    }
}
