using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Waymark.Domain.Evaluations;
using Waymark.Web.Tests.Support;

namespace Waymark.Web.Tests.Evaluations;

public class EvaluationsApiTests(WaymarkApiFactory factory) : ScoringApiTest(factory)
{
    private async Task<Guid> Touchpoint()
    {
        var (channel, _) = await CreateChannel();
        return await CreateTouchpoint(channel);
    }

    [Fact]
    public async Task Creating_an_evaluation_stores_every_field()
    {
        var touchpoint = await Touchpoint();
        var persona = await CreatePersona();
        var created = await PostOk($"{Api}/evaluations", new
        {
            touchpointId = touchpoint,
            personaId = persona,
            score = 3,
            expectation = "Someone answers within a minute",
            experience = "Waited 12 minutes",
            expectationLevel = 8,
            experienceLevel = 2,
            source = "survey",
            evaluatedOn = "2026-04-15",
            evaluator = "Maria Lopez",
            comment = "Monday mornings are worst",
        });
        var id = IdOf(created);
        Assert.Equal(-6, created.GetProperty("gap").GetInt32());

        var read = await GetOk($"{Api}/evaluations/{id}");
        Assert.Equal(touchpoint, read.GetProperty("touchpointId").GetGuid());
        Assert.Equal(persona, read.GetProperty("personaId").GetGuid());
        Assert.Equal(3, read.GetProperty("score").GetInt32());
        Assert.Equal("Someone answers within a minute", read.GetProperty("expectation").GetString());
        Assert.Equal("Waited 12 minutes", read.GetProperty("experience").GetString());
        Assert.Equal(8, read.GetProperty("expectationLevel").GetInt32());
        Assert.Equal(2, read.GetProperty("experienceLevel").GetInt32());
        Assert.Equal("survey", read.GetProperty("source").GetString());
        Assert.Equal("2026-04-15", read.GetProperty("evaluatedOn").GetString());
        Assert.Equal("Maria Lopez", read.GetProperty("evaluator").GetString());
        Assert.Equal("Monday mornings are worst", read.GetProperty("comment").GetString());

        await using var db = Factory.OpenDb();
        var stored = await db.Evaluations.SingleAsync(e => e.Id == id);
        Assert.Equal(EvaluationSource.Survey, stored.Source);
        Assert.Equal(new DateOnly(2026, 4, 15), stored.EvaluatedOn);
    }

    [Fact]
    public async Task A_journey_step_of_this_workspace_can_be_evaluated()
    {
        var (_, step) = await CreateJourney("Service case");
        var created = await PostOk($"{Api}/evaluations", new { stepId = step, score = 7, evaluatedOn = "2026-02-02" });
        Assert.Equal(step, created.GetProperty("stepId").GetGuid());
        Assert.Equal(1, await Count<Evaluation>(q => q.Where(e => e.StepId == step)));
    }

