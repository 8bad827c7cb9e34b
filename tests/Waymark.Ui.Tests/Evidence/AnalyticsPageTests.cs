using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Waymark.Domain.Events;
using Waymark.Domain.Journeys;
using Waymark.Domain.Organisation;
using Waymark.Domain.Touchpoints;
using Waymark.Domain.Workspaces;
using Waymark.Storage.Access;
using Waymark.Storage.Interactions;
using Waymark.Ui.Tests.Support;
using Waymark.Web.Access;
using Waymark.Web.Components.Pages.Evidence;
using Waymark.Web.Features.Evidence;

namespace Waymark.Ui.Tests.Evidence;

/// <summary>
/// The journey analytics page and the customer timeline on a workspace of their own with twelve events in November
/// 2026 (figures counted by hand below), so that no other test's events change them.
/// </summary>
[Collection(UiCollection.Name)]
public sealed class AnalyticsPageTests(UiFactory factory)
{
    private const string November = "period=custom&from=2026-11-01&to=2026-11-30";

    private static DateTime At(int day, int hour, int minute = 0) => new(2026, 11, day, hour, minute, 0, DateTimeKind.Utc);

    private static InteractionEvent E(string customer, DateTime at, string touchpoint, string channel, string? outcome = null, bool family = false) =>
        new(customer, at, touchpoint, channel) { Outcome = outcome, Attributes = family ? """{"persona":"Family"}""" : null };

    /// <summary>
    /// Five journeys: anna web → call (unresolved) → chat 24.5 hours later (resolved; lost context); ben web → call
    /// (unresolved); cara web → call (unresolved) → chat five days later; dan web → call (resolved), and two weeks later
    /// web → product page. anna and ben are "Family". Hand counts: 12 events; variants web→call (ben, dan) 2,
    /// web→call→chat (anna, cara) 2, web→product page 1; service contacts in 4 journeys, the first resolved only in dan's:
    /// FCR 25 %; contacted again within 7 days: anna, cara: 50 %; 7 consecutive pairs, 6 of them switches: 85.7 %;
    /// website → phone 4 of 5 pairs out of website (80 %), website → website 1 (20 %), phone → chat 2 of 2 (100 %).
    /// </summary>
    private static readonly InteractionEvent[] Events =
    [
        E("anna", At(2, 9), "web-visit", "website", family: true),
        E("anna", At(2, 9, 30), "support-call", "phone", "unresolved", family: true) with { Agent = "Mia", WaitingSeconds = 120 },
        E("anna", At(3, 10), "support-chat", "chat", "resolved", family: true),
        E("ben", At(4, 12), "web-visit", "website", family: true),
        E("ben", At(4, 12, 10), "support-call", "phone", "unresolved", family: true),
        E("cara", At(5, 8), "web-visit", "website"),
        E("cara", At(5, 8, 20), "support-call", "phone", "unresolved"),
        E("cara", At(10, 8), "support-chat", "chat", "resolved"),
        E("dan", At(6, 15), "web-visit", "website"),
        E("dan", At(6, 15, 10), "support-call", "phone", "resolved"),
        E("dan", At(20, 10), "web-visit", "website"),
        E("dan", At(20, 10, 5), "product-page", "website"),
    ];

