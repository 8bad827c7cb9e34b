using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Waymark.Web.Tests.Support;

namespace Waymark.Web.Tests.Journeys;

public class JourneysApiTests(WaymarkApiFactory factory) : JourneyApiTest(factory)
{
    [Fact]
    public async Task A_journey_is_created_with_its_header_and_read_back_whole()
    {
        var persona = await SeedPersona("Tech-savvy Tom");
        var response = await Send(HttpMethod.Post, Journeys, new
        {
            name = "Warranty repair", description = "TV stops working after 14 months", scenario = "custom", customScenario = "Warranty claim",
            personaId = persona, state = "future",
        });
        Assert.Equal(201, (int)response.StatusCode);
        var created = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.EndsWith($"/journeys/{IdOf(created)}", response.Headers.Location!.ToString());

        var map = await GetOk($"{Journeys}/{IdOf(created)}");
        Assert.Equal("Warranty repair", map.GetProperty("name").GetString());
        Assert.Equal("TV stops working after 14 months", map.GetProperty("description").GetString());
        Assert.Equal("custom", map.GetProperty("scenario").GetString());
        Assert.Equal("Warranty claim", map.GetProperty("customScenario").GetString());
        Assert.Equal(persona, map.GetProperty("personaId").GetGuid());
        Assert.Equal("future", map.GetProperty("state").GetString());
        Assert.Equal(["actions", "thoughts", "questions", "obstacles", "emotion", "channels", "evidence", "backstage", "highlights", "kpis", "improvements"],
            map.GetProperty("lanes").EnumerateArray().Select(l => l.GetString()));
        Assert.Empty(Stages(map));
        var get = await Client.GetAsync($"{Journeys}/{IdOf(created)}");
        Assert.Equal($"\"{VersionOf(map)}\"", get.Headers.ETag!.Tag);
    }

    [Fact]
    public async Task Stages_can_be_created_with_the_journey_from_a_list_or_from_the_workspace_phases()
    {
        var phases = await PhaseIds();
        var listed = await CreateJourney(stages: new object[] { new { name = "Discover" }, new { phaseId = phases[2] }, new { name = "Pay", phaseId = phases[2] } });
        Assert.Equal(["Discover: ", "Purchase: ", "Pay: "], Layout(listed));
        Assert.Equal(phases[2], Stages(listed)[1].GetProperty("phaseId").GetGuid());
        Assert.Equal(JsonValueKind.Null, Stages(listed)[0].GetProperty("phaseId").ValueKind);
        AssertDense(listed);

        var fromPhases = await CreateJourney("Repeat purchase", fromPhases: true, scenario: "repeatPurchase");
        Assert.Equal(["Awareness: ", "Consideration: ", "Purchase: ", "Usage/Service: ", "Advocacy: "], Layout(fromPhases));
        Assert.Equal(phases, Stages(fromPhases).Select(s => s.GetProperty("phaseId").GetGuid()));
        AssertDense(await GetOk($"{Journeys}/{IdOf(fromPhases)}"));
    }

