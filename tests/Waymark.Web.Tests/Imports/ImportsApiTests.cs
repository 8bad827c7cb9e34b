using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Waymark.Domain.Kpis;
using Waymark.Web.Tests.Support;

namespace Waymark.Web.Tests.Imports;

public sealed class ImportsApiTests(WaymarkApiFactory factory) : ApiTest(factory)
{
    private static MultipartFormDataContent Form(byte[] file, string fileName, string kind, string? sheet = null, string? mapping = null)
    {
        var form = new MultipartFormDataContent();
        var content = new ByteArrayContent(file);
        content.Headers.ContentType = new MediaTypeHeaderValue(fileName.EndsWith(".xlsx") ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" : "text/csv");
        form.Add(content, "file", fileName);
        form.Add(new StringContent(kind), "kind");
        if (sheet is not null) form.Add(new StringContent(sheet), "sheet");
        if (mapping is not null) form.Add(new StringContent(mapping), "mapping");
        return form;
    }

    private async Task<JsonElement> Send(string path, MultipartFormDataContent form, int status = 200)
    {
        var response = await Client.PostAsync($"{Api}/{path}", form);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True((int)response.StatusCode == status, $"POST {path} answered {(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    private async Task<Guid> WorkspaceId()
    {
        await using var db = Factory.OpenDb();
        return (await db.Workspaces.SingleAsync(w => w.Key == Workspace)).Id;
    }

    private async Task ImportChannelsAndTouchpoints()
    {
        await Send("imports", Form(MessySheets.ChannelsCsv(), "kanäle.csv", "channels"));
        await Send("imports", Form(MessySheets.TouchpointsXlsx(), "inventar.xlsx", "touchpoints", sheet: "Kontaktpunkte"));
    }

    [Fact]
    public async Task A_messy_workbook_is_previewed_as_it_will_be_stored_then_imported_and_read_back()
    {
        var channels = await Send("imports", Form(MessySheets.ChannelsCsv(), "kanäle.csv", "channels"));
        Assert.Equal(4, channels.GetProperty("created").GetInt32());

        var preview = await Send("imports/preview", Form(MessySheets.TouchpointsXlsx(), "inventar.xlsx", "touchpoints", sheet: "Kontaktpunkte"));
        Assert.Equal(["Hinweise", "Kontaktpunkte"], preview.GetProperty("sheets").EnumerateArray().Select(s => s.GetString()));
        Assert.Equal(5, preview.GetProperty("headerRow").GetInt32());
        Assert.Empty(preview.GetProperty("problems").EnumerateArray());
        Assert.Equal("name=Bezeichnung,channel=Kanal,category=Kategorie,relevance=Relevanz,momentOfTruth=Moment of Truth,eventKey=Event-Schlüssel",
            preview.GetProperty("mapping").GetString());
        var rows = preview.GetProperty("rows").EnumerateArray().ToList();
        Assert.Equal([6, 8, 9], rows.Select(r => r.GetProperty("row").GetInt32()));
        Assert.All(rows, r => Assert.Equal("new", r.GetProperty("action").GetString()));
        Assert.Equal("Filialberatung", rows[0].GetProperty("values").GetProperty("name").GetString());
        Assert.Equal("Brief", rows[1].GetProperty("values").GetProperty("channel").GetString());
        Assert.Equal("Billing", rows[1].GetProperty("values").GetProperty("category").GetString());
        Assert.Equal("4", rows[2].GetProperty("values").GetProperty("relevance").GetString());

        var imported = await Send("imports", Form(MessySheets.TouchpointsXlsx(), "inventar.xlsx", "touchpoints", sheet: "Kontaktpunkte"));
        Assert.Equal(3, imported.GetProperty("created").GetInt32());

        await using var db = Factory.OpenDb();
        var ws = await WorkspaceId();
        var stored = await db.Touchpoints.Where(t => t.WorkspaceId == ws).OrderBy(t => t.Name).ToListAsync();
        var channelNames = await db.Channels.Where(c => c.WorkspaceId == ws).ToDictionaryAsync(c => c.Id, c => c.Name);
        Assert.Equal(["Filialberatung", "Hotline", "Rechnung per Post"], stored.Select(t => t.Name));
        Assert.Equal(["Filiale", "Telefon", "Brief"], stored.Select(t => channelNames[t.ChannelId]));
        Assert.Equal([5, 4, 3], stored.Select(t => t.Relevance));
        Assert.Equal([true, true, false], stored.Select(t => t.IsMomentOfTruth));
        Assert.Equal(["store-advice", "support-call", null], stored.Select(t => t.EventKey));
        Assert.Equal(Domain.Touchpoints.TouchpointCategory.ConversationsWithStaff, stored[0].Category);
        Assert.Equal(Domain.Touchpoints.TouchpointCategory.SupportChannels, stored[1].Category);
        Assert.True(await db.AuditEntries.CountAsync(a => a.WorkspaceId == ws && a.EntityType == "Touchpoint") >= 3);
    }

    [Fact]
    public async Task Importing_the_same_sheets_twice_updates_instead_of_duplicating()
    {
        await ImportChannelsAndTouchpoints();
        var again = await Send("imports/preview", Form(MessySheets.TouchpointsXlsx(), "inventar.xlsx", "touchpoints", sheet: "Kontaktpunkte"));
        Assert.Equal(["updates Filialberatung", "updates Rechnung per Post", "updates Hotline"],
            again.GetProperty("rows").EnumerateArray().Select(r => r.GetProperty("action").GetString()));
        var second = await Send("imports", Form(MessySheets.TouchpointsXlsx(), "inventar.xlsx", "touchpoints", sheet: "Kontaktpunkte"));
        Assert.Equal(0, second.GetProperty("created").GetInt32());
        Assert.Equal(3, second.GetProperty("updated").GetInt32());
        await Send("imports", Form(MessySheets.EvaluationsCsv("8"), "bewertungen.csv", "evaluations"));
        await Send("imports", Form(MessySheets.EvaluationsCsv("8"), "bewertungen.csv", "evaluations"));

        await using var db = Factory.OpenDb();
        var ws = await WorkspaceId();
        Assert.Equal(3, await db.Touchpoints.CountAsync(t => t.WorkspaceId == ws));
        Assert.Equal(4, await db.Channels.CountAsync(c => c.WorkspaceId == ws));
        Assert.Equal(4, await db.Evaluations.CountAsync(e => e.WorkspaceId == ws));
    }

    [Fact]
    public async Task One_bad_row_is_named_by_row_and_column_and_nothing_is_imported()
    {
        await ImportChannelsAndTouchpoints();
        var preview = await Send("imports/preview", Form(MessySheets.EvaluationsCsv(), "bewertungen.csv", "evaluations"));
        var problem = Assert.Single(preview.GetProperty("problems").EnumerateArray());
        Assert.Equal(5, problem.GetProperty("row").GetInt32());
        Assert.Equal("Score", problem.GetProperty("column").GetString());
        Assert.Equal("'elf' is not a number from 1 to 10.", problem.GetProperty("message").GetString());
        Assert.Equal("new", preview.GetProperty("rows")[0].GetProperty("action").GetString());
        Assert.Equal("2026-12-31", preview.GetProperty("rows")[1].GetProperty("values").GetProperty("evaluatedOn").GetString());

        var refused = await Problem(await Client.PostAsync($"{Api}/imports", Form(MessySheets.EvaluationsCsv(), "bewertungen.csv", "evaluations")), 400);
        Assert.Equal(["row 5, column 'Score'"], ErrorFields(refused));
        Assert.Contains("nothing was imported", refused.GetProperty("detail").GetString());

        var ws = await WorkspaceId();
        await using var db = Factory.OpenDb();
        Assert.Equal(0, await db.Evaluations.CountAsync(e => e.WorkspaceId == ws));
    }

    [Fact]
    public async Task Unknown_names_and_a_missing_required_column_are_problems_and_no_channel_is_made_up()
    {
        await Send("imports", Form(MessySheets.ChannelsCsv(), "kanäle.csv", "channels"));
        var csv = Encoding.UTF8.GetBytes("Name;Kanal;Kategorie;Phasen\nApp-Push;App;Benachrichtigung;Awareness, Nirwana\nFiliale innen;Filiale;Kasse;Purchase\n");
        var preview = await Send("imports/preview", Form(csv, "tp.csv", "touchpoints"));
        var problems = preview.GetProperty("problems").EnumerateArray().Select(p => $"{p.GetProperty("row").GetInt32()} {p.GetProperty("column").GetString()}: {p.GetProperty("message").GetString()}").ToList();
        Assert.Equal(2, problems.Count);
        Assert.StartsWith("2 Kanal: There is no channel 'App' in this workspace; import the channels first", problems[0]);
        Assert.StartsWith("2 Phasen: There is no phase 'Nirwana' in this workspace; its phases are 'Awareness'", problems[1]);
        Assert.Equal("new", preview.GetProperty("rows")[1].GetProperty("action").GetString());

        var noChannel = await Send("imports/preview", Form(Encoding.UTF8.GetBytes("Name;Notiz\nApp-Push;x\n"), "tp.csv", "touchpoints"));
        Assert.Contains(noChannel.GetProperty("problems").EnumerateArray(), p => p.GetProperty("message").GetString()!.StartsWith("No column is chosen for Channel"));

        await Problem(await Client.PostAsync($"{Api}/imports", Form(csv, "tp.csv", "touchpoints")), 400);
        await using var db = Factory.OpenDb();
        var ws = await WorkspaceId();
        Assert.Equal(0, await db.Touchpoints.CountAsync(t => t.WorkspaceId == ws));
        Assert.False(await db.Channels.AnyAsync(c => c.WorkspaceId == ws && c.Name == "App"));
    }

    [Fact]
    public async Task KPI_figures_with_decimal_commas_are_recorded_as_imports_and_corrected_on_the_second_import()
    {
        await PostOk($"{Api}/kpis", new { name = "Zufriedenheit Ø", unit = "points" });
        await PostOk($"{Api}/kpis", new { name = "Anrufe", unit = "calls", direction = "lowerIsBetter" });
        var first = await Send("imports", Form(MessySheets.KpiMeasurementsCsv(), "kpi.csv", "kpi-measurements"));
        Assert.Equal(3, first.GetProperty("created").GetInt32());
        var second = await Send("imports", Form(MessySheets.KpiMeasurementsCsv(), "kpi.csv", "kpi-measurements"));
        Assert.Equal(3, second.GetProperty("updated").GetInt32());

        await using var db = Factory.OpenDb();
        var ws = await WorkspaceId();
        var measured = await db.KpiMeasurements.Where(m => m.WorkspaceId == ws).ToListAsync();
        Assert.Equal([7.5, 8.25, 1234.5], measured.OrderBy(m => m.Value).Select(m => m.Value));
        Assert.All(measured, m => Assert.Equal(MeasurementSource.Import, m.Source));
        Assert.Contains(measured, m => m.MeasuredAt == new DateTimeOffset(2026, 11, 30, 0, 0, 0, TimeSpan.Zero) && m.Note == "Umfrage November");
        Assert.Equal(2, (await db.Kpis.SingleAsync(k => k.WorkspaceId == ws && k.Name == "Zufriedenheit Ø")).MeasurementCount);
    }

    [Fact]
    public async Task The_mapping_of_an_import_is_remembered_per_kind_and_offered_next_time()
    {
        Assert.Equal(0, (await GetOk($"{Api}/imports/mappings/channels")).GetProperty("version").GetInt32());
        var csv = Encoding.UTF8.GetBytes("Wo;Wie\nKiosk;analog\n");
        await Send("imports", Form(csv, "k.csv", "channels", mapping: "name=Wo,kind=Wie"));
        var remembered = await GetOk($"{Api}/imports/mappings/channels");
        Assert.Equal("name=Wo,kind=Wie", remembered.GetProperty("mapping").GetString());
        Assert.Equal(JsonValueKind.Null, (await GetOk($"{Api}/imports/mappings/touchpoints")).GetProperty("mapping").ValueKind);

        var next = await Send("imports/preview", Form(Encoding.UTF8.GetBytes("Notiz\nWo;Wie\nMesse;analog\n"), "k.csv", "channels"));
        Assert.Equal(2, next.GetProperty("headerRow").GetInt32());
        Assert.Equal("new", next.GetProperty("rows")[0].GetProperty("action").GetString());
        Assert.Equal("Messe", next.GetProperty("rows")[0].GetProperty("values").GetProperty("name").GetString());

        var saved = await PutOk($"{Api}/imports/mappings/channels", new { mapping = "name=Kanal", version = remembered.GetProperty("version").GetInt32() });
        Assert.Equal("name=Kanal", saved.GetProperty("mapping").GetString());
        var bad = await Problem(await Client.PutAsJsonAsync($"{Api}/imports/mappings/channels", new { mapping = "farbe=Rot", version = saved.GetProperty("version").GetInt32() }), 400);
        Assert.Contains("have no field 'farbe'", bad.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task A_header_with_a_remark_is_suggested_for_its_field_and_the_exact_header_wins()
    {
        var csv = Encoding.UTF8.GetBytes("Touchpoint;Datum;Score;Erwartung (1-10);Erwartung;Wert (€)\nHotline;31.12.2026;7;8;schnell;\n");
        var preview = await Send("imports/preview", Form(csv, "e.csv", "evaluations"));
        var columns = preview.GetProperty("fields").EnumerateArray()
            .ToDictionary(f => f.GetProperty("field").GetString()!, f => f.GetProperty("column").GetString());
        Assert.Equal("Erwartung", columns["expectation"]);
        Assert.Equal("Erwartung (1-10)", columns["expectationLevel"]);
        Assert.Equal("Score", columns["score"]);
    }

    [Fact]
    public async Task Viewers_are_refused_and_a_file_above_the_limit_is_413()
    {
        await Factory.GrantAsync(Workspace, "viewer@imports.test", Storage.Access.WorkspaceRole.Viewer);
        var viewer = Factory.ClientAs("viewer@imports.test");
        await Problem(await viewer.PostAsync($"{Api}/imports/preview", Form(MessySheets.ChannelsCsv(), "k.csv", "channels")), 403);
        await Problem(await viewer.GetAsync($"{Api}/imports/mappings/channels"), 403);

        var huge = new byte[Features.Imports.ImportsApi.BodyLimit + 1];
        await Problem(await Client.PostAsync($"{Api}/imports", Form(huge, "huge.csv", "channels")), 413);

        var notAForm = await Problem(await Client.PostAsync($"{Api}/imports", new StringContent("{}", Encoding.UTF8, "application/json")), 400);
        Assert.Equal(["file"], ErrorFields(notAForm));
        var unknownKind = await Problem(await Client.PostAsync($"{Api}/imports/preview", Form(MessySheets.ChannelsCsv(), "k.csv", "wishes")), 400);
        Assert.Equal(["kind"], ErrorFields(unknownKind));
    }
}