    /// <summary>A new workspace where the page tests' owner and viewer have their roles; with the events and a map unless <paramref name="empty"/>.</summary>
    private async Task<(string Key, Guid Map)> WorkspaceAsync(bool empty = false)
    {
        factory.PrincipalOf(WorkspaceRole.Owner);
        factory.PrincipalOf(WorkspaceRole.Viewer);
        await using var db = factory.OpenDb();
        var ws = new Workspace("ev-" + Guid.NewGuid().ToString("N")[..10], "Evidence");
        db.Workspaces.Add(ws);
        var channel = new Channel(ws.Id, "Website", ChannelKind.Digital, ChannelReach.Direct);
        db.Channels.Add(channel);
        Touchpoint Tp(string name, string key) => new(ws.Id, new TouchpointProfile(name, channel.Id, TouchpointCategory.ECommerce, EventKey: key));
        var web = Tp("Web visit", "web-visit");
        var call = Tp("Support call", "support-call");
        db.Touchpoints.AddRange(web, call);
        var journey = new Journey(ws.Id, "Service case", JourneyScenario.ServiceCase);
        var stage = journey.AddStage("Help");
        journey.AddStep(stage.Id, new StepContent("Looks online", TouchpointIds: [web.Id]));
        journey.AddStep(stage.Id, new StepContent("Calls", TouchpointIds: [call.Id]));
        db.Journeys.Add(journey);
        await db.SaveChangesAsync();
        foreach (var (email, role) in new[] { (UiFactory.OwnerEmail, WorkspaceRole.Owner), (UiFactory.ViewerEmail, WorkspaceRole.Viewer) })
        {
            var user = await db.Users.SingleAsync(u => u.Email == email);
            await Accounts.GrantAsync(db, ws.Id, user.Id, role, TimeProvider.System, default);
        }
        if (!empty) await EventStore.For(db).AppendAsync(ws.Id, Events);
        return (ws.Key, journey.Id);
    }

    private PageHost Host(WorkspaceRole role)
    {
        var host = new PageHost(factory, role);
        host.Context.Services.AddSingleton(factory.Services.GetRequiredService<EventAnalytics>());
        return host;
    }

    private static IRenderedComponent<AnalyticsPage> Open(PageHost host, string ws, string query)
    {
        host.Context.Services.GetRequiredService<NavigationManager>().NavigateTo($"/w/{ws}/analytics?{query}");
        var page = host.Context.Render<AnalyticsPage>(p => p.Add(x => x.Ws, ws));
        page.WaitForAssertion(() => Assert.True(page.FindAll("[data-testid=key-figures], [data-testid=no-events], [data-testid=no-journeys]").Count > 0), TimeSpan.FromSeconds(20));
        return page;
    }

    private static string Text(IRenderedComponent<AnalyticsPage> page, string selector) => page.Find(selector).TextContent.Trim();

