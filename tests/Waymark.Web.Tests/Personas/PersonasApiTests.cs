using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Waymark.Domain.Improvements;
using Waymark.Domain.Personas;
using Waymark.Web.Tests.Evaluations;
using Waymark.Web.Tests.Support;

namespace Waymark.Web.Tests.Personas;

public class PersonasApiTests(WaymarkApiFactory factory) : ScoringApiTest(factory)
{
    private async Task<object> FullProfile(string name = "Price-conscious Paula")
    {
        var (web, _) = await CreateChannel("Website", "digital");
        var (store, _) = await CreateChannel("Store");
        return new
        {
            name,
            initials = "PP",
            pictureUrl = "https://example.com/paula.png",
            quote = "I compare three shops before I buy.",
            description = "Young family, buys a TV every six years.",
            ageBand = "30-39",
            occupation = "Nurse",
            incomeBand = "middle",
            location = "Suburb",
            household = "Two adults, two children",
            goals = new[] { "Best price", "Reliable brand" },
            needs = new[] { "Clear comparison" },
            frustrations = new[] { "Hidden delivery costs" },
            purchasingBehaviour = "Researches online, buys in store",
            onlineAffinity = "high",
            preferredChannelIds = new[] { web, store },
            shareOfCustomers = 35.5,
        };
    }

    [Fact]
    public async Task Creating_a_persona_stores_every_field_of_the_profile()
    {
        var profile = await FullProfile();
        var created = await PostOk($"{Api}/personas", profile);
        var id = IdOf(created);

        var read = await GetOk($"{Api}/personas/{id}");
        Assert.Equal("Price-conscious Paula", read.GetProperty("name").GetString());
        Assert.Equal("PP", read.GetProperty("initials").GetString());
        Assert.Equal("https://example.com/paula.png", read.GetProperty("pictureUrl").GetString());
        Assert.Equal("I compare three shops before I buy.", read.GetProperty("quote").GetString());
        Assert.Equal("30-39", read.GetProperty("ageBand").GetString());
        Assert.Equal("Nurse", read.GetProperty("occupation").GetString());
        Assert.Equal("middle", read.GetProperty("incomeBand").GetString());
        Assert.Equal("Suburb", read.GetProperty("location").GetString());
        Assert.Equal("Two adults, two children", read.GetProperty("household").GetString());
        Assert.Equal(["Best price", "Reliable brand"], read.GetProperty("goals").EnumerateArray().Select(g => g.GetString()));
        Assert.Equal(["Clear comparison"], read.GetProperty("needs").EnumerateArray().Select(g => g.GetString()));
        Assert.Equal(["Hidden delivery costs"], read.GetProperty("frustrations").EnumerateArray().Select(g => g.GetString()));
        Assert.Equal("Researches online, buys in store", read.GetProperty("purchasingBehaviour").GetString());
        Assert.Equal("high", read.GetProperty("onlineAffinity").GetString());
        Assert.Equal(2, read.GetProperty("preferredChannelIds").GetArrayLength());
        Assert.Equal(35.5, read.GetProperty("shareOfCustomers").GetDouble());
        Assert.Equal(0, read.GetProperty("journeys").GetArrayLength());

        await using var db = Factory.OpenDb();
        var stored = await db.Personas.SingleAsync(p => p.Id == id);
        Assert.Equal(OnlineAffinity.High, stored.OnlineAffinity);
        Assert.Equal("Young family, buys a TV every six years.", stored.Description);
    }

    [Fact]
    public async Task Initials_are_derived_from_the_name_when_not_given()
    {
        var created = await PostOk($"{Api}/personas", new { name = "service seeker sam" });
        Assert.Equal("SS", created.GetProperty("initials").GetString());
        Assert.Equal("medium", created.GetProperty("onlineAffinity").GetString());
    }

    [Fact]
    public async Task Get_lists_the_journeys_drawn_for_the_persona_and_sets_the_etag()
    {
        var id = await CreatePersona();
        var other = await CreatePersona("Someone else");
        await CreateJourney("Service case", id);
        await CreateJourney("First purchase", id);
        await CreateJourney("Not this one", other);

        var response = await Client.GetAsync($"{Api}/personas/{id}");
        Assert.Equal("\"1\"", response.Headers.ETag?.Tag);
        var read = await GetOk($"{Api}/personas/{id}");
        Assert.Equal(["First purchase", "Service case"], read.GetProperty("journeys").EnumerateArray().Select(j => j.GetProperty("name").GetString()));
    }

