using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Waymark.Analytics.Reading;
using Waymark.Domain.Events;
using Waymark.Storage.Access;
using Waymark.Storage.Interactions;
using Waymark.Web.Features.Events;
using Waymark.Web.Tests.Support;

namespace Waymark.Web.Tests.Events;

/// <summary>The stored events taken back out: every format, the round trip into another workspace, periods, who may, the audit.</summary>
public sealed class EventExportTests(WaymarkApiFactory factory) : ApiTest(factory)
{
    // Sent out of time order, with every field, attributes that need quoting in CSV and text outside ASCII.
    private const string Ndjson = """
        {"customer":"c-2","time":"2026-11-03T10:00:00+01:00","touchpoint":"app-rating","channel":"app","score":7.5,"score_kind":"rating","device":"iPhone 15 ☺"}
        {"customer":"c-1","time":"2026-11-02T09:00:00.125Z","touchpoint":"support-call","channel":"phone","event_id":"e-1","case":"T-7","outcome":"unresolved","agent":"Mia Müller","handling":312.7,"waiting":45,"queue":"billing, 2nd line","note":"said \"hi\", then left"}
        {"customer":"c-2","time":"2026-11-01T08:00:00Z","touchpoint":"nps-survey","channel":"email","event_id":"e-2","score":9,"score_kind":"nps"}
        {"customer":"c-1","time":"2026-11-02T09:30:00Z","touchpoint":"csat-survey","channel":"email","score":4,"score_kind":"csat"}
        {"customer":"c-3","time":"2026-12-01T00:00:00Z","touchpoint":"web-visit","channel":"website","agent":"-3"}
        """;

    private static StringContent Body(string text, string type) => new(text, Encoding.UTF8, type);

    private async Task<string> NewWorkspace()
    {
        var key = "copy-" + Guid.NewGuid().ToString("N")[..8];
        (await Client.PostAsync("/api/workspaces", Body($$"""{"key":"{{key}}","name":"Copy"}""", "application/json"))).EnsureSuccessStatusCode();
        return key;
    }

    private async Task Send(string workspace, string text, string type)
    {
        var response = await Client.PostAsync($"/api/workspaces/{workspace}/events", Body(text, type));
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }

    private async Task<List<InteractionEvent>> Stored(string workspace)
    {
        await using var db = Factory.OpenDb();
        var ws = await db.Workspaces.SingleAsync(w => w.Key == workspace);
        return await EventStore.For(db).ReadAsync(ws.Id, EventExport.Earliest, EventExport.Latest).ToListAsync();
    }

