using Bunit;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.EntityFrameworkCore;
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

    private static IRenderedComponent<RealJourneysPage> Open(PageHost host, Guid id)
    {
        var page = host.Context.Render<RealJourneysPage>(p => p.Add(x => x.Ws, "demo").Add(x => x.Id, id));
        page.WaitForElement("#event-log");
        return page;
    }

    private static string Text(IRenderedComponent<RealJourneysPage> page, string selector) => page.Find(selector).TextContent.Trim();

    /// <summary>
    /// c1 follows the map; c2 skips the chat; c3 skips the chat, calls (not on the map) and orders twice; c4 chats
    /// before the web visit and never orders.
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
        c3,2025-03-03T08:25:00Z,{k}order,web
        c4,2025-03-04T12:00:00Z,{k}chat,chat
        c4,2025-03-04T12:05:00Z,{k}web,web
        """;

    [Fact]
    public async Task An_uploaded_log_is_counted_and_each_step_of_the_map_shows_how_many_journeys_met_it_in_order_out_of_order_or_not_at_all()
    {
        var id = await SeedAsync("rj1-");
        using var host = new PageHost(factory, WorkspaceRole.Editor);
        var page = Open(host, id);
        Assert.Contains("Nothing is stored", page.Markup);
        Assert.Contains("Tells friends", Text(page, "[data-testid=unchecked-steps]"));

        page.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromText(Log("rj1-"), "march.csv"));

        page.WaitForElement("[data-testid=real-results]", TimeSpan.FromSeconds(20));
        Assert.Equal("4", Text(page, "[data-testid=journey-count]"));
        Assert.Equal("11", Text(page, "[data-testid=event-count]"));
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
        Assert.Equal(["“rj1-order” repeated a step already done: once", "“rj1-phone” is not on the map: once",
                "“rj1-web” came out of the map's order (it belongs in Orientation): once"],
            page.FindAll("[data-testid=deviations] li").Select(li => li.TextContent.Trim()).Order(StringComparer.Ordinal));
        Assert.Equal(4, page.FindAll("[data-testid=variants] tbody tr").Count);
        Assert.NotNull(page.Find(".wm-real-dfg svg"));
    }

    [Fact]
    public async Task A_file_that_cannot_be_read_says_which_line_and_field_instead_of_failing_the_page()
    {
        var id = await SeedAsync("rj2-");
        using var host = new PageHost(factory, WorkspaceRole.Editor);
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
        using var host = new PageHost(factory, WorkspaceRole.Viewer);
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
        using var host = new PageHost(factory, WorkspaceRole.Viewer);
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
        Assert.Equal("4", Text(page, "[data-testid=event-count]"));
        Assert.Equal("50 %", Text(page, "[data-testid=conformance-rate]"));
    }
}
