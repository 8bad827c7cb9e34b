using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Waymark.Domain.Evaluations;
using Waymark.Domain.Improvements;
using Waymark.Domain.Kpis;
using Waymark.Domain.Touchpoints;
using Waymark.Web.Tests.Evaluations;
using Waymark.Web.Tests.Support;

namespace Waymark.Web.Tests.Touchpoints;

public class TouchpointsApiTests(WaymarkApiFactory factory) : ScoringApiTest(factory)
{
    [Fact]
    public async Task Creating_a_touchpoint_stores_every_field_of_the_profile()
    {
        var (channel, _) = await CreateChannel();
        var phases = await PhaseIds();
        var department = await CreateDepartment();
        var owner = await CreatePerson();
        var created = await PostOk($"{Api}/touchpoints", new
        {
            name = "Delivery appointment call",
            description = "The carrier calls to agree a delivery slot.",
            category = "custom",
            customCategory = "Delivery",
            channelId = channel,
            phaseIds = new[] { phases[2], phases[3] },
            departmentId = department,
            ownerId = owner,
            relevance = 5,
            isMomentOfTruth = true,
            isPainPoint = true,
            isBrandSuccessPoint = false,
            designCompliance = "compliant",
            tonalityCompliance = "partlyCompliant",
            reactionTimeCompliance = "notCompliant",
            tags = new[] { "delivery", "carrier" },
            eventKey = "call-delivery",
        });
        var id = IdOf(created);
        Assert.Equal("notEvaluated", created.GetProperty("score").GetProperty("band").GetString());

        var read = await GetOk($"{Api}/touchpoints/{id}");
        Assert.Equal("Delivery appointment call", read.GetProperty("name").GetString());
        Assert.Equal("The carrier calls to agree a delivery slot.", read.GetProperty("description").GetString());
        Assert.Equal("custom", read.GetProperty("category").GetString());
        Assert.Equal("Delivery", read.GetProperty("categoryName").GetString());
        Assert.Equal(channel, read.GetProperty("channelId").GetGuid());
        Assert.Equal([phases[2], phases[3]], read.GetProperty("phaseIds").EnumerateArray().Select(p => p.GetGuid()));
        Assert.Equal(department, read.GetProperty("departmentId").GetGuid());
        Assert.Equal(owner, read.GetProperty("ownerId").GetGuid());
        Assert.Equal(5, read.GetProperty("relevance").GetInt32());
        Assert.True(read.GetProperty("isMomentOfTruth").GetBoolean());
        Assert.True(read.GetProperty("isPainPoint").GetBoolean());
        Assert.False(read.GetProperty("isBrandSuccessPoint").GetBoolean());
        Assert.Equal("compliant", read.GetProperty("designCompliance").GetString());
        Assert.Equal("partlyCompliant", read.GetProperty("tonalityCompliance").GetString());
        Assert.Equal("notCompliant", read.GetProperty("reactionTimeCompliance").GetString());
        Assert.Equal(["delivery", "carrier"], read.GetProperty("tags").EnumerateArray().Select(t => t.GetString()));
        Assert.Equal("call-delivery", read.GetProperty("eventKey").GetString());
        Assert.Equal(0, read.GetProperty("usedIn").GetArrayLength());

        await using var db = Factory.OpenDb();
        var stored = await db.Touchpoints.SingleAsync(t => t.Id == id);
        Assert.Equal(TouchpointCategory.Custom, stored.Category);
        Assert.Equal(Compliance.PartlyCompliant, stored.TonalityCompliance);
    }

    [Fact]
    public async Task A_touchpoints_score_follows_its_latest_evaluations()
    {
        var (channel, _) = await CreateChannel();
        var id = await CreateTouchpoint(channel);
        await Evaluate(id, 4, "2026-01-10");
        await Evaluate(id, 6, "2026-01-10");
        var first = (await GetOk($"{Api}/touchpoints/{id}")).GetProperty("score");
        Assert.Equal(5.0, first.GetProperty("overall").GetDouble());
        Assert.Equal("meets", first.GetProperty("band").GetString());

        await Evaluate(id, 9, "2026-02-01");
        var later = (await GetOk($"{Api}/touchpoints/{id}")).GetProperty("score");
        Assert.Equal(9.0, later.GetProperty("overall").GetDouble());
        Assert.Equal("exceeds", later.GetProperty("band").GetString());

        // An older evaluation entered afterwards does not override the newer one.
        await Evaluate(id, 1, "2025-12-01");
        Assert.Equal(9.0, (await GetOk($"{Api}/touchpoints/{id}")).GetProperty("score").GetProperty("overall").GetDouble());
    }

