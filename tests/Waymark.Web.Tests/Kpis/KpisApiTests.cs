using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Waymark.Domain.Journeys;
using Waymark.Web.Tests.Support;

namespace Waymark.Web.Tests.Kpis;

public sealed class KpisApiTests(WaymarkApiFactory factory) : ApiTest(factory)
{
    private async Task<JsonElement> CreateKpi(string name = "Customer satisfaction", string direction = "higherIsBetter", double? target = 80, object? extra = null)
    {
        var body = new Dictionary<string, object?> { ["name"] = name, ["unit"] = "%", ["direction"] = direction, ["target"] = target };
        if (extra is not null)
            foreach (var p in JsonSerializer.SerializeToElement(extra, WaymarkApiFactory.Json).EnumerateObject()) body[p.Name] = p.Value;
        return await PostOk($"{Api}/kpis", body);
    }

    private int KpiCount() { var ws = MapSeed.WorkspaceId(Factory, Workspace); using var db = Factory.OpenDb(); return db.Kpis.Count(k => k.WorkspaceId == ws); }

    [Fact]
    public async Task A_kpi_is_created_with_every_field_and_read_back_with_its_etag()
    {
        var (channelId, _) = await CreateChannel();
        var touchpointId = MapSeed.Touchpoint(Factory, Workspace, "Service hotline", channelId);
        var (journeyId, steps) = MapSeed.Journey(Factory, Workspace, "Repair", new StepContent("Calls the hotline"));

        var created = await CreateKpi("Average handling time", "lowerIsBetter", 300, new
        {
            bestInClass = 180.5, description = "Seconds per call", touchpointId, stepId = steps[0], journeyId, channelId, computedFrom = "duration",
        });
        var id = created.GetProperty("id").GetGuid();

        var response = await Client.GetAsync($"{Api}/kpis/{id}");
        Assert.Equal("\"1\"", response.Headers.ETag?.Tag);
        var kpi = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Average handling time", kpi.GetProperty("name").GetString());
        Assert.Equal("%", kpi.GetProperty("unit").GetString());
        Assert.Equal("lowerIsBetter", kpi.GetProperty("direction").GetString());
        Assert.Equal(300, kpi.GetProperty("target").GetDouble());
        Assert.Equal(180.5, kpi.GetProperty("bestInClass").GetDouble());
        Assert.Equal("Seconds per call", kpi.GetProperty("description").GetString());
        Assert.Equal(touchpointId, kpi.GetProperty("touchpointId").GetGuid());
        Assert.Equal(steps[0], kpi.GetProperty("stepId").GetGuid());
        Assert.Equal(journeyId, kpi.GetProperty("journeyId").GetGuid());
        Assert.Equal(channelId, kpi.GetProperty("channelId").GetGuid());
        Assert.Equal("duration", kpi.GetProperty("computedFrom").GetString());
        Assert.Equal("notEnoughData", kpi.GetProperty("performance").GetProperty("trend").GetString());
        Assert.Equal(0, kpi.GetProperty("performance").GetProperty("measurements").GetInt32());

        using var db = Factory.OpenDb();
        var stored = db.Kpis.Single(k => k.Id == id);
        Assert.Equal(Domain.Kpis.KpiDirection.LowerIsBetter, stored.Direction);
        Assert.Equal(steps[0], stored.StepId);
    }

    [Fact]
    public async Task A_lower_is_better_kpi_beating_its_target_meets_it()
    {
        var id = (await CreateKpi("Average handling time", "lowerIsBetter", 300, new { bestInClass = 200 })).GetProperty("id").GetGuid();
        await PostOk($"{Api}/kpis/{id}/measurements", new { measurements = new[] { new { value = 240.0, measuredAt = "2026-01-31T00:00:00Z" } } });

        var performance = await GetOk($"{Api}/kpis/{id}/performance");
        Assert.Equal(240, performance.GetProperty("actual").GetDouble());
        Assert.True(performance.GetProperty("meetsTarget").GetBoolean());
        Assert.Equal(60, performance.GetProperty("versusTarget").GetDouble());
        Assert.Equal(0.2, performance.GetProperty("versusTargetRelative").GetDouble());
        Assert.Equal(-40, performance.GetProperty("versusBestInClass").GetDouble());

        var meeting = await GetOk($"{Api}/kpis?meetsTarget=true");
        Assert.Equal(id, Assert.Single(meeting.Items()).GetProperty("id").GetGuid());
        Assert.Empty((await GetOk($"{Api}/kpis?meetsTarget=false")).Items());
    }

