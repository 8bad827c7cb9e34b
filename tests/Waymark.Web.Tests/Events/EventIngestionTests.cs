using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Waymark.Domain.Events;
using Waymark.Storage.Access;
using Waymark.Storage.Interactions;
using Waymark.Web.Tests.Support;

namespace Waymark.Web.Tests.Events;

/// <summary>Interaction events sent over HTTP: each format, all-or-nothing batches, retries, and who may send.</summary>
public sealed class EventIngestionTests(WaymarkApiFactory factory) : ApiTest(factory)
{
    private const string Ndjson = """
        {"customer":"c-1","time":"2026-11-02T09:00:00Z","touchpoint":"support-call","channel":"phone","event_id":"e-1","case":"T-7","outcome":"unresolved","agent":"Mia","handling":312,"waiting":45,"queue":"billing"}
        {"customer":"c-1","time":"2026-11-02T10:30:00+01:00","touchpoint":"csat-survey","channel":"email","event_id":"e-2","score":4,"score_kind":"csat"}

        {"customer":"c-2","time":"2026-11-03T08:15:00Z","touchpoint":"web-visit","channel":"website"}
        """;

    private static StringContent Body(string text, string type) => new(text, Encoding.UTF8, type);

    private async Task<JsonElement> Send(HttpClient client, string text, string type, string query = "")
    {
        var response = await client.PostAsync($"{Api}/events{query}", Body(text, type));
        var answer = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"answered {(int)response.StatusCode}: {answer}");
        return JsonDocument.Parse(answer).RootElement.Clone();
    }

    private async Task<List<InteractionEvent>> Stored()
    {
        await using var db = Factory.OpenDb();
        var ws = await db.Workspaces.SingleAsync(w => w.Key == Workspace);
        return await EventStore.For(db).ReadAsync(ws.Id, new DateTime(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc), new DateTime(2100, 1, 1, 0, 0, 0, DateTimeKind.Utc)).ToListAsync();
    }

    private static (int Received, int Stored, int Duplicates) Counts(JsonElement answer) =>
        (answer.GetProperty("received").GetInt32(), answer.GetProperty("stored").GetInt32(), answer.GetProperty("duplicates").GetInt32());

    [Fact]
    public async Task An_ndjson_batch_is_stored_with_every_field_and_unmapped_fields_as_attributes()
    {
        var answer = await Send(Client, Ndjson, "application/x-ndjson");

        Assert.Equal((3, 3, 0), Counts(answer));
        var stored = await Stored();
        Assert.Equal(["support-call", "csat-survey", "web-visit"], stored.Select(e => e.Touchpoint));
        var call = stored[0];
        Assert.Equal(("c-1", "phone", "e-1", "T-7", "unresolved", "Mia"), (call.Customer, call.Channel, call.EventId, call.Case, call.Outcome, call.Agent));
        Assert.Equal((312f, 45f), (call.HandlingSeconds, call.WaitingSeconds));
        Assert.Equal("""{"queue":"billing"}""", call.Attributes);
        // 10:30 at +01:00 is 09:30 UTC.
        Assert.Equal(new DateTime(2026, 11, 2, 9, 30, 0, DateTimeKind.Utc), stored[1].At);
        Assert.Equal((4f, EventScoreKind.Csat), (stored[1].Score, stored[1].ScoreKind));
        Assert.Null(stored[2].EventId);
    }

    [Fact]
    public async Task A_json_array_is_stored()
    {
        var answer = await Send(Client, """
            [{"customer":"c-9","time":"2026-11-05T12:00:00Z","touchpoint":"nps-survey","channel":"email","score":9,"scoreKind":"nps"},
             {"customer":"c-9","time":"2026-11-05T12:05:00Z","touchpoint":"rating","channel":"app","score":8,"scoreKind":"rating"}]
            """, "application/json");

        Assert.Equal((2, 2, 0), Counts(answer));
        Assert.Equal([(9f, EventScoreKind.Nps), (8f, EventScoreKind.Rating)], (await Stored()).Select(e => (e.Score!.Value, e.ScoreKind!.Value)));
    }

    [Fact]
    public async Task A_csv_batch_is_read_with_the_column_mapping_given_in_the_query()
    {
        const string csv = """
            cust_id;ts;activity;medium;ticket_no
            K-100;01.11.2026 09:00;order-placed;shop;A1
            K-100;01.11.2026 09:20;delivery-question;chat;A1
            """;

        var answer = await Send(Client, csv, "text/csv",
            "?map=" + Uri.EscapeDataString("customer=cust_id,time=ts,activity=activity,channel=medium,case=ticket_no,timeFormat=dd.MM.yyyy HH:mm"));

        Assert.Equal((2, 2, 0), Counts(answer));
        var stored = await Stored();
        Assert.Equal([("K-100", "order-placed", "shop", "A1"), ("K-100", "delivery-question", "chat", "A1")],
            stored.Select(e => (e.Customer, e.Touchpoint, e.Channel, e.Case!)));
        Assert.Equal(new DateTime(2026, 11, 1, 9, 20, 0, DateTimeKind.Utc), stored[1].At);
    }

    [Fact]
    public async Task Batches_without_a_mapping_are_read_with_the_one_the_workspace_saved_and_a_mapping_sent_with_a_batch_wins()
    {
        const string csv = """
            cust_id;ts;activity;medium
            K-200;2026-11-01T09:00:00Z;order-placed;shop
            """;
        // Under the usual names these columns mean nothing: refused, nothing stored.
        await Problem(await Client.PostAsync($"{Api}/events", Body(csv, "text/csv")), 400);

        var saved = await Client.PutAsJsonAsync($"{Api}/events/mapping", new { map = "customer=cust_id,time=ts,activity=activity,channel=medium" });
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        var mapping = await saved.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("customer=cust_id,time=ts,activity=activity,channel=medium", mapping.GetProperty("map").GetString());

        // The call centre's token sends the batch as it is; the workspace's mapping reads it.
        var sender = Factory.TokenClient(await Factory.TokenAsync(Workspace, WorkspaceRole.EventSender));
        Assert.Equal((1, 1, 0), Counts(await Send(sender, csv, "text/csv")));
        // A mapping sent with a batch is used instead of the saved one.
        Assert.Equal((1, 1, 0), Counts(await Send(sender, "who,when,what,where\nK-201,2026-11-01T10:00:00Z,delivery-question,chat\n", "text/csv",
            "?map=" + Uri.EscapeDataString("customer=who,time=when,activity=what,channel=where"))));
        Assert.Equal([("K-200", "order-placed", "shop"), ("K-201", "delivery-question", "chat")], (await Stored()).Select(e => (e.Customer, e.Touchpoint, e.Channel)));

        // Viewers read it and may not change it; a change must name the version it read.
        var viewer = Factory.TokenClient(await Factory.TokenAsync(Workspace, WorkspaceRole.Viewer));
        Assert.Equal(mapping.GetProperty("map").GetString(), (await viewer.GetFromJsonAsync<JsonElement>($"{Api}/events/mapping")).GetProperty("map").GetString());
        await Problem(await viewer.PutAsJsonAsync($"{Api}/events/mapping", new { map = "customer=x" }), 403);
        await Problem(await Client.PutAsJsonAsync($"{Api}/events/mapping", new { map = "customer=x", version = mapping.GetProperty("version").GetInt32() + 1 }), 409);
        var bad = await Problem(await Client.PutAsJsonAsync($"{Api}/events/mapping", new { map = "colour=red", version = mapping.GetProperty("version").GetInt32() }), 400);
        Assert.Equal(["map"], ErrorFields(bad));
        Assert.Equal(mapping.GetProperty("map").GetString(), (await Client.GetFromJsonAsync<JsonElement>($"{Api}/events/mapping")).GetProperty("map").GetString());

        // Removed: the usual names again, and the batch is refused as at first.
        var removed = await (await Client.DeleteAsync($"{Api}/events/mapping")).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(JsonValueKind.Null, removed.GetProperty("map").ValueKind);
        await Problem(await sender.PostAsync($"{Api}/events", Body(csv, "text/csv")), 400);
        Assert.Equal(2, (await Stored()).Count);
    }

    [Fact]
    public async Task A_batch_with_several_bad_events_is_refused_whole_naming_each_line_and_field()
    {
        const string csv = """
            customer,time,touchpoint,channel,score,score_kind
            c-1,2026-11-02T09:00:00Z,call,phone,,
            c-2,yesterday,call,phone,,
            ,2026-11-02T09:00:00Z,call,,,
            c-4,2026-11-02T09:00:00Z,nps-survey,email,11,nps
            """;

        var response = await Client.PostAsync($"{Api}/events", Body(csv, "text/csv"));

        var problem = await Problem(response, 400);
        Assert.Equal(["line 3: time", "line 4: customer", "line 4: channel", "line 5: score"], ErrorFields(problem));
        Assert.Contains("'yesterday' is not a timestamp", problem.GetProperty("errors").GetProperty("line 3: time")[0].GetString());
        Assert.Contains("outside 0–10 for a NPS score", problem.GetProperty("errors").GetProperty("line 5: score")[0].GetString());
        Assert.StartsWith("Nothing was stored: 4 problems in 3 events.", problem.GetProperty("detail").GetString());
        Assert.Empty(await Stored());
    }

    [Fact]
    public async Task A_header_without_a_required_column_is_refused_and_says_how_to_map_it()
    {
        var response = await Client.PostAsync($"{Api}/events", Body("customer,time,touchpoint\nc-1,2026-11-02T09:00:00Z,call\n", "text/csv"));

        var problem = await Problem(response, 400);
        Assert.Equal(["header: channel"], ErrorFields(problem));
        Assert.Contains("map it with channel=<column>", problem.GetProperty("detail").GetString());
        Assert.Empty(await Stored());
    }

    [Fact]
    public async Task A_retried_batch_counts_events_with_a_known_id_as_duplicates_and_stores_them_once()
    {
        await Send(Client, Ndjson, "application/x-ndjson");

        var retry = await Send(Client, Ndjson, "application/x-ndjson");

        // The two events with an id are known; the one without is new data each time it is sent.
        Assert.Equal((3, 1, 2), Counts(retry));
        var stored = await Stored();
        Assert.Equal(4, stored.Count);
        Assert.Single(stored, e => e.EventId == "e-1");
    }

    [Fact]
    public async Task Content_that_is_not_ndjson_json_or_csv_is_refused_with_415()
    {
        var response = await Client.PostAsync($"{Api}/events", Body("<events/>", "application/xml"));

        var problem = await Problem(response, 415);
        Assert.Contains("application/x-ndjson", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task A_bad_mapping_is_refused_naming_the_map_parameter()
    {
        var response = await Client.PostAsync($"{Api}/events?map=colour%3Dred", Body(Ndjson, "application/x-ndjson"));

        var problem = await Problem(response, 400);
        Assert.Equal(["map"], ErrorFields(problem));
        Assert.Empty(await Stored());
    }

    [Fact]
    public async Task An_event_sender_token_sends_events_and_is_refused_everything_else()
    {
        var sender = Factory.TokenClient(await Factory.TokenAsync(Workspace, WorkspaceRole.EventSender, name: "call centre"));

        Assert.Equal((3, 3, 0), Counts(await Send(sender, Ndjson, "application/x-ndjson")));

        var read = await Problem(await sender.GetAsync($"{Api}/touchpoints"), 403);
        Assert.Contains("may only send events", read.GetProperty("detail").GetString());
        await Problem(await sender.GetAsync(Api), 403);
        await Problem(await sender.GetAsync("/api/workspaces"), 403);
        await Problem(await sender.PostAsync($"{Api}/channels", Body("""{"name":"Fax","kind":"analog","reach":"direct"}""", "application/json")), 403);
        await using var db = Factory.OpenDb();
        var ws = await db.Workspaces.SingleAsync(w => w.Key == Workspace);
        Assert.False(await db.Channels.AnyAsync(c => c.WorkspaceId == ws.Id && c.Name == "Fax"));
        var audit = await db.AuditEntries.SingleAsync(a => a.WorkspaceId == ws.Id && a.EntityType == "InteractionEvents");
        Assert.Contains("call centre", audit.ActorName);
        Assert.Equal("""{"received":3,"stored":3,"duplicates":0}""", audit.Changes);
    }

    [Fact]
    public async Task Viewers_and_viewer_tokens_may_not_send_events_and_editor_tokens_may()
    {
        await Factory.GrantAsync(Workspace, "viewer-events@waymark.test", WorkspaceRole.Viewer);

        await Problem(await Factory.ClientAs("viewer-events@waymark.test").PostAsync($"{Api}/events", Body(Ndjson, "application/x-ndjson")), 403);
        await Problem(await Factory.TokenClient(await Factory.TokenAsync(Workspace, WorkspaceRole.Viewer)).PostAsync($"{Api}/events", Body(Ndjson, "application/x-ndjson")), 403);
        Assert.Empty(await Stored());

        var editor = Factory.TokenClient(await Factory.TokenAsync(Workspace, WorkspaceRole.Editor));
        Assert.Equal((3, 3, 0), Counts(await Send(editor, Ndjson, "application/x-ndjson")));
    }

    [Fact]
    public async Task Another_workspace_s_event_sender_token_finds_no_workspace_here()
    {
        var key = "other-" + Guid.NewGuid().ToString("N")[..8];
        (await Client.PostAsync("/api/workspaces", Body($$"""{"key":"{{key}}","name":"Other"}""", "application/json"))).EnsureSuccessStatusCode();
        var foreign = Factory.TokenClient(await Factory.TokenAsync(key, WorkspaceRole.EventSender));

        await Problem(await foreign.PostAsync($"{Api}/events", Body(Ndjson, "application/x-ndjson")), 404);

        Assert.Empty(await Stored());
    }

    [Fact]
    public async Task An_owner_creates_an_event_sender_token_through_the_api_but_cannot_make_a_person_one()
    {
        var created = await PostOk($"{Api}/tokens", new { name = "shop", role = "event-sender" });
        Assert.Equal("EventSender", created.GetProperty("details").GetProperty("role").GetString(), ignoreCase: true);
        var sender = Factory.TokenClient(created.GetProperty("token").GetString()!);
        Assert.Equal((3, 3, 0), Counts(await Send(sender, Ndjson, "application/x-ndjson")));

        await Factory.UserAsync("person-events@waymark.test");
        var invite = await Client.PostAsync($"{Api}/members", Body("""{"email":"person-events@waymark.test","role":"eventSender"}""", "application/json"));
        Assert.Equal(["role"], ErrorFields(await Problem(invite, 400)));
    }
}

/// <summary>The application with small batch limits, to see 413 without sending megabytes.</summary>
public sealed class SmallBatchFactory : WaymarkApiFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Waymark:Events:MaxBatchBytes", "2000");
        builder.UseSetting("Waymark:Events:MaxBatchEvents", "3");
    }
}