    [Fact]
    public async Task The_score_averages_per_persona_so_a_persona_evaluated_often_does_not_outweigh_others()
    {
        var (channel, _) = await CreateChannel();
        var id = await CreateTouchpoint(channel);
        var tom = await CreatePersona("Tech-savvy Tom");
        var paula = await CreatePersona("Price-conscious Paula");
        foreach (var s in new[] { 8, 8, 8, 8 }) await Evaluate(id, s, "2026-03-01", tom, new { expectationLevel = 7, experienceLevel = 9 });
        await Evaluate(id, 2, "2026-03-01", paula, new { expectationLevel = 8, experienceLevel = 3 });

        var score = await GetOk($"{Api}/touchpoints/{id}/score");
        Assert.Equal(5.0, score.GetProperty("overall").GetDouble()); // (8 + 2) / 2, not (4×8 + 2) / 5
        Assert.Equal(-1.5, score.GetProperty("expectationGap").GetDouble()); // (+2 + −5) / 2
        Assert.Equal("meets", score.GetProperty("band").GetString());
        Assert.Equal(5, score.GetProperty("evaluations").GetInt32());
        var byPersona = score.GetProperty("byPersona").EnumerateArray().ToDictionary(p => p.GetProperty("persona").GetString()!);
        Assert.Equal(8.0, byPersona["Tech-savvy Tom"].GetProperty("score").GetDouble());
        Assert.Equal(4, byPersona["Tech-savvy Tom"].GetProperty("evaluations").GetInt32());
        Assert.Equal("exceeds", byPersona["Tech-savvy Tom"].GetProperty("band").GetString());
        Assert.Equal(2.0, byPersona["Price-conscious Paula"].GetProperty("score").GetDouble());
        Assert.Equal("fallsShort", byPersona["Price-conscious Paula"].GetProperty("band").GetString());
        Assert.Equal("2026-03-01", byPersona["Price-conscious Paula"].GetProperty("evaluatedOn").GetString());

        var listed = Items(await GetOk($"{Api}/touchpoints")).Single();
        Assert.Equal(5.0, listed.GetProperty("score").GetProperty("overall").GetDouble());
    }

    [Fact]
    public async Task The_score_of_an_unknown_or_foreign_touchpoint_is_404()
    {
        await Problem(await Client.GetAsync($"{Api}/touchpoints/{Guid.NewGuid()}/score"), 404);
        var other = await OtherWorkspace();
        var theirChannel = IdOf(await PostOk($"{other}/channels", new { name = "Web", kind = "digital", reach = "direct" }));
        var theirs = IdOf(await PostOk($"{other}/touchpoints", new { name = "Their shop", channelId = theirChannel, category = "eCommerce" }));
        await Problem(await Client.GetAsync($"{Api}/touchpoints/{theirs}/score"), 404);
    }

    private async Task<(Guid Web, Guid Phone, Guid Dept, Guid Owner, IReadOnlyList<Guid> Phases, Dictionary<string, Guid> Ids)> Inventory()
    {
        var (web, _) = await CreateChannel("Website", "digital");
        var (phone, _) = await CreateChannel("Phone");
        var dept = await CreateDepartment();
        var owner = await CreatePerson();
        var phases = await PhaseIds();
        var ids = new Dictionary<string, Guid>
        {
            ["Online shop"] = await CreateTouchpoint(web, "Online shop", new { category = "eCommerce", relevance = 5, phaseIds = new[] { phases[2] }, tags = new[] { "Checkout" }, isMomentOfTruth = true, description = "Checkout and payment" }),
            ["Product review"] = await CreateTouchpoint(web, "Product review", new { category = "reviews", relevance = 2, phaseIds = new[] { phases[1] }, isBrandSuccessPoint = true }),
            ["Hotline"] = await CreateTouchpoint(phone, "Hotline", new { relevance = 4, phaseIds = new[] { phases[3] }, departmentId = dept, ownerId = owner, isPainPoint = true, tags = new[] { "service" } }),
            ["Invoice"] = await CreateTouchpoint(phone, "Invoice", new { category = "billing", relevance = 3, phaseIds = new[] { phases[2], phases[3] }, description = "Sent after checkout" }),
        };
        await Evaluate(ids["Online shop"], 9, "2026-01-01");
        await Evaluate(ids["Hotline"], 3, "2026-01-01");
        await Evaluate(ids["Invoice"], 6, "2026-01-01");
        return (web, phone, dept, owner, phases, ids);
    }

