using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Waymark.Storage.Access;
using Waymark.Web.Tests.Support;

namespace Waymark.Web.Tests.Journeys;

/// <summary>Undoing a removal over the API: a removed step or stage comes back with its id and everything that pointed at it.</summary>
public class RestoreApiTests(WaymarkApiFactory factory) : JourneyApiTest(factory)
{
    private sealed record Linked(Guid Kpi, Guid Action, Guid Evaluation);

    /// <summary>A KPI, an action and an evaluation on the step, made through their own APIs.</summary>
    private async Task<Linked> LinkEverything(Guid journey, Guid step, string what)
    {
        var persona = await SeedPersona($"Persona for {what}");
        var kpi = IdOf(await PostOk($"{Api}/kpis", new { name = $"Wait time at {what}", unit = "min", direction = "lowerIsBetter", target = 5, journeyId = journey, stepId = step }));
        var action = IdOf(await PostOk($"{Api}/actions", new { title = $"Faster {what}", journeyId = journey, stepId = step }));
        var evaluation = IdOf(await PostOk($"{Api}/evaluations", new
        {
            score = 3, evaluatedOn = "2025-03-10", stepId = step, personaId = persona, source = "interview",
            expectation = "Quick answer", experience = "Waited 20 minutes", expectationLevel = 8, experienceLevel = 3, evaluator = "Ines", comment = "Peak hour",
        }));
        return new Linked(kpi, action, evaluation);
    }

    /// <summary>What a client reads before removing a step so that it can put it back: the step as read, plus its links and evaluations.</summary>
    private async Task<JsonObject> ReadForRestore(Guid journey, Guid step)
    {
        var body = JsonNode.Parse((await GetOk($"{Journeys}/{journey}/steps/{step}")).GetRawText())!.AsObject();
        var kpis = await GetOk($"{Api}/kpis?journeyId={journey}&pageSize=500");
        body["kpiIds"] = new JsonArray(Items(kpis).Where(k => k.GetProperty("stepId").ValueKind != JsonValueKind.Null && k.GetProperty("stepId").GetGuid() == step)
            .Select(k => (JsonNode)JsonValue.Create(IdOf(k))).ToArray());
        var improvements = new List<JsonNode>();
        foreach (var kind in new[] { "insights", "ideas", "actions" })
            improvements.AddRange(Items(await GetOk($"{Api}/{kind}?stepId={step}")).Select(i => (JsonNode)JsonValue.Create(IdOf(i))));
        body["improvementIds"] = new JsonArray(improvements.ToArray());
        body["evaluations"] = new JsonArray(Items(await GetOk($"{Api}/evaluations?stepId={step}")).Select(e => JsonNode.Parse(e.GetRawText())).ToArray());
        return body;
    }

    private static IEnumerable<JsonElement> Items(JsonElement page) => page.GetProperty("items").EnumerateArray();

    private async Task<(Guid? Kpi, Guid? Action, bool Evaluation)> LinksInDb(Linked linked)
    {
        await using var db = Factory.OpenDb();
        return ((await db.Kpis.SingleAsync(k => k.Id == linked.Kpi)).StepId,
            (await db.Improvements.SingleAsync(i => i.Id == linked.Action)).StepId,
            await db.Evaluations.AnyAsync(e => e.Id == linked.Evaluation));
    }