    [Fact]
    public async Task The_list_summarises_each_journey_and_filters_and_pages()
    {
        var persona = await SeedPersona("Careful Clara");
        var first = await BuildMap(("Look", ["see ad", "read review"]), ("Buy", ["pay"]));
        var stepId = StepId(first, "see ad");
        await PutOk($"{Journeys}/{IdOf(first)}/steps/{stepId}", new { action = "see ad", emotion = 2, version = VersionOf(StepNamed(first, "see ad")) });
        await PostOk(Journeys, new { name = "Service case: broken remote", scenario = "serviceCase", state = "future", personaId = persona });
        await PostOk(Journeys, new { name = "Onboarding", scenario = "onboarding", description = "Setting up the new SOUNDBAR" });

        var all = await GetOk(Journeys);
        Assert.Equal(3, all.GetProperty("total").GetInt32());
        var summary = all.GetProperty("items").EnumerateArray().Single(j => IdOf(j) == IdOf(first));
        Assert.Equal("First TV purchase", summary.GetProperty("name").GetString());
        Assert.Equal("initialPurchase", summary.GetProperty("scenario").GetString());
        Assert.Equal("current", summary.GetProperty("state").GetString());
        Assert.Equal(2, summary.GetProperty("stageCount").GetInt32());
        Assert.Equal(3, summary.GetProperty("stepCount").GetInt32());
        Assert.Equal(0.67, summary.GetProperty("averageEmotion").GetDouble());
        Assert.Equal(VersionOf(await GetOk($"{Journeys}/{IdOf(first)}")), VersionOf(summary));

        static string[] Names(JsonElement page) => page.GetProperty("items").EnumerateArray().Select(j => j.GetProperty("name").GetString()!).ToArray();
        Assert.Equal(["Service case: broken remote"], Names(await GetOk($"{Journeys}?scenario=serviceCase")));
        Assert.Equal(["Service case: broken remote"], Names(await GetOk($"{Journeys}?state=future")));
        Assert.Equal(["Service case: broken remote"], Names(await GetOk($"{Journeys}?personaId={persona}")));
        Assert.Equal(["Onboarding"], Names(await GetOk($"{Journeys}?search=soundbar")));
        Assert.Equal(["First TV purchase"], Names(await GetOk($"{Journeys}?search=tv%20pur")));
        var page2 = await GetOk($"{Journeys}?page=2&pageSize=2");
        Assert.Equal(["Service case: broken remote"], Names(page2));
        Assert.Equal(3, page2.GetProperty("total").GetInt32());
        var empty = await GetOk($"{Journeys}?search=nothing");
        Assert.Equal(JsonValueKind.Array, empty.GetProperty("items").ValueKind);
        Assert.Equal(0, empty.GetProperty("total").GetInt32());
    }

    [Theory]
    [InlineData("scenario=firstDate", "scenario")]
    [InlineData("state=past", "state")]
    [InlineData("pageSize=0", "pageSize")]
    [InlineData("page=0", "page")]
    public async Task Bad_list_filters_are_refused_naming_the_filter(string query, string field)
    {
        var problem = await Problem(await Client.GetAsync($"{Journeys}?{query}"), 400);
        Assert.Contains(field, ErrorFields(problem));
    }

    [Fact]
    public async Task Creating_with_bad_input_is_refused_naming_the_field_and_stores_nothing()
    {
        var (_, otherId) = await OtherWorkspace();
        var foreignPersona = await SeedPersona("Someone else's persona", otherId);
        var foreignPhase = await ForeignPhase(otherId);
        (object Body, string Field)[] cases =
        [
            (new { name = "" }, "name"),
            (new { name = "Custom", scenario = "custom" }, "customScenario"),
            (new { name = "Bad", scenario = "firstDate" }, "scenario"),
            (new { name = "Bad", personaId = foreignPersona }, "personaId"),
            (new { name = "Bad", personaId = Guid.NewGuid() }, "personaId"),
            (new { name = "Bad", stages = new object[] { new { name = "ok" }, new { name = "" } } }, "stages[1].name"),
            (new { name = "Bad", stages = new object[] { new { phaseId = foreignPhase } } }, "stages[0].phaseId"),
            (new { name = "Bad", fromPhases = true, stages = new object[] { new { name = "x" } } }, "fromPhases"),
        ];
        foreach (var (body, field) in cases)
        {
            var problem = await Problem(await Send(HttpMethod.Post, Journeys, body), 400);
            Assert.Contains(field, ErrorFields(problem));
        }
        var malformed = await Problem(await SendRaw(HttpMethod.Post, Journeys, "{\"name\": \"Broken\", \"stages\": [ {\"name\": 5} ] }"), 400);
        Assert.Contains("stages[0].name", ErrorFields(malformed));
        var truncated = await Problem(await SendRaw(HttpMethod.Post, Journeys, "{\"name\": \"Broken\","), 400);
        Assert.Contains("line 1", truncated.GetProperty("detail").GetString());
        Assert.Equal(0, (await GetOk(Journeys)).GetProperty("total").GetInt32());
        Assert.Equal(0, await CountStages());
    }

