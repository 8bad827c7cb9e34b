using System.Text;
using System.Text.Json;
using Bunit;
using Microsoft.EntityFrameworkCore;
using Waymark.Domain.Journeys;
using Waymark.Domain.Touchpoints;
using Waymark.Storage.Access;
using Waymark.Ui.Tests.Support;
using Waymark.Web.Components.Pages.Journeys;

namespace Waymark.Ui.Tests.Journeys;

/// <summary>
/// The map's evidence lane and the discovered touchpoints, on an application of their own (its events must not reach
/// the other page tests' maps): figures per step and touchpoint, how fresh they are, a refresh when events arrive, and
/// adopting a discovered touchpoint into the inventory.
/// </summary>
public sealed class EvidenceLaneTests(UiFactory factory) : IClassFixture<UiFactory>
{
    private static readonly DateTime Today = DateTime.UtcNow.Date;

    private sealed record Seeded(Guid Map, Guid CallStep, Guid MailStep, Guid PhoneChannel);

    /// <summary>A map of two steps, "Calls the hotline" (key call-{tag}) then "Reads the answer" (key mail-{tag}), in two channels of the demo.</summary>
    private async Task<(Seeded Seeded, string Call, string Mail)> MapAsync(string tag)
    {
        await using var db = factory.OpenDb();
        var channels = await db.Channels.Where(c => c.WorkspaceId == factory.DemoId).OrderBy(c => c.Name).Take(2).ToListAsync();
        var (call, mail) = ($"call-{tag}", $"mail-{tag}");
        var hotline = new Touchpoint(factory.DemoId, new TouchpointProfile($"Hotline {tag}", channels[0].Id, TouchpointCategory.SupportChannels, EventKey: call));
        var answer = new Touchpoint(factory.DemoId, new TouchpointProfile($"Answer {tag}", channels[1].Id, TouchpointCategory.SupportChannels, EventKey: mail));
        db.Touchpoints.AddRange(hotline, answer);
        var journey = new Journey(factory.DemoId, $"Service case {tag}", JourneyScenario.ServiceCase);
        var stage = journey.AddStage("Contact");
        var first = journey.AddStep(stage.Id, new StepContent("Calls the hotline", TouchpointIds: [hotline.Id]));
        var second = journey.AddStep(stage.Id, new StepContent("Reads the answer", TouchpointIds: [answer.Id]));
        journey.AddStep(stage.Id, new StepContent("Thinks it over"));
        db.Journeys.Add(journey);
        await db.SaveChangesAsync();
        return (new Seeded(journey.Id, first.Id, second.Id, channels[0].Id), call, mail);
    }

    private static string Event(string customer, int daysAgo, int minutes, string touchpoint, string channel) =>
        JsonSerializer.Serialize(new { customer, time = Today.AddDays(-daysAgo).AddHours(9).AddMinutes(minutes).ToString("O"), touchpoint, channel });

    private async Task SendAsync(params string[] events)
    {
        var response = await factory.ClientAs(WorkspaceRole.Owner).PostAsync("/api/workspaces/demo/events",
            new StringContent(string.Join("\n", events), Encoding.UTF8, "application/x-ndjson"));
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }

    private static IRenderedComponent<JourneyMap> Open(PageHost host, Guid id)
    {
        var page = host.Context.Render<JourneyMap>(p => p.Add(x => x.Ws, "demo").Add(x => x.Id, id));
        page.WaitForElement("[data-testid=map-header]");
        return page;
    }

    private static string Reached(IRenderedComponent<JourneyMap> page, Guid step) =>
        page.Find($"[data-step-evidence='{step}'] [data-reached]").GetAttribute("data-reached")!;

    [Fact]
    public async Task The_lane_shows_per_step_who_reached_it_the_wait_before_and_the_drop_off_after_and_per_touchpoint_its_events_and_next_channel()
    {
        var (seeded, call, mail) = await MapAsync("lane");
        await SendAsync(Event("l1", 2, 0, call, "phone"), Event("l1", 2, 90, mail, "email"), Event("l2", 1, 0, call, "phone"));
        await using var db = factory.OpenDb();
        var secondChannel = (await db.Touchpoints.SingleAsync(t => t.EventKey == mail)).ChannelId;
        var channelName = (await db.Channels.SingleAsync(c => c.Id == secondChannel)).Name;

        using var host = new PageHost(factory, WorkspaceRole.Viewer);
        var page = Open(host, seeded.Map);

        page.WaitForAssertion(() => Assert.Equal("2", Reached(page, seeded.CallStep)));
        var callCell = page.Find($"[data-step-evidence='{seeded.CallStep}']").TextContent;
        Assert.Contains("2 journeys reached it (", callCell);
        Assert.Contains("Drop-off after it: 1 journey (50 %)", callCell);
        Assert.Contains("Hotline lane", callCell);
        Assert.Contains($"2 events · then {channelName}", callCell);
        var mailCell = page.Find($"[data-step-evidence='{seeded.MailStep}']").TextContent;
        Assert.Contains("1 journey reached it (", mailCell);
        Assert.Contains("Median wait before it: 90 minutes", mailCell);
        Assert.Contains("All in the map's order", mailCell);
        // A step without touchpoints says why it has no figures.
        Assert.Contains("No touchpoint attached", page.FindAll("[data-step-evidence]")[2].TextContent);
        Assert.Matches(@"Evidence from events: last event \d+ (hours?|days?) ago", page.Find("[data-testid=evidence-freshness]").TextContent);
        Assert.Contains("Evidence from events", page.Find("[data-lane-head='evidence']").TextContent);
    }