    [Fact]
    public async Task A_removed_step_sent_back_as_it_was_read_returns_with_its_id_position_evaluations_kpis_and_actions()
    {
        var (channel, _) = await CreateChannel();
        var hotline = await SeedTouchpoint("Service hotline", channel);
        var map = await BuildMap(("Service", ["notice fault", "call hotline", "get repair"]));
        var id = IdOf(map);
        var call = StepId(map, "call hotline");
        await PutOk($"{Journeys}/{id}/steps/{call}", new { action = "call hotline", emotion = -2, touchpointIds = new[] { hotline }, isPainPoint = true, notes = "Mondays", version = 1 });
        var linked = await LinkEverything(id, call, "the hotline");
        var evaluationBefore = await GetOk($"{Api}/evaluations/{linked.Evaluation}");
        var body = await ReadForRestore(id, call);

        await Send(HttpMethod.Delete, $"{Journeys}/{id}/steps/{call}");
        Assert.Equal((null, null, false), await LinksInDb(linked));

        var response = await Send(HttpMethod.Post, $"{Journeys}/{id}/stages/{StageId(map, "Service")}/steps/restore", body);
        Assert.Equal(201, (int)response.StatusCode);
        Assert.EndsWith($"/journeys/{id}/steps/{call}", response.Headers.Location!.ToString());
        var restored = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(["Service: notice fault, call hotline, get repair"], Layout(restored));
        AssertDense(restored);
        var step = StepNamed(restored, "call hotline");
        Assert.Equal(call, IdOf(step));
        Assert.Equal(-2, step.GetProperty("emotion").GetInt32());
        Assert.True(step.GetProperty("isPainPoint").GetBoolean());
        Assert.Equal("Mondays", step.GetProperty("notes").GetString());
        Assert.Equal([hotline], step.GetProperty("touchpointIds").EnumerateArray().Select(t => t.GetGuid()));
        Assert.Equal(1, step.GetProperty("openActions").GetInt32());
        Assert.Equal(VersionOf(restored).ToString(), response.Headers.ETag!.Tag.Trim('"'));

        Assert.Equal((call, call, true), await LinksInDb(linked));
        var evaluationAfter = await GetOk($"{Api}/evaluations/{linked.Evaluation}");
        foreach (var field in new[] { "stepId", "personaId", "score", "expectation", "experience", "expectationLevel", "experienceLevel", "gap", "source", "evaluatedOn", "evaluator", "comment", "recordedAt" })
            Assert.Equal(evaluationBefore.GetProperty(field).GetRawText(), evaluationAfter.GetProperty(field).GetRawText());
        Assert.Equal(call, (await GetOk($"{Api}/kpis/{linked.Kpi}")).GetProperty("stepId").GetGuid());
        Assert.Equal(call, (await GetOk($"{Api}/actions/{linked.Action}")).GetProperty("stepId").GetGuid());
    }

    [Fact]
    public async Task A_step_is_restored_once_and_a_link_pointed_elsewhere_since_stops_the_restore_without_changing_anything()
    {
        var map = await BuildMap(("Buy", ["visit store", "ask staff", "pay"]));
        var id = IdOf(map);
        var ask = StepId(map, "ask staff");
        var linked = await LinkEverything(id, ask, "the counter");
        var body = await ReadForRestore(id, ask);
        var restore = $"{Journeys}/{id}/stages/{StageId(map, "Buy")}/steps/restore";

        // Still on the map: its id is taken.
        var taken = await Problem(await Send(HttpMethod.Post, restore, body), 409);
        Assert.Contains("restored once", taken.GetProperty("detail").GetString());

        await Send(HttpMethod.Delete, $"{Journeys}/{id}/steps/{ask}");
        // Meanwhile someone points the action at another step: that decision stands, the restore is refused as a whole.
        var action = await GetOk($"{Api}/actions/{linked.Action}");
        await PutOk($"{Api}/actions/{linked.Action}", new { title = action.GetProperty("title").GetString(), journeyId = id, stepId = StepId(map, "pay"), version = VersionOf(action) });
        var moved = await Problem(await Send(HttpMethod.Post, restore, body), 409);
        Assert.Contains("Faster the counter", moved.GetProperty("detail").GetString());
        Assert.Equal(["Buy: visit store, pay"], Layout(await GetOk($"{Journeys}/{id}")));
        Assert.Equal((null, StepId(map, "pay"), false), await LinksInDb(linked));

        // Without that link it comes back; a second restore is refused.
        body["improvementIds"] = new JsonArray();
        Assert.Equal(201, (int)(await Send(HttpMethod.Post, restore, body)).StatusCode);
        Assert.Equal((ask, StepId(map, "pay"), true), await LinksInDb(linked));
        await Problem(await Send(HttpMethod.Post, restore, body), 409);
        Assert.Equal(3, await CountSteps());
    }