public sealed class EventBatchLimitTests(SmallBatchFactory factory) : IClassFixture<SmallBatchFactory>
{
    private static string Events(int count, int padding = 0) => string.Join("\n", Enumerable.Range(1, count).Select(i =>
        $$"""{"customer":"c-{{i}}","time":"2026-11-02T09:00:00Z","touchpoint":"call","channel":"phone","note":"{{new string('x', padding)}}"}"""));

    private async Task<(HttpResponseMessage Response, string Workspace)> Send(string body)
    {
        var client = factory.CreateClient();
        var key = "lim-" + Guid.NewGuid().ToString("N")[..8];
        (await client.PostAsync("/api/workspaces", new StringContent($$"""{"key":"{{key}}","name":"Limits"}""", Encoding.UTF8, "application/json"))).EnsureSuccessStatusCode();
        return (await client.PostAsync($"/api/workspaces/{key}/events", new StringContent(body, Encoding.UTF8, "application/x-ndjson")), key);
    }

    private async Task<long> StoredIn(string key)
    {
        await using var db = factory.OpenDb();
        var ws = await db.Workspaces.SingleAsync(w => w.Key == key);
        return await EventStore.For(db).CountAsync(ws.Id);
    }

    [Fact]
    public async Task A_body_above_the_configured_bytes_is_refused_with_413_and_nothing_is_stored()
    {
        var (response, key) = await Send(Events(2, padding: 1500));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("at most 2,000 bytes", await response.Content.ReadAsStringAsync());
        Assert.Equal(0, await StoredIn(key));
    }

