using Bunit;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Waymark.Domain.Journeys;
using Waymark.Domain.Touchpoints;
using Waymark.Storage.Access;
using Waymark.Ui.Tests.Support;
using Waymark.Web.Components.Pages.Journeys;

namespace Waymark.Ui.Tests.Journeys;

/// <summary>An event log uploaded on a map's real-journeys page and held against that map; nothing is stored.</summary>
[Collection(UiCollection.Name)]
public sealed class RealJourneysTests(UiFactory factory)
{
    /// <summary>
    /// Stage "Orientation": "Sees the offer" (web visit), "Asks a question" (chat); stage "Purchase": "Orders" (order),
    /// "Tells friends" (no touchpoint, so not checked). Event keys carry <paramref name="k"/> so tests do not share them.
    /// </summary>
    private async Task<Guid> SeedAsync(string k)
    {
        await using var db = factory.OpenDb();
        var ws = factory.DemoId;
        var channel = await db.Channels.Where(c => c.WorkspaceId == ws).Select(c => c.Id).FirstAsync();
        Touchpoint Tp(string name, string key) => new(ws, new TouchpointProfile($"{name} ({k})", channel, TouchpointCategory.ECommerce, EventKey: key));
        var web = Tp("Offer page", $"{k}web");
        var chat = Tp("Chat", $"{k}chat");
        var order = Tp("Checkout", $"{k}order");
        db.Touchpoints.AddRange(web, chat, order);
        var journey = new Journey(ws, $"Real journeys {k}", JourneyScenario.RepeatPurchase);
        var orientation = journey.AddStage("Orientation");
        var purchase = journey.AddStage("Purchase");
        journey.AddStep(orientation.Id, new StepContent("Sees the offer", TouchpointIds: [web.Id]));
        journey.AddStep(orientation.Id, new StepContent("Asks a question", TouchpointIds: [chat.Id]));
        journey.AddStep(purchase.Id, new StepContent("Orders", TouchpointIds: [order.Id]));
        journey.AddStep(purchase.Id, new StepContent("Tells friends"));
        db.Journeys.Add(journey);
        await db.SaveChangesAsync();
        return journey.Id;
    }

    /// <summary>A page host with the circuit's memory of analyses (scoped in the app, one per host here).</summary>
    private PageHost Host(WorkspaceRole role)
    {
        var host = new PageHost(factory, role);
        host.Context.Services.AddScoped<Waymark.Web.Features.Journeys.RealJourneysMemory>();
        return host;
    }

    private static IRenderedComponent<RealJourneysPage> Open(PageHost host, Guid id)
    {
        var page = host.Context.Render<RealJourneysPage>(p => p.Add(x => x.Ws, "demo").Add(x => x.Id, id));
        page.WaitForElement("#event-log");
        return page;
    }

    private static string Text(IRenderedComponent<RealJourneysPage> page, string selector) => page.Find(selector).TextContent.Trim();

    /// <summary>
    /// c1 follows the map; c2 skips the chat; c3 skips the chat, calls (not on the map), orders and comes back to the
    /// offer page (a step already done); c4 chats before the web visit and never orders.
    /// </summary>
    private static string Log(string k) => $"""
        customer,time,touchpoint,channel
        c1,2025-03-01T10:00:00Z,{k}web,web
        c1,2025-03-01T10:05:00Z,{k}chat,chat
        c1,2025-03-01T10:10:00Z,{k}order,web
        c2,2025-03-02T09:00:00Z,{k}web,web
        c2,2025-03-02T09:30:00Z,{k}order,web
        c3,2025-03-03T08:00:00Z,{k}web,web
        c3,2025-03-03T08:10:00Z,{k}phone,phone
        c3,2025-03-03T08:20:00Z,{k}order,web
        c3,2025-03-03T08:25:00Z,{k}web,web
        c4,2025-03-04T12:00:00Z,{k}chat,chat
        c4,2025-03-04T12:05:00Z,{k}web,web
        """;

    [Fact]
    public async Task An_uploaded_log_is_counted_and_each_step_of_the_map_shows_how_many_journeys_met_it_in_order_out_of_order_or_not_at_all()
    {
        var id = await SeedAsync("rj1-");
        using var host = Host(WorkspaceRole.Editor);
        var page = Open(host, id);
        Assert.Contains("Nothing is stored", page.Markup);
        Assert.Contains("Tells friends", Text(page, "[data-testid=unchecked-steps]"));
        Assert.Equal("3 steps", Text(page, "[data-testid=checked-steps]"));

        page.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromText(Log("rj1-"), "march.csv"));