    [Fact]
    public async Task List_filters_really_filter()
    {
        var (web, phone, dept, owner, phases, _) = await Inventory();
        async Task<IReadOnlyList<string>> Query(string q) => Names(await GetOk($"{Api}/touchpoints?{q}"));

        Assert.Equal(["Hotline", "Invoice", "Online shop", "Product review"], await Query(""));
        Assert.Equal(["Invoice", "Online shop"], await Query("search=CHECKOUT"));
        Assert.Equal(["Invoice", "Online shop"], await Query($"phaseId={phases[2]}"));
        Assert.Equal(["Hotline", "Invoice"], await Query($"channelId={phone}"));
        Assert.Equal(["Online shop", "Product review"], await Query($"channelId={web}"));
        Assert.Equal(["Hotline"], await Query($"departmentId={dept}"));
        Assert.Equal(["Hotline"], await Query($"ownerId={owner}"));
        Assert.Equal(["Product review"], await Query("category=reviews"));
        Assert.Equal(["Online shop"], await Query("flag=momentOfTruth"));
        Assert.Equal(["Hotline"], await Query("flag=painPoint"));
        Assert.Equal(["Product review"], await Query("flag=brandSuccessPoint"));
        Assert.Equal(["Online shop"], await Query("tag=checkout"));
        Assert.Equal(["Hotline"], await Query("scoreBand=fallsShort"));
        Assert.Equal(["Invoice"], await Query("scoreBand=meets"));
        Assert.Equal(["Online shop"], await Query("scoreBand=exceeds"));
        Assert.Equal(["Product review"], await Query("scoreBand=notEvaluated"));
        Assert.Equal(["Hotline", "Online shop"], await Query("minRelevance=4"));
        Assert.Equal(["Invoice"], await Query($"channelId={phone}&phaseId={phases[2]}"));
    }

    [Fact]
    public async Task List_sorts_by_name_relevance_or_score_and_pages()
    {
        await Inventory();
        async Task<IReadOnlyList<string>> Query(string q) => Names(await GetOk($"{Api}/touchpoints?{q}"));

        Assert.Equal(["Product review", "Online shop", "Invoice", "Hotline"], await Query("sort=name&desc=true"));
        Assert.Equal(["Product review", "Invoice", "Hotline", "Online shop"], await Query("sort=relevance"));
        Assert.Equal(["Online shop", "Hotline", "Invoice", "Product review"], await Query("sort=relevance&desc=true"));
        Assert.Equal(["Hotline", "Invoice", "Online shop", "Product review"], await Query("sort=score"));
        Assert.Equal(["Online shop", "Invoice", "Hotline", "Product review"], await Query("sort=score&desc=true"));

        var page = await GetOk($"{Api}/touchpoints?sort=score&desc=true&page=2&pageSize=3");
        Assert.Equal(["Product review"], Names(page));
        Assert.Equal(4, page.GetProperty("total").GetInt32());
        Assert.Equal(2, page.GetProperty("page").GetInt32());
        var second = await GetOk($"{Api}/touchpoints?page=1&pageSize=2");
        Assert.Equal(["Hotline", "Invoice"], Names(second));
        Assert.Equal(3.0, Items(second)[0].GetProperty("score").GetProperty("overall").GetDouble());
    }

    [Theory]
    [InlineData("sort=popularity", "sort")]
    [InlineData("flag=hot", "flag")]
    [InlineData("scoreBand=great", "scoreBand")]
    [InlineData("category=nonsense", "category")]
    [InlineData("minRelevance=9", "minRelevance")]
    [InlineData("pageSize=0", "pageSize")]
    public async Task Bad_list_filters_are_refused_naming_the_filter(string query, string field)
    {
        var problem = await Problem(await Client.GetAsync($"{Api}/touchpoints?{query}"), 400);
        Assert.Equal([field], ErrorFields(problem));
    }