    [Fact]
    public async Task More_events_than_the_configured_batch_size_are_refused_with_413_and_nothing_is_stored()
    {
        var (response, key) = await Send(Events(4));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("send at most 3 events per request", await response.Content.ReadAsStringAsync());
        Assert.Equal(0, await StoredIn(key));

        var (fits, other) = await Send(Events(3));
        Assert.Equal(HttpStatusCode.OK, fits.StatusCode);
        Assert.Equal(3, await StoredIn(other));
    }
}

/// <summary>The right to erasure: one customer's events go, on request of an owner, and the audit trail says so without naming them.</summary>
public sealed class EventErasureTests(WaymarkApiFactory factory) : ApiTest(factory)
{
    private const string Events = """
        {"customer":"anna","time":"2026-11-02T09:00:00Z","touchpoint":"call","channel":"phone","event_id":"e-1"}
        {"customer":"anna","time":"2026-12-02T09:00:00Z","touchpoint":"chat","channel":"chat"}
        {"customer":"ben","time":"2026-11-03T09:00:00Z","touchpoint":"call","channel":"phone"}
        """;

    private async Task<long> Count(string? customer = null)
    {
        await using var db = Factory.OpenDb();
        var ws = await db.Workspaces.SingleAsync(w => w.Key == Workspace);
        return await EventStore.For(db).CountAsync(ws.Id, customer);
    }

