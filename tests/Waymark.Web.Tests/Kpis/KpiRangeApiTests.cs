using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Waymark.Storage.Access;
using Waymark.Web.Tests.Exchange;
using Waymark.Web.Tests.Support;

namespace Waymark.Web.Tests.Kpis;

/// <summary>A KPI's valid range (NPS −100…100, percentages 0…100) and corrections of measurements with version and audit.</summary>
public sealed class KpiRangeApiTests(WaymarkApiFactory factory) : ApiTest(factory)
{
    private async Task<Guid> Nps() =>
        (await PostOk($"{Api}/kpis", new { name = "NPS", unit = "points", target = 40, validMinimum = -100, validMaximum = 100 })).GetProperty("id").GetGuid();

    private async Task<JsonElement> Measure(Guid kpi, double value, string at = "2026-03-01T12:00:00Z") =>
        (await PostOk($"{Api}/kpis/{kpi}/measurements", new { measurements = new[] { new { value, measuredAt = at } } })).GetProperty("measurements")[0];

    [Fact]
    public async Task A_measurement_outside_the_valid_range_is_refused_naming_the_field_and_the_range()
    {
        var id = await Nps();
        var read = await GetOk($"{Api}/kpis/{id}");
        Assert.Equal(-100, read.GetProperty("validMinimum").GetDouble());
        Assert.Equal(100, read.GetProperty("validMaximum").GetDouble());

        var problem = await Problem(await Client.PostAsJsonAsync($"{Api}/kpis/{id}/measurements",
            new { measurements = new[] { new { value = -99_999_999.0, measuredAt = "2026-03-01T12:00:00Z" } } }, WaymarkApiFactory.Json), 400);

        Assert.Equal(["measurements[0].value"], ErrorFields(problem));
        var detail = problem.GetProperty("detail").GetString()!;
        Assert.Contains("between -100 and 100", detail);
        Assert.Contains("-99999999", detail);
        Assert.Equal(0, (await GetOk($"{Api}/kpis/{id}/measurements")).GetProperty("total").GetInt32());
        // Inside the range, at its edge, is fine.
        Assert.Equal(-100, (await Measure(id, -100)).GetProperty("value").GetDouble());
    }

    [Fact]
    public async Task A_range_upside_down_or_a_target_outside_it_is_refused_by_field()
    {
        var upsideDown = await Problem(await Client.PostAsJsonAsync($"{Api}/kpis", new { name = "CSAT", unit = "%", validMinimum = 100, validMaximum = 0 }, WaymarkApiFactory.Json), 400);
        Assert.Equal(["validMaximum"], ErrorFields(upsideDown));
        var target = await Problem(await Client.PostAsJsonAsync($"{Api}/kpis", new { name = "CSAT", unit = "%", target = 120, validMinimum = 0, validMaximum = 100 }, WaymarkApiFactory.Json), 400);
        Assert.Equal(["target"], ErrorFields(target));
    }

    [Fact]
    public async Task A_range_is_not_set_while_measurements_lie_outside_it()
    {
        var id = (await PostOk($"{Api}/kpis", new { name = "CSAT", unit = "%" })).GetProperty("id").GetGuid();
        await Measure(id, 140, "2026-02-01T12:00:00Z");
        await Measure(id, 80, "2026-03-01T12:00:00Z");

        var problem = await Problem(await Client.PutAsJsonAsync($"{Api}/kpis/{id}", new { name = "CSAT", unit = "%", validMinimum = 0, validMaximum = 100, version = 1 }, WaymarkApiFactory.Json), 400);

        Assert.Equal(["validMaximum"], ErrorFields(problem));
        Assert.Contains("140 on 2026-02-01", problem.GetProperty("detail").GetString());
        Assert.False((await GetOk($"{Api}/kpis/{id}")).TryGetProperty("validMaximum", out var max) && max.ValueKind == JsonValueKind.Number);
    }

    [Fact]
    public async Task A_measurement_is_corrected_with_its_version_and_the_audit_trail_keeps_the_old_value()
    {
        var id = await Nps();
        var m = await Measure(id, 43);
        var mid = m.GetProperty("id").GetGuid();
        var path = $"{Api}/kpis/{id}/measurements/{mid}";
        Assert.Equal(1, m.GetProperty("version").GetInt32());

        var corrected = await PutOk(path, new { value = 34, measuredAt = "2026-03-02T12:00:00Z", note = "typo", version = 1 });

        Assert.Equal(34, corrected.GetProperty("value").GetDouble());
        Assert.Equal(2, corrected.GetProperty("version").GetInt32());
        Assert.Equal("api", (await GetOk(path)).GetProperty("source").GetString());
        // The stale copy is refused, a missing version is asked for, a value outside the range is refused.
        await Problem(await Client.PutAsJsonAsync(path, new { value = 35, measuredAt = "2026-03-02T12:00:00Z", version = 1 }, WaymarkApiFactory.Json), 409);
        await Problem(await Client.PutAsJsonAsync(path, new { value = 35, measuredAt = "2026-03-02T12:00:00Z" }, WaymarkApiFactory.Json), 428);
        Assert.Equal(["value"], ErrorFields(await Problem(await Client.PutAsJsonAsync(path, new { value = 300, measuredAt = "2026-03-02T12:00:00Z", version = 2 }, WaymarkApiFactory.Json), 400)));
        Assert.Equal(34, (await GetOk(path)).GetProperty("value").GetDouble());

        var audit = await GetOk($"{Api}/audit?entityType=KpiMeasurement&entityId={mid}");
        var changed = Assert.Single(audit.GetProperty("items").EnumerateArray(), a => a.GetProperty("action").GetString() == "changed");
        Assert.Equal(43, changed.GetProperty("changes").GetProperty("value").GetProperty("from").GetDouble());
        Assert.Equal(34, changed.GetProperty("changes").GetProperty("value").GetProperty("to").GetDouble());
    }