    [Fact]
    public async Task A_step_touchpoint_or_persona_of_another_workspace_is_refused()
    {
        var touchpoint = await Touchpoint();
        var other = await OtherWorkspace();
        var otherKey = other.Split('/').Last();
        Guid foreignStep;
        await using (var db = Factory.OpenDb())
        {
            var otherId = await db.Workspaces.Where(w => w.Key == otherKey).Select(w => w.Id).SingleAsync();
            var journey = new Waymark.Domain.Journeys.Journey(otherId, "Theirs", Waymark.Domain.Journeys.JourneyScenario.ServiceCase);
            var stage = journey.AddStage("S");
            foreignStep = journey.AddStep(stage.Id, new Waymark.Domain.Journeys.StepContent("Their step")).Id;
            db.Journeys.Add(journey);
            await db.SaveChangesAsync();
        }
        var foreignPersona = IdOf(await PostOk($"{other}/personas", new { name = "Their persona" }));
        var theirChannel = IdOf(await PostOk($"{other}/channels", new { name = "Web", kind = "digital", reach = "direct" }));
        var foreignTouchpoint = IdOf(await PostOk($"{other}/touchpoints", new { name = "Their shop", channelId = theirChannel, category = "eCommerce" }));

        foreach (var (body, field) in new (object, string)[]
        {
            (new { stepId = foreignStep, score = 5, evaluatedOn = "2026-01-01" }, "stepId"),
            (new { stepId = Guid.NewGuid(), score = 5, evaluatedOn = "2026-01-01" }, "stepId"),
            (new { touchpointId = foreignTouchpoint, score = 5, evaluatedOn = "2026-01-01" }, "touchpointId"),
            (new { touchpointId = touchpoint, personaId = foreignPersona, score = 5, evaluatedOn = "2026-01-01" }, "personaId"),
        })
        {
            var problem = await Problem(await Client.PostAsJsonAsync($"{Api}/evaluations", body, WaymarkApiFactory.Json), 400);
            Assert.Equal([field], ErrorFields(problem));
        }
        Assert.Equal(0, await Count<Evaluation>(q => q.Where(e => e.TouchpointId == touchpoint || e.StepId == foreignStep)));
    }

    [Fact]
    public async Task An_evaluation_of_another_workspace_is_not_reachable()
    {
        var other = await OtherWorkspace();
        var theirChannel = IdOf(await PostOk($"{other}/channels", new { name = "Web", kind = "digital", reach = "direct" }));
        var theirTouchpoint = IdOf(await PostOk($"{other}/touchpoints", new { name = "Their shop", channelId = theirChannel, category = "eCommerce" }));
        var theirs = IdOf(await PostOk($"{other}/evaluations", new { touchpointId = theirTouchpoint, score = 2, evaluatedOn = "2026-01-01" }));
        var mine = await Touchpoint();

        await Problem(await Client.GetAsync($"{Api}/evaluations/{theirs}"), 404);
        await Problem(await Client.PutAsJsonAsync($"{Api}/evaluations/{theirs}", new { touchpointId = mine, score = 10, evaluatedOn = "2026-01-01", version = 1 }, WaymarkApiFactory.Json), 404);
        await Problem(await Client.DeleteAsync($"{Api}/evaluations/{theirs}"), 404);
        Assert.Empty(Items(await GetOk($"{Api}/evaluations")));
        Assert.Empty(Items(await GetOk($"{Api}/evaluations?touchpointId={theirTouchpoint}")));
        Assert.Equal(2, (await GetOk($"{other}/evaluations/{theirs}")).GetProperty("score").GetInt32());
    }

    [Theory]
    [InlineData(0)]
    [InlineData(11)]
    public async Task A_score_outside_1_to_10_is_refused_with_the_scale_explained(int score)
    {
        var touchpoint = await Touchpoint();
        var problem = await Problem(await Client.PostAsJsonAsync($"{Api}/evaluations", new { touchpointId = touchpoint, score, evaluatedOn = "2026-01-01" }, WaymarkApiFactory.Json), 400);
        var message = problem.GetProperty("errors").GetProperty("score")[0].GetString();
        Assert.Contains("between 1 and 10", message);
        Assert.Contains("expectations exceeded", message);
        Assert.Equal(0, await Count<Evaluation>());
    }