    [Fact]
    public async Task A_map_whose_lanes_were_saved_before_the_evidence_lane_existed_shows_it_until_someone_hides_it()
    {
        var (seeded, call, _) = await MapAsync("older");
        string[] savedBefore = [.. JourneyLanes.All.Where(l => l is not JourneyLanes.Evidence and not JourneyLanes.Thoughts)];
        await using (var db = factory.OpenDb())
            await db.Journeys.Where(j => j.Id == seeded.Map).ExecuteUpdateAsync(u => u.SetProperty(j => j.Lanes, savedBefore));
        await SendAsync(Event("o1", 1, 0, call, "phone"));

        using var host = new PageHost(factory, WorkspaceRole.Owner);
        var page = Open(host, seeded.Map);

        page.WaitForAssertion(() => Assert.Equal("1", Reached(page, seeded.CallStep)));
        Assert.Contains("Evidence from events", page.Find("[data-lane-head='evidence']").TextContent);
        // Thoughts, hidden before the evidence lane existed, stays hidden.
        Assert.Empty(page.FindAll("[data-lane-head='thoughts']"));

        await page.InvokeAsync(() => page.Instance.LaneToggle(JourneyLanes.Evidence));

        using var again = new PageHost(factory, WorkspaceRole.Owner);
        var reopened = Open(again, seeded.Map);
        reopened.WaitForAssertion(() => Assert.Empty(reopened.FindAll("[data-lane-head='evidence']")));
        Assert.NotEmpty(reopened.FindAll("[data-lane-head='channels']"));
        await using var check = factory.OpenDb();
        Assert.DoesNotContain(JourneyLanes.Evidence, (await check.Journeys.SingleAsync(j => j.Id == seeded.Map)).Lanes);
    }

    [Fact]
    public async Task New_events_refresh_the_open_map_within_a_few_seconds()
    {
        var (seeded, call, _) = await MapAsync("live");
        await SendAsync(Event("v1", 1, 0, call, "phone"));
        using var host = new PageHost(factory, WorkspaceRole.Viewer);
        var page = Open(host, seeded.Map);
        page.WaitForAssertion(() => Assert.Equal("1", Reached(page, seeded.CallStep)));

        await SendAsync(Event("v2", 1, 30, call, "phone"), Event("v3", 1, 35, call, "phone"));

        page.WaitForAssertion(() => Assert.Equal("3", Reached(page, seeded.CallStep)), TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task An_editor_adopts_a_discovered_touchpoint_into_the_inventory_with_its_key_and_it_leaves_the_list()
    {
        var (seeded, call, _) = await MapAsync("adopt");
        await SendAsync(Event("a1", 1, 0, call, "phone"), Event("a1", 1, 10, "kiosk-adopt", "store"), Event("a2", 1, 0, "kiosk-adopt", "store"));
        using var host = new PageHost(factory, WorkspaceRole.Editor);
        var page = Open(host, seeded.Map);
        page.WaitForElement("[data-testid=discovered-toggle]").Click();

        var row = page.WaitForElement("[data-discovered='kiosk-adopt']");
        Assert.Contains("2", row.QuerySelectorAll("td")[1].TextContent);
        page.Find("[data-discovered='kiosk-adopt'] input").Change("Store kiosk");
        page.Find("[data-discovered='kiosk-adopt'] select[id$=channel]").Change(seeded.PhoneChannel.ToString());
        page.Find("[data-discovered='kiosk-adopt'] select[id$=category]").Change(nameof(TouchpointCategory.PointOfSale));
        await page.Find("[data-discovered='kiosk-adopt'] [data-testid=adopt]").ClickAsync();

        await using var db = factory.OpenDb();
        var adopted = await db.Touchpoints.SingleAsync(t => t.WorkspaceId == factory.DemoId && t.EventKey == "kiosk-adopt");
        Assert.Equal(("Store kiosk", seeded.PhoneChannel, TouchpointCategory.PointOfSale), (adopted.Name, adopted.ChannelId, adopted.Category));
        page.WaitForAssertion(() => Assert.Empty(page.FindAll("[data-discovered='kiosk-adopt']")));
        Assert.Contains(host.Messages, m => m.Contains("“Store kiosk” was added to the inventory"));
    }

    [Fact]
    public async Task Viewers_see_the_discovered_touchpoints_without_a_way_to_adopt_them()
    {
        var (seeded, _, _) = await MapAsync("viewer");
        await SendAsync(Event("w1", 1, 0, "kiosk-viewer", "store"));
        using var host = new PageHost(factory, WorkspaceRole.Viewer);
        var page = Open(host, seeded.Map);
        page.WaitForElement("[data-testid=discovered-toggle]").Click();

        page.WaitForElement("[data-discovered='kiosk-viewer']");
        Assert.Empty(page.FindAll("[data-testid=adopt]"));
        Assert.Contains("Editors can add them to the inventory", page.Find("[data-testid=discovered-touchpoints]").TextContent);
    }
}