    [Fact]
    public async Task Performance_shows_the_trend_over_the_last_measurements_respecting_direction()
    {
        var id = (await CreateKpi("Calls to solve a case", "lowerIsBetter", 1.5)).GetProperty("id").GetGuid();
        await PostOk($"{Api}/kpis/{id}/measurements", new
        {
            measurements = new[] { 2.4, 2.2, 2.0, 1.8 }.Select((v, i) => new { value = v, measuredAt = new DateTimeOffset(2026, 1 + i, 1, 0, 0, 0, TimeSpan.Zero) }),
        });
        var p = await GetOk($"{Api}/kpis/{id}/performance");
        Assert.Equal("improving", p.GetProperty("trend").GetString());
        Assert.Equal(-0.2, p.GetProperty("slopePerMeasurement").GetDouble(), 6);
        Assert.False(p.GetProperty("meetsTarget").GetBoolean());
        Assert.Equal(4, p.GetProperty("measurements").GetInt32());
    }

    [Fact]
    public async Task The_list_filters_by_search_links_and_target_and_pages()
    {
        var (phone, _) = await CreateChannel();
        var (web, _) = await CreateChannel("Website", "digital");
        var tp = MapSeed.Touchpoint(Factory, Workspace, "Hotline", phone);
        var (journeyId, steps) = MapSeed.Journey(Factory, Workspace, "Repair", new StepContent("Orders online"));
        var csat = (await CreateKpi("Hotline CSAT", target: 80, extra: new { touchpointId = tp, channelId = phone })).GetProperty("id").GetGuid();
        var conversion = (await CreateKpi("Web conversion", target: 3, extra: new { channelId = web, journeyId, stepId = steps[0] })).GetProperty("id").GetGuid();
        var nps = (await CreateKpi("NPS", target: 30)).GetProperty("id").GetGuid();
        await PostOk($"{Api}/kpis/measurements", new object[]
        {
            new { kpiId = csat, value = 85.0, measuredAt = "2026-02-01T00:00:00Z" },
            new { kpiId = conversion, value = 2.1, measuredAt = "2026-02-01T00:00:00Z" },
        });

        Assert.Equal([csat], Ids(await GetOk($"{Api}/kpis?search=csat")));
        Assert.Equal([csat], Ids(await GetOk($"{Api}/kpis?touchpointId={tp}")));
        Assert.Equal([conversion], Ids(await GetOk($"{Api}/kpis?channelId={web}")));
        Assert.Equal([conversion], Ids(await GetOk($"{Api}/kpis?journeyId={journeyId}")));
        Assert.Equal([conversion], Ids(await GetOk($"{Api}/kpis?stepId={steps[0]}")));
        Assert.Empty(Ids(await GetOk($"{Api}/kpis?stepId={Guid.NewGuid()}")));
        Assert.Equal([csat], Ids(await GetOk($"{Api}/kpis?meetsTarget=true")));
        Assert.Equal([conversion], Ids(await GetOk($"{Api}/kpis?meetsTarget=false")));

        var all = await GetOk($"{Api}/kpis");
        Assert.Equal([csat, nps, conversion], Ids(all));
        Assert.Equal(85, all.Items()[0].GetProperty("performance").GetProperty("actual").GetDouble());
        Assert.Equal(JsonValueKind.Null, all.Items()[1].GetProperty("performance").GetProperty("meetsTarget").ValueKind);

        var second = await GetOk($"{Api}/kpis?page=2&pageSize=1");
        Assert.Equal([nps], Ids(second));
        Assert.Equal(3, second.GetProperty("total").GetInt32());
        var filteredPage = await GetOk($"{Api}/kpis?meetsTarget=false&page=1&pageSize=1");
        Assert.Equal(1, filteredPage.GetProperty("total").GetInt32());

        Assert.Contains("meetsTarget", ErrorFields(await Problem(await Client.GetAsync($"{Api}/kpis?meetsTarget=perhaps"), 400)));
        Assert.Contains("pageSize", ErrorFields(await Problem(await Client.GetAsync($"{Api}/kpis?pageSize=0"), 400)));
    }