    [Fact]
    public async Task The_header_is_updated_with_its_version_and_a_stale_or_missing_version_changes_nothing()
    {
        var map = await BuildMap(("Look", ["see ad"]));
        var id = IdOf(map);
        var version = VersionOf(map);
        var updated = await PutOk($"{Journeys}/{id}", new { name = "First TV purchase (2025)", scenario = "repeatPurchase", state = "future", description = "now", version });
        Assert.Equal("First TV purchase (2025)", updated.GetProperty("name").GetString());
        Assert.Equal("repeatPurchase", updated.GetProperty("scenario").GetString());
        Assert.Equal(version + 1, VersionOf(updated));
        Assert.Equal(["Look: see ad"], Layout(updated));

        var viaHeader = await Send(HttpMethod.Put, $"{Journeys}/{id}", new { name = "Via If-Match", scenario = "repeatPurchase" }, ifMatch: version + 1);
        Assert.Equal(200, (int)viaHeader.StatusCode);
        Assert.Equal($"\"{version + 2}\"", viaHeader.Headers.ETag!.Tag);

        await Problem(await Send(HttpMethod.Put, $"{Journeys}/{id}", new { name = "Stale", version }), 409);
        await Problem(await Send(HttpMethod.Put, $"{Journeys}/{id}", new { name = "No version" }), 428);
        var bad = await Problem(await Send(HttpMethod.Put, $"{Journeys}/{id}", new { name = "", version = version + 2 }), 400);
        Assert.Contains("name", ErrorFields(bad));
        var badPersona = await Problem(await Send(HttpMethod.Put, $"{Journeys}/{id}", new { name = "x", personaId = Guid.NewGuid(), version = version + 2 }), 400);
        Assert.Contains("personaId", ErrorFields(badPersona));
        var now = await GetOk($"{Journeys}/{id}");
        Assert.Equal("Via If-Match", now.GetProperty("name").GetString());
        Assert.Equal(version + 2, VersionOf(now));
    }

    [Fact]
    public async Task Lanes_are_chosen_and_ordered_and_bad_lanes_change_nothing()
    {
        var map = await CreateJourney();
        var id = IdOf(map);
        var shown = await PutOk($"{Journeys}/{id}/lanes", new { lanes = new[] { "emotion", "actions", "channels" }, version = VersionOf(map) });
        Assert.Equal(["emotion", "actions", "channels"], shown.GetProperty("lanes").EnumerateArray().Select(l => l.GetString()));
        Assert.Equal(VersionOf(map) + 1, VersionOf(shown));

        var unknown = await Problem(await Send(HttpMethod.Put, $"{Journeys}/{id}/lanes", new { lanes = new[] { "emotion", "gossip" }, version = VersionOf(shown) }), 400);
        Assert.Contains("lanes", ErrorFields(unknown));
        var twice = await Problem(await Send(HttpMethod.Put, $"{Journeys}/{id}/lanes", new { lanes = new[] { "emotion", "emotion" }, version = VersionOf(shown) }), 400);
        Assert.Contains("lanes", ErrorFields(twice));
        var none = await Problem(await Send(HttpMethod.Put, $"{Journeys}/{id}/lanes", new { version = VersionOf(shown) }), 400);
        Assert.Contains("lanes", ErrorFields(none));
        await Problem(await Send(HttpMethod.Put, $"{Journeys}/{id}/lanes", new { lanes = new[] { "kpis" }, version = VersionOf(map) }), 409);
        await Problem(await Send(HttpMethod.Put, $"{Journeys}/{id}/lanes", new { lanes = new[] { "kpis" } }), 428);
        var malformed = await Problem(await SendRaw(HttpMethod.Put, $"{Journeys}/{id}/lanes", "{\"lanes\": \"emotion\", \"version\": 2}"), 400);
        Assert.Contains("lanes", ErrorFields(malformed));

        var now = await GetOk($"{Journeys}/{id}");
        Assert.Equal(["emotion", "actions", "channels"], now.GetProperty("lanes").EnumerateArray().Select(l => l.GetString()));
        Assert.Equal(VersionOf(shown), VersionOf(now));
    }

    [Fact]
    public async Task Deleting_a_journey_removes_its_stages_and_steps_and_honours_if_match()
    {
        var map = await BuildMap(("Look", ["see ad", "read review"]), ("Buy", ["pay"]));
        var id = IdOf(map);
        await Problem(await Send(HttpMethod.Delete, $"{Journeys}/{id}", ifMatch: VersionOf(map) - 1), 409);
        Assert.Equal(3, await CountSteps());

        var deleted = await Send(HttpMethod.Delete, $"{Journeys}/{id}", ifMatch: VersionOf(map));
        Assert.Equal(204, (int)deleted.StatusCode);
        await Problem(await Client.GetAsync($"{Journeys}/{id}"), 404);
        Assert.Equal(0, await CountStages());
        Assert.Equal(0, await CountSteps());
        await Problem(await Send(HttpMethod.Delete, $"{Journeys}/{id}"), 404);
    }

