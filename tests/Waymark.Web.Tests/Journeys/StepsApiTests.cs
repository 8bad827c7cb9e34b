using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Waymark.Domain.Improvements;
using Waymark.Web.Tests.Support;

namespace Waymark.Web.Tests.Journeys;

public class StepsApiTests(WaymarkApiFactory factory) : JourneyApiTest(factory)
{
    [Fact]
    public async Task A_map_of_three_stages_and_six_steps_built_through_the_api_reads_back_in_order()
    {
        var map = await BuildMap(("Look", ["see ad", "read review"]), ("Buy", ["visit store", "ask staff", "pay"]), ("Use", ["set up TV"]));
        var read = await GetOk($"{Journeys}/{IdOf(map)}");
        Assert.Equal(["Look: see ad, read review", "Buy: visit store, ask staff, pay", "Use: set up TV"], Layout(read));
        AssertDense(read);
        Assert.Equal(Layout(map), Layout(read));
        Assert.Equal(6, await CountSteps());
    }

    [Fact]
    public async Task A_step_is_created_with_every_field_at_a_position_and_read_with_its_etag()
    {
        var (channel, _) = await CreateChannel("Phone hotline");
        var touchpoint = await SeedTouchpoint("Service hotline", channel);
        var department = IdOf(await PostOk($"{Api}/departments", new { name = "Customer service" }));
        var map = await BuildMap(("Service", ["notice fault", "give up"]));
        var id = IdOf(map);
        var stage = StageId(map, "Service");
        var response = await Send(HttpMethod.Post, $"{Journeys}/{id}/stages/{stage}/steps", new
        {
            action = "call the hotline", thoughtsAndMotivation = "I want it fixed before the match", questions = "Is it under warranty?",
            obstacles = "Long queue", emotion = -2, touchpointIds = new[] { touchpoint, touchpoint }, backstageDepartmentId = department,
            waitingMinutes = 25, isMomentOfTruth = true, isPainPoint = true, isBrandSuccessPoint = false, notes = "Peak on Mondays", position = 1,
        });
        Assert.Equal(201, (int)response.StatusCode);
        var after = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
        Assert.Equal(["Service: notice fault, call the hotline, give up"], Layout(after));
        AssertDense(after);
        var stepId = StepId(after, "call the hotline");
        Assert.EndsWith($"/journeys/{id}/steps/{stepId}", response.Headers.Location!.ToString());

        var get = await Client.GetAsync($"{Journeys}/{id}/steps/{stepId}");
        var step = JsonDocument.Parse(await get.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal($"\"{VersionOf(step)}\"", get.Headers.ETag!.Tag);
        Assert.Equal(stage, step.GetProperty("stageId").GetGuid());
        Assert.Equal(1, step.GetProperty("position").GetInt32());
        Assert.Equal("I want it fixed before the match", step.GetProperty("thoughtsAndMotivation").GetString());
        Assert.Equal("Is it under warranty?", step.GetProperty("questions").GetString());
        Assert.Equal("Long queue", step.GetProperty("obstacles").GetString());
        Assert.Equal(-2, step.GetProperty("emotion").GetInt32());
        Assert.Equal([touchpoint], step.GetProperty("touchpointIds").EnumerateArray().Select(t => t.GetGuid()));
        Assert.Equal(department, step.GetProperty("backstageDepartmentId").GetGuid());
        Assert.Equal(25, step.GetProperty("waitingMinutes").GetInt32());
        Assert.True(step.GetProperty("isMomentOfTruth").GetBoolean());
        Assert.True(step.GetProperty("isPainPoint").GetBoolean());
        Assert.False(step.GetProperty("isBrandSuccessPoint").GetBoolean());
        Assert.Equal("Peak on Mondays", step.GetProperty("notes").GetString());
        Assert.Equal("Service hotline", step.GetProperty("touchpoints")[0].GetProperty("name").GetString());
        Assert.Equal(JsonSerializer.Serialize(step), JsonSerializer.Serialize(StepNamed(after, "call the hotline")));
    }

    [Fact]
    public async Task Moving_a_step_across_stages_renumbers_both_stages()
    {
        var map = await BuildMap(("Look", ["see ad", "read review", "ask friend"]), ("Buy", ["visit store", "pay"]));
        var id = IdOf(map);
        var moved = await PostOk($"{Journeys}/{id}/steps/{StepId(map, "read review")}/move", new { stageId = StageId(map, "Buy"), position = 1 });
        Assert.Equal(["Look: see ad, ask friend", "Buy: visit store, read review, pay"], Layout(moved));
        AssertDense(moved);
        var read = await GetOk($"{Journeys}/{id}");
        Assert.Equal(Layout(moved), Layout(read));
        AssertDense(read);

        // Within one stage, and to the end of a stage.
        moved = await PostOk($"{Journeys}/{id}/steps/{StepId(map, "pay")}/move", new { stageId = StageId(map, "Buy"), position = 0 });
        Assert.Equal(["Look: see ad, ask friend", "Buy: pay, visit store, read review"], Layout(moved));
        moved = await PostOk($"{Journeys}/{id}/steps/{StepId(map, "pay")}/move", new { stageId = StageId(map, "Look"), position = 2 });
        Assert.Equal(["Look: see ad, ask friend, pay", "Buy: visit store, read review"], Layout(moved));
        AssertDense(await GetOk($"{Journeys}/{id}"));
    }

    [Fact]
    public async Task A_bad_move_is_refused_and_leaves_the_step_where_it_was()
    {
        var map = await BuildMap(("Look", ["see ad", "read review"]), ("Buy", ["pay"]));
        var other = await BuildMap(("Elsewhere", ["wander"]));
        var id = IdOf(map);
        var step = $"{Journeys}/{id}/steps/{StepId(map, "read review")}/move";
        Assert.Contains("position", ErrorFields(await Problem(await Send(HttpMethod.Post, step, new { stageId = StageId(map, "Buy"), position = 2 }), 400)));
        Assert.Contains("position", ErrorFields(await Problem(await Send(HttpMethod.Post, step, new { stageId = StageId(map, "Look"), position = 2 }), 400)));
        Assert.Contains("position", ErrorFields(await Problem(await Send(HttpMethod.Post, step, new { stageId = StageId(map, "Look"), position = -1 }), 400)));
        Assert.Contains("stageId", ErrorFields(await Problem(await Send(HttpMethod.Post, step, new { stageId = StageId(other, "Elsewhere"), position = 0 }), 400)));
        Assert.Contains("stageId", ErrorFields(await Problem(await Send(HttpMethod.Post, step, new { position = 0 }), 400)));
        Assert.Contains("stageId", ErrorFields(await Problem(await SendRaw(HttpMethod.Post, step, "{\"stageId\": \"not-a-guid\", \"position\": 0}"), 400)));
        await Problem(await Send(HttpMethod.Post, $"{Journeys}/{id}/steps/{StepId(other, "wander")}/move", new { stageId = StageId(map, "Look"), position = 0 }), 404);

        var now = await GetOk($"{Journeys}/{id}");
        Assert.Equal(["Look: see ad, read review", "Buy: pay"], Layout(now));
        Assert.Equal(VersionOf(map), VersionOf(now));
        Assert.Equal(["Elsewhere: wander"], Layout(await GetOk($"{Journeys}/{IdOf(other)}")));
    }

    [Fact]
    public async Task A_step_is_updated_with_its_version_and_a_stale_version_leaves_it_unchanged()
    {
        var map = await BuildMap(("Buy", ["pay"]));
        var id = IdOf(map);
        var step = StepNamed(map, "pay");
        var path = $"{Journeys}/{id}/steps/{IdOf(step)}";
        var updated = await PutOk(path, new { action = "pay at the till", emotion = 2, waitingMinutes = 5, isBrandSuccessPoint = true, version = VersionOf(step) });
        Assert.Equal("pay at the till", updated.GetProperty("action").GetString());
        Assert.Equal(2, updated.GetProperty("emotion").GetInt32());
        Assert.Equal(VersionOf(step) + 1, VersionOf(updated));

        var stale = await Problem(await Send(HttpMethod.Put, path, new { action = "lost update", emotion = -3, version = VersionOf(step) }), 409);
        Assert.Contains("changed by someone else", stale.GetProperty("detail").GetString());
        await Problem(await Send(HttpMethod.Put, path, new { action = "no version", emotion = -3 }), 428);
        var viaIfMatch = await Send(HttpMethod.Put, path, new { action = "pay by card", emotion = 3 }, ifMatch: VersionOf(updated));
        Assert.Equal(200, (int)viaIfMatch.StatusCode);

        var now = await GetOk(path);
        Assert.Equal("pay by card", now.GetProperty("action").GetString());
        Assert.Equal(3, now.GetProperty("emotion").GetInt32());
        Assert.Equal(VersionOf(updated) + 1, VersionOf(now));
        await Problem(await Send(HttpMethod.Put, path, new { action = "stale again", version = VersionOf(updated) }), 409);
        Assert.Equal("pay by card", (await GetOk(path)).GetProperty("action").GetString());
    }

    [Fact]
    public async Task Out_of_range_and_malformed_step_input_is_refused_naming_the_field_and_changes_nothing()
    {
        var map = await BuildMap(("Buy", ["pay"]));
        var id = IdOf(map);
        var step = StepNamed(map, "pay");
        var add = $"{Journeys}/{id}/stages/{StageId(map, "Buy")}/steps";
        var put = $"{Journeys}/{id}/steps/{IdOf(step)}";
        (object Body, string Field)[] cases =
        [
            (new { action = "too happy", emotion = 4 }, "emotion"),
            (new { action = "too sad", emotion = -4 }, "emotion"),
            (new { action = "", emotion = 0 }, "action"),
            (new { action = new string('a', 501) }, "action"),
            (new { action = "wait", waitingMinutes = -1 }, "waitingMinutes"),
            (new { action = "ask", questions = new string('q', 2001) }, "questions"),
            (new { action = "far", position = 2 }, "position"),
        ];
        foreach (var (body, field) in cases)
            Assert.Contains(field, ErrorFields(await Problem(await Send(HttpMethod.Post, add, body), 400)));
        var emotion = await Problem(await Send(HttpMethod.Put, put, new { action = "pay", emotion = 4, version = VersionOf(step) }), 400);
        Assert.Equal(["emotion"], ErrorFields(emotion));
        Assert.Contains("between -3 and 3", emotion.GetProperty("detail").GetString());
        var malformed = await Problem(await SendRaw(HttpMethod.Post, add, "{\"action\": \"x\", \"emotion\": \"very happy\"}"), 400);
        Assert.Contains("emotion", ErrorFields(malformed));
        var broken = await Problem(await SendRaw(HttpMethod.Put, put, "{\"action\": \"x\"\n \"version\": 1}"), 400);
        Assert.Contains("line 2", broken.GetProperty("detail").GetString());

        var now = await GetOk($"{Journeys}/{id}");
        Assert.Equal(["Buy: pay"], Layout(now));
        Assert.Equal(VersionOf(map), VersionOf(now));
        var same = StepNamed(now, "pay");
        Assert.Equal(0, same.GetProperty("emotion").GetInt32());
        Assert.Equal(VersionOf(step), VersionOf(same));
        Assert.Equal(1, await CountSteps());
    }

    [Fact]
    public async Task References_to_touchpoints_departments_of_another_workspace_are_refused_naming_the_field()
    {
        var (otherKey, otherId) = await OtherWorkspace();
        var foreignChannel = IdOf(await PostOk($"/api/workspaces/{otherKey}/channels", new { name = "Their shop", kind = "analog", reach = "direct" }));
        var foreignTouchpoint = await SeedTouchpoint("Their counter", foreignChannel, otherId);
        var foreignDepartment = IdOf(await PostOk($"/api/workspaces/{otherKey}/departments", new { name = "Their service" }));
        var (channel, _) = await CreateChannel();
        var mine = await SeedTouchpoint("Hotline", channel);
        var map = await BuildMap(("Buy", ["pay"]));
        var id = IdOf(map);
        var step = StepNamed(map, "pay");
        var add = $"{Journeys}/{id}/stages/{StageId(map, "Buy")}/steps";
        var put = $"{Journeys}/{id}/steps/{IdOf(step)}";

        var problem = await Problem(await Send(HttpMethod.Post, add, new { action = "visit", touchpointIds = new[] { mine, foreignTouchpoint } }), 400);
        Assert.Equal(["touchpointIds"], ErrorFields(problem));
        Assert.Contains(foreignTouchpoint.ToString(), problem.GetProperty("detail").GetString());
        Assert.DoesNotContain("Their counter", problem.GetProperty("detail").GetString());
        Assert.Contains("touchpointIds", ErrorFields(await Problem(await Send(HttpMethod.Put, put, new { action = "pay", touchpointIds = new[] { foreignTouchpoint }, version = VersionOf(step) }), 400)));
        Assert.Contains("touchpointIds", ErrorFields(await Problem(await Send(HttpMethod.Put, put, new { action = "pay", touchpointIds = new[] { Guid.NewGuid() }, version = VersionOf(step) }), 400)));
        Assert.Contains("backstageDepartmentId", ErrorFields(await Problem(await Send(HttpMethod.Post, add, new { action = "visit", backstageDepartmentId = foreignDepartment }), 400)));
        Assert.Contains("backstageDepartmentId", ErrorFields(await Problem(await Send(HttpMethod.Put, put, new { action = "pay", backstageDepartmentId = foreignDepartment, version = VersionOf(step) }), 400)));

        var now = await GetOk($"{Journeys}/{id}");
        Assert.Equal(["Buy: pay"], Layout(now));
        Assert.Empty(StepNamed(now, "pay").GetProperty("touchpointIds").EnumerateArray());
        Assert.Equal(VersionOf(step), VersionOf(StepNamed(now, "pay")));

        // Steps of this workspace's journeys cannot be reached through the other workspace's address.
        await Problem(await Client.GetAsync($"/api/workspaces/{otherKey}/journeys/{id}/steps/{IdOf(step)}"), 404);
        await Problem(await Send(HttpMethod.Put, $"/api/workspaces/{otherKey}/journeys/{id}/steps/{IdOf(step)}", new { action = "hijack", version = VersionOf(step) }), 404);
        await Problem(await Send(HttpMethod.Delete, $"/api/workspaces/{otherKey}/journeys/{id}/steps/{IdOf(step)}"), 404);
        await Problem(await Send(HttpMethod.Post, $"/api/workspaces/{otherKey}/journeys/{id}/stages/{StageId(map, "Buy")}/steps", new { action = "sneak in" }), 404);
        await Problem(await Client.GetAsync($"/api/workspaces/no-such-workspace/journeys/{id}/steps/{IdOf(step)}"), 404);
        Assert.Equal(1, await CountSteps());
    }

    [Fact]
    public async Task Unknown_steps_stages_and_steps_of_other_journeys_answer_404()
    {
        var map = await BuildMap(("Buy", ["pay"]));
        var other = await BuildMap(("Elsewhere", ["wander"]));
        var id = IdOf(map);
        var foreignStep = StepId(other, "wander");
        await Problem(await Client.GetAsync($"{Journeys}/{id}/steps/{Guid.NewGuid()}"), 404);
        await Problem(await Client.GetAsync($"{Journeys}/{id}/steps/{foreignStep}"), 404);
        await Problem(await Send(HttpMethod.Put, $"{Journeys}/{id}/steps/{foreignStep}", new { action = "mine", version = 1 }), 404);
        await Problem(await Send(HttpMethod.Delete, $"{Journeys}/{id}/steps/{foreignStep}"), 404);
        await Problem(await Send(HttpMethod.Post, $"{Journeys}/{id}/stages/{StageId(other, "Elsewhere")}/steps", new { action = "sneak" }), 404);
        await Problem(await Send(HttpMethod.Post, $"{Journeys}/{Guid.NewGuid()}/stages/{StageId(map, "Buy")}/steps", new { action = "sneak" }), 404);
        Assert.Equal(["Elsewhere: wander"], Layout(await GetOk($"{Journeys}/{IdOf(other)}")));
        Assert.Equal(2, await CountSteps());
    }

    [Fact]
    public async Task Deleting_a_step_renumbers_its_stage_and_keeps_actions_that_pointed_at_it()
    {
        var map = await BuildMap(("Buy", ["visit store", "ask staff", "pay"]));
        var id = IdOf(map);
        var ask = StepNamed(map, "ask staff");
        await SeedImprovement(ImprovementKind.Action, ImprovementStatus.Open, IdOf(ask));
        var path = $"{Journeys}/{id}/steps/{IdOf(ask)}";
        await Problem(await Send(HttpMethod.Delete, path, ifMatch: VersionOf(ask) + 1), 409);
        Assert.Equal(3, await CountSteps());

        var response = await Send(HttpMethod.Delete, path, ifMatch: VersionOf(ask));
        Assert.Equal(200, (int)response.StatusCode);
        var after = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(["Buy: visit store, pay"], Layout(after));
        AssertDense(after);
        await Problem(await Client.GetAsync(path), 404);
        await Problem(await Send(HttpMethod.Delete, path), 404);
        Assert.Equal(2, await CountSteps());
        var ws = await WorkspaceId();
        await using var db = Factory.OpenDb();
        var action = await db.Improvements.SingleAsync(i => i.WorkspaceId == ws);
        Assert.Null(action.StepId);
    }

    [Fact]
    public async Task Each_step_shows_its_touchpoints_with_channel_and_current_score_and_its_open_actions()
    {
        var persona = await SeedPersona("Tech-savvy Tom");
        var (phone, _) = await CreateChannel("Phone hotline", "analog");
        var (web, _) = await CreateChannel("Website", "digital");
        var hotline = await SeedTouchpoint("Service hotline", phone);
        var shop = await SeedTouchpoint("Online shop", web);
        var chat = await SeedTouchpoint("Live chat", web);
        await SeedEvaluation(hotline, 2, new DateOnly(2025, 1, 10));
        await SeedEvaluation(hotline, 4, new DateOnly(2025, 3, 10));            // latest without persona: 4
        await SeedEvaluation(hotline, 6, new DateOnly(2025, 3, 1), persona);    // persona: 6 → overall (4 + 6) / 2 = 5
        await SeedEvaluation(shop, 9, new DateOnly(2025, 2, 1));
        var journey = await PostOk(Journeys, new { name = "Service case", scenario = "serviceCase", personaId = persona, stages = new[] { new { name = "Help" } } });
        var id = IdOf(journey);
        var map = await PostOk($"{Journeys}/{id}/stages/{StageId(journey, "Help")}/steps", new { action = "call", touchpointIds = new[] { hotline, chat } });
        map = await PostOk($"{Journeys}/{id}/stages/{StageId(journey, "Help")}/steps", new { action = "order spare part", touchpointIds = new[] { shop } });
        var call = StepId(map, "call");
        await SeedImprovement(ImprovementKind.Action, ImprovementStatus.Open, call);
        await SeedImprovement(ImprovementKind.Action, ImprovementStatus.InProgress, call);
        await SeedImprovement(ImprovementKind.Action, ImprovementStatus.Done, call);
        await SeedImprovement(ImprovementKind.Idea, ImprovementStatus.Open, call);

        var read = await GetOk($"{Journeys}/{id}");
        var callStep = StepNamed(read, "call");
        Assert.Equal(2, callStep.GetProperty("openActions").GetInt32());
        var chips = callStep.GetProperty("touchpoints").EnumerateArray().ToArray();
        Assert.Equal(["Service hotline", "Live chat"], chips.Select(c => c.GetProperty("name").GetString()));
        Assert.Equal(phone, chips[0].GetProperty("channelId").GetGuid());
        Assert.Equal("Phone hotline", chips[0].GetProperty("channel").GetString());
        Assert.Equal("analog", chips[0].GetProperty("channelKind").GetString());
        Assert.Equal(5.0, chips[0].GetProperty("score").GetDouble());
        Assert.Equal(6.0, chips[0].GetProperty("personaScore").GetDouble());
        Assert.Equal("meets", chips[0].GetProperty("band").GetString());
        Assert.Equal(JsonValueKind.Null, chips[1].GetProperty("score").ValueKind);
        Assert.Equal("notEvaluated", chips[1].GetProperty("band").GetString());
        Assert.Equal("digital", chips[1].GetProperty("channelKind").GetString());
        var order = StepNamed(read, "order spare part");
        Assert.Equal(0, order.GetProperty("openActions").GetInt32());
        Assert.Equal(9.0, order.GetProperty("touchpoints")[0].GetProperty("score").GetDouble());
        Assert.Equal("exceeds", order.GetProperty("touchpoints")[0].GetProperty("band").GetString());
        Assert.Equal(JsonValueKind.Null, order.GetProperty("touchpoints")[0].GetProperty("personaScore").ValueKind);

        var single = await GetOk($"{Journeys}/{id}/steps/{call}");
        Assert.Equal(2, single.GetProperty("openActions").GetInt32());
        Assert.Equal(5.0, single.GetProperty("touchpoints")[0].GetProperty("score").GetDouble());
    }
}