    [Fact]
    public async Task The_matrix_places_touchpoints_by_phase_and_channel_with_their_scores()
    {
        var (web, phone, _, _, phases, ids) = await Inventory();
        var (unused, _) = await CreateChannel("Events");
        var unplaced = await CreateTouchpoint(unused, "Trade fair");
        var matrix = await GetOk($"{Api}/touchpoints/matrix");

        Assert.Equal(["Awareness", "Consideration", "Purchase", "Usage/Service", "Advocacy"],
            matrix.GetProperty("phases").EnumerateArray().Select(p => p.GetProperty("name").GetString()));
        Assert.Equal(["Events", "Phone", "Website"], matrix.GetProperty("channels").EnumerateArray().Select(c => c.GetProperty("name").GetString()));
        var cells = matrix.GetProperty("cells").EnumerateArray().ToList();
        JsonElement Cell(Guid? phase, Guid channel) => cells.Single(c =>
            (phase is null ? c.GetProperty("phaseId").ValueKind == JsonValueKind.Null : c.GetProperty("phaseId").ValueKind != JsonValueKind.Null && c.GetProperty("phaseId").GetGuid() == phase)
            && c.GetProperty("channelId").GetGuid() == channel);
        IEnumerable<string?> NamesIn(JsonElement cell) => cell.GetProperty("touchpoints").EnumerateArray().Select(t => t.GetProperty("name").GetString());

        Assert.Equal(["Online shop"], NamesIn(Cell(phases[2], web)));
        Assert.Equal(["Invoice"], NamesIn(Cell(phases[2], phone)));
        Assert.Equal(["Hotline", "Invoice"], NamesIn(Cell(phases[3], phone)));
        Assert.Equal(["Product review"], NamesIn(Cell(phases[1], web)));
        Assert.Equal(["Trade fair"], NamesIn(Cell(null, unused)));
        Assert.Equal(5, cells.Count);
        var hotline = Cell(phases[3], phone).GetProperty("touchpoints")[0];
        Assert.Equal(ids["Hotline"], hotline.GetProperty("id").GetGuid());
        Assert.Equal(3.0, hotline.GetProperty("score").GetProperty("overall").GetDouble());
        Assert.Equal("fallsShort", hotline.GetProperty("score").GetProperty("band").GetString());
        Assert.Equal(unplaced, Cell(null, unused).GetProperty("touchpoints")[0].GetProperty("id").GetGuid());
    }

    [Fact]
    public async Task Get_names_the_journey_steps_that_use_the_touchpoint()
    {
        var (channel, _) = await CreateChannel();
        var id = await CreateTouchpoint(channel);
        var otherTouchpoint = await CreateTouchpoint(channel, "Chat");
        var (journey, step) = await CreateJourney("Service case", null, id, otherTouchpoint);
        await CreateJourney("Unrelated", null, otherTouchpoint);

        var response = await Client.GetAsync($"{Api}/touchpoints/{id}");
        Assert.Equal("\"1\"", response.Headers.ETag?.Tag);
        var usedIn = (await GetOk($"{Api}/touchpoints/{id}")).GetProperty("usedIn").EnumerateArray().Single();
        Assert.Equal(journey, usedIn.GetProperty("journeyId").GetGuid());
        Assert.Equal("Service case", usedIn.GetProperty("journey").GetString());
        Assert.Equal(step, usedIn.GetProperty("stepId").GetGuid());
        Assert.Equal("Calls the hotline", usedIn.GetProperty("action").GetString());
        Assert.Equal("Service", usedIn.GetProperty("stage").GetString());
    }

    [Fact]
    public async Task Update_replaces_the_profile_with_the_current_version_only()
    {
        var (channel, _) = await CreateChannel();
        var (other, _) = await CreateChannel("Chat", "digital");
        var id = await CreateTouchpoint(channel);
        var updated = await PutOk($"{Api}/touchpoints/{id}", new { name = "Live chat", channelId = other, category = "supportChannels", relevance = 4, tags = new[] { "a" }, version = 1 });
        Assert.Equal(2, updated.GetProperty("version").GetInt32());

        await Problem(await Client.PutAsJsonAsync($"{Api}/touchpoints/{id}", new { name = "Stale", channelId = channel, category = "billing", version = 1 }, WaymarkApiFactory.Json), 409);
        await Problem(await Client.PutAsJsonAsync($"{Api}/touchpoints/{id}", new { name = "Versionless", channelId = channel, category = "billing" }, WaymarkApiFactory.Json), 428);
        var viaHeader = await Send(HttpMethod.Put, $"{Api}/touchpoints/{id}", new { name = "Live chat 2", channelId = other, category = "supportChannels" }, ifMatch: "\"2\"");
        Assert.Equal(HttpStatusCode.OK, viaHeader.StatusCode);

        await using var db = Factory.OpenDb();
        var stored = await db.Touchpoints.SingleAsync(t => t.Id == id);
        Assert.Equal("Live chat 2", stored.Name);
        Assert.Equal(other, stored.ChannelId);
        Assert.Equal(3, stored.Version);
    }

