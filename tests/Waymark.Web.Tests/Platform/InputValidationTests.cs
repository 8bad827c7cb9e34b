using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Waymark.Web.Tests.Journeys;
using Waymark.Web.Tests.Support;

namespace Waymark.Web.Tests.Platform;

/// <summary>
/// Input that must be refused with a 400 naming the field rather than stored: a required value left out (it used to
/// silently become 0 or the first choice), dates outside any sensible range, and characters no person types.
/// </summary>
public class InputValidationTests(WaymarkApiFactory factory) : JourneyApiTest(factory)
{
    private async Task AssertRefused(HttpMethod method, string path, string json, string field)
    {
        var problem = await Problem(await SendRaw(method, path, json), 400);
        Assert.Contains(field, ErrorFields(problem));
        Assert.Contains($"'{field}'", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Required_choices_numbers_and_ids_left_out_are_refused_naming_the_field()
    {
        var (channel, _) = await CreateChannel();
        var map = await BuildMap(("Look", ["see ad", "compare"]), ("Buy", ["pay"]));
        var journey = IdOf(map);
        var phase = (await PhaseIds())[0];
        var touchpoint = await SeedTouchpoint("Shop window", channel);

        await AssertRefused(HttpMethod.Post, $"{Api}/channels", """{ "name": "Chat", "reach": "direct" }""", "kind");
        await AssertRefused(HttpMethod.Post, $"{Api}/channels", """{ "name": "Chat", "kind": "digital" }""", "reach");
        await AssertRefused(HttpMethod.Put, $"{Api}/channels/{channel}", """{ "name": "Phone", "reach": "direct", "version": 1 }""", "kind");
        await AssertRefused(HttpMethod.Post, $"{Api}/touchpoints", $$"""{ "name": "Chat bot", "channelId": "{{channel}}" }""", "category");
        await AssertRefused(HttpMethod.Post, $"{Api}/touchpoints", """{ "name": "Chat bot", "category": "supportChannels" }""", "channelId");
        await AssertRefused(HttpMethod.Post, $"{Api}/phases/{phase}/move", "{}", "position");
        await AssertRefused(HttpMethod.Post, $"{Journeys}/{journey}/stages/{StageId(map, "Buy")}/move", "{}", "position");
        await AssertRefused(HttpMethod.Post, $"{Journeys}/{journey}/steps/{StepId(map, "compare")}/move", $$"""{ "stageId": "{{StageId(map, "Buy")}}" }""", "position");
        await AssertRefused(HttpMethod.Post, $"{Journeys}/{journey}/steps/{StepId(map, "compare")}/move", """{ "position": 0 }""", "stageId");
        await AssertRefused(HttpMethod.Post, $"{Api}/evaluations", $$"""{ "score": 7, "touchpointId": "{{touchpoint}}" }""", "evaluatedOn");
        await AssertRefused(HttpMethod.Post, $"{Api}/evaluations", $$"""{ "evaluatedOn": "2025-05-01", "touchpointId": "{{touchpoint}}" }""", "score");
        await AssertRefused(HttpMethod.Post, $"{Api}/evaluations/batch", $$"""{ "items": [ { "score": 7, "evaluatedOn": "2025-05-01", "touchpointId": "{{touchpoint}}" }, { "evaluatedOn": "2025-05-01", "touchpointId": "{{touchpoint}}" } ] }""", "items[1].score");

        // Nothing of it was stored or moved.
        Assert.Equal(["Look: see ad, compare", "Buy: pay"], Layout(await GetOk($"{Journeys}/{journey}")));
        await using var db = Factory.OpenDb();
        var workspace = await WorkspaceId();
        Assert.False(await db.Channels.AnyAsync(c => c.WorkspaceId == workspace && c.Name == "Chat"));
        Assert.False(await db.Touchpoints.AnyAsync(t => t.WorkspaceId == workspace && t.Name == "Chat bot"));
        Assert.False(await db.Evaluations.AnyAsync(e => e.WorkspaceId == workspace));
        Assert.Equal(0, (await db.Phases.SingleAsync(p => p.Id == phase)).Position);
    }

    [Theory]
    [InlineData("0001-01-01")]
    [InlineData("9999-12-31")]
    [InlineData("1949-12-31")]
    [InlineData("2101-01-01")]
    public async Task Dates_outside_a_sensible_range_are_refused_for_evaluations_due_dates_and_measurements(string date)
    {
        var (channel, _) = await CreateChannel();
        var touchpoint = await SeedTouchpoint("Shop window", channel);
        var kpi = IdOf(await PostOk($"{Api}/kpis", new { name = "Wait time", unit = "min" }));

        var evaluation = await Problem(await Send(HttpMethod.Post, $"{Api}/evaluations", new { score = 6, evaluatedOn = date, touchpointId = touchpoint }), 400);
        Assert.Contains("evaluatedOn", ErrorFields(evaluation));
        Assert.Contains("1 January 1950 to 31 December 2100", evaluation.GetProperty("detail").GetString());
        Assert.Contains(date, evaluation.GetProperty("detail").GetString());
        var action = await Problem(await Send(HttpMethod.Post, $"{Api}/actions", new { title = "Shorter queue", dueOn = date }), 400);
        Assert.Contains("dueOn", ErrorFields(action));
        var measurement = await Problem(await Send(HttpMethod.Post, $"{Api}/kpis/{kpi}/measurements",
            new { measurements = new[] { new { value = 3, measuredAt = $"{date}T12:00:00Z" } } }), 400);
        Assert.Contains("measuredAt", string.Join(" ", ErrorFields(measurement)));

        await using var db = Factory.OpenDb();
        var workspace = await WorkspaceId();
        Assert.False(await db.Evaluations.AnyAsync(e => e.WorkspaceId == workspace));
        Assert.False(await db.Improvements.AnyAsync(i => i.WorkspaceId == workspace));
    }

    [Fact]
    public async Task The_edges_of_the_date_range_are_taken()
    {
        var (channel, _) = await CreateChannel();
        var touchpoint = await SeedTouchpoint("Shop window", channel);
        await PostOk($"{Api}/evaluations", new { score = 6, evaluatedOn = "1950-01-01", touchpointId = touchpoint });
        await PostOk($"{Api}/actions", new { title = "Long-term plan", dueOn = "2100-12-31" });
    }

    public static TheoryData<string, string, string> ControlCharacters => new()
    {
        { "channels", "name", "Chat\u0000bot" },
        { "channels", "description", "a\u0000b" },
        { "channels", "description", "Line one\u001bline two" },
        { "channels", "name", "Chat\nbot" },
        { "channels", "name", "Chat\u0085bot" },
        { "departments", "name", "Sales\u0007" },
        { "people", "role", "Head\tof sales" },
        { "personas", "occupation", "Teacher\u0000" },
    };

    [Theory]
    [MemberData(nameof(ControlCharacters))]
    public async Task Control_characters_no_person_types_are_refused_naming_the_field(string resource, string field, string text)
    {
        var body = new JsonObject { ["name"] = "Valid name", ["kind"] = "digital", ["reach"] = "direct" };
        body[field] = text;
        var problem = await Problem(await Send(HttpMethod.Post, $"{Api}/{resource}", body), 400);
        Assert.Equal([field], ErrorFields(problem));
        Assert.Matches("control character|one line", problem.GetProperty("detail").GetString());
        // PostgreSQL cannot store a NUL and once answered 409 "name already taken" instead.
        if (text.Contains('\u0000')) Assert.Contains("control character (U+0000)", problem.GetProperty("detail").GetString());

        await using var db = Factory.OpenDb();
        var workspace = await WorkspaceId();
        Assert.False(await db.Channels.AnyAsync(c => c.WorkspaceId == workspace));
        Assert.False(await db.Departments.AnyAsync(c => c.WorkspaceId == workspace));
        Assert.False(await db.People.AnyAsync(c => c.WorkspaceId == workspace));
    }

    [Fact]
    public async Task Line_breaks_and_tabs_are_kept_in_texts_of_several_lines()
    {
        var channel = await PostOk($"{Api}/channels", new { name = "Chat", kind = "digital", reach = "direct", description = "Open 9–17\n\tweekends closed\r\nno holidays" });
        Assert.Equal("Open 9–17\n\tweekends closed\r\nno holidays", channel.GetProperty("description").GetString());
        var map = await BuildMap(("Look", ["see ad"]));
        var step = StepId(map, "see ad");
        var problem = await Problem(await Send(HttpMethod.Put, $"{Journeys}/{IdOf(map)}/steps/{step}", new { action = "see ad", notes = "fine\nstill fine\u0000", version = 1 }), 400);
        Assert.Equal(["notes"], ErrorFields(problem));
    }

    [Fact]
    public async Task Control_characters_in_an_import_are_refused_with_the_field()
    {
        var doc = JsonNode.Parse(await Client.GetStringAsync($"{Api}/export"))!;
        doc["channels"] = new JsonArray(new JsonObject { ["id"] = Guid.NewGuid(), ["name"] = "Chat\u0000", ["kind"] = "digital", ["reach"] = "direct", ["description"] = null });
        var response = await Client.PostAsync("/api/workspaces/import?key=ctl-" + Guid.NewGuid().ToString("N")[..8], new StringContent(doc.ToJsonString(), Encoding.UTF8, "application/json"));
        var problem = await Problem(response, 400);
        Assert.Contains("channels[0].name", ErrorFields(problem));
    }

    [Fact]
    public async Task A_required_value_left_out_of_an_import_is_refused_with_its_line_and_field()
    {
        var doc = JsonNode.Parse(await Client.GetStringAsync($"{Api}/export"))!;
        doc["channels"] = new JsonArray(new JsonObject { ["id"] = Guid.NewGuid(), ["name"] = "Chat", ["reach"] = "direct", ["description"] = null });
        var text = doc.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true });
        var key = "req-" + Guid.NewGuid().ToString("N")[..8];
        var problem = await Problem(await Client.PostAsync($"/api/workspaces/import?key={key}", new StringContent(text, Encoding.UTF8, "application/json")), 400);
        Assert.Contains("channels[0].kind", ErrorFields(problem));
        Assert.Matches(@"^line \d+, channels\[0\]\.kind: ", problem.GetProperty("errors").GetProperty("channels[0].kind")[0].GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await Client.GetAsync($"/api/workspaces/{key}")).StatusCode);
    }

    [Fact]
    public async Task An_import_that_is_not_valid_utf8_is_refused_with_its_line_and_creates_nothing()
    {
        var doc = JsonNode.Parse(await Client.GetStringAsync($"{Api}/export"))!;
        doc["channels"] = new JsonArray(new JsonObject { ["id"] = Guid.NewGuid(), ["name"] = "CAFE_NAME", ["kind"] = "digital", ["reach"] = "direct", ["description"] = null });
        var text = doc.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true });
        var line = text.Split('\n').Select((l, i) => (l, i)).Single(x => x.l.Contains("CAFE_NAME")).i + 1;
        var bytes = Encoding.UTF8.GetBytes(text).ToList();
        var at = Encoding.UTF8.GetBytes(text[..text.IndexOf("CAFE_NAME", StringComparison.Ordinal)]).Length + 3;
        bytes[at] = 0xE9; // "CAF\xE9" in Latin-1: not UTF-8.
        var key = "utf-" + Guid.NewGuid().ToString("N")[..8];
        var content = new ByteArrayContent(bytes.ToArray());
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");

        var problem = await Problem(await Client.PostAsync($"/api/workspaces/import?key={key}", content), 400);
        Assert.Contains("UTF-8", problem.GetProperty("detail").GetString());
        Assert.Contains($"line {line}", problem.GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await Client.GetAsync($"/api/workspaces/{key}")).StatusCode);
        await using var db = Factory.OpenDb();
        Assert.False(await db.Channels.AnyAsync(c => c.Name.StartsWith("CAF")));
    }
}