    [Fact]
    public async Task List_searches_name_description_and_occupation_and_pages()
    {
        await PostOk($"{Api}/personas", new { name = "Alpha", occupation = "Teacher" });
        await PostOk($"{Api}/personas", new { name = "Beta", description = "A retired teacher" });
        await PostOk($"{Api}/personas", new { name = "Gamma" });

        Assert.Equal(["Alpha", "Beta"], Names(await GetOk($"{Api}/personas?search=TEACH")));
        Assert.Equal(["Gamma"], Names(await GetOk($"{Api}/personas?search=gam")));
        var page = await GetOk($"{Api}/personas?page=2&pageSize=2");
        Assert.Equal(["Gamma"], Names(page));
        Assert.Equal(3, page.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Update_replaces_the_profile_and_raises_the_version()
    {
        var id = await CreatePersona();
        var (channel, _) = await CreateChannel();
        var updated = await PutOk($"{Api}/personas/{id}", new { name = "Tom Two", quote = "Fast please", onlineAffinity = "low", preferredChannelIds = new[] { channel }, version = 1 });
        Assert.Equal(2, updated.GetProperty("version").GetInt32());
        Assert.Equal("TT", updated.GetProperty("initials").GetString());

        var read = await GetOk($"{Api}/personas/{id}");
        Assert.Equal("Tom Two", read.GetProperty("name").GetString());
        Assert.Equal("Fast please", read.GetProperty("quote").GetString());
        Assert.Equal("low", read.GetProperty("onlineAffinity").GetString());
        Assert.Equal(channel, read.GetProperty("preferredChannelIds")[0].GetGuid());
    }

    [Fact]
    public async Task Update_accepts_the_version_in_if_match()
    {
        var id = await CreatePersona();
        var response = await Send(HttpMethod.Put, $"{Api}/personas/{id}", new { name = "Via header" }, ifMatch: "\"1\"");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("\"2\"", response.Headers.ETag?.Tag);
    }

    [Fact]
    public async Task A_stale_or_missing_version_is_refused_and_changes_nothing()
    {
        var id = await CreatePersona();
        await PutOk($"{Api}/personas/{id}", new { name = "Second", version = 1 });

        var stale = await Problem(await Client.PutAsJsonAsync($"{Api}/personas/{id}", new { name = "Lost update", version = 1 }, WaymarkApiFactory.Json), 409);
        Assert.Contains("version 1", stale.GetProperty("detail").GetString());
        await Problem(await Client.PutAsJsonAsync($"{Api}/personas/{id}", new { name = "No version" }, WaymarkApiFactory.Json), 428);

        var read = await GetOk($"{Api}/personas/{id}");
        Assert.Equal("Second", read.GetProperty("name").GetString());
        Assert.Equal(2, read.GetProperty("version").GetInt32());
    }

    [Theory]
    [InlineData("{\"name\":\"\"}", "name")]
    [InlineData("{\"name\":\"X\",\"shareOfCustomers\":120}", "shareOfCustomers")]
    [InlineData("{\"name\":\"X\",\"pictureUrl\":\"javascript:alert(1)\"}", "pictureUrl")]
    [InlineData("{\"name\":\"X\",\"initials\":\"TOOLONG\"}", "initials")]
    [InlineData("{\"name\":\"X\",\"onlineAffinity\":\"extreme\"}", "onlineAffinity")]
    [InlineData("{\"name\":\"X\",\"shareOfCustomers\":\"many\"}", "shareOfCustomers")]
    [InlineData("{\"name\":\"X\",\"preferredChannelIds\":[\"" + "00000000-0000-0000-0000-0000000000aa" + "\"]}", "preferredChannelIds")]
    public async Task Invalid_personas_are_refused_naming_the_field_and_nothing_is_stored(string json, string field)
    {
        var problem = await Problem(await Send(HttpMethod.Post, $"{Api}/personas", rawJson: json), 400);
        Assert.Contains(field, ErrorFields(problem));
        Assert.Equal(0, await Count<Persona>(q => q.Where(p => p.Name == "X" || p.Name == "")));
    }

    [Fact]
    public async Task Malformed_json_is_refused_with_its_position()
    {
        var problem = await Problem(await Send(HttpMethod.Post, $"{Api}/personas", rawJson: "{\"name\": \"A\",\n \"goals\": [\"x\" \"y\"]}"), 400);
        Assert.Contains("line 2", problem.GetProperty("detail").GetString());
        Assert.Equal(0, await Count<Persona>());
    }

    [Fact]
    public async Task A_preferred_channel_of_another_workspace_is_refused()
    {
        var other = await OtherWorkspace();
        var foreignChannel = IdOf(await PostOk($"{other}/channels", new { name = "Their web", kind = "digital", reach = "direct" }));
        var problem = await Problem(await Client.PostAsJsonAsync($"{Api}/personas", new { name = "Leaky", preferredChannelIds = new[] { foreignChannel } }, WaymarkApiFactory.Json), 400);
        Assert.Equal(["preferredChannelIds"], ErrorFields(problem));

        var id = await CreatePersona();
        await Problem(await Client.PutAsJsonAsync($"{Api}/personas/{id}", new { name = "Leaky", preferredChannelIds = new[] { foreignChannel }, version = 1 }, WaymarkApiFactory.Json), 400);
        Assert.Equal("Tech-savvy Tom", (await GetOk($"{Api}/personas/{id}")).GetProperty("name").GetString());
    }

    [Fact]
    public async Task A_persona_of_another_workspace_is_not_reachable()
    {
        var other = await OtherWorkspace();
        var foreign = IdOf(await PostOk($"{other}/personas", new { name = "Their persona" }));

        await Problem(await Client.GetAsync($"{Api}/personas/{foreign}"), 404);
        await Problem(await Client.PutAsJsonAsync($"{Api}/personas/{foreign}", new { name = "Hijacked", version = 1 }, WaymarkApiFactory.Json), 404);
        await Problem(await Client.DeleteAsync($"{Api}/personas/{foreign}"), 404);
        Assert.Empty(Items(await GetOk($"{Api}/personas")));
        Assert.Equal("Their persona", (await GetOk($"{other}/personas/{foreign}")).GetProperty("name").GetString());
    }

    [Fact]
    public async Task Unknown_ids_and_workspaces_answer_404()
    {
        await Problem(await Client.GetAsync($"{Api}/personas/{Guid.NewGuid()}"), 404);
        await Problem(await Client.GetAsync("/api/workspaces/no-such-workspace/personas"), 404);
        await Problem(await Client.PostAsJsonAsync("/api/workspaces/no-such-workspace/personas", new { name = "X" }, WaymarkApiFactory.Json), 404);
    }

    [Fact]
    public async Task Delete_removes_an_unused_persona_and_honours_if_match()
    {
        var id = await CreatePersona();
        await Problem(await Send(HttpMethod.Delete, $"{Api}/personas/{id}", ifMatch: "\"7\""), 409);
        Assert.Equal(1, await Count<Persona>(q => q.Where(p => p.Id == id)));

        Assert.Equal(HttpStatusCode.NoContent, (await Send(HttpMethod.Delete, $"{Api}/personas/{id}", ifMatch: "\"1\"")).StatusCode);
        Assert.Equal(0, await Count<Persona>(q => q.Where(p => p.Id == id)));
        await Problem(await Client.GetAsync($"{Api}/personas/{id}"), 404);
    }

    [Fact]
    public async Task Delete_is_refused_while_a_journey_is_drawn_for_the_persona()
    {
        var id = await CreatePersona();
        await CreateJourney("Service case", id);
        var problem = await Problem(await Client.DeleteAsync($"{Api}/personas/{id}"), 409);
        Assert.Contains("Service case", problem.GetProperty("detail").GetString());
        Assert.Equal(1, await Count<Persona>(q => q.Where(p => p.Id == id)));
    }

    [Fact]
    public async Task Delete_is_refused_while_evaluations_speak_for_the_persona_and_keeps_them()
    {
        var id = await CreatePersona();
        var (channel, _) = await CreateChannel();
        var touchpoint = await CreateTouchpoint(channel);
        await Evaluate(touchpoint, 4, "2026-03-01", id);
        await Evaluate(touchpoint, 6, "2026-03-02", id);

        var problem = await Problem(await Client.DeleteAsync($"{Api}/personas/{id}"), 409);
        Assert.Contains("2 evaluations", problem.GetProperty("detail").GetString());
        Assert.Equal(1, await Count<Persona>(q => q.Where(p => p.Id == id)));
        Assert.Equal(2, await Count<Waymark.Domain.Evaluations.Evaluation>(q => q.Where(e => e.PersonaId == id)));
    }

    [Fact]
    public async Task Delete_is_refused_while_an_insight_is_about_the_persona()
    {
        var id = await CreatePersona();
        await using (var db = Factory.OpenDb())
        {
            db.Improvements.Add(new Improvement(await WorkspaceId(), ImprovementKind.Insight, new ImprovementContent("Tom hates waiting", PersonaId: id)));
            await db.SaveChangesAsync();
        }

        var problem = await Problem(await Client.DeleteAsync($"{Api}/personas/{id}"), 409);
        Assert.Contains("1 insight, idea or action", problem.GetProperty("detail").GetString());
        Assert.Equal(1, await Count<Persona>(q => q.Where(p => p.Id == id)));
    }
}