    [Fact]
    public async Task An_owner_erases_one_customer_s_events_and_the_answer_and_audit_trail_say_how_many()
    {
        (await Client.PostAsync($"{Api}/events", new StringContent(Events, Encoding.UTF8, "application/x-ndjson"))).EnsureSuccessStatusCode();

        var response = await Client.DeleteAsync($"{Api}/events?customer=anna");

        var answer = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(("anna", 2), (answer.GetProperty("customer").GetString(), answer.GetProperty("erased").GetInt64()));
        Assert.Equal((0, 1), (await Count("anna"), await Count("ben")));
        await using var db = Factory.OpenDb();
        var ws = await db.Workspaces.SingleAsync(w => w.Key == Workspace);
        var audit = await db.AuditEntries.SingleAsync(a => a.WorkspaceId == ws.Id && a.EntityType == "InteractionEvents" && a.Action == AuditAction.Deleted);
        Assert.Equal("""{"erased":2}""", audit.Changes);
        Assert.StartsWith("customer sha256:", audit.EntityId);
        Assert.DoesNotContain("anna", audit.EntityId + audit.Changes);
    }

    [Fact]
    public async Task Editors_and_event_senders_may_not_erase_and_a_missing_customer_is_named()
    {
        (await Client.PostAsync($"{Api}/events", new StringContent(Events, Encoding.UTF8, "application/x-ndjson"))).EnsureSuccessStatusCode();
        await Factory.GrantAsync(Workspace, "editor-erase@waymark.test", WorkspaceRole.Editor);

        Assert.Equal(HttpStatusCode.Forbidden, (await Factory.ClientAs("editor-erase@waymark.test").DeleteAsync($"{Api}/events?customer=anna")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await Factory.TokenClient(await Factory.TokenAsync(Workspace, WorkspaceRole.EventSender)).DeleteAsync($"{Api}/events?customer=anna")).StatusCode);
        Assert.Equal(["customer"], ErrorFields(await Problem(await Client.DeleteAsync($"{Api}/events"), 400)));
        Assert.Equal(3, await Count());
    }
}

