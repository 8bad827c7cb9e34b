using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Waymark.Domain.Journeys;
using Waymark.Storage.Access;
using static Microsoft.Playwright.Assertions;

namespace Waymark.Browser.Tests;

/// <summary>
/// The map's evidence lane in a real browser: events sent over HTTP by a feed (an event-sender token) while the map is
/// open appear in its lane within a few seconds, and the page with the lane and the discovered touchpoints passes axe.
/// Its own server: the events must not reach the other tests' maps.
/// </summary>
public sealed class JourneyEvidenceTests(WaymarkServer server) : IClassFixture<WaymarkServer>
{
    private static readonly DateTime Yesterday = DateTime.UtcNow.Date.AddDays(-1);

    /// <summary>A map of two steps with a touchpoint of the demo each; answers it with the touchpoints' event keys (their names when they have none).</summary>
    private async Task<(Guid Map, Guid FirstStep, string FirstKey, string SecondKey)> SeedAsync()
    {
        await using var db = server.OpenDb();
        var ws = await db.Workspaces.SingleAsync(w => w.Key == "demo");
        var touchpoints = await db.Touchpoints.Where(t => t.WorkspaceId == ws.Id).OrderBy(t => t.Name).Take(2).ToListAsync();
        var journey = new Journey(ws.Id, "Evidence in the browser", JourneyScenario.ServiceCase);
        var stage = journey.AddStage("Contact");
        var first = journey.AddStep(stage.Id, new StepContent("Asks for help", TouchpointIds: [touchpoints[0].Id]));
        journey.AddStep(stage.Id, new StepContent("Gets the answer", TouchpointIds: [touchpoints[1].Id]));
        db.Journeys.Add(journey);
        await db.SaveChangesAsync();
        return (journey.Id, first.Id, touchpoints[0].EventKey ?? touchpoints[0].Name, touchpoints[1].EventKey ?? touchpoints[1].Name);
    }

    /// <summary>A client of the event feed: an API token that may send events and nothing else.</summary>
    private async Task<HttpClient> FeedAsync()
    {
        await using var db = server.OpenDb();
        var ws = await db.Workspaces.SingleAsync(w => w.Key == "demo");
        var (token, secret) = ApiToken.Create(ws.Id, "browser feed", WorkspaceRole.EventSender, DateTimeOffset.UtcNow, null, "test");
        db.ApiTokens.Add(token);
        await db.SaveChangesAsync();
        var client = new HttpClient { BaseAddress = new Uri(server.BaseUrl) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        return client;
    }

    private static async Task SendAsync(HttpClient feed, params (string Customer, int Minutes, string Touchpoint)[] events)
    {
        var body = string.Join("\n", events.Select(e => JsonSerializer.Serialize(new
        {
            customer = e.Customer, time = Yesterday.AddHours(10).AddMinutes(e.Minutes).ToString("O"), touchpoint = e.Touchpoint, channel = "phone",
        })));
        var response = await feed.PostAsync("/api/workspaces/demo/events", new StringContent(body, Encoding.UTF8, "application/x-ndjson"));
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Events_sent_while_the_map_is_open_appear_in_its_lane_within_a_few_seconds_and_the_page_passes_axe()
    {
        var (map, firstStep, firstKey, secondKey) = await SeedAsync();
        using var feed = await FeedAsync();
        await SendAsync(feed, ("b1", 0, firstKey));
        var page = await Axe.SignedInPageAsync(server, WaymarkServer.ViewerEmail);
        await page.GotoAsync($"{server.BaseUrl}/w/demo/journeys/{map}");
        await WaymarkServer.WaitForCircuitAsync(page);
        var reached = page.Locator($"[data-step-evidence='{firstStep}'] [data-reached]");
        await Expect(reached).ToHaveAttributeAsync("data-reached", "1");
        await Expect(page.Locator("[data-testid=evidence-freshness]")).ToContainTextAsync("last event");

        await SendAsync(feed, ("b2", 5, firstKey), ("b2", 20, secondKey), ("b3", 5, firstKey), ("b3", 9, "walk-in-desk"));

        await Expect(reached).ToHaveAttributeAsync("data-reached", "3", new() { Timeout = 5_000 });
        await Expect(page.Locator($"[data-step-evidence='{firstStep}']")).ToContainTextAsync("3 journeys reached it");

        Axe.IsAvailable(out var axe);
        var withLane = await Axe.ScanAsync(page, axe);
        Assert.True(withLane.Count == 0, "The map with its evidence lane: " + string.Join("\n", withLane));
        await page.ClickAsync("[data-testid=discovered-toggle]");
        await Expect(page.Locator("[data-discovered='walk-in-desk']")).ToBeVisibleAsync();
        var withDiscovered = await Axe.ScanAsync(page, axe);
        Assert.True(withDiscovered.Count == 0, "With the discovered touchpoints: " + string.Join("\n", withDiscovered));
        await page.Context.CloseAsync();
    }
}