    [Fact]
    public async Task Bad_restore_input_is_refused_naming_the_field_and_changes_nothing()
    {
        var map = await BuildMap(("Buy", ["pay"]));
        var id = IdOf(map);
        var restore = $"{Journeys}/{id}/stages/{StageId(map, "Buy")}/steps/restore";
        var (_, otherWorkspace) = await OtherWorkspace();
        var foreignPersona = await SeedPersona("Someone else's persona", otherWorkspace);
        var evaluation = new { id = Guid.NewGuid(), score = 5, evaluatedOn = "2025-03-10" };
        (object Body, string Field)[] cases =
        [
            (new { action = "no id" }, "id"),
            (new { id = Guid.NewGuid(), action = "" }, "action"),
            (new { id = Guid.NewGuid(), action = "far", position = 2 }, "position"),
            (new { id = Guid.NewGuid(), action = "too sad", emotion = -4 }, "emotion"),
            (new { id = Guid.NewGuid(), action = "unknown KPI", kpiIds = new[] { Guid.NewGuid() } }, "kpiIds"),
            (new { id = Guid.NewGuid(), action = "unknown action", improvementIds = new[] { Guid.NewGuid() } }, "improvementIds"),
            (new { id = Guid.NewGuid(), action = "unknown touchpoint", touchpointIds = new[] { Guid.NewGuid() } }, "touchpointIds"),
            (new { id = Guid.NewGuid(), action = "score", evaluations = new[] { evaluation with { score = 11 } } }, "evaluations[0].score"),
            (new { id = Guid.NewGuid(), action = "no evaluation id", evaluations = new[] { evaluation with { id = Guid.Empty } } }, "evaluations[0].id"),
            (new { id = Guid.NewGuid(), action = "twice", evaluations = new[] { evaluation, evaluation } }, "evaluations[1].id"),
            (new { id = Guid.NewGuid(), action = "foreign persona", evaluations = new[] { new { evaluation.id, evaluation.score, evaluation.evaluatedOn, personaId = foreignPersona } } }, "evaluations[0].personaId"),
            (new { id = Guid.NewGuid(), action = "future", evaluations = new[] { new { evaluation.id, evaluation.score, evaluation.evaluatedOn, recordedAt = DateTimeOffset.UtcNow.AddDays(1) } } }, "evaluations[0].recordedAt"),
        ];
        foreach (var (body, field) in cases)
            Assert.Contains(field, ErrorFields(await Problem(await Send(HttpMethod.Post, restore, body), 400)));

        Assert.Equal(["Buy: pay"], Layout(await GetOk($"{Journeys}/{id}")));
        Assert.Equal(1, await CountSteps());
        await using var db = Factory.OpenDb();
        Assert.False(await db.Evaluations.AnyAsync(e => e.Id == evaluation.id));
    }

    [Fact]
    public async Task A_removed_stage_returns_with_its_id_its_steps_in_order_and_their_links()
    {
        var map = await BuildMap(("Look", ["see ad"]), ("Buy", ["visit store", "pay"]), ("Use", ["set up TV"]));
        var id = IdOf(map);
        var buy = Stages(map).Single(s => s.GetProperty("name").GetString() == "Buy");
        var pay = StepId(map, "pay");
        var linked = await LinkEverything(id, pay, "the till");
        await PutOk($"{Journeys}/{id}/stages/{IdOf(buy)}", new { name = "Buy", description = "In the store", version = VersionOf(buy) });
        var steps = new JsonArray();
        foreach (var step in buy.GetProperty("steps").EnumerateArray().Reverse())
            steps.Add(await ReadForRestore(id, IdOf(step)));
        var body = new JsonObject { ["id"] = IdOf(buy), ["name"] = "Buy", ["description"] = "In the store", ["position"] = 1, ["steps"] = steps };

        await Send(HttpMethod.Delete, $"{Journeys}/{id}/stages/{IdOf(buy)}");
        Assert.Equal((null, null, false), await LinksInDb(linked));

        var response = await Send(HttpMethod.Post, $"{Journeys}/{id}/stages/restore", body);
        Assert.Equal(201, (int)response.StatusCode);
        Assert.EndsWith($"/journeys/{id}/stages/{IdOf(buy)}", response.Headers.Location!.ToString());
        var restored = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        // The steps were sent in reverse; their positions put them back in order.
        Assert.Equal(["Look: see ad", "Buy: visit store, pay", "Use: set up TV"], Layout(restored));
        AssertDense(restored);
        Assert.Equal(IdOf(buy), StageId(restored, "Buy"));
        Assert.Equal("In the store", Stages(restored)[1].GetProperty("description").GetString());
        Assert.Equal(Layout(map).Length, Stages(restored).Length);
        Assert.Equal(buy.GetProperty("steps").EnumerateArray().Select(IdOf), Stages(restored)[1].GetProperty("steps").EnumerateArray().Select(IdOf));
        Assert.Equal((pay, pay, true), await LinksInDb(linked));

        await Problem(await Send(HttpMethod.Post, $"{Journeys}/{id}/stages/restore", body), 409);
        body["id"] = Guid.NewGuid();
        // A new stage id does not let the same steps come back twice.
        await Problem(await Send(HttpMethod.Post, $"{Journeys}/{id}/stages/restore", body), 409);
        body["steps"] = new JsonArray(new JsonObject { ["action"] = "no id" });
        Assert.Contains("steps[0].id", ErrorFields(await Problem(await Send(HttpMethod.Post, $"{Journeys}/{id}/stages/restore", body), 400)));
        body["steps"] = new JsonArray();
        body["position"] = 4;
        Assert.Contains("position", ErrorFields(await Problem(await Send(HttpMethod.Post, $"{Journeys}/{id}/stages/restore", body), 400)));
        Assert.Equal(Layout(restored), Layout(await GetOk($"{Journeys}/{id}")));
    }