/// <summary>How long a workspace keeps its events: owners set it, older events go at once, the change is audited.</summary>
public sealed class EventRetentionTests(WaymarkApiFactory factory) : ApiTest(factory)
{
    [Fact]
    public async Task Setting_a_retention_erases_older_events_at_once_and_is_audited()
    {
        var recent = DateTime.UtcNow.AddDays(-2).ToString("O");
        var old = DateTime.UtcNow.AddDays(-400).ToString("O");
        (await Client.PostAsync($"{Api}/events", new StringContent($$"""
            {"customer":"c-1","time":"{{old}}","touchpoint":"call","channel":"phone"}
            {"customer":"c-1","time":"{{recent}}","touchpoint":"call","channel":"phone"}
            """, Encoding.UTF8, "application/x-ndjson"))).EnsureSuccessStatusCode();
        Assert.Equal(JsonValueKind.Null, (await GetOk($"{Api}/events/retention")).GetProperty("days").ValueKind);

        var changed = await PutOk($"{Api}/events/retention", new { days = 365 });

        Assert.Equal((365, 1), (changed.GetProperty("days").GetInt32(), changed.GetProperty("erased").GetInt64()));
        Assert.Equal(365, (await GetOk($"{Api}/events/retention")).GetProperty("days").GetInt32());
        await using var db = Factory.OpenDb();
        var ws = await db.Workspaces.SingleAsync(w => w.Key == Workspace);
        Assert.Equal(1, await EventStore.For(db).CountAsync(ws.Id));
        var audit = await db.AuditEntries.SingleAsync(a => a.WorkspaceId == ws.Id && a.EntityType == "EventRetention");
        Assert.Equal("""{"retentionDays":{"from":null,"to":365},"erased":1}""", audit.Changes);
    }

    [Fact]
    public async Task A_retention_out_of_range_is_refused_and_editors_may_not_set_one()
    {
        Assert.Equal(["days"], ErrorFields(await Problem(await Client.PutAsJsonAsync($"{Api}/events/retention", new { days = 0 }), 400)));
        await Factory.GrantAsync(Workspace, "editor-retention@waymark.test", WorkspaceRole.Editor);
        await Problem(await Factory.ClientAs("editor-retention@waymark.test").PutAsJsonAsync($"{Api}/events/retention", new { days = 30 }), 403);
        Assert.Equal(JsonValueKind.Null, (await GetOk($"{Api}/events/retention")).GetProperty("days").ValueKind);
    }
}