    [Theory]
    [InlineData("relevance", 6, "relevance")]
    [InlineData("name", "", "name")]
    [InlineData("category", "teleport", "category")]
    [InlineData("customCategory", null, "customCategory")]
    [InlineData("channelId", "00000000-0000-0000-0000-000000000000", "channelId")]
    [InlineData("relevance", "high", "relevance")]
    public async Task Invalid_touchpoints_are_refused_naming_the_field_and_nothing_is_stored(string property, object? value, string field)
    {
        var (channel, _) = await CreateChannel();
        var body = Merge(new { name = "Broken", channelId = channel, category = property == "customCategory" ? "custom" : "billing", relevance = 3 }, null);
        body[property] = value;
        var problem = await Problem(await Client.PostAsJsonAsync($"{Api}/touchpoints", body, WaymarkApiFactory.Json), 400);
        Assert.Contains(field, ErrorFields(problem));
        Assert.Equal(0, await Count<Touchpoint>());
    }

    [Fact]
    public async Task Relevance_out_of_range_explains_the_scale()
    {
        var (channel, _) = await CreateChannel();
        var problem = await Problem(await Client.PostAsJsonAsync($"{Api}/touchpoints", new { name = "X", channelId = channel, category = "billing", relevance = 0 }, WaymarkApiFactory.Json), 400);
        Assert.Contains("decisive", problem.GetProperty("errors").GetProperty("relevance")[0].GetString());
    }

    [Fact]
    public async Task References_must_exist_in_the_same_workspace()
    {
        var (channel, _) = await CreateChannel();
        var other = await OtherWorkspace();
        var theirChannel = IdOf(await PostOk($"{other}/channels", new { name = "Web", kind = "digital", reach = "direct" }));
        var theirPhase = (await GetOk($"{other}/phases")).GetProperty("items")[0].GetProperty("id").GetGuid();
        var theirDept = IdOf(await PostOk($"{other}/departments", new { name = "Sales" }));
        var theirPerson = IdOf(await PostOk($"{other}/people", new { name = "Bob" }));

        foreach (var (extra, field) in new (object, string)[]
        {
            (new { channelId = theirChannel }, "channelId"),
            (new { phaseIds = new[] { theirPhase } }, "phaseIds"),
            (new { departmentId = theirDept }, "departmentId"),
            (new { ownerId = theirPerson }, "ownerId"),
            (new { ownerId = Guid.NewGuid() }, "ownerId"),
        })
        {
            var body = Merge(new { name = "Leaky", channelId = channel, category = "billing" }, extra);
            var problem = await Problem(await Client.PostAsJsonAsync($"{Api}/touchpoints", body, WaymarkApiFactory.Json), 400);
            Assert.Equal([field], ErrorFields(problem));
        }
        Assert.Equal(0, await Count<Touchpoint>(q => q.Where(t => t.Name == "Leaky")));

        var id = await CreateTouchpoint(channel);
        await Problem(await Client.PutAsJsonAsync($"{Api}/touchpoints/{id}", new { name = "Leaky", channelId = theirChannel, category = "billing", version = 1 }, WaymarkApiFactory.Json), 400);
        Assert.Equal("Hotline call", (await GetOk($"{Api}/touchpoints/{id}")).GetProperty("name").GetString());
    }

    [Fact]
    public async Task A_touchpoint_of_another_workspace_is_not_reachable()
    {
        var other = await OtherWorkspace();
        var theirChannel = IdOf(await PostOk($"{other}/channels", new { name = "Web", kind = "digital", reach = "direct" }));
        var theirs = IdOf(await PostOk($"{other}/touchpoints", new { name = "Their shop", channelId = theirChannel, category = "eCommerce" }));
        var (channel, _) = await CreateChannel();

        await Problem(await Client.GetAsync($"{Api}/touchpoints/{theirs}"), 404);
        await Problem(await Client.PutAsJsonAsync($"{Api}/touchpoints/{theirs}", new { name = "Hijack", channelId = channel, category = "billing", version = 1 }, WaymarkApiFactory.Json), 404);
        await Problem(await Client.DeleteAsync($"{Api}/touchpoints/{theirs}"), 404);
        Assert.Empty(Items(await GetOk($"{Api}/touchpoints")));
        Assert.Empty((await GetOk($"{Api}/touchpoints/matrix")).GetProperty("cells").EnumerateArray());
        Assert.Equal("Their shop", (await GetOk($"{other}/touchpoints/{theirs}")).GetProperty("name").GetString());
    }