    [Theory]
    [InlineData("{\"score\":5,\"evaluatedOn\":\"2026-01-01\"}", "touchpointId")]
    [InlineData("{\"touchpointId\":\"TP\",\"score\":5}", "evaluatedOn")]
    [InlineData("{\"touchpointId\":\"TP\",\"score\":5,\"evaluatedOn\":\"15.01.2026\"}", "evaluatedOn")]
    [InlineData("{\"touchpointId\":\"TP\",\"score\":5,\"evaluatedOn\":\"2026-01-01\",\"source\":\"gut feeling\"}", "source")]
    [InlineData("{\"touchpointId\":\"TP\",\"score\":5,\"evaluatedOn\":\"2026-01-01\",\"expectationLevel\":12}", "expectationLevel")]
    [InlineData("{\"touchpointId\":\"TP\",\"score\":\"five\",\"evaluatedOn\":\"2026-01-01\"}", "score")]
    public async Task Invalid_evaluations_are_refused_naming_the_field(string json, string field)
    {
        var touchpoint = await Touchpoint();
        var problem = await Problem(await Send(HttpMethod.Post, $"{Api}/evaluations", rawJson: json.Replace("TP", touchpoint.ToString())), 400);
        Assert.Contains(field, ErrorFields(problem));
        Assert.Equal(0, await Count<Evaluation>());
    }

    [Fact]
    public async Task Evaluating_a_touchpoint_and_a_step_at_once_is_refused()
    {
        var touchpoint = await Touchpoint();
        var (_, step) = await CreateJourney("Service case");
        var problem = await Problem(await Client.PostAsJsonAsync($"{Api}/evaluations", new { touchpointId = touchpoint, stepId = step, score = 5, evaluatedOn = "2026-01-01" }, WaymarkApiFactory.Json), 400);
        Assert.Equal(["touchpointId"], ErrorFields(problem));
    }

    [Fact]
    public async Task List_filters_really_filter_and_sorts_newest_first()
    {
        var (channel, _) = await CreateChannel();
        var shop = await CreateTouchpoint(channel, "Shop");
        var hotline = await CreateTouchpoint(channel, "Hotline");
        var tom = await CreatePersona("Tom");
        var (_, step) = await CreateJourney("Service case");
        var a = await Evaluate(shop, 5, "2026-01-10", tom, new { source = "survey", evaluator = "Maria Lopez" });
        var b = await Evaluate(shop, 6, "2026-03-05", null, new { source = "workshop", evaluator = "Jon" });
        var c = await Evaluate(hotline, 7, "2026-02-20", tom, new { source = "interview" });
        var d = IdOf(await PostOk($"{Api}/evaluations", new { stepId = step, score = 8, evaluatedOn = "2026-02-01", source = "analytics" }));

        async Task<IReadOnlyList<Guid>> Query(string q) => Items(await GetOk($"{Api}/evaluations?{q}")).Select(IdOf).ToList();
        Assert.Equal([b, c, d, a], await Query(""));
        Assert.Equal([b, a], await Query($"touchpointId={shop}"));
        Assert.Equal([d], await Query($"stepId={step}"));
        Assert.Equal([c, a], await Query($"personaId={tom}"));
        Assert.Equal([c], await Query("source=interview"));
        Assert.Equal([c, d], await Query("from=2026-02-01&to=2026-02-28"));
        Assert.Equal([b], await Query("from=2026-03-01"));
        Assert.Equal([a], await Query("to=2026-01-31"));
        Assert.Equal([a], await Query("evaluator=lopez"));
        Assert.Equal([b], await Query($"touchpointId={shop}&source=workshop"));

        var page = await GetOk($"{Api}/evaluations?page=2&pageSize=3");
        Assert.Equal([a], Items(page).Select(IdOf));
        Assert.Equal(4, page.GetProperty("total").GetInt32());
    }

    [Theory]
    [InlineData("source=gut", "source")]
    [InlineData("from=2026-03-01&to=2026-01-01", "to")]
    public async Task Bad_list_filters_are_refused_naming_the_filter(string query, string field)
    {
        var problem = await Problem(await Client.GetAsync($"{Api}/evaluations?{query}"), 400);
        Assert.Equal([field], ErrorFields(problem));
    }

