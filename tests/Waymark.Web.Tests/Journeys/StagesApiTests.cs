using System.Text.Json;
using Waymark.Web.Tests.Support;

namespace Waymark.Web.Tests.Journeys;

public class StagesApiTests(WaymarkApiFactory factory) : JourneyApiTest(factory)
{
    [Fact]
    public async Task Stages_are_appended_or_inserted_and_take_their_phase_name_when_unnamed()
    {
        var phases = await PhaseIds();
        var map = await CreateJourney();
        var id = IdOf(map);
        var response = await Send(HttpMethod.Post, $"{Journeys}/{id}/stages", new { name = "Discover" });
        Assert.Equal(201, (int)response.StatusCode);
        map = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
        Assert.EndsWith($"/journeys/{id}/stages/{StageId(map, "Discover")}", response.Headers.Location!.ToString());
        Assert.Equal(VersionOf(map), int.Parse(response.Headers.ETag!.Tag.Trim('"')));

        map = await PostOk($"{Journeys}/{id}/stages", new { phaseId = phases[3], description = "After delivery" });
        map = await PostOk($"{Journeys}/{id}/stages", new { name = "Compare", position = 1 });
        map = await PostOk($"{Journeys}/{id}/stages", new { name = "Notice", position = 0 });
        Assert.Equal(["Notice: ", "Discover: ", "Compare: ", "Usage/Service: "], Layout(map));
        var usage = Stages(map)[3];
        Assert.Equal(phases[3], usage.GetProperty("phaseId").GetGuid());
        Assert.Equal("After delivery", usage.GetProperty("description").GetString());
        AssertDense(map);
        Assert.Equal(Layout(map), Layout(await GetOk($"{Journeys}/{id}")));
    }

    [Fact]
    public async Task Adding_a_stage_with_bad_input_is_refused_naming_the_field_and_changes_nothing()
    {
        var map = await BuildMap(("Look", ["see ad"]));
        var id = IdOf(map);
        var (_, otherId) = await OtherWorkspace();
        var foreignPhase = await ForeignPhase(otherId);
        (object Body, string Field)[] cases =
        [
            (new { name = "" }, "name"),
            (new { name = new string('x', 101) }, "name"),
            (new { name = "Too far", position = 2 }, "position"),
            (new { name = "Negative", position = -1 }, "position"),
            (new { name = "Foreign", phaseId = foreignPhase }, "phaseId"),
            (new { name = "Unknown", phaseId = Guid.NewGuid() }, "phaseId"),
        ];
        foreach (var (body, field) in cases)
            Assert.Contains(field, ErrorFields(await Problem(await Send(HttpMethod.Post, $"{Journeys}/{id}/stages", body), 400)));
        var malformed = await Problem(await SendRaw(HttpMethod.Post, $"{Journeys}/{id}/stages", "{\"name\": \"x\", \"position\": \"first\"}"), 400);
        Assert.Contains("position", ErrorFields(malformed));
        await Problem(await Send(HttpMethod.Post, $"{Journeys}/{Guid.NewGuid()}/stages", new { name = "Lost" }), 404);

        var now = await GetOk($"{Journeys}/{id}");
        Assert.Equal(["Look: see ad"], Layout(now));
        Assert.Equal(VersionOf(map), VersionOf(now));
        Assert.Equal(1, await CountStages());
    }

    [Fact]
    public async Task A_stage_is_renamed_with_its_version_and_stale_or_missing_versions_change_nothing()
    {
        var phases = await PhaseIds();
        var map = await BuildMap(("Look", ["see ad"]), ("Buy", ["pay"]));
        var id = IdOf(map);
        var stage = Stages(map)[0];
        var path = $"{Journeys}/{id}/stages/{IdOf(stage)}";
        var renamed = await PutOk(path, new { name = "Get inspired", description = "Ads, reviews, friends", phaseId = phases[0], version = VersionOf(stage) });
        Assert.Equal("Get inspired", renamed.GetProperty("name").GetString());
        Assert.Equal("Ads, reviews, friends", renamed.GetProperty("description").GetString());
        Assert.Equal(phases[0], renamed.GetProperty("phaseId").GetGuid());
        Assert.Equal(VersionOf(stage) + 1, VersionOf(renamed));
        Assert.Equal("see ad", renamed.GetProperty("steps")[0].GetProperty("action").GetString());

        await Problem(await Send(HttpMethod.Put, path, new { name = "Stale", version = VersionOf(stage) }), 409);
        await Problem(await Send(HttpMethod.Put, path, new { name = "No version" }), 428);
        Assert.Contains("name", ErrorFields(await Problem(await Send(HttpMethod.Put, path, new { name = " ", version = VersionOf(renamed) }), 400)));
        Assert.Contains("phaseId", ErrorFields(await Problem(await Send(HttpMethod.Put, path, new { name = "x", phaseId = Guid.NewGuid(), version = VersionOf(renamed) }), 400)));
        await Problem(await Send(HttpMethod.Put, $"{Journeys}/{id}/stages/{Guid.NewGuid()}", new { name = "x", version = 1 }), 404);

        var now = Stages(await GetOk($"{Journeys}/{id}"))[0];
        Assert.Equal("Get inspired", now.GetProperty("name").GetString());
        Assert.Equal(VersionOf(renamed), VersionOf(now));
    }