        page.WaitForElement("[data-testid=real-results]", TimeSpan.FromSeconds(20));
        Assert.Equal("4", Text(page, "[data-testid=journey-count]"));
        Assert.Equal("11 events", Text(page, "[data-testid=event-count]"));
        Assert.StartsWith("4 journeys from 11 events in march.csv", Text(page, "[data-testid=journey-source]"));
        Assert.Equal("Most common paths (4 different ones)", Text(page, "[data-testid=variants-title]"));
        Assert.Contains("does exactly what the map says scores 1", Text(page, "[data-testid=fitness-explained]"));
        Assert.Equal("25 %", Text(page, "[data-testid=conformance-rate]"));
        // Fitness 1 − cost / (events + 3 steps): c1 1, c2 1 − 1/5, c3 1 − 3/7, c4 1 − 3/5; mean 0.69.
        Assert.Equal("0.69", Text(page, "[data-testid=average-fitness]"));
        var rows = page.FindAll("[data-testid=step-checks] tbody tr")
            .Select(tr => string.Join(" | ", tr.QuerySelectorAll("td").Select(td => td.TextContent.Trim())))
            .ToList();
        // In order / out of order / skipped: c4's chat comes before its web visit, so the best alignment keeps the chat
        // in place and c4's web visit is out of the map's order; c2 and c3 never chat; c4 never orders.
        Assert.Equal([
            "Orientation | Sees the offer | rj1-web | 3 (75 %) | 1 (25 %) | 0 (0 %)",
            "Orientation | Asks a question | rj1-chat | 2 (50 %) | 0 (0 %) | 2 (50 %)",
            "Purchase | Orders | rj1-order | 3 (75 %) | 0 (0 %) | 1 (25 %)",
        ], rows);
        Assert.Equal(["“rj1-phone” is not on the map: once",
                "“rj1-web” came out of the map's order (it belongs in Orientation): once", "“rj1-web” repeated a step already done: once"],
            page.FindAll("[data-testid=deviations] li").Select(li => li.TextContent.Trim()).Order(StringComparer.Ordinal));
        Assert.Equal(4, page.FindAll("[data-testid=variants] tbody tr").Count);
        Assert.NotNull(page.Find(".wm-real-dfg svg"));
    }

    [Fact]
    public async Task A_file_that_cannot_be_read_says_which_line_and_field_instead_of_failing_the_page()
    {
        var id = await SeedAsync("rj2-");
        using var host = Host(WorkspaceRole.Editor);
        var page = Open(host, id);

        page.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromText(
            "customer,time,touchpoint\nc1,2025-03-01T10:00:00Z,rj2-web\nc1,next tuesday,rj2-chat\n", "broken.csv"));

        page.WaitForElement("[data-testid=read-error]", TimeSpan.FromSeconds(20));
        var error = Text(page, "[data-testid=read-error]");
        Assert.StartsWith("broken.csv could not be read at line 3, field “time”", error);
        Assert.Empty(page.FindAll("[data-testid=real-results]"));
    }

    [Fact]
    public async Task A_viewer_finds_the_page_from_the_map_and_can_analyse_a_log_there()
    {
        var id = await SeedAsync("rj3-");
        using var host = Host(WorkspaceRole.Viewer);
        var map = host.Context.Render<JourneyMap>(p => p.Add(x => x.Ws, "demo").Add(x => x.Id, id));
        map.WaitForElement("[data-testid=map-header]");
        Assert.Equal($"/w/demo/journeys/{id}/real", map.Find("[data-testid=real-journeys-link]").GetAttribute("href"));

        var page = Open(host, id);
        page.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromText(Log("rj3-"), "march.csv"));

        page.WaitForElement("[data-testid=real-results]", TimeSpan.FromSeconds(20));
        Assert.Equal("4", Text(page, "[data-testid=journey-count]"));
        Assert.Empty(page.FindAll("[data-testid=read-only]"));
    }

    [Fact]
    public async Task A_log_with_its_own_column_names_is_read_through_the_column_mapping()
    {
        var id = await SeedAsync("rj4-");
        using var host = Host(WorkspaceRole.Viewer);
        var page = Open(host, id);
        const string export = """
            Kunde;Zeitpunkt;Kontaktpunkt
            k1;01.03.2025 10:00;rj4-web
            k1;01.03.2025 10:05;rj4-chat
            k1;01.03.2025 10:10;rj4-order
            k2;02.03.2025 09:00;rj4-order
            """;

        page.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromText(export.Replace(';', ','), "crm-export.csv"));
        page.WaitForElement("[data-testid=read-error]", TimeSpan.FromSeconds(20));
        Assert.Contains("customer", Text(page, "[data-testid=read-error]"));

        page.Find("#event-columns").Change("customer=Kunde,time=Zeitpunkt,touchpoint=Kontaktpunkt,timeFormat=dd.MM.yyyy HH:mm,timeZone=Europe/Berlin");
        page.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromText(export.Replace(';', ','), "crm-export.csv"));
        page.WaitForElement("[data-testid=real-results]", TimeSpan.FromSeconds(20));
        Assert.Equal("2", Text(page, "[data-testid=journey-count]"));
        Assert.Equal("4 events", Text(page, "[data-testid=event-count]"));
        Assert.Equal("50 %", Text(page, "[data-testid=conformance-rate]"));
    }

    [Fact]
    public async Task Every_customer_passing_every_touchpoint_of_every_step_in_order_follows_the_map_exactly()
    {
        // Issue 9: steps with several touchpoints, each customer uses all of them, step after step.
        await using var db = factory.OpenDb();
        var ws = factory.DemoId;
        var channel = await db.Channels.Where(c => c.WorkspaceId == ws).Select(c => c.Id).FirstAsync();
        Touchpoint Tp(string key) => new(ws, new TouchpointProfile($"{key} (rj5)", channel, TouchpointCategory.ECommerce, EventKey: key));
        var tps = new[] { "rj5-ad", "rj5-web", "rj5-cart", "rj5-pay", "rj5-mail", "rj5-track", "rj5-deliver" }.Select(Tp).ToArray();
        db.Touchpoints.AddRange(tps);
        var journey = new Journey(ws, "Real journeys rj5", JourneyScenario.RepeatPurchase);
        var stage = journey.AddStage("All of it");
        journey.AddStep(stage.Id, new StepContent("Notice", TouchpointIds: [tps[0].Id]));
        journey.AddStep(stage.Id, new StepContent("Order", TouchpointIds: [tps[1].Id, tps[2].Id, tps[3].Id]));
        journey.AddStep(stage.Id, new StepContent("Receive", TouchpointIds: [tps[4].Id, tps[5].Id, tps[6].Id]));
        db.Journeys.Add(journey);
        await db.SaveChangesAsync();
        var log = new System.Text.StringBuilder("customer,time,touchpoint\n");
        foreach (var c in new[] { "a", "b", "c", "d", "e" })
            for (var i = 0; i < tps.Length; i++) log.Append($"{c},2025-03-01T10:{i:D2}:00Z,{tps[i].EventKey}\n");

        using var host = Host(WorkspaceRole.Viewer);
        var page = Open(host, journey.Id);
        page.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromText(log.ToString(), "all.csv"));
        page.WaitForElement("[data-testid=real-results]", TimeSpan.FromSeconds(20));

        Assert.Equal("100 %", Text(page, "[data-testid=conformance-rate]"));
        Assert.Equal("1.00", Text(page, "[data-testid=average-fitness]"));
        Assert.Empty(page.FindAll("[data-testid=deviations] li"));
        Assert.All(page.FindAll("[data-testid=in-order]"), td => Assert.Equal("5 (100 %)", td.TextContent.Trim()));
        Assert.Equal("Most common paths (1 different one)", Text(page, "[data-testid=variants-title]"));
    }

    [Fact]
    public async Task One_journey_and_one_event_are_counted_in_the_singular()
    {
        var id = await SeedAsync("rj6-");
        using var host = Host(WorkspaceRole.Viewer);
        var page = Open(host, id);
        page.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromText("customer,time,touchpoint\nc1,2025-03-01T10:00:00Z,rj6-web\n", "one.csv"));
        page.WaitForElement("[data-testid=real-results]", TimeSpan.FromSeconds(20));
        Assert.StartsWith("1 journey from 1 event in one.csv", Text(page, "[data-testid=journey-source]"));
        Assert.Equal("Most common paths (1 different one)", Text(page, "[data-testid=variants-title]"));
    }

    [Fact]
    public async Task Coming_back_to_the_page_shows_the_last_analysis_again_until_it_is_cleared()
    {
        var id = await SeedAsync("rj7-");
        using var host = Host(WorkspaceRole.Viewer);
        var page = Open(host, id);
        page.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromText(Log("rj7-"), "march.csv"));
        page.WaitForElement("[data-testid=real-results]", TimeSpan.FromSeconds(20));
        await host.Context.DisposeComponentsAsync(); // the person leaves the page

        var again = Open(host, id);
        again.WaitForElement("[data-testid=real-results]");
        Assert.Equal("4", Text(again, "[data-testid=journey-count]"));
        Assert.Contains("march.csv", Text(again, "[data-testid=journey-source]"));

        again.Find("[data-testid=clear-results]").Click();
        Assert.Empty(again.FindAll("[data-testid=real-results]"));
        await host.Context.DisposeComponentsAsync();
        var third = Open(host, id);
        Assert.Empty(third.FindAll("[data-testid=real-results]"));
    }

    [Fact]
    public void Only_the_last_few_maps_are_remembered()
    {
        var memory = new Waymark.Web.Features.Journeys.RealJourneysMemory();
        var maps = Enumerable.Range(0, Waymark.Web.Features.Journeys.RealJourneysMemory.Capacity + 1).Select(_ => Guid.NewGuid()).ToList();
        var result = new Waymark.Web.Features.Journeys.RealJourneys.Result(Waymark.Analytics.Metrics.JourneyAnalyzer.Analyze(
            new Waymark.Analytics.Model.EventLogBuilder().Build(Waymark.Analytics.Model.JourneyKey.Customer)), []);
        foreach (var map in maps) memory.Keep(map, new(map.ToString(), result, ""));
        Assert.Null(memory.Recall(maps[0]));
        Assert.All(maps.Skip(1), m => Assert.Equal(m.ToString(), memory.Recall(m)!.FileName));
    }

    [Fact]
    public async Task A_deeply_nested_xes_file_is_refused_with_a_clear_error_and_the_page_stays_usable()
    {
        var id = await SeedAsync("rj8-");
        using var host = Host(WorkspaceRole.Viewer);
        var page = Open(host, id);
        var xes = "<log><trace><string key=\"concept:name\" value=\"t1\"/><event><string key=\"concept:name\" value=\"rj8-web\"/>"
                  + string.Concat(Enumerable.Repeat("<int key=\"lvl\" value=\"1\">", 10_000)) + string.Concat(Enumerable.Repeat("</int>", 10_000)) + "</event></trace></log>";

        page.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromText(xes, "nested.xes"));

        page.WaitForElement("[data-testid=read-error]", TimeSpan.FromSeconds(20));
        Assert.StartsWith("nested.xes could not be read at trace 1, event 1", Text(page, "[data-testid=read-error]"));
        Assert.Contains("nested more than 100 levels deep", Text(page, "[data-testid=read-error]"));
        page.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromText(Log("rj8-"), "march.csv"));
        page.WaitForElement("[data-testid=real-results]", TimeSpan.FromSeconds(20));
    }

    [Fact]
    public async Task The_flow_graph_scrolls_in_a_region_the_keyboard_can_reach()
    {
        var id = await SeedAsync("rj9-");
        using var host = Host(WorkspaceRole.Viewer);
        var page = Open(host, id);
        page.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromText(Log("rj9-"), "march.csv"));
        page.WaitForElement("[data-testid=real-results]", TimeSpan.FromSeconds(20));
        var region = page.Find(".wm-real-dfg .scroll");
        Assert.Equal("0", region.GetAttribute("tabindex"));
        Assert.Equal("region", region.GetAttribute("role"));
        Assert.False(string.IsNullOrWhiteSpace(region.GetAttribute("aria-label")));
    }

    [Fact]
    public async Task A_steps_waiting_time_on_the_map_reads_in_days_with_an_icon_not_an_emoji()
    {
        await using (var db = factory.OpenDb())
        {
            var journey = new Journey(factory.DemoId, "Waiting rj10", JourneyScenario.RepeatPurchase);
            journey.ShowLanes([JourneyLanes.Actions, JourneyLanes.Backstage]);
            var stage = journey.AddStage("Delivery");
            journey.AddStep(stage.Id, new StepContent("Waits for the parcel", WaitingMinutes: 2880));
            db.Journeys.Add(journey);
            await db.SaveChangesAsync();
            using var host = Host(WorkspaceRole.Viewer);
            var map = host.Context.Render<JourneyMap>(p => p.Add(x => x.Ws, "demo").Add(x => x.Id, journey.Id));
            var waiting = map.WaitForElement("[data-testid=step-waiting]");
            Assert.Equal("waits 2 days", waiting.TextContent.Trim());
            Assert.NotNull(waiting.QuerySelector("svg[aria-hidden=true]"));
            Assert.DoesNotContain("⏱", waiting.TextContent);
        }
    }
}
