using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Waymark.Web.Tests.Support;

namespace Waymark.Web.Tests.Exchange;

public sealed class DemoFactory() : WaymarkApiFactory(seedDemo: true);

public sealed partial class ExchangeTests(DemoFactory factory) : IClassFixture<DemoFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task Export_then_import_then_export_gives_the_same_document_apart_from_identifiers()
    {
        var original = await _client.GetStringAsync("/api/workspaces/demo/export");

        var import = await _client.PostAsync("/api/workspaces/import", new StringContent(original, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.Created, import.StatusCode);
        var created = JsonNode.Parse(await import.Content.ReadAsStringAsync())!;
        var key = created["key"]!.GetValue<string>();
        Assert.NotEqual("demo", key);

        var again = await _client.GetStringAsync($"/api/workspaces/{key}/export");

        Assert.Equal(WithoutIdentifiers(original), WithoutIdentifiers(again));
        Assert.NotEqual(original, again);
    }

    [Fact]
    public async Task An_imported_workspace_keeps_its_references_between_touchpoints_channels_and_journey_steps()
    {
        var original = JsonNode.Parse(await _client.GetStringAsync("/api/workspaces/demo/export"))!;
        var import = await _client.PostAsync("/api/workspaces/import?key=demo-copy&name=Copy", new StringContent(original.ToJsonString(), Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.Created, import.StatusCode);
        var copy = JsonNode.Parse(await _client.GetStringAsync("/api/workspaces/demo-copy/export"))!;

        Assert.Equal("Copy", copy["workspace"]!["name"]!.GetValue<string>());
        Assert.Equal(ChannelOfEachTouchpoint(original), ChannelOfEachTouchpoint(copy));
        Assert.Equal(TouchpointsOfEachStep(original), TouchpointsOfEachStep(copy));
    }

    [Fact]
    public async Task The_demo_export_holds_every_part_of_the_workspace()
    {
        var doc = JsonNode.Parse(await _client.GetStringAsync("/api/workspaces/demo/export"))!;
        Assert.Equal("waymark-workspace", doc["format"]!.GetValue<string>());
        Assert.True(doc["personas"]!.AsArray().Count >= 3);
        Assert.True(doc["touchpoints"]!.AsArray().Count >= 40);
        Assert.True(doc["channels"]!.AsArray().Count >= 10);
        Assert.True(doc["journeys"]!.AsArray().Count >= 3);
        Assert.True(doc["evaluations"]!.AsArray().Count > 0);
        Assert.True(doc["kpis"]!.AsArray().Count >= 8);
        Assert.All(doc["kpis"]!.AsArray(), k => Assert.True(k!["measurements"]!.AsArray().Count >= 12));
        Assert.True(doc["improvements"]!.AsArray().Count(i => i!["kind"]!.GetValue<string>() == "action") >= 12);
    }

    [Fact]
    public async Task A_document_with_a_broken_item_is_refused_with_its_place_and_creates_nothing()
    {
        var doc = JsonNode.Parse(await _client.GetStringAsync("/api/workspaces/demo/export"))!;
        doc["touchpoints"]![3]!["relevance"] = 9;
        doc["journeys"]![0]!["stages"]![1]!["steps"]![0]!["touchpointIds"] = new JsonArray(JsonValue.Create(Guid.NewGuid()));
        var before = await CountWorkspaces();

        var text = doc.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true });
        var response = await _client.PostAsync("/api/workspaces/import?key=broken", new StringContent(text, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        var fields = problem["errors"]!.AsObject().Select(e => e.Key).ToList();
        Assert.Contains("touchpoints[3].relevance", fields);
        Assert.Contains("journeys[0].stages[1].steps[0].touchpointIds[0]", fields);
        // The document as sent was one line per value (indented), so the line names where the bad value sits.
        Assert.Matches(@"^line \d+, touchpoints\[3\]\.relevance: ", problem["errors"]!["touchpoints[3].relevance"]![0]!.GetValue<string>());
        var relevanceLine = text.Split('\n').Select((l, i) => (l, i)).Where(x => x.l.Contains("\"relevance\": 9")).Select(x => x.i + 1).Single();
        Assert.StartsWith($"line {relevanceLine}, ", problem["errors"]!["touchpoints[3].relevance"]![0]!.GetValue<string>());
        Assert.Equal(before, await CountWorkspaces());
        Assert.Equal(HttpStatusCode.NotFound, (await _client.GetAsync("/api/workspaces/broken")).StatusCode);
    }

    [Fact]
    public async Task A_document_that_is_not_json_is_refused_with_the_line()
    {
        var response = await _client.PostAsync("/api/workspaces/import", new StringContent("{\n  \"format\": \"waymark-workspace\",\n  \"phases\": [ { \"id\": 12 } ]\n}", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Contains("line 3", problem["detail"]!.GetValue<string>());
    }

    [Fact]
    public async Task Importing_under_a_key_that_is_taken_is_a_conflict()
    {
        var doc = await _client.GetStringAsync("/api/workspaces/demo/export");
        var response = await _client.PostAsync("/api/workspaces/import?key=demo", new StringContent(doc, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
    }

    [Fact]
    public async Task Kpi_bindings_and_the_service_contact_definition_come_through_export_and_import()
    {
        var demo = await _client.GetStringAsync("/api/workspaces/demo/export");
        Assert.Equal(HttpStatusCode.Created, (await _client.PostAsync("/api/workspaces/import?key=bound-from", new StringContent(demo, Encoding.UTF8, "application/json"))).StatusCode);
        var source = JsonNode.Parse(await _client.GetStringAsync("/api/workspaces/bound-from/export"))!;
        var (conversion, conformance) = (source["kpis"]![0]!["id"]!.GetValue<string>(), source["kpis"]![1]!["id"]!.GetValue<string>());
        var map = source["journeys"]![1]!["id"]!.GetValue<string>();
        await Put($"/api/workspaces/bound-from/kpis/{conversion}/binding",
            new { measure = "conversion", grain = "week", touchpoint = "order-placed", channel = "web", version = await KpiVersion("bound-from", conversion) });
        await Put($"/api/workspaces/bound-from/kpis/{conformance}/binding",
            new { measure = "mapConformance", grain = "month", journeyId = map, version = await KpiVersion("bound-from", conformance) });
        await Put("/api/workspaces/bound-from/service-contacts",
            new { touchpoints = new[] { "hotline-call", "service-chat" }, channels = new[] { "phone", "chat" }, resolvedOutcomes = new[] { "solved" }, unresolvedOutcomes = new[] { "open" } });
        await Put("/api/workspaces/bound-from/events/mapping", new { map = "customer=cust_id,time=ts,activity=activity" });

        var exported = await _client.GetStringAsync("/api/workspaces/bound-from/export");
        var import = await _client.PostAsync("/api/workspaces/import?key=bound-to", new StringContent(exported, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.Created, import.StatusCode);

        Assert.Equal(await Bindings("bound-from"), await Bindings("bound-to"));
        Assert.Contains("conversion: week at order-placed in web", await Bindings("bound-to"));
        Assert.Contains($"mapConformance: month against {source["journeys"]![1]!["name"]!.GetValue<string>()}", await Bindings("bound-to"));
        var (before, after) = (await ServiceContacts("bound-from"), await ServiceContacts("bound-to"));
        Assert.False(after["builtIn"]!.GetValue<bool>());
        foreach (var list in new[] { "touchpoints", "channels", "resolvedOutcomes", "unresolvedOutcomes", "description" })
            Assert.True(JsonNode.DeepEquals(before[list], after[list]), $"{list}: {before[list]} became {after[list]}");
        Assert.Equal("customer=cust_id,time=ts,activity=activity",
            JsonNode.Parse(await _client.GetStringAsync("/api/workspaces/bound-to/events/mapping"))!["map"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_document_from_before_bindings_and_service_contacts_were_carried_imports_with_the_built_in_definition()
    {
        var doc = JsonNode.Parse(await _client.GetStringAsync("/api/workspaces/demo/export"))!.AsObject();
        doc.Remove("serviceContacts");
        foreach (var kpi in doc["kpis"]!.AsArray()) kpi!.AsObject().Remove("binding");

        var import = await _client.PostAsync("/api/workspaces/import?key=older-file", new StringContent(doc.ToJsonString(), Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.Created, import.StatusCode);
        Assert.True((await ServiceContacts("older-file"))["builtIn"]!.GetValue<bool>());
        Assert.Null(JsonNode.Parse(await _client.GetStringAsync("/api/workspaces/older-file/events/mapping"))!["map"]);
        Assert.All(await Bindings("older-file"), b => Assert.EndsWith(": none", b));
    }

    private async Task Put(string url, object body)
    {
        var response = await _client.PutAsJsonAsync(url, body);
        Assert.True(response.IsSuccessStatusCode, $"{url}: {await response.Content.ReadAsStringAsync()}");
    }

    private async Task<int> KpiVersion(string workspace, string id) =>
        JsonNode.Parse(await _client.GetStringAsync($"/api/workspaces/{workspace}/kpis/{id}"))!["version"]!.GetValue<int>();

    private async Task<JsonNode> ServiceContacts(string workspace) =>
        JsonNode.Parse(await _client.GetStringAsync($"/api/workspaces/{workspace}/service-contacts"))!;

    /// <summary>Each KPI's binding in words, its map by name, so two workspaces with different ids compare.</summary>
    private async Task<List<string>> Bindings(string workspace)
    {
        var doc = JsonNode.Parse(await _client.GetStringAsync($"/api/workspaces/{workspace}/export"))!;
        var maps = doc["journeys"]!.AsArray().ToDictionary(j => j!["id"]!.GetValue<string>(), j => j!["name"]!.GetValue<string>());
        var described = new List<string>();
        foreach (var kpi in doc["kpis"]!.AsArray())
        {
            var b = JsonNode.Parse(await _client.GetStringAsync($"/api/workspaces/{workspace}/kpis/{kpi!["id"]!.GetValue<string>()}"))!["binding"];
            described.Add(b is null ? $"{kpi["name"]}: none" : $"{b["measure"]}: {b["grain"]}"
                + (b["touchpoint"] is { } t ? $" at {t}" : "") + (b["channel"] is { } c ? $" in {c}" : "")
                + (b["journeyId"] is { } j ? $" against {maps[j.GetValue<string>()]}" : ""));
        }
        return described;
    }

    private async Task<int> CountWorkspaces()
    {
        await using var db = factory.OpenDb();
        return await db.Workspaces.CountAsync();
    }

    private static string WithoutIdentifiers(string json)
    {
        var node = JsonNode.Parse(json)!;
        node["workspace"]!["key"] = "<key>";
        return GuidPattern().Replace(node.ToJsonString(), "<id>");
    }

    private static List<string> ChannelOfEachTouchpoint(JsonNode doc)
    {
        var channels = doc["channels"]!.AsArray().ToDictionary(c => c!["id"]!.GetValue<string>(), c => c!["name"]!.GetValue<string>());
        return doc["touchpoints"]!.AsArray().Select(t => t!["name"]!.GetValue<string>() + " @ " + channels[t["channelId"]!.GetValue<string>()]).ToList();
    }

    private static List<string> TouchpointsOfEachStep(JsonNode doc)
    {
        var names = doc["touchpoints"]!.AsArray().ToDictionary(t => t!["id"]!.GetValue<string>(), t => t!["name"]!.GetValue<string>());
        return doc["journeys"]!.AsArray()
            .SelectMany(j => j!["stages"]!.AsArray()).SelectMany(s => s!["steps"]!.AsArray())
            .Select(p => p!["action"]!.GetValue<string>() + ": " + string.Join(", ", p!["touchpointIds"]!.AsArray().Select(id => names[id!.GetValue<string>()])))
            .ToList();
    }

    [GeneratedRegex("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")]
    private static partial Regex GuidPattern();
}