    private async Task<HttpResponseMessage> Export(HttpClient client, string query = "", string? accept = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, $"{Api}/events{query}");
        if (accept is not null) request.Headers.Accept.ParseAdd(accept);
        return await client.SendAsync(request);
    }

    private async Task<string> ExportText(string query = "", string? accept = null)
    {
        var response = await Export(Client, query, accept);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, text);
        return text;
    }

    [Fact]
    public async Task A_csv_export_ingested_into_another_workspace_gives_the_same_events_with_every_field()
    {
        await Send(Workspace, Ndjson, "application/x-ndjson");
        var original = await Stored(Workspace);

        var response = await Export(Client, "?format=csv");
        var csv = await response.Content.ReadAsStringAsync();

        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal($"{Workspace}-events.csv", response.Content.Headers.ContentDisposition!.FileName!.Trim('"'));
        var lines = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("customer,time,touchpoint,channel,event_id,case,outcome,agent,handling,waiting,score,score_kind,attributes", lines[0]);
        Assert.Equal("""c-1,2026-11-02T09:00:00.1250000Z,support-call,phone,e-1,T-7,unresolved,Mia Müller,312.7,45,,,"{""queue"":""billing, 2nd line"",""note"":""said \""hi\"", then left""}" """.TrimEnd(), lines[2]);
        var copy = await NewWorkspace();
        await Send(copy, csv, "text/csv");
        Assert.Equal(original, await Stored(copy));
        Assert.Equal(5, original.Count);
        Assert.Equal("""{"queue":"billing, 2nd line","note":"said \"hi\", then left"}""", original[1].Attributes);
    }

    [Fact]
    public async Task An_ndjson_export_asked_for_by_accept_is_ingested_again_unchanged_with_attributes_as_one_object()
    {
        await Send(Workspace, Ndjson, "application/x-ndjson");

        var response = await Export(Client, accept: "application/x-ndjson");
        var ndjson = await response.Content.ReadAsStringAsync();

        Assert.Equal("application/x-ndjson", response.Content.Headers.ContentType!.MediaType);
        var first = JsonDocument.Parse(ndjson.Split('\n')[0]).RootElement;
        Assert.Equal(("c-2", "2026-11-01T08:00:00Z", "nps", 9f), (first.GetProperty("customer").GetString(), first.GetProperty("time").GetString(),
            first.GetProperty("score_kind").GetString(), first.GetProperty("score").GetSingle()));
        var rating = JsonDocument.Parse(ndjson.Split('\n')[3]).RootElement;
        Assert.Equal("iPhone 15 ☺", rating.GetProperty("attributes").GetProperty("device").GetString());
        var copy = await NewWorkspace();
        await Send(copy, ndjson, "application/x-ndjson");
        Assert.Equal(await Stored(Workspace), await Stored(copy));
    }

    [Fact]
    public async Task A_parquet_export_holds_every_stored_field_and_reads_back_as_the_same_events()
    {
        await Send(Workspace, Ndjson, "application/x-ndjson");

        var response = await Export(Client, accept: "application/vnd.apache.parquet");
        var bytes = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal("application/vnd.apache.parquet", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("PAR1"u8.ToArray(), bytes[..4]);
        var records = InteractionEventReader.ReadParquet(new MemoryStream(bytes), new ColumnMapping(), "export.parquet").ToList();
        Assert.All(records, r => Assert.Empty(r.Problems));
        Assert.Equal(await Stored(Workspace), records.Select(r => r.Event!));
        Assert.Equal("row 5", records[^1].Location);
    }

    [Fact]
    public async Task A_period_of_whole_days_and_one_customer_are_exported_in_time_order()
    {
        await Send(Workspace, Ndjson, "application/x-ndjson");

        var november = await ExportText("?format=ndjson&from=2026-11-01&to=2026-11-30");
        var secondOnly = await ExportText("?format=ndjson&from=2026-11-02T00:00:00Z&to=2026-11-02T09:30:00Z");
        var c2 = await ExportText("?format=ndjson&customer=c-2");

        string[] Touchpoints(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => JsonDocument.Parse(l).RootElement.GetProperty("touchpoint").GetString()!).ToArray();
        Assert.Equal(["nps-survey", "support-call", "csat-survey", "app-rating"], Touchpoints(november));
        // 'to' as an instant excludes it: the survey at 09:30 is not in.
        Assert.Equal(["support-call"], Touchpoints(secondOnly));
        Assert.Equal(["nps-survey", "app-rating"], Touchpoints(c2));
        Assert.Empty(await ExportText("?format=ndjson&customer=nobody"));
        var headerOnly = await Export(Client, "?from=2027-01-01&to=2027-01-31");
        Assert.Equal("customer,time,touchpoint,channel,event_id,case,outcome,agent,handling,waiting,score,score_kind,attributes\n", await headerOnly.Content.ReadAsStringAsync());
        Assert.Equal($"{Workspace}-events-2027-01-01-to-2027-01-31.csv", headerOnly.Content.Headers.ContentDisposition!.FileName!.Trim('"'));
    }

    [Fact]
    public async Task Csv_cells_a_spreadsheet_would_run_as_formulas_get_an_apostrophe_and_numbers_do_not()
    {
        await Send(Workspace, """
            {"customer":"=HYPERLINK(\"http://evil\")","time":"2026-11-05T12:00:00Z","touchpoint":"@SUM(A1)","channel":"+chat","case":"-3","outcome":"-"}
            """, "application/x-ndjson");

        var csv = await ExportText("?format=csv");

        Assert.Equal("""
            "'=HYPERLINK(""http://evil"")",2026-11-05T12:00:00Z,"'@SUM(A1)","'+chat",,-3,"'-",,,,,,
            """, csv.Split('\n')[1]);
        // Ingesting the CSV again keeps the apostrophe (documented); NDJSON and Parquet are exact copies.
        var copy = await NewWorkspace();
        await Send(copy, csv, "text/csv");
        var again = (await Stored(copy)).Single();
        Assert.Equal(("'=HYPERLINK(\"http://evil\")", "'@SUM(A1)", "'+chat", "-3", "'-"), (again.Customer, again.Touchpoint, again.Channel, again.Case, again.Outcome));
        var exact = await NewWorkspace();
        await Send(exact, await ExportText("?format=ndjson"), "application/x-ndjson");
        Assert.Equal(await Stored(Workspace), await Stored(exact));
    }

    [Fact]
    public async Task Every_export_is_audited_with_who_the_period_the_format_and_the_customer_only_as_a_hash()
    {
        await Send(Workspace, Ndjson, "application/x-ndjson");
        var editor = Factory.TokenClient(await Factory.TokenAsync(Workspace, WorkspaceRole.Editor, name: "warehouse loader"));

        Assert.Equal(HttpStatusCode.OK, (await Export(editor, "?format=parquet&from=2026-11-01&to=2026-11-30&customer=c-2")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Export(editor, "?format=parquet&from=2026-11-01&to=2026-11-30&customer=c-2")).StatusCode);

        await using var db = Factory.OpenDb();
        var ws = await db.Workspaces.SingleAsync(w => w.Key == Workspace);
        var exports = await db.AuditEntries.Where(a => a.WorkspaceId == ws.Id && a.Action == AuditAction.Exported).ToListAsync();
        // The same request twice is two exports: never answered from a kept copy.
        Assert.Equal(2, exports.Count);
        Assert.All(exports, a => Assert.Contains("warehouse loader", a.ActorName));
        Assert.Equal("InteractionEvents", exports[0].EntityType);
        Assert.Equal(
            $$"""{"from":"2026-11-01T00:00:00Z","to":"2026-12-01T00:00:00Z","customer":"{{EventErasure.CustomerHash("c-2")}}","format":"parquet"}""",
            exports[0].Changes);
        Assert.DoesNotContain("c-2\"", exports[0].Changes);
        var audit = await GetOk($"{Api}/audit?entityType=InteractionEvents");
        Assert.Contains(audit.GetProperty("items").EnumerateArray(), e => e.GetProperty("action").ToString() is "Exported" or "exported" or "3");
    }

    [Fact]
    public async Task Viewers_viewer_tokens_and_event_sender_tokens_may_not_export_and_nothing_is_audited()
    {
        await Send(Workspace, Ndjson, "application/x-ndjson");
        await Factory.GrantAsync(Workspace, "viewer-export@waymark.test", WorkspaceRole.Viewer);
        await Factory.GrantAsync(Workspace, "editor-export@waymark.test", WorkspaceRole.Editor);

        var viewer = await Problem(await Export(Factory.ClientAs("viewer-export@waymark.test")), 403);
        await Problem(await Export(Factory.TokenClient(await Factory.TokenAsync(Workspace, WorkspaceRole.Viewer))), 403);
        var sender = await Problem(await Export(Factory.TokenClient(await Factory.TokenAsync(Workspace, WorkspaceRole.EventSender))), 403);
        await Problem(await Export(Factory.AnonymousClient()), 401);
        await Factory.UserAsync("stranger-export@waymark.test");
        await Problem(await Export(Factory.ClientAs("stranger-export@waymark.test")), 404);

        Assert.Contains("editor", viewer.GetProperty("detail").GetString());
        Assert.Contains("may only send events", sender.GetProperty("detail").GetString());
        await using (var db = Factory.OpenDb())
        {
            var ws = await db.Workspaces.SingleAsync(w => w.Key == Workspace);
            Assert.False(await db.AuditEntries.AnyAsync(a => a.WorkspaceId == ws.Id && a.Action == AuditAction.Exported));
        }
        var editor = await Export(Factory.ClientAs("editor-export@waymark.test"), "?format=csv");
        Assert.Equal(HttpStatusCode.OK, editor.StatusCode);
        Assert.Equal(6, (await editor.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
    }

    [Fact]
    public async Task A_bad_period_format_or_accept_header_is_refused_naming_it_and_nothing_is_audited()
    {
        Assert.Equal(["from"], ErrorFields(await Problem(await Export(Client, "?from=last+week"), 400)));
        var reversed = await Problem(await Export(Client, "?from=2026-11-30&to=2026-11-01"), 400);
        Assert.Equal(["to"], ErrorFields(reversed));
        Assert.Contains("ends before it begins", reversed.GetProperty("detail").GetString());
        Assert.Equal(["to"], ErrorFields(await Problem(await Export(Client, "?to=2300-01-01"), 400)));
        var format = await Problem(await Export(Client, "?format=xlsx"), 400);
        Assert.Equal(["format"], ErrorFields(format));
        Assert.Contains("csv, ndjson or parquet", format.GetProperty("detail").GetString());
        var accept = await Problem(await Export(Client, accept: "application/json"), 406);
        Assert.Contains("?format=", accept.GetProperty("detail").GetString());
        // A browser's Accept (*/* among others) gets CSV.
        var browser = await Export(Client, accept: "text/html,application/xhtml+xml,*/*;q=0.8");
        Assert.Equal("text/csv", browser.Content.Headers.ContentType!.MediaType);

        await using var db = Factory.OpenDb();
        var ws = await db.Workspaces.SingleAsync(w => w.Key == Workspace);
        Assert.Equal(1, await db.AuditEntries.CountAsync(a => a.WorkspaceId == ws.Id && a.Action == AuditAction.Exported));
    }

    [Fact]
    public async Task The_openapi_document_describes_the_export_formats_and_the_period()
    {
        var document = await GetOk("/openapi/v1.json");

        var get = document.GetProperty("paths").GetProperty("/api/workspaces/{workspace}/events").GetProperty("get");
        Assert.Equal(["text/csv", "application/x-ndjson", "application/vnd.apache.parquet"],
            get.GetProperty("responses").GetProperty("200").GetProperty("content").EnumerateObject().Select(p => p.Name));
        Assert.Equal(["from", "to", "customer", "format"], get.GetProperty("parameters").EnumerateArray().Select(p => p.GetProperty("name").GetString()).Where(n => n != "workspace"));
        Assert.Contains("apostrophe", get.GetProperty("description").GetString());
        Assert.Equal("exportEvents", get.GetProperty("operationId").GetString());
        Assert.All(get.GetProperty("parameters").EnumerateArray(), p => Assert.False(string.IsNullOrEmpty(p.GetProperty("description").GetString())));
    }
}