    [Fact]
    public async Task The_key_figures_variants_and_channel_switch_matrix_are_counted_from_the_periods_events()
    {
        var (ws, _) = await WorkspaceAsync();
        using var host = Host(WorkspaceRole.Owner);
        var page = Open(host, ws, November);

        Assert.Equal("5", Text(page, "[data-testid=fig-journeys]"));
        Assert.Contains("12 events", page.Find("[data-testid=key-figures]").TextContent);
        Assert.Equal("25 %", Text(page, "[data-testid=fig-fcr]"));
        Assert.Equal("50 %", Text(page, "[data-testid=fig-repeat]"));
        Assert.Equal("85.7 %", Text(page, "[data-testid=fig-switch]"));
        Assert.Contains("1 Nov 2026 – 30 Nov 2026", Text(page, "[data-testid=period-text]"));

        var rows = page.FindAll("[data-testid=variants] tbody tr").Select(r => r.QuerySelectorAll("td").Select(td => td.TextContent.Trim()).Take(3).ToList()).ToList();
        Assert.Equal(3, rows.Count);
        Assert.Contains(["2", "40 %", "web-visit → support-call → support-chat"], rows);
        Assert.Contains(["2", "40 %", "web-visit → support-call"], rows);
        Assert.Equal(["1", "20 %", "web-visit → product-page"], rows[2]);
        Assert.Contains("Most common paths (3 variants)", page.Markup);

        string Cell(string from, string to) => string.Join(" ", page.Find($"[data-testid=switch-matrix] td[data-from={from}][data-to={to}]").TextContent.Split((char[])[' ', '\n'], StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal("4 80 %", Cell("website", "phone"));
        Assert.Equal("1 20 %", Cell("website", "website"));
        Assert.Equal("2 100 %", Cell("phone", "chat"));
        Assert.Equal("0 0 %", Cell("chat", "phone"));
        // Each counted cell leads to its customers, and says so in words.
        Assert.Contains("aria-label=\"website to phone: 4 times, 80 %; example customers\"", page.Markup);

        Assert.Contains("aria-label=\"Channel flows from one contact to the next\"", page.Find("[data-testid=sankey]").InnerHtml);
        Assert.Contains($"href=\"/w/{ws}/analytics?period=custom&amp;from=2026-11-01&amp;to=2026-11-30&amp;drill=edge&amp;of=web-visit&amp;of=support-call\"", page.Find("[data-testid=dfg]").InnerHtml);
    }

    [Fact]
    public async Task A_variants_drill_down_lists_the_customers_who_took_it_with_links_to_their_timelines()
    {
        var (ws, _) = await WorkspaceAsync();
        using var host = Host(WorkspaceRole.Owner);
        var page = Open(host, ws, November);
        var link = page.FindAll("[data-testid=variants] tbody tr").Single(r => r.TextContent.Contains("support-chat")).QuerySelector("a")!.GetAttribute("href")!;
        Assert.EndsWith("drill=variant&of=web-visit&of=support-call&of=support-chat", link);

        using var drilled = Host(WorkspaceRole.Owner);
        var examples = Open(drilled, ws, link[(link.IndexOf('?') + 1)..]);

        examples.WaitForElement("[data-testid=example-list]");
        Assert.Equal(["anna", "cara"], examples.FindAll("[data-testid=example-list] a").Select(a => a.TextContent));
        Assert.Equal($"/w/{ws}/customers/anna", examples.Find("[data-testid=example-list] a").GetAttribute("href"));
        Assert.Contains("the path web-visit → support-call → support-chat", Text(examples, "#examples-title"));
    }

    [Fact]
    public async Task Customers_whose_ids_hold_slashes_or_url_characters_link_to_timelines_that_open()
    {
        var (ws, _) = await WorkspaceAsync(empty: true);
        string[] customers = ["shop/DE/4711", "50% off? #2"];
        await using (var db = factory.OpenDb())
            await EventStore.For(db).AppendAsync((await db.Workspaces.SingleAsync(w => w.Key == ws)).Id,
                customers.SelectMany((c, i) => new[] { E(c, At(2 + i, 9), "web-visit", "website"), E(c, At(2 + i, 9, 5), "product-page", "website") }).ToArray());
        using var host = Host(WorkspaceRole.Owner);

        var examples = Open(host, ws, November + "&drill=variant&of=web-visit&of=product-page");

        examples.WaitForElement("[data-testid=example-list]");
        // Slashes stay slashes for the page's catch-all route; everything else that means something in an address is escaped.
        Assert.Equal([$"/w/{ws}/customers/shop/DE/4711", $"/w/{ws}/customers/50%25%20off%3F%20%232"],
            examples.FindAll("[data-testid=example-list] a").Select(a => a.GetAttribute("href")));
        foreach (var customer in customers)
        {
            using var timelineHost = Host(WorkspaceRole.Owner);
            var timeline = timelineHost.Context.Render<CustomerTimelinePage>(p => p.Add(x => x.Ws, ws).Add(x => x.Customer, customer));
            timeline.WaitForElement("[data-testid=timeline-event]");
            Assert.Equal($"Customer {customer}", timeline.Find("h1").TextContent);
        }
        // The page's route takes the rest of the address, so every part of such an id reaches it.
        Assert.Contains(typeof(CustomerTimelinePage).GetCustomAttributes(typeof(RouteAttribute), false).Cast<RouteAttribute>(), r => r.Template == "/w/{Ws}/customers/{*Customer}");
    }

    [Fact]
    public async Task The_funnel_counts_journeys_reaching_each_chosen_touchpoint_in_order_and_the_builder_adds_steps_to_the_address()
    {
        var (ws, _) = await WorkspaceAsync();
        using var host = Host(WorkspaceRole.Owner);
        var page = Open(host, ws, November + "&step=web-visit&step=support-chat");

        page.WaitForElement("[data-testid=funnel-steps]");
        Assert.Equal(["5", "2"], page.FindAll("[data-testid=funnel-steps] [data-testid=reached]").Select(c => c.TextContent.Trim()));
        Assert.Equal(["0 (0 %)", "3 (60 %)"], page.FindAll("[data-testid=funnel-steps] [data-testid=dropped]").Select(c => string.Join(" ", c.TextContent.Split((char[])[' ', '\n'], StringSplitOptions.RemoveEmptyEntries))));

        await page.Find("#funnel-touchpoint").ChangeAsync(new ChangeEventArgs { Value = "product-page" });
        await page.Find("[data-testid=add-step]").ClickAsync(new());
        var nav = host.Context.Services.GetRequiredService<NavigationManager>();
        Assert.EndsWith("step=web-visit&step=support-chat&step=product-page", nav.Uri);
    }

    [Fact]
    public async Task Filters_by_channel_and_persona_and_conformance_against_a_chosen_map_are_counted()
    {
        var (ws, map) = await WorkspaceAsync();
        using var host = Host(WorkspaceRole.Owner);

        Assert.Equal("4", Text(Open(host, ws, November + "&channel=phone"), "[data-testid=fig-journeys]"));
        using var family = Host(WorkspaceRole.Owner);
        Assert.Equal("2", Text(Open(family, ws, November + "&persona=Family"), "[data-testid=fig-journeys]"));

        using var mapped = Host(WorkspaceRole.Owner);
        var page = Open(mapped, ws, November + $"&map={map}");
        // ben's and dan's first journeys do exactly the map's two steps; the others do more, or less.
        Assert.StartsWith("40 % of 5 journeys follow “Service case” exactly", Text(page, "[data-testid=conformance-summary]"));
        Assert.Equal(["Looks online", "Calls"], page.FindAll("[data-testid=step-fulfilment] tbody tr td:nth-child(2)").Select(c => c.TextContent));
    }

    [Fact]
    public async Task Viewers_see_the_figures_but_not_the_customers_behind_them()
    {
        var (ws, _) = await WorkspaceAsync();
        using var host = Host(WorkspaceRole.Viewer);
        var page = Open(host, ws, November + "&drill=variant&of=web-visit&of=support-call");

        Assert.Equal("5", Text(page, "[data-testid=fig-journeys]"));
        Assert.Empty(page.FindAll("[data-testid=variant-examples]"));
        Assert.Empty(page.FindAll("[data-testid=example-list]"));
        Assert.DoesNotContain("drill=edge", page.Find("[data-testid=dfg]").InnerHtml);
        Assert.Contains("only editors and owners of the workspace see them", Text(page, "[data-testid=examples]"));
    }

    [Fact]
    public async Task A_workspace_without_events_says_how_events_get_in()
    {
        var (ws, _) = await WorkspaceAsync(empty: true);
        using var host = Host(WorkspaceRole.Owner);
        var page = Open(host, ws, "");

        var empty = Text(page, "[data-testid=no-events]");
        Assert.Contains($"POST /api/workspaces/{ws}/events", empty);
        Assert.Contains($"waymark ingest FILE --workspace {ws}", empty);
        Assert.Empty(page.FindAll("[data-testid=key-figures]"));
    }

    [Fact]
    public async Task Refreshing_shows_events_that_arrived_since_the_page_opened()
    {
        var (ws, _) = await WorkspaceAsync();
        using var host = Host(WorkspaceRole.Owner);
        var page = Open(host, ws, November);
        Assert.Equal("5", Text(page, "[data-testid=fig-journeys]"));
        await using (var db = factory.OpenDb())
        {
            var id = await db.Workspaces.Where(w => w.Key == ws).Select(w => w.Id).SingleAsync();
            await EventStore.For(db).AppendAsync(id, [E("eve", At(25, 9), "web-visit", "website")]);
        }

        await page.InvokeAsync(page.Instance.RefreshAsync);

        page.WaitForAssertion(() => Assert.Equal("6", Text(page, "[data-testid=fig-journeys]")));
    }

    [Fact]
    public void The_period_presets_cover_whole_days_up_to_today_and_last_month_whole()
    {
        var today = new DateOnly(2026, 12, 4);
        Assert.Equal((new DateOnly(2026, 11, 28), today), new AnalyticsView { Period = "7d" }.Days(today));
        Assert.Equal((new DateOnly(2026, 11, 5), today), new AnalyticsView().Days(today));
        Assert.Equal((new DateOnly(2026, 9, 6), today), new AnalyticsView { Period = "90d" }.Days(today));
        Assert.Equal((new DateOnly(2026, 12, 1), today), new AnalyticsView { Period = "month" }.Days(today));
        Assert.Equal((new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 30)), new AnalyticsView { Period = "last-month" }.Days(today));
        var custom = new AnalyticsView { Period = "custom", From = new DateOnly(2026, 3, 1), To = new DateOnly(2026, 3, 31), Channel = "phone & fax" };
        Assert.Equal("analytics?period=custom&from=2026-03-01&to=2026-03-31&channel=phone%20%26%20fax", custom.Href());
        Assert.Equal("analytics", new AnalyticsView().Href());
    }

    [Fact]
    public async Task A_customers_timeline_shows_their_events_in_journeys_and_marks_lost_context_and_viewers_do_not_see_it()
    {
        var (ws, _) = await WorkspaceAsync();
        using var host = Host(WorkspaceRole.Owner);
        var page = host.Context.Render<CustomerTimelinePage>(p => p.Add(x => x.Ws, ws).Add(x => x.Customer, "anna"));

        page.WaitForElement("[data-testid=timeline-event]");
        Assert.Equal("3 events in 1 journey across 3 channels; lost context once", string.Join(" ", page.Find("[data-testid=timeline-summary]").TextContent.Split((char[])[' ', '\n'], StringSplitOptions.RemoveEmptyEntries)));
        var rows = page.FindAll("[data-testid=timeline-event]");
        Assert.Equal(3, rows.Count);
        Assert.Contains("Mia", rows[1].TextContent);
        Assert.Contains("2 minutes", rows[1].TextContent);
        Assert.Contains("unresolved · not resolved", rows[1].TextContent);
        Assert.Equal("Lost context: 25 hours after an unresolved phone contact (support-call)", string.Join(" ", rows[2].QuerySelector("[data-testid=lost-context]")!.TextContent.Split((char[])[' ', '\n'], StringSplitOptions.RemoveEmptyEntries)));
        Assert.Contains("wm-lost-context", rows[2].ClassName);
        Assert.Contains("within 2 days after an unresolved one on another channel", page.Find("[data-testid=timeline-rule]").TextContent);

        using var dan = Host(WorkspaceRole.Owner);
        var two = dan.Context.Render<CustomerTimelinePage>(p => p.Add(x => x.Ws, ws).Add(x => x.Customer, "dan"));
        two.WaitForElement("[data-testid=timeline-journey]");
        Assert.Equal(2, two.FindAll("[data-testid=timeline-journey]").Count);
        Assert.Contains("no lost context", two.Find("[data-testid=timeline-summary]").TextContent);

        using var viewer = Host(WorkspaceRole.Viewer);
        var refused = viewer.Context.Render<CustomerTimelinePage>(p => p.Add(x => x.Ws, ws).Add(x => x.Customer, "anna"));
        refused.WaitForElement("[data-testid=timeline-refused]");
        Assert.Empty(refused.FindAll("[data-testid=timeline-event]"));
    }
}
