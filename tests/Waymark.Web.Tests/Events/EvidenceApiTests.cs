using System.Net;
using System.Text;
using System.Text.Json;
using Waymark.Storage.Access;
using Waymark.Web.Tests.Support;

namespace Waymark.Web.Tests.Events;

/// <summary>
/// A map's evidence and the discovered touchpoints over HTTP: the figures per step and touchpoint, who may read them,
/// what a period must be, and that a read right after events were sent sees them (the workspace's unchanged-reads
/// cache does not keep these answers, since events do not move the workspace's stamp).
/// </summary>
public sealed class EvidenceApiTests(WaymarkApiFactory factory) : ApiTest(factory)
{
    private static readonly DateTime Today = DateTime.UtcNow.Date;
    private static string Day(int daysAgo) => DateOnly.FromDateTime(Today.AddDays(-daysAgo)).ToString("yyyy-MM-dd");
    private string Period => $"from={Day(6)}&to={Day(0)}";

    /// <summary>A map "Service case" of two steps: "Calls the hotline" (touchpoint key call, phone) then "Gets the answer by e-mail" (key mail).</summary>
    private async Task<Guid> MapAsync()
    {
        var phone = (await CreateChannel("Phone")).Id;
        var email = (await CreateChannel("E-mail", "digital")).Id;
        var call = (await PostOk($"{Api}/touchpoints", new { name = "Hotline", category = "supportChannels", channelId = phone, eventKey = "call" })).GetProperty("id").GetGuid();
        var mail = (await PostOk($"{Api}/touchpoints", new { name = "Answer e-mail", category = "supportChannels", channelId = email, eventKey = "mail" })).GetProperty("id").GetGuid();
        var journey = await PostOk($"{Api}/journeys", new { name = "Service case", stages = new[] { new { name = "Contact" } } });
        var id = journey.GetProperty("id").GetGuid();
        var stage = journey.GetProperty("stages")[0].GetProperty("id").GetGuid();
        await PostOk($"{Api}/journeys/{id}/stages/{stage}/steps", new { action = "Calls the hotline", touchpointIds = new[] { call } });
        await PostOk($"{Api}/journeys/{id}/stages/{stage}/steps", new { action = "Gets the answer by e-mail", touchpointIds = new[] { mail } });
        return id;
    }

    private static string Event(string customer, int daysAgo, int minutes, string touchpoint, string channel) =>
        JsonSerializer.Serialize(new { customer, time = Today.AddDays(-daysAgo).AddHours(9).AddMinutes(minutes).ToString("O"), touchpoint, channel });