    [Fact]
    public async Task A_measurement_is_deleted_unless_the_version_named_is_stale_and_the_deletion_is_audited()
    {
        var id = await Nps();
        var mid = (await Measure(id, 43)).GetProperty("id").GetGuid();
        var path = $"{Api}/kpis/{id}/measurements/{mid}";
        await PutOk(path, new { value = 44, measuredAt = "2026-03-01T12:00:00Z", version = 1 });

        var stale = new HttpRequestMessage(HttpMethod.Delete, path);
        stale.Headers.IfMatch.ParseAdd("\"1\"");
        await Problem(await Client.SendAsync(stale), 409);
        var current = new HttpRequestMessage(HttpMethod.Delete, path);
        current.Headers.IfMatch.ParseAdd("\"2\"");
        Assert.Equal(System.Net.HttpStatusCode.NoContent, (await Client.SendAsync(current)).StatusCode);

        await Problem(await Client.GetAsync(path), 404);
        var audit = await GetOk($"{Api}/audit?entityType=KpiMeasurement&entityId={mid}");
        Assert.Contains(audit.GetProperty("items").EnumerateArray(), a => a.GetProperty("action").GetString() == "deleted");
    }

    [Fact]
    public async Task Viewers_may_not_correct_or_delete_measurements_and_non_members_do_not_see_them()
    {
        var id = await Nps();
        var mid = (await Measure(id, 43)).GetProperty("id").GetGuid();
        var path = $"{Api}/kpis/{id}/measurements/{mid}";
        await Factory.GrantAsync(Workspace, "kpi-viewer@waymark.test", WorkspaceRole.Viewer);
        var viewer = Factory.ClientAs("kpi-viewer@waymark.test");
        var outsider = Factory.ClientAs("kpi-outsider@waymark.test");

        Assert.Equal(System.Net.HttpStatusCode.OK, (await viewer.GetAsync(path)).StatusCode);
        await Problem(await viewer.PutAsJsonAsync(path, new { value = 1, measuredAt = "2026-03-01T12:00:00Z", version = 1 }, WaymarkApiFactory.Json), 403);
        await Problem(await viewer.DeleteAsync(path), 403);
        await Problem(await outsider.GetAsync(path), 404);
        await Problem(await outsider.PutAsJsonAsync(path, new { value = 1, measuredAt = "2026-03-01T12:00:00Z", version = 1 }, WaymarkApiFactory.Json), 404);
        await Problem(await outsider.DeleteAsync(path), 404);
        Assert.Equal(43, (await GetOk(path)).GetProperty("value").GetDouble());
    }
}

/// <summary>The valid range travels in the workspace document; documents from before it still import.</summary>
public sealed class KpiRangeExchangeTests(DemoFactory factory) : IClassFixture<DemoFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    private async Task<HttpResponseMessage> Import(JsonNode doc, string key) =>
        await _client.PostAsync($"/api/workspaces/import?key={key}", new StringContent(doc.ToJsonString(), Encoding.UTF8, "application/json"));

    [Fact]
    public async Task The_export_carries_the_valid_range_and_an_import_keeps_it()
    {
        var doc = JsonNode.Parse(await _client.GetStringAsync("/api/workspaces/demo/export"))!;
        var nps = doc["kpis"]!.AsArray().Single(k => k!["name"]!.GetValue<string>() == "Net Promoter Score")!;
        Assert.Equal(-100, nps["validMinimum"]!.GetValue<double>());
        Assert.Equal(100, nps["validMaximum"]!.GetValue<double>());

        Assert.Equal(System.Net.HttpStatusCode.Created, (await Import(doc, "range-copy")).StatusCode);
        var copy = JsonNode.Parse(await _client.GetStringAsync("/api/workspaces/range-copy/export"))!;
        var copied = copy["kpis"]!.AsArray().Single(k => k!["name"]!.GetValue<string>() == "Net Promoter Score")!;
        Assert.Equal(-100, copied["validMinimum"]!.GetValue<double>());
    }

    [Fact]
    public async Task A_document_from_before_valid_ranges_still_imports()
    {
        var doc = JsonNode.Parse(await _client.GetStringAsync("/api/workspaces/demo/export"))!;
        foreach (var kpi in doc["kpis"]!.AsArray()) { kpi!.AsObject().Remove("validMinimum"); kpi.AsObject().Remove("validMaximum"); }

        Assert.Equal(System.Net.HttpStatusCode.Created, (await Import(doc, "old-document")).StatusCode);
        var kpis = JsonNode.Parse(await _client.GetStringAsync("/api/workspaces/old-document/kpis?pageSize=100"))!["items"]!.AsArray();
        Assert.All(kpis, k => Assert.Null(k!["validMinimum"]));
    }

    [Fact]
    public async Task A_document_with_a_measurement_outside_the_range_is_refused_at_that_measurement()
    {
        var doc = JsonNode.Parse(await _client.GetStringAsync("/api/workspaces/demo/export"))!;
        var kpis = doc["kpis"]!.AsArray();
        var index = kpis.Select((k, i) => (k, i)).Single(x => x.k!["name"]!.GetValue<string>() == "Net Promoter Score").i;
        kpis[index]!["measurements"]![2]!["value"] = -99999999;

        var response = await Import(doc, "bad-range");

        Assert.Equal(System.Net.HttpStatusCode.BadRequest, response.StatusCode);
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Contains($"kpis[{index}].measurements[2].value", problem["errors"]!.AsObject().Select(e => e.Key));
    }
}
