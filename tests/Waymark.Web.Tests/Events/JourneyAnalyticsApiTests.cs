using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Waymark.Storage.Access;
using Waymark.Web.Tests.Support;

namespace Waymark.Web.Tests.Events;

/// <summary>The customers behind the journey analytics over HTTP: example customers of a figure, one customer's timeline, and who may see them.</summary>
public sealed class JourneyAnalyticsApiTests(WaymarkApiFactory factory) : ApiTest(factory)
{
    /// <summary>
    /// Five journeys in November 2026: anna web → call (unresolved) → chat a day later (lost context); ben web → call
    /// (unresolved); cara web → call (unresolved) → chat five days later (not soon); dan web → call (resolved), and two
    /// weeks later (a new journey) web → product page.
    /// </summary>
    private const string Events = """
        {"customer":"anna","time":"2026-11-02T09:00:00Z","touchpoint":"web-visit","channel":"website","persona":"Family"}
        {"customer":"anna","time":"2026-11-02T09:30:00Z","touchpoint":"support-call","channel":"phone","outcome":"unresolved","agent":"Mia","waiting":120,"persona":"Family"}
        {"customer":"anna","time":"2026-11-03T10:00:00Z","touchpoint":"support-chat","channel":"chat","outcome":"resolved","score":2,"score_kind":"csat","persona":"Family"}
        {"customer":"ben","time":"2026-11-04T12:00:00Z","touchpoint":"web-visit","channel":"website","persona":"Family"}
        {"customer":"ben","time":"2026-11-04T12:10:00Z","touchpoint":"support-call","channel":"phone","outcome":"unresolved","persona":"Family"}
        {"customer":"cara","time":"2026-11-05T08:00:00Z","touchpoint":"web-visit","channel":"website"}
        {"customer":"cara","time":"2026-11-05T08:20:00Z","touchpoint":"support-call","channel":"phone","outcome":"unresolved"}
        {"customer":"cara","time":"2026-11-10T08:00:00Z","touchpoint":"support-chat","channel":"chat","outcome":"resolved"}
        {"customer":"dan","time":"2026-11-06T15:00:00Z","touchpoint":"web-visit","channel":"website"}
        {"customer":"dan","time":"2026-11-06T15:10:00Z","touchpoint":"support-call","channel":"phone","outcome":"resolved"}
        {"customer":"dan","time":"2026-11-20T10:00:00Z","touchpoint":"web-visit","channel":"website"}
        {"customer":"dan","time":"2026-11-20T10:05:00Z","touchpoint":"product-page","channel":"website"}
        """;

    private const string November = "from=2026-11-01&to=2026-11-30";

    private async Task SeedAsync()
    {
        var response = await Client.PostAsync($"{Api}/events", new StringContent(Events, Encoding.UTF8, "application/x-ndjson"));
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }

    private static List<string> Customers(JsonElement answer) =>
        answer.GetProperty("customers").EnumerateArray().Select(c => c.GetProperty("customer").GetString()!).ToList();

    [Fact]
    public async Task A_variant_an_edge_and_a_channel_switch_each_name_the_customers_who_took_them_earliest_first()
    {
        await SeedAsync();

        var variant = await GetOk($"{Api}/analytics/examples?{November}&kind=variant&of=web-visit&of=support-call&of=support-chat");
        Assert.Equal(["anna", "cara"], Customers(variant));
        Assert.Equal("variant", variant.GetProperty("kind").GetString());
        Assert.False(variant.GetProperty("more").GetBoolean());

        Assert.Equal(["anna", "ben", "cara", "dan"], Customers(await GetOk($"{Api}/analytics/examples?{November}&kind=edge&of=web-visit&of=support-call")));
        Assert.Equal(["anna", "cara"], Customers(await GetOk($"{Api}/analytics/examples?{November}&kind=switch&of=phone&of=chat")));
        // Staying in a channel is a cell of the matrix too; dan's second journey is the only one that does.
        var stay = await GetOk($"{Api}/analytics/examples?{November}&kind=switch&of=website&of=website");
        var dan = Assert.Single(stay.GetProperty("customers").EnumerateArray());
        Assert.Equal(("dan", 1, "2026-11-20T10:00:00Z"), (dan.GetProperty("customer").GetString(), dan.GetProperty("journeys").GetInt32(), dan.GetProperty("firstAt").GetDateTime().ToString("yyyy-MM-ddTHH:mm:ssZ")));
    }