    /// <summary>Four customers: c1 calls and gets the e-mail an hour later, c2 only calls, c3 mails first and calls after, c4 only meets a chatbot.</summary>
    private async Task SendEventsAsync()
    {
        var lines = new[]
        {
            Event("c1", 2, 0, "call", "phone"), Event("c1", 2, 60, "mail", "email"),
            Event("c2", 2, 0, "call", "phone"),
            Event("c3", 1, 0, "mail", "email"), Event("c3", 1, 30, "call", "phone"),
            Event("c4", 1, 0, "chatbot", "chat"),
        };
        var response = await Client.PostAsync($"{Api}/events", new StringContent(string.Join("\n", lines), Encoding.UTF8, "application/x-ndjson"));
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_read_right_after_events_were_sent_sees_them_per_step_and_touchpoint()
    {
        var map = await MapAsync();
        var before = await GetOk($"{Api}/journeys/{map}/evidence?{Period}");
        Assert.Equal(0, before.GetProperty("journeys").GetInt64());
        Assert.Equal(JsonValueKind.Null, before.GetProperty("lastEventAt").ValueKind);
        Assert.Equal(0, (await GetOk($"{Api}/discovered-touchpoints?{Period}")).GetProperty("total").GetInt32());

        await SendEventsAsync();

        var after = await GetOk($"{Api}/journeys/{map}/evidence?{Period}");
        Assert.Equal((4, 6), (after.GetProperty("journeys").GetInt64(), after.GetProperty("events").GetInt64()));
        Assert.NotEqual(JsonValueKind.Null, after.GetProperty("lastEventAt").ValueKind);
        var steps = after.GetProperty("steps");
        Assert.Equal(["Calls the hotline", "Gets the answer by e-mail"], steps.EnumerateArray().Select(s => s.GetProperty("step").GetString()));
        var (call, mail) = (steps[0], steps[1]);
        // Everyone who called reached the first step; c2 and c4 never had the e-mail.
        Assert.Equal(3, call.GetProperty("reached").GetInt64());
        Assert.Equal(2, mail.GetProperty("reached").GetInt64());
        Assert.Equal(2, mail.GetProperty("skipped").GetInt64());
        // c2 and c3 ended with the call, c1 with the e-mail.
        Assert.Equal((2, 1), (call.GetProperty("dropOff").GetInt64(), mail.GetProperty("dropOff").GetInt64()));
        // The only way into the e-mail from another touchpoint was c1's call an hour before.
        Assert.Equal(3600, mail.GetProperty("medianWaitSeconds").GetDouble());
        var hotline = after.GetProperty("touchpoints").EnumerateArray().Single(t => t.GetProperty("eventKey").GetString() == "call");
        Assert.Equal(3, hotline.GetProperty("events").GetInt64());
        Assert.Equal(("E-mail", 1), (hotline.GetProperty("nextChannel").GetString(), hotline.GetProperty("nextChannelCount").GetInt64()));

        var discovered = await GetOk($"{Api}/discovered-touchpoints?{Period}");
        var item = Assert.Single(discovered.GetProperty("items").EnumerateArray());
        Assert.Equal(("chatbot", 1), (item.GetProperty("eventKey").GetString(), item.GetProperty("events").GetInt64()));
    }

    [Fact]
    public async Task The_map_svg_draws_the_evidence_lane_once_the_workspace_has_events_and_a_download_right_after_sees_new_ones()
    {
        var map = await MapAsync();
        static string Text(string svg) => System.Xml.Linq.XDocument.Parse(svg).Root!.Value;
        Assert.DoesNotContain("Evidence from events", Text(await Client.GetStringAsync($"{Api}/journeys/{map}/map.svg")));

        await SendEventsAsync();

        var drawn = Text(await Client.GetStringAsync($"{Api}/journeys/{map}/map.svg?{Period}"));
        Assert.Contains("Evidence from events", drawn);
        Assert.Contains("3 journeys reached it", drawn);
        Assert.Contains("Drop-off after it: 2 journeys", drawn);
        // Without a period it shows the last 30 days, as the map page does.
        Assert.Contains("3 journeys reached it", Text(await Client.GetStringAsync($"{Api}/journeys/{map}/map.svg")));
    }

    [Fact]
    public async Task A_touchpoint_added_with_the_discovered_key_is_no_longer_discovered()
    {
        await MapAsync();
        await SendEventsAsync();
        Assert.Equal(1, (await GetOk($"{Api}/discovered-touchpoints?{Period}")).GetProperty("total").GetInt32());

        var chat = (await CreateChannel("Chat", "digital")).Id;
        await PostOk($"{Api}/touchpoints", new { name = "Chatbot", category = "selfService", channelId = chat, eventKey = "chatbot" });

        Assert.Equal(0, (await GetOk($"{Api}/discovered-touchpoints?{Period}")).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Viewers_read_the_evidence_and_event_senders_are_refused()
    {
        var map = await MapAsync();
        await Factory.GrantAsync(Workspace, "viewer-evidence@waymark.test", WorkspaceRole.Viewer);
        var viewer = Factory.ClientAs("viewer-evidence@waymark.test");
        Assert.Equal(HttpStatusCode.OK, (await viewer.GetAsync($"{Api}/journeys/{map}/evidence?{Period}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await viewer.GetAsync($"{Api}/discovered-touchpoints?{Period}")).StatusCode);

        var sender = Factory.TokenClient(await Factory.TokenAsync(Workspace, WorkspaceRole.EventSender, name: "call centre"));
        await Problem(await sender.GetAsync($"{Api}/journeys/{map}/evidence?{Period}"), 403);
        await Problem(await sender.GetAsync($"{Api}/discovered-touchpoints?{Period}"), 403);
        await Problem(await Factory.AnonymousClient().GetAsync($"{Api}/discovered-touchpoints?{Period}"), 401);
    }

    [Fact]
    public async Task Another_workspaces_map_or_an_unknown_one_answers_404()
    {
        var map = await MapAsync();
        var other = "ws-" + Guid.NewGuid().ToString("N")[..12];
        await PostOk("/api/workspaces", new { key = other, name = "Other" });

        await Problem(await Client.GetAsync($"/api/workspaces/{other}/journeys/{map}/evidence?{Period}"), 404);
        await Problem(await Client.GetAsync($"{Api}/journeys/{Guid.NewGuid()}/evidence?{Period}"), 404);
    }

    [Fact]
    public async Task Without_a_period_the_evidence_is_of_the_last_30_days_as_on_the_map_page()
    {
        var map = await MapAsync();
        var evidence = await GetOk($"{Api}/journeys/{map}/evidence");
        Assert.Equal((Day(29), Day(0)), (evidence.GetProperty("from").GetString(), evidence.GetProperty("to").GetString()));
    }

    [Theory]
    [InlineData("from=2026-11-30&to=2026-11-01", "to")]
    [InlineData("from=2000-01-01&to=2026-11-01", "to")]
    [InlineData("from=1900-01-01&to=2026-11-01", "from")]
    public async Task A_period_that_is_backwards_too_long_or_out_of_range_answers_400_naming_the_field(string query, string field)
    {
        var map = await MapAsync();
        Assert.Contains(field, ErrorFields(await Problem(await Client.GetAsync($"{Api}/journeys/{map}/evidence?{query}"), 400)));
        Assert.Contains(field, ErrorFields(await Problem(await Client.GetAsync($"{Api}/discovered-touchpoints?{query}"), 400)));
    }
}