    [Fact]
    public async Task A_date_filter_that_is_not_a_date_is_refused()
    {
        var problem = await Problem(await Client.GetAsync($"{Api}/evaluations?from=yesterday"), 400);
        Assert.Contains("from", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Update_changes_the_evaluation_and_the_touchpoints_score_with_the_current_version_only()
    {
        var touchpoint = await Touchpoint();
        var id = await Evaluate(touchpoint, 4, "2026-01-01");
        var updated = await PutOk($"{Api}/evaluations/{id}", new { touchpointId = touchpoint, score = 8, evaluatedOn = "2026-01-01", comment = "Re-scored", version = 1 });
        Assert.Equal(2, updated.GetProperty("version").GetInt32());
        Assert.Equal(8.0, (await GetOk($"{Api}/touchpoints/{touchpoint}")).GetProperty("score").GetProperty("overall").GetDouble());

        await Problem(await Client.PutAsJsonAsync($"{Api}/evaluations/{id}", new { touchpointId = touchpoint, score = 1, evaluatedOn = "2026-01-01", version = 1 }, WaymarkApiFactory.Json), 409);
        await Problem(await Client.PutAsJsonAsync($"{Api}/evaluations/{id}", new { touchpointId = touchpoint, score = 1, evaluatedOn = "2026-01-01" }, WaymarkApiFactory.Json), 428);
        await Problem(await Client.PutAsJsonAsync($"{Api}/evaluations/{id}", new { touchpointId = touchpoint, score = 99, evaluatedOn = "2026-01-01", version = 2 }, WaymarkApiFactory.Json), 400);
        await Problem(await Client.PutAsJsonAsync($"{Api}/evaluations/{id}", new { touchpointId = Guid.NewGuid(), score = 2, evaluatedOn = "2026-01-01", version = 2 }, WaymarkApiFactory.Json), 400);

        var read = await GetOk($"{Api}/evaluations/{id}");
        Assert.Equal(8, read.GetProperty("score").GetInt32());
        Assert.Equal("Re-scored", read.GetProperty("comment").GetString());
        Assert.Equal(2, read.GetProperty("version").GetInt32());

        var response = await Send(HttpMethod.Put, $"{Api}/evaluations/{id}", new { touchpointId = touchpoint, score = 6, evaluatedOn = "2026-01-01" }, ifMatch: "\"2\"");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("\"3\"", response.Headers.ETag?.Tag);
    }

    [Fact]
    public async Task Delete_removes_the_evaluation_and_honours_if_match()
    {
        var touchpoint = await Touchpoint();
        var older = await Evaluate(touchpoint, 4, "2026-01-01");
        var newer = await Evaluate(touchpoint, 9, "2026-02-01");
        await Problem(await Send(HttpMethod.Delete, $"{Api}/evaluations/{newer}", ifMatch: "\"5\""), 409);
        Assert.Equal(2, await Count<Evaluation>());

        Assert.Equal(HttpStatusCode.NoContent, (await Send(HttpMethod.Delete, $"{Api}/evaluations/{newer}", ifMatch: "\"1\"")).StatusCode);
        await Problem(await Client.GetAsync($"{Api}/evaluations/{newer}"), 404);
        Assert.Equal(1, await Count<Evaluation>());
        // The touchpoint falls back to the older evaluation.
        Assert.Equal(4.0, (await GetOk($"{Api}/touchpoints/{touchpoint}")).GetProperty("score").GetProperty("overall").GetDouble());
        Assert.Equal(older, Items(await GetOk($"{Api}/evaluations")).Select(IdOf).Single());
    }

    [Fact]
    public async Task Unknown_ids_and_workspaces_answer_404()
    {
        await Problem(await Client.GetAsync($"{Api}/evaluations/{Guid.NewGuid()}"), 404);
        await Problem(await Client.DeleteAsync($"{Api}/evaluations/{Guid.NewGuid()}"), 404);
        await Problem(await Client.GetAsync("/api/workspaces/no-such-workspace/evaluations"), 404);
        await Problem(await Client.PostAsJsonAsync("/api/workspaces/no-such-workspace/evaluations/batch", new { items = Array.Empty<object>() }, WaymarkApiFactory.Json), 404);
    }

    [Fact]
    public async Task A_workshop_batch_is_stored_as_a_whole_and_moves_the_scores()
    {
        var (channel, _) = await CreateChannel();
        var shop = await CreateTouchpoint(channel, "Shop");
        var hotline = await CreateTouchpoint(channel, "Hotline");
        var tom = await CreatePersona("Tom");
        var paula = await CreatePersona("Paula");
        var result = await PostOk($"{Api}/evaluations/batch", new
        {
            items = new object[]
            {
                new { touchpointId = shop, personaId = tom, score = 8, evaluatedOn = "2026-05-01", evaluator = "Workshop May" },
                new { touchpointId = shop, personaId = paula, score = 4, evaluatedOn = "2026-05-01", evaluator = "Workshop May" },
                new { touchpointId = hotline, personaId = tom, score = 2, evaluatedOn = "2026-05-01", evaluator = "Workshop May" },
            },
        });
        Assert.Equal(3, result.GetProperty("count").GetInt32());
        Assert.Equal(3, result.GetProperty("items").GetArrayLength());
        Assert.Equal(3, await Count<Evaluation>(q => q.Where(e => e.Evaluator == "Workshop May")));
        Assert.Equal(6.0, (await GetOk($"{Api}/touchpoints/{shop}")).GetProperty("score").GetProperty("overall").GetDouble());
        Assert.Equal("fallsShort", (await GetOk($"{Api}/touchpoints/{hotline}")).GetProperty("score").GetProperty("band").GetString());
    }

    [Fact]
    public async Task One_bad_item_refuses_the_whole_batch_naming_each_item_and_field()
    {
        var touchpoint = await Touchpoint();
        var good = new { touchpointId = touchpoint, score = 7, evaluatedOn = "2026-05-01" };
        var response = await Client.PostAsJsonAsync($"{Api}/evaluations/batch", new
        {
            items = new object?[]
            {
                good, good, good,
                new { touchpointId = touchpoint, score = 12, evaluatedOn = "2026-05-01" },
                good,
                new { touchpointId = Guid.NewGuid(), score = 5, evaluatedOn = "2026-05-01" },
                new { touchpointId = touchpoint, personaId = Guid.NewGuid(), score = 5, evaluatedOn = "2026-05-01" },
                null,
            },
        }, WaymarkApiFactory.Json);
        var problem = await Problem(response, 400);
        Assert.Equal(["items[3].score", "items[5].touchpointId", "items[6].personaId", "items[7]"], ErrorFields(problem).Order());
        var scoreMessage = problem.GetProperty("errors").GetProperty("items[3].score")[0].GetString();
        Assert.Contains("1 = expectations clearly missed, 10 = expectations exceeded", scoreMessage);
        Assert.Contains("none were stored", problem.GetProperty("detail").GetString());
        Assert.Equal(0, await Count<Evaluation>());
    }

    [Fact]
    public async Task A_malformed_batch_names_the_item_and_stores_nothing()
    {
        var touchpoint = await Touchpoint();
        var json = $"{{\"items\":[{{\"touchpointId\":\"{touchpoint}\",\"score\":5,\"evaluatedOn\":\"2026-05-01\"}},{{\"touchpointId\":\"{touchpoint}\",\"score\":\"ten\",\"evaluatedOn\":\"2026-05-01\"}}]}}";
        var problem = await Problem(await Send(HttpMethod.Post, $"{Api}/evaluations/batch", rawJson: json), 400);
        Assert.Equal(["items[1].score"], ErrorFields(problem));
        Assert.Equal(0, await Count<Evaluation>());
    }

    [Fact]
    public async Task An_empty_batch_is_refused()
    {
        var problem = await Problem(await Client.PostAsJsonAsync($"{Api}/evaluations/batch", new { items = Array.Empty<object>() }, WaymarkApiFactory.Json), 400);
        Assert.Equal(["items"], ErrorFields(problem));
    }
}