    [Fact]
    public async Task Bad_input_is_refused_naming_the_field_and_nothing_is_stored()
    {
        Assert.Contains("name", ErrorFields(await Problem(await Client.PostJson($"{Api}/kpis", new { unit = "%" }), 400)));
        Assert.Contains("unit", ErrorFields(await Problem(await Client.PostJson($"{Api}/kpis", new { name = "NPS", unit = " " }), 400)));
        Assert.Contains("direction", ErrorFields(await Problem(await Client.PostJson($"{Api}/kpis", new { name = "NPS", unit = "pts", direction = "sideways" }), 400)));
        Assert.Contains("target", ErrorFields(await Problem(await Client.PostAsync($"{Api}/kpis", MapSeed.Raw("""{"name":"NPS","unit":"pts","target":"high"}""")), 400)));
        var malformed = await Problem(await Client.PostAsync($"{Api}/kpis", MapSeed.Raw("""{"name":"NPS", "unit": """)), 400);
        Assert.Contains("line", malformed.GetProperty("detail").GetString());
        Assert.Equal(0, KpiCount());
    }

    [Fact]
    public async Task Links_must_exist_in_this_workspace()
    {
        var other = await MapSeed.OtherWorkspace(Client);
        var otherChannel = (await PostOk($"/api/workspaces/{other}/channels", new { name = "Phone", kind = "analog", reach = "direct" })).GetProperty("id").GetGuid();
        var otherTouchpoint = MapSeed.Touchpoint(Factory, other, "Their hotline", otherChannel);
        var (otherJourney, otherSteps) = MapSeed.Journey(Factory, other, "Their journey", new StepContent("Calls"));
        var (journeyA, _) = MapSeed.Journey(Factory, Workspace, "Ours A");
        var (_, stepsB) = MapSeed.Journey(Factory, Workspace, "Ours B", new StepContent("Writes an e-mail"));

        async Task Refused(object links, string field) =>
            Assert.Contains(field, ErrorFields(await Problem(await Client.PostJson($"{Api}/kpis", Merge(new { name = "X", unit = "%" }, links)), 400)));
        await Refused(new { touchpointId = otherTouchpoint }, "touchpointId");
        await Refused(new { channelId = otherChannel }, "channelId");
        await Refused(new { journeyId = otherJourney }, "journeyId");
        await Refused(new { stepId = otherSteps[0] }, "stepId");
        await Refused(new { stepId = Guid.NewGuid() }, "stepId");
        await Refused(new { journeyId = journeyA, stepId = stepsB[0] }, "stepId");
        Assert.Equal(0, KpiCount());
    }