    [Fact]
    public async Task The_period_and_filters_choose_the_journeys_as_the_analytics_do_and_the_limit_says_when_there_are_more()
    {
        await SeedAsync();

        // Until 19 November dan has one journey only; the product page comes later.
        Assert.Empty(Customers(await GetOk($"{Api}/analytics/examples?from=2026-11-01&to=2026-11-19&kind=switch&of=website&of=website")));
        Assert.Equal(["anna", "ben"], Customers(await GetOk($"{Api}/analytics/examples?{November}&persona=family&kind=edge&of=web-visit&of=support-call")));
        // Only the phone events: each journey is one call, so no edge from the web visit remains.
        Assert.Equal(["anna", "ben", "cara", "dan"], Customers(await GetOk($"{Api}/analytics/examples?{November}&channel=Phone&kind=variant&of=support-call")));
        var two = await GetOk($"{Api}/analytics/examples?{November}&kind=edge&of=web-visit&of=support-call&limit=2");
        Assert.Equal(["anna", "ben"], Customers(two));
        Assert.True(two.GetProperty("more").GetBoolean());
    }

    [Fact]
    public async Task A_drill_down_names_the_journeys_the_analytics_count_whole_from_the_day_they_start()
    {
        await SeedAsync();

        // cara's chat on 10 November continues her journey of 5 November: the 10th starts no journey, and the 5th's
        // journey holds the chat although it lies after the period.
        Assert.Equal(0, (await GetOk($"{Api}/analytics?from=2026-11-10&to=2026-11-10")).GetProperty("cases").GetInt32());
        Assert.Empty(Customers(await GetOk($"{Api}/analytics/examples?from=2026-11-10&to=2026-11-10&kind=variant&of=support-chat")));
        Assert.Equal(["cara"], Customers(await GetOk($"{Api}/analytics/examples?from=2026-11-05&to=2026-11-05&kind=edge&of=support-call&of=support-chat")));
    }

    [Fact]
    public async Task A_customer_timeline_cuts_a_journey_at_the_end_of_the_month_as_the_analytics_do()
    {
        var response = await Client.PostAsync($"{Api}/events", new StringContent("""
            {"customer":"eve","time":"2026-11-29T09:00:00Z","touchpoint":"web-visit","channel":"website"}
            {"customer":"eve","time":"2026-11-30T09:00:00Z","touchpoint":"support-call","channel":"phone","outcome":"unresolved"}
            {"customer":"eve","time":"2026-12-01T09:00:00Z","touchpoint":"support-chat","channel":"chat","outcome":"resolved"}
            """, Encoding.UTF8, "application/x-ndjson"));
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());