    [Fact]
    public async Task Unknown_ids_workspaces_and_malformed_bodies_are_refused()
    {
        await Problem(await Client.GetAsync($"{Api}/touchpoints/{Guid.NewGuid()}"), 404);
        await Problem(await Client.GetAsync("/api/workspaces/no-such-workspace/touchpoints"), 404);
        await Problem(await Client.GetAsync("/api/workspaces/no-such-workspace/touchpoints/matrix"), 404);
        var problem = await Problem(await Send(HttpMethod.Post, $"{Api}/touchpoints", rawJson: "{\"name\":\"A\",\"relevance\":\"x\"}"), 400);
        Assert.Equal(["relevance"], ErrorFields(problem));
        await Problem(await Send(HttpMethod.Post, $"{Api}/touchpoints", rawJson: "{\"name\":\"A\","), 400);
        Assert.Equal(0, await Count<Touchpoint>());
    }

    [Fact]
    public async Task Delete_takes_the_touchpoints_evaluations_with_it()
    {
        var (channel, _) = await CreateChannel();
        var id = await CreateTouchpoint(channel);
        var kept = await CreateTouchpoint(channel, "Kept");
        await Evaluate(id, 5, "2026-01-01");
        await Evaluate(id, 7, "2026-01-02");
        await Evaluate(kept, 7, "2026-01-02");

        await Problem(await Send(HttpMethod.Delete, $"{Api}/touchpoints/{id}", ifMatch: "\"9\""), 409);
        Assert.Equal(2, await Count<Evaluation>(q => q.Where(e => e.TouchpointId == id)));

        Assert.Equal(HttpStatusCode.NoContent, (await Client.DeleteAsync($"{Api}/touchpoints/{id}")).StatusCode);
        Assert.Equal(0, await Count<Touchpoint>(q => q.Where(t => t.Id == id)));
        Assert.Equal(0, await Count<Evaluation>(q => q.Where(e => e.TouchpointId == id)));
        Assert.Equal(1, await Count<Evaluation>(q => q.Where(e => e.TouchpointId == kept)));
    }

    [Fact]
    public async Task Delete_is_refused_while_a_journey_step_uses_the_touchpoint()
    {
        var (channel, _) = await CreateChannel();
        var id = await CreateTouchpoint(channel);
        await Evaluate(id, 5, "2026-01-01");
        await CreateJourney("Service case", null, id);

        var problem = await Problem(await Client.DeleteAsync($"{Api}/touchpoints/{id}"), 409);
        Assert.Contains("Service case", problem.GetProperty("detail").GetString());
        Assert.Equal(1, await Count<Touchpoint>(q => q.Where(t => t.Id == id)));
        Assert.Equal(1, await Count<Evaluation>(q => q.Where(e => e.TouchpointId == id)));
    }

    [Fact]
    public async Task Delete_is_refused_while_a_kpi_is_linked_to_the_touchpoint()
    {
        var (channel, _) = await CreateChannel();
        var id = await CreateTouchpoint(channel);
        await Evaluate(id, 5, "2026-01-01");
        await using (var db = Factory.OpenDb())
        {
            db.Kpis.Add(new Kpi(await WorkspaceId(), new KpiDefinition("First call resolution", "%", TouchpointId: id)));
            await db.SaveChangesAsync();
        }

        var problem = await Problem(await Client.DeleteAsync($"{Api}/touchpoints/{id}"), 409);
        Assert.Contains("First call resolution", problem.GetProperty("detail").GetString());
        Assert.Equal(1, await Count<Touchpoint>(q => q.Where(t => t.Id == id)));
        Assert.Equal(1, await Count<Evaluation>(q => q.Where(e => e.TouchpointId == id)));
    }

    [Fact]
    public async Task Delete_is_refused_while_an_action_is_about_the_touchpoint()
    {
        var (channel, _) = await CreateChannel();
        var id = await CreateTouchpoint(channel);
        await using (var db = Factory.OpenDb())
        {
            db.Improvements.Add(new Improvement(await WorkspaceId(), ImprovementKind.Action, new ImprovementContent("Add a call-back option", TouchpointId: id)));
            await db.SaveChangesAsync();
        }

        var problem = await Problem(await Client.DeleteAsync($"{Api}/touchpoints/{id}"), 409);
        Assert.Contains("1 insight, idea or action", problem.GetProperty("detail").GetString());
        Assert.Equal(1, await Count<Touchpoint>(q => q.Where(t => t.Id == id)));
    }
}