    [Fact]
    public async Task Unknown_journeys_workspaces_and_journeys_of_other_workspaces_answer_404()
    {
        var map = await BuildMap(("Look", ["see ad"]));
        var id = IdOf(map);
        var (otherKey, _) = await OtherWorkspace();
        var other = $"/api/workspaces/{otherKey}/journeys/{id}";
        await Problem(await Client.GetAsync(other), 404);
        await Problem(await Client.GetAsync($"{other}/emotion-curve"), 404);
        await Problem(await Send(HttpMethod.Put, other, new { name = "Hijacked", version = VersionOf(map) }), 404);
        await Problem(await Send(HttpMethod.Put, $"{other}/lanes", new { lanes = new[] { "emotion" }, version = VersionOf(map) }), 404);
        await Problem(await Send(HttpMethod.Delete, other), 404);
        Assert.Equal(0, (await GetOk($"/api/workspaces/{otherKey}/journeys")).GetProperty("total").GetInt32());

        await Problem(await Client.GetAsync($"{Journeys}/{Guid.NewGuid()}"), 404);
        await Problem(await Client.GetAsync($"/api/workspaces/no-such-workspace/journeys"), 404);
        await Problem(await Send(HttpMethod.Post, "/api/workspaces/no-such-workspace/journeys", new { name = "x" }), 404);

        var still = await GetOk($"{Journeys}/{id}");
        Assert.Equal("First TV purchase", still.GetProperty("name").GetString());
        Assert.Equal(VersionOf(map), VersionOf(still));
    }

    [Fact]
    public async Task The_emotion_curve_follows_map_order_with_average_low_and_high()
    {
        var map = await BuildMap(("Look", ["see ad", "read review"]), ("Buy", ["queue", "pay"]));
        var id = IdOf(map);
        async Task Feel(string action, int emotion, bool painPoint = false)
        {
            var step = StepNamed(await GetOk($"{Journeys}/{id}"), action);
            await PutOk($"{Journeys}/{id}/steps/{IdOf(step)}", new { action, emotion, isPainPoint = painPoint, version = VersionOf(step) });
        }
        await Feel("see ad", 1);
        await Feel("read review", 2);
        await Feel("queue", -3, painPoint: true);
        await Feel("pay", 1);
        // Moving "Buy" before "Look" changes the order of the curve.
        await PostOk($"{Journeys}/{id}/stages/{StageId(map, "Buy")}/move", new { position = 0 });

        var curve = await GetOk($"{Journeys}/{id}/emotion-curve");
        var points = curve.GetProperty("points").EnumerateArray().ToArray();
        Assert.Equal(["queue", "pay", "see ad", "read review"], points.Select(p => p.GetProperty("action").GetString()));
        Assert.Equal([-3, 1, 1, 2], points.Select(p => p.GetProperty("emotion").GetInt32()));
        Assert.Equal(["Buy", "Buy", "Look", "Look"], points.Select(p => p.GetProperty("stage").GetString()));
        Assert.True(points[0].GetProperty("isPainPoint").GetBoolean());
        Assert.Equal(StepId(map, "queue"), points[0].GetProperty("stepId").GetGuid());
        Assert.Equal(0.25, curve.GetProperty("average").GetDouble());
        Assert.Equal("queue", curve.GetProperty("lowest").GetProperty("action").GetString());
        Assert.Equal("read review", curve.GetProperty("highest").GetProperty("action").GetString());

        var empty = await GetOk($"{Journeys}/{IdOf(await CreateJourney("Empty"))}/emotion-curve");
        Assert.Empty(empty.GetProperty("points").EnumerateArray());
        Assert.Equal(JsonValueKind.Null, empty.GetProperty("average").ValueKind);
        Assert.Equal(JsonValueKind.Null, empty.GetProperty("lowest").ValueKind);
    }
}
