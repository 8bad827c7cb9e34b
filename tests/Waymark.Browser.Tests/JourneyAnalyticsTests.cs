using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Waymark.Domain.Events;
using Waymark.Storage.Interactions;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Waymark.Browser.Tests;

/// <summary>The journey analytics page with stored events: from a variant to its customers and on to one customer's timeline, both pages free of axe violations.</summary>
public sealed class JourneyAnalyticsTests(WaymarkServer server, ITestOutputHelper output) : IClassFixture<WaymarkServer>
{
    [Fact]
    public async Task A_variant_drills_down_to_its_customers_and_one_customers_timeline_shows_the_lost_context()
    {
        Axe.IsAvailable(out var axe);
        // March 2031, with touchpoints of their own: whatever events the demo holds, this period shows only these.
        static DateTime At(int day, int hour) => new(2031, 3, day, hour, 0, 0, DateTimeKind.Utc);
        await using (var db = server.OpenDb())
        {
            var demo = await db.Workspaces.Where(w => w.Key == "demo").Select(w => w.Id).SingleAsync();
            await EventStore.For(db).AppendAsync(demo,
            [
                new InteractionEvent("browser-anna", At(2, 9), "bt-web-visit", "website"),
                new InteractionEvent("browser-anna", At(2, 10), "bt-support-call", "phone") { Outcome = "unresolved", Agent = "Mia", WaitingSeconds = 300 },
                new InteractionEvent("browser-anna", At(3, 9), "bt-support-chat", "chat") { Outcome = "resolved" },
                new InteractionEvent("browser-ben", At(4, 9), "bt-web-visit", "website"),
                new InteractionEvent("browser-ben", At(4, 10), "bt-support-call", "phone") { Outcome = "resolved" },
            ]);
        }
        var page = await Axe.SignedInPageAsync(server);
        await page.GotoAsync($"{server.BaseUrl}/w/demo/analytics?period=custom&from=2031-03-01&to=2031-03-31");
        await WaymarkServer.WaitForCircuitAsync(page);
        await Expect(page.Locator("[data-testid=fig-journeys]")).ToHaveTextAsync("2");
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await AssertNoViolations(page, axe, "analytics");

        await page.Locator("[data-testid=variants] tbody tr", new() { HasText = "bt-support-chat" }).GetByRole(AriaRole.Link, new() { Name = "Example customers" }).ClickAsync();
        var customers = page.Locator("[data-testid=example-list] a");
        await Expect(customers).ToHaveTextAsync(["browser-anna"]);
        await AssertNoViolations(page, axe, "analytics with example customers");

        await customers.First.ClickAsync();
        await page.WaitForURLAsync(url => url.EndsWith("/w/demo/customers/browser-anna", StringComparison.Ordinal));
        var rows = page.Locator("[data-testid=timeline-event]");
        await Expect(rows).ToHaveCountAsync(3);
        await Expect(rows.Nth(2).Locator("[data-testid=lost-context]")).ToContainTextAsync("23 hours after an unresolved phone contact (bt-support-call)");
        await Expect(page.Locator("[data-testid=lost-count]")).ToHaveTextAsync("lost context once");
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await AssertNoViolations(page, axe, "customer timeline");
    }

    [Fact]
    public async Task Customers_whose_ids_hold_slashes_and_url_characters_open_their_timelines_from_the_drill_down()
    {
        static DateTime At(int day, int minute) => new(2031, 4, day, 9, minute, 0, DateTimeKind.Utc);
        string[] customers = ["shop/DE/4711", "50% off? #2"];
        await using (var db = server.OpenDb())
        {
            var demo = await db.Workspaces.Where(w => w.Key == "demo").Select(w => w.Id).SingleAsync();
            await EventStore.For(db).AppendAsync(demo, customers.SelectMany((c, i) => new[]
            {
                new InteractionEvent(c, At(2 + i, 0), "url-web-visit", "website"),
                new InteractionEvent(c, At(2 + i, 5), "url-order", "website"),
            }).ToArray());
        }
        var page = await Axe.SignedInPageAsync(server);
        var drill = $"{server.BaseUrl}/w/demo/analytics?period=custom&from=2031-04-01&to=2031-04-30&drill=variant&of=url-web-visit&of=url-order";

        foreach (var customer in customers)
        {
            await page.GotoAsync(drill);
            await WaymarkServer.WaitForCircuitAsync(page);
            // Followed inside the live page: the page router, not the server, reads the address.
            await page.Locator("[data-testid=example-list] a", new() { HasTextString = customer }).ClickAsync();
            await Expect(page.Locator("h1")).ToHaveTextAsync($"Customer {customer}");
            await Expect(page.Locator("[data-testid=timeline-event]")).ToHaveCountAsync(2);
            // Opened afresh at that address: the server routes it.
            await page.ReloadAsync();
            await WaymarkServer.WaitForCircuitAsync(page);
            await Expect(page.Locator("h1")).ToHaveTextAsync($"Customer {customer}");
            await Expect(page.Locator("[data-testid=timeline-event]")).ToHaveCountAsync(2);
        }
    }

    private async Task AssertNoViolations(IPage page, string axe, string name)
    {
        var violations = await Axe.ScanAsync(page, axe);
        foreach (var v in violations) output.WriteLine($"{name}: {v}");
        Assert.True(violations.Count == 0, $"{name}: {string.Join("\n", violations)}");
    }
}