        var eve = await GetOk($"{Api}/customers/eve/timeline");
        Assert.Equal([2, 1], eve.GetProperty("journeys").EnumerateArray().Select(j => j.GetProperty("events").GetArrayLength()));
        Assert.Equal(1, (await GetOk($"{Api}/analytics?from=2026-12-01&to=2026-12-01")).GetProperty("cases").GetInt32());
    }

    [Fact]
    public async Task The_customer_timeline_marks_lost_context_by_the_workspaces_own_service_contacts()
    {
        await SeedAsync();
        // Only the phone counts as a service contact here: anna's chat after the unresolved call is no contact.
        var own = await PutOk($"{Api}/service-contacts", new { touchpoints = new[] { "support-call", "support-chat" }, channels = new[] { "phone" },
            resolvedOutcomes = new[] { "resolved" }, unresolvedOutcomes = new[] { "unresolved" } });

        var anna = await GetOk($"{Api}/customers/anna/timeline");
        Assert.Equal(0, anna.GetProperty("lostContexts").GetInt32());
        var events = Assert.Single(anna.GetProperty("journeys").EnumerateArray()).GetProperty("events").EnumerateArray().ToList();
        Assert.Equal([false, true, false], events.Select(e => e.GetProperty("contact").GetBoolean()));
        Assert.StartsWith(own.GetProperty("description").GetString()!, anna.GetProperty("rule").GetString());
    }

    [Fact]
    public async Task A_question_missing_a_day_or_the_kind_or_with_the_wrong_number_of_names_is_refused_naming_the_field()
    {
        Assert.Equal(["from"], ErrorFields(await Problem(await Client.GetAsync($"{Api}/analytics/examples?to=2026-11-30&kind=variant&of=a"), 400)));
        Assert.Equal(["to"], ErrorFields(await Problem(await Client.GetAsync($"{Api}/analytics/examples?from=2026-11-30&to=2026-11-01&kind=variant&of=a"), 400)));
        Assert.Equal(["kind"], ErrorFields(await Problem(await Client.GetAsync($"{Api}/analytics/examples?{November}&kind=path&of=a"), 400)));
        Assert.Equal(["of"], ErrorFields(await Problem(await Client.GetAsync($"{Api}/analytics/examples?{November}&kind=edge&of=a"), 400)));
        Assert.Equal(["limit"], ErrorFields(await Problem(await Client.GetAsync($"{Api}/analytics/examples?{November}&kind=edge&of=a&of=b&limit=0"), 400)));
    }

    [Fact]
    public async Task A_customer_timeline_holds_every_event_in_journeys_and_marks_a_contact_soon_after_an_unresolved_one_on_another_channel()
    {
        await SeedAsync();

        var anna = await GetOk($"{Api}/customers/anna/timeline");
        Assert.Equal((3, 1), (anna.GetProperty("events").GetInt32(), anna.GetProperty("lostContexts").GetInt32()));
        var events = Assert.Single(anna.GetProperty("journeys").EnumerateArray()).GetProperty("events").EnumerateArray().ToList();
        Assert.Equal(["web-visit", "support-call", "support-chat"], events.Select(e => e.GetProperty("touchpoint").GetString()));
        Assert.Equal((120f, "Mia", false), (events[1].GetProperty("waitingSeconds").GetSingle(), events[1].GetProperty("agent").GetString(), events[1].GetProperty("resolved").GetBoolean()));
        Assert.Equal(JsonValueKind.Null, events[1].GetProperty("lostContext").ValueKind);
        var lost = events[2].GetProperty("lostContext");
        Assert.Equal(("support-call", "phone"), (lost.GetProperty("touchpoint").GetString(), lost.GetProperty("channel").GetString()));
        Assert.Equal(("CSAT", 2f), (events[2].GetProperty("scoreKind").GetString(), events[2].GetProperty("score").GetSingle()));
        Assert.Contains("within 2 days after an unresolved one on another channel", anna.GetProperty("rule").GetString());

        // Five days after the unresolved call is not soon; dan's two weeks apart are two journeys.
        Assert.Equal(0, (await GetOk($"{Api}/customers/cara/timeline")).GetProperty("lostContexts").GetInt32());
        var dan = await GetOk($"{Api}/customers/dan/timeline");
        Assert.Equal([2, 2], dan.GetProperty("journeys").EnumerateArray().Select(j => j.GetProperty("events").GetArrayLength()));
        var unknown = await Problem(await Client.GetAsync($"{Api}/customers/zoe/timeline"), 404);
        Assert.Contains("'zoe'", unknown.GetProperty("detail").GetString());
    }

    [Theory]
    [InlineData("K/1")]
    [InlineData("shop/DE/4711")]
    [InlineData("ann smith")]
    [InlineData("what?id=1")]
    [InlineData("order#7")]
    [InlineData("50%")]
    [InlineData("a+b")]
    public async Task A_customer_id_with_characters_that_mean_something_in_a_url_opens_its_timeline_when_encoded(string customer)
    {
        var line = JsonSerializer.Serialize(new { customer, time = "2026-11-02T09:00:00Z", touchpoint = "web-visit", channel = "website" });
        var sent = await Client.PostAsync($"{Api}/events", new StringContent(line, Encoding.UTF8, "application/x-ndjson"));
        Assert.True(sent.IsSuccessStatusCode, await sent.Content.ReadAsStringAsync());

        var timeline = await GetOk($"{Api}/customers/{Uri.EscapeDataString(customer)}/timeline");

        Assert.Equal((customer, 1), (timeline.GetProperty("customer").GetString(), timeline.GetProperty("events").GetInt32()));
    }

    [Fact]
    public async Task The_timeline_page_of_a_customer_whose_id_holds_slashes_opens_at_the_address_the_analytics_page_links()
    {
        var line = JsonSerializer.Serialize(new { customer = "shop/DE/4711", time = "2026-11-02T09:00:00Z", touchpoint = "web-visit", channel = "website" });
        Assert.True((await Client.PostAsync($"{Api}/events", new StringContent(line, Encoding.UTF8, "application/x-ndjson"))).IsSuccessStatusCode);

        var page = await Client.GetAsync($"/w/{Workspace}/customers/{Waymark.Web.Features.Evidence.CustomerTimeline.PagePath("shop/DE/4711")}");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("<h1>Customer shop/DE/4711</h1>", html);
        Assert.Contains("data-testid=\"timeline-event\"", html);
    }

    [Fact]
    public async Task Viewers_viewer_tokens_and_event_senders_may_not_see_customers_and_editors_may()
    {
        await SeedAsync();
        await Factory.GrantAsync(Workspace, "viewer-evidence@waymark.test", WorkspaceRole.Viewer);
        await Factory.GrantAsync(Workspace, "editor-evidence@waymark.test", WorkspaceRole.Editor);
        var examples = $"{Api}/analytics/examples?{November}&kind=edge&of=web-visit&of=support-call";
        var timeline = $"{Api}/customers/anna/timeline";

        foreach (var refused in new[]
                 {
                     Factory.ClientAs("viewer-evidence@waymark.test"),
                     Factory.TokenClient(await Factory.TokenAsync(Workspace, WorkspaceRole.Viewer)),
                     Factory.TokenClient(await Factory.TokenAsync(Workspace, WorkspaceRole.EventSender)),
                 })
        {
            await Problem(await refused.GetAsync(examples), 403);
            await Problem(await refused.GetAsync(timeline), 403);
        }
        var editor = Factory.ClientAs("editor-evidence@waymark.test");
        Assert.True((await editor.GetAsync(examples)).IsSuccessStatusCode);
        Assert.True((await editor.GetAsync(timeline)).IsSuccessStatusCode);
    }

    [Fact]
    public async Task New_events_show_at_once_because_these_answers_are_never_kept_as_unchanged_reads()
    {
        var timeline = $"{Api}/customers/anna/timeline";
        await SeedAsync();
        var first = await Client.GetAsync(timeline);
        Assert.Null(first.Headers.ETag);
        Assert.Equal(3, (await first.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("events").GetInt32());

        var more = await Client.PostAsync($"{Api}/events", new StringContent(
            """{"customer":"anna","time":"2026-11-03T11:00:00Z","touchpoint":"survey","channel":"email"}""", Encoding.UTF8, "application/x-ndjson"));
        more.EnsureSuccessStatusCode();

        Assert.Equal(4, (await GetOk(timeline)).GetProperty("events").GetInt32());
    }
}