    [Fact]
    public async Task An_update_needs_the_current_version_and_a_refused_one_changes_nothing()
    {
        var id = (await CreateKpi()).GetProperty("id").GetGuid();
        var path = $"{Api}/kpis/{id}";

        await Problem(await Client.PutJson(path, new { name = "Changed", unit = "%" }), 428);
        await Problem(await Client.PutJson(path, new { name = "Changed", unit = "%", version = 7 }), 409);
        Assert.Contains("target", ErrorFields(await Problem(await Client.PutAsync(path, MapSeed.Raw("""{"name":"Changed","unit":"%","version":1,"target":"x"}""")), 400)));
        var unchanged = await GetOk(path);
        Assert.Equal("Customer satisfaction", unchanged.GetProperty("name").GetString());
        Assert.Equal(1, unchanged.GetProperty("version").GetInt32());

        var updated = await PutOk(path, new { name = "CSAT after repair", unit = "pts", direction = "lowerIsBetter", target = 2.5, version = 1 });
        Assert.Equal(2, updated.GetProperty("version").GetInt32());
        Assert.Equal("lowerIsBetter", updated.GetProperty("direction").GetString());

        using var request = new HttpRequestMessage(HttpMethod.Put, path) { Content = JsonContent.Create(new { name = "Via If-Match", unit = "pts" }) };
        request.Headers.TryAddWithoutValidation("If-Match", "\"2\"");
        Assert.True((await Client.SendAsync(request)).IsSuccessStatusCode);
        using var db = Factory.OpenDb();
        var stored = db.Kpis.Single(k => k.Id == id);
        Assert.Equal("Via If-Match", stored.Name);
        Assert.Equal(3, stored.Version);
    }

    [Fact]
    public async Task Unknown_ids_and_other_workspaces_answer_404()
    {
        var other = await MapSeed.OtherWorkspace(Client);
        var theirs = (await PostOk($"/api/workspaces/{other}/kpis", new { name = "Their NPS", unit = "pts" })).GetProperty("id").GetGuid();

        await Problem(await Client.GetAsync($"{Api}/kpis/{Guid.NewGuid()}"), 404);
        await Problem(await Client.GetAsync($"{Api}/kpis/{theirs}"), 404);
        await Problem(await Client.GetAsync($"{Api}/kpis/{theirs}/performance"), 404);
        await Problem(await Client.PutJson($"{Api}/kpis/{theirs}", new { name = "Mine now", unit = "pts", version = 1 }), 404);
        await Problem(await Client.DeleteAsync($"{Api}/kpis/{theirs}"), 404);
        await Problem(await Client.GetAsync("/api/workspaces/no-such-workspace/kpis"), 404);
        Assert.DoesNotContain(theirs, Ids(await GetOk($"{Api}/kpis")));
        using var db = Factory.OpenDb();
        Assert.Equal("Their NPS", db.Kpis.Single(k => k.Id == theirs).Name);
    }

    [Fact]
    public async Task Deleting_a_kpi_removes_its_measurements_unless_work_still_points_at_it()
    {
        var id = (await CreateKpi()).GetProperty("id").GetGuid();
        await PostOk($"{Api}/kpis/{id}/measurements", new { measurements = new[] { new { value = 70.0, measuredAt = "2026-01-01T00:00:00Z" } } });
        var action = (await PostOk($"{Api}/actions", new { title = "Call back within a day", kpiId = id })).GetProperty("id").GetGuid();

        var conflict = await Problem(await Client.DeleteAsync($"{Api}/kpis/{id}"), 409);
        Assert.Contains("Customer satisfaction", conflict.GetProperty("detail").GetString());
        await Problem(await Client.DeleteWithVersion($"{Api}/kpis/{id}", 5), 409);
        Assert.Equal(1, KpiCount());

        Assert.True((await Client.DeleteAsync($"{Api}/actions/{action}")).IsSuccessStatusCode);
        Assert.Equal(204, (int)(await Client.DeleteWithVersion($"{Api}/kpis/{id}", 1)).StatusCode);
        await Problem(await Client.GetAsync($"{Api}/kpis/{id}"), 404);
        Assert.Equal(0, KpiCount());
        using var db = Factory.OpenDb();
        Assert.Equal(0, await db.KpiMeasurements.CountAsync(m => m.KpiId == id));
    }

    private static List<Guid> Ids(JsonElement page) => page.Items().Select(k => k.GetProperty("id").GetGuid()).ToList();

    private static Dictionary<string, object?> Merge(object a, object b)
    {
        var result = new Dictionary<string, object?>();
        foreach (var o in new[] { a, b })
            foreach (var p in JsonSerializer.SerializeToElement(o, WaymarkApiFactory.Json).EnumerateObject()) result[p.Name] = p.Value;
        return result;
    }
}