    [Fact]
    public async Task Viewers_are_forbidden_outsiders_and_other_workspaces_get_404_and_anonymous_callers_401()
    {
        var map = await BuildMap(("Buy", ["pay"]));
        var id = IdOf(map);
        var stage = StageId(map, "Buy");
        var pay = StepId(map, "pay");
        var stepBody = await ReadForRestore(id, pay);
        await Send(HttpMethod.Delete, $"{Journeys}/{id}/steps/{pay}");
        var stageBody = new JsonObject { ["id"] = Guid.NewGuid(), ["name"] = "Later", ["steps"] = new JsonArray() };
        var stepPath = $"journeys/{id}/stages/{stage}/steps/restore";
        var stagePath = $"journeys/{id}/stages/restore";

        await Factory.GrantAsync(Workspace, "restore-viewer@waymark.test", WorkspaceRole.Viewer);
        var viewer = Factory.ClientAs("restore-viewer@waymark.test");
        var outsider = Factory.ClientAs("restore-outsider@waymark.test");
        var anonymous = Factory.AnonymousClient();
        var (otherKey, _) = await OtherWorkspace();
        foreach (var (path, body) in new[] { (stepPath, (JsonNode)stepBody), (stagePath, stageBody) })
        {
            await Problem(await viewer.PostAsync($"{Api}/{path}", Json(body)), 403);
            await Problem(await outsider.PostAsync($"{Api}/{path}", Json(body)), 404);
            await Problem(await anonymous.PostAsync($"{Api}/{path}", Json(body)), 401);
            await Problem(await Client.PostAsync($"/api/workspaces/{otherKey}/{path}", Json(body)), 404);
        }
        await Problem(await Send(HttpMethod.Post, $"{Journeys}/{Guid.NewGuid()}/stages/{stage}/steps/restore", stepBody), 404);
        await Problem(await Send(HttpMethod.Post, $"{Journeys}/{id}/stages/{Guid.NewGuid()}/steps/restore", stepBody), 404);
        await Problem(await Send(HttpMethod.Post, $"{Journeys}/{Guid.NewGuid()}/stages/restore", stageBody), 404);

        Assert.Equal(["Buy: "], Layout(await GetOk($"{Journeys}/{id}")));
        Assert.Equal(0, await CountSteps());
    }

    [Fact]
    public async Task Ids_used_in_another_workspace_are_answered_as_if_they_were_free_and_the_other_workspace_is_untouched()
    {
        var (otherKey, _) = await OtherWorkspace();
        var foreignMap = await PostOk($"/api/workspaces/{otherKey}/journeys", new { name = "Theirs", stages = new[] { new { name = "Secret stage" } } });
        var foreignStage = StageId(foreignMap, "Secret stage");
        foreignMap = await PostOk($"/api/workspaces/{otherKey}/journeys/{IdOf(foreignMap)}/stages/{foreignStage}/steps", new { action = "secret step" });
        var foreignStep = StepId(foreignMap, "secret step");
        var map = await BuildMap(("Buy", ["pay"]));
        var id = IdOf(map);

        var stepResponse = await Send(HttpMethod.Post, $"{Journeys}/{id}/stages/{StageId(map, "Buy")}/steps/restore",
            new JsonObject { ["id"] = foreignStep, ["action"] = "wrap up", ["position"] = 1 });
        var stageResponse = await Send(HttpMethod.Post, $"{Journeys}/{id}/stages/restore",
            new JsonObject { ["id"] = foreignStage, ["name"] = "Later", ["steps"] = new JsonArray(new JsonObject { ["id"] = foreignStep, ["action"] = "come back" }) });

        foreach (var response in new[] { stepResponse, stageResponse })
        {
            var text = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == System.Net.HttpStatusCode.Created, text);
            Assert.DoesNotContain(foreignStep.ToString(), text);
            Assert.DoesNotContain(foreignStage.ToString(), text);
        }
        var restored = await GetOk($"{Journeys}/{id}");
        Assert.Equal(["Buy: pay, wrap up", "Later: come back"], Layout(restored));
        Assert.NotEqual(foreignStep, StepId(restored, "wrap up"));
        Assert.NotEqual(foreignStage, StageId(restored, "Later"));
        // The other workspace's map is as it was.
        Assert.Equal(["Secret stage: secret step"], Layout(await GetOk($"/api/workspaces/{otherKey}/journeys/{IdOf(foreignMap)}")));
        Assert.Equal(foreignStep, StepId(await GetOk($"/api/workspaces/{otherKey}/journeys/{IdOf(foreignMap)}"), "secret step"));
    }

    private static StringContent Json(JsonNode body) => new(body.ToJsonString(), System.Text.Encoding.UTF8, "application/json");
}