    [Fact]
    public async Task Moving_a_stage_reorders_the_map_with_its_steps_and_bad_positions_change_nothing()
    {
        var map = await BuildMap(("Look", ["see ad"]), ("Compare", ["read test"]), ("Buy", ["pay", "collect"]));
        var id = IdOf(map);
        var moved = await PostOk($"{Journeys}/{id}/stages/{StageId(map, "Buy")}/move", new { position = 0 });
        Assert.Equal(["Buy: pay, collect", "Look: see ad", "Compare: read test"], Layout(moved));
        AssertDense(moved);
        Assert.True(VersionOf(moved) > VersionOf(map));
        moved = await PostOk($"{Journeys}/{id}/stages/{StageId(map, "Buy")}/move", new { position = 2 });
        Assert.Equal(["Look: see ad", "Compare: read test", "Buy: pay, collect"], Layout(moved));

        foreach (var position in new[] { 3, -1 })
            Assert.Contains("position", ErrorFields(await Problem(await Send(HttpMethod.Post, $"{Journeys}/{id}/stages/{StageId(map, "Look")}/move", new { position }), 400)));
        await Problem(await Send(HttpMethod.Post, $"{Journeys}/{id}/stages/{Guid.NewGuid()}/move", new { position = 0 }), 404);
        await Problem(await SendRaw(HttpMethod.Post, $"{Journeys}/{id}/stages/{StageId(map, "Look")}/move", "{\"position\": }"), 400);
        var now = await GetOk($"{Journeys}/{id}");
        Assert.Equal(Layout(moved), Layout(now));
        Assert.Equal(VersionOf(moved), VersionOf(now));
    }

    [Fact]
    public async Task The_last_stage_of_a_map_is_not_deleted_as_on_the_map_page()
    {
        var map = await BuildMap(("Look", ["see ad"]));
        var id = IdOf(map);
        var problem = await Problem(await Send(HttpMethod.Delete, $"{Journeys}/{id}/stages/{StageId(map, "Look")}"), 409);
        Assert.Equal("A map keeps at least one stage, so 'Look' is not deleted. Add another stage first.", problem.GetProperty("detail").GetString());
        Assert.Equal(["Look: see ad"], Layout(await GetOk($"{Journeys}/{id}")));
    }

    [Fact]
    public async Task Deleting_a_stage_deletes_its_steps_and_closes_the_gap()
    {
        var map = await BuildMap(("Look", ["see ad"]), ("Compare", ["read test", "ask friend"]), ("Buy", ["pay"]));
        var id = IdOf(map);
        var compare = Stages(map)[1];
        var path = $"{Journeys}/{id}/stages/{IdOf(compare)}";
        await Problem(await Send(HttpMethod.Delete, path, ifMatch: VersionOf(compare) + 5), 409);
        Assert.Equal(4, await CountSteps());

        var response = await Send(HttpMethod.Delete, path, ifMatch: VersionOf(compare));
        Assert.Equal(200, (int)response.StatusCode);
        var after = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(["Look: see ad", "Buy: pay"], Layout(after));
        AssertDense(after);
        Assert.Equal(2, await CountSteps());
        Assert.Equal(2, await CountStages());
        await Problem(await Send(HttpMethod.Delete, path), 404);
        Assert.Equal(["Look: see ad", "Buy: pay"], Layout(await GetOk($"{Journeys}/{id}")));
    }

    [Fact]
    public async Task Stages_of_another_journey_or_workspace_cannot_be_reached()
    {
        var map = await BuildMap(("Look", ["see ad"]));
        var other = await BuildMap(("Elsewhere", ["wander"]));
        var foreignStage = StageId(other, "Elsewhere");
        var id = IdOf(map);
        await Problem(await Send(HttpMethod.Put, $"{Journeys}/{id}/stages/{foreignStage}", new { name = "Mine now", version = 1 }), 404);
        await Problem(await Send(HttpMethod.Post, $"{Journeys}/{id}/stages/{foreignStage}/move", new { position = 0 }), 404);
        await Problem(await Send(HttpMethod.Delete, $"{Journeys}/{id}/stages/{foreignStage}"), 404);

        var (otherKey, _) = await OtherWorkspace();
        var stage = StageId(map, "Look");
        var foreign = $"/api/workspaces/{otherKey}/journeys/{id}/stages";
        await Problem(await Send(HttpMethod.Post, foreign, new { name = "Sneaky" }), 404);
        await Problem(await Send(HttpMethod.Put, $"{foreign}/{stage}", new { name = "Sneaky", version = 1 }), 404);
        await Problem(await Send(HttpMethod.Post, $"{foreign}/{stage}/move", new { position = 0 }), 404);
        await Problem(await Send(HttpMethod.Delete, $"{foreign}/{stage}"), 404);
        await Problem(await Send(HttpMethod.Post, $"/api/workspaces/no-such-workspace/journeys/{id}/stages", new { name = "x" }), 404);

        Assert.Equal(["Look: see ad"], Layout(await GetOk($"{Journeys}/{id}")));
        Assert.Equal(["Elsewhere: wander"], Layout(await GetOk($"{Journeys}/{IdOf(other)}")));
    }
}
