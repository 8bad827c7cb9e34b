using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using System.Net.Http.Json;
using System.Text.Json;
using Waymark.Domain.Improvements;
using Waymark.Domain.Journeys;
using Waymark.Web.Tests.Kpis;
using Waymark.Web.Tests.Support;

namespace Waymark.Web.Tests.Improvements;

public sealed class ImprovementsApiTests(WaymarkApiFactory factory) : ApiTest(factory)
{
    private static readonly DateOnly Today = new(2026, 3, 15);

    private int Count(ImprovementKind? kind = null)
    {
        var ws = MapSeed.WorkspaceId(Factory, Workspace);
        using var db = Factory.OpenDb();
        return db.Improvements.Count(i => i.WorkspaceId == ws && (kind == null || i.Kind == kind));
    }

    private async Task<Guid> Person(string name = "Anna Berg") => (await PostOk($"{Api}/people", new { name })).GetProperty("id").GetGuid();

    [Fact]
    public async Task An_action_is_created_with_every_field_and_read_back()
    {
        var owner = await Person();
        var (channel, _) = await CreateChannel();
        var touchpoint = MapSeed.Touchpoint(Factory, Workspace, "Hotline", channel);
        var (journey, steps) = MapSeed.Journey(Factory, Workspace, "Repair", new StepContent("Waits on hold"));
        var kpi = (await PostOk($"{Api}/kpis", new { name = "Waiting time", unit = "s", direction = "lowerIsBetter" })).GetProperty("id").GetGuid();
        var persona = MapSeed.Persona(Factory, Workspace, "Busy Ben");

        var created = await PostOk($"{Api}/actions", new
        {
            title = "Call-back instead of hold music", description = "Offer a call-back after 2 minutes", ownerId = owner, dueOn = "2099-06-30",
            status = "inProgress", priority = "high", impact = 4, effort = 2, touchpointId = touchpoint, journeyId = journey, stepId = steps[0], kpiId = kpi, personaId = persona,
        });
        var id = created.GetProperty("id").GetGuid();
        var response = await Client.GetAsync($"{Api}/actions/{id}");
        Assert.Equal("\"1\"", response.Headers.ETag?.Tag);
        var action = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("action", action.GetProperty("kind").GetString());
        Assert.Equal("Call-back instead of hold music", action.GetProperty("title").GetString());
        Assert.Equal("Offer a call-back after 2 minutes", action.GetProperty("description").GetString());
        Assert.Equal(owner, action.GetProperty("ownerId").GetGuid());
        Assert.Equal("2099-06-30", action.GetProperty("dueOn").GetString());
        Assert.Equal("inProgress", action.GetProperty("status").GetString());
        Assert.Equal("high", action.GetProperty("priority").GetString());
        Assert.Equal(4, action.GetProperty("impact").GetInt32());
        Assert.Equal(2, action.GetProperty("effort").GetInt32());
        Assert.Equal(touchpoint, action.GetProperty("touchpointId").GetGuid());
        Assert.Equal(journey, action.GetProperty("journeyId").GetGuid());
        Assert.Equal(steps[0], action.GetProperty("stepId").GetGuid());
        Assert.Equal(kpi, action.GetProperty("kpiId").GetGuid());
        Assert.Equal(persona, action.GetProperty("personaId").GetGuid());
        Assert.False(action.GetProperty("isOverdue").GetBoolean());

        using var db = Factory.OpenDb();
        var stored = db.Improvements.Single(i => i.Id == id);
        Assert.Equal((ImprovementKind.Action, ImprovementStatus.InProgress, Priority.High), (stored.Kind, stored.Status, stored.Priority));
        Assert.Equal(persona, stored.PersonaId);
    }

    [Fact]
    public async Task An_action_is_completed_at_the_time_of_the_servers_clock()
    {
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(2031, 2, 3, 9, 30, 0, TimeSpan.Zero));
        await using var app = Factory.WithWebHostBuilder(b => b.ConfigureServices(s => s.AddSingleton<TimeProvider>(clock)));
        var client = app.CreateClient();
        var action = (await (await client.PostAsJsonAsync($"{Api}/actions", new { title = "Call back within a day" })).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        clock.Advance(TimeSpan.FromDays(3));

        var done = await client.PutAsJsonAsync($"{Api}/actions/{action}", new { title = "Call back within a day", status = "done", version = 1 }, WaymarkApiFactory.Json);

        Assert.Equal(new DateTimeOffset(2031, 2, 6, 9, 30, 0, TimeSpan.Zero), (await done.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("completedAt").GetDateTimeOffset());
    }

    [Fact]
    public async Task Insights_and_ideas_live_under_their_own_routes_and_not_under_others()
    {
        var insight = (await PostOk($"{Api}/insights", new { title = "Customers call twice about delivery dates" })).GetProperty("id").GetGuid();
        var idea = await PostOk($"{Api}/ideas", new { title = "Send the delivery slot by SMS", priority = "low" });
        var ideaId = idea.GetProperty("id").GetGuid();
        Assert.Equal("idea", idea.GetProperty("kind").GetString());
        Assert.Equal("open", idea.GetProperty("status").GetString());
        Assert.Equal("insight", (await GetOk($"{Api}/insights/{insight}")).GetProperty("kind").GetString());

        await Problem(await Client.GetAsync($"{Api}/actions/{ideaId}"), 404);
        await Problem(await Client.GetAsync($"{Api}/insights/{ideaId}"), 404);
        await Problem(await Client.PutJson($"{Api}/actions/{ideaId}", new { title = "Hijacked", version = 1 }), 404);
        await Problem(await Client.DeleteAsync($"{Api}/actions/{ideaId}"), 404);
        Assert.Empty((await GetOk($"{Api}/actions")).Items());
        Assert.Equal([ideaId], (await GetOk($"{Api}/ideas")).Items().Select(i => i.GetProperty("id").GetGuid()));
        Assert.Equal("Send the delivery slot by SMS", (await GetOk($"{Api}/ideas/{ideaId}")).GetProperty("title").GetString());
        Assert.Equal(1, Count(ImprovementKind.Idea));
    }

    [Fact]
    public async Task An_action_past_its_due_date_is_flagged_overdue_until_it_is_done()
    {
        var client = MapSeed.ClientAt(Factory, Today);
        var owner = await Person();
        async Task<Guid> Action(string title, string dueOn, string status = "open") =>
            (await PostOk($"{Api}/actions", new { title, dueOn, status, ownerId = owner })).GetProperty("id").GetGuid();
        var late = await Action("Fix the returns form", "2026-03-14");
        var dueToday = await Action("Train the hotline team", "2026-03-15");
        var lateButDone = await Action("Rewrite the order e-mail", "2026-02-01", "done");
        var lateInProgress = await Action("Shorten the hold queue", "2026-01-10", "inProgress");

        var lateAction = await client.GetFromJsonAsync<JsonElement>($"{Api}/actions/{late}");
        Assert.True(lateAction.GetProperty("isOverdue").GetBoolean());
        Assert.False((await client.GetFromJsonAsync<JsonElement>($"{Api}/actions/{dueToday}")).GetProperty("isOverdue").GetBoolean());
        Assert.False((await client.GetFromJsonAsync<JsonElement>($"{Api}/actions/{lateButDone}")).GetProperty("isOverdue").GetBoolean());

        var overdue = await client.GetFromJsonAsync<JsonElement>($"{Api}/actions?overdue=true");
        Assert.Equal([lateInProgress, late], overdue.Items().Select(i => i.GetProperty("id").GetGuid()));
        Assert.All(overdue.Items(), i => Assert.True(i.GetProperty("isOverdue").GetBoolean()));
        var notOverdue = await client.GetFromJsonAsync<JsonElement>($"{Api}/actions?overdue=false");
        Assert.Equal([lateButDone, dueToday], notOverdue.Items().Select(i => i.GetProperty("id").GetGuid()));

        // Done: no longer overdue.
        var done = await client.PutAsJsonAsync($"{Api}/actions/{late}", new { title = "Fix the returns form", dueOn = "2026-03-14", status = "done", version = 1 }, WaymarkApiFactory.Json);
        var doneAction = await done.Content.ReadFromJsonAsync<JsonElement>();
        Assert.False(doneAction.GetProperty("isOverdue").GetBoolean());
        Assert.NotEqual(JsonValueKind.Null, doneAction.GetProperty("completedAt").ValueKind);
        Assert.Contains("overdue", ErrorFields(await Problem(await Client.GetAsync($"{Api}/actions?overdue=maybe"), 400)));
    }

    [Fact]
    public async Task The_list_filters_and_sorts_by_due_date_then_priority()
    {
        var anna = await Person();
        var ben = await Person("Ben Okafor");
        var (channel, _) = await CreateChannel();
        var hotline = MapSeed.Touchpoint(Factory, Workspace, "Hotline", channel);
        var (journey, steps) = MapSeed.Journey(Factory, Workspace, "Repair", new StepContent("Waits on hold"));
        async Task<Guid> Action(object body) => (await PostOk($"{Api}/actions", body)).GetProperty("id").GetGuid();
        var undated = await Action(new { title = "Undated", priority = "critical" });
        var aprilLow = await Action(new { title = "April low", dueOn = "2026-04-01", priority = "low", ownerId = anna });
        var aprilCritical = await Action(new { title = "April critical", dueOn = "2026-04-01", priority = "critical", ownerId = ben, touchpointId = hotline });
        var marchMedium = await Action(new { title = "March medium", dueOn = "2026-03-01", status = "inProgress", ownerId = anna, journeyId = journey, stepId = steps[0] });

        List<Guid> Ids(JsonElement page) => page.Items().Select(i => i.GetProperty("id").GetGuid()).ToList();
        Assert.Equal([marchMedium, aprilCritical, aprilLow, undated], Ids(await GetOk($"{Api}/actions")));
        Assert.Equal([marchMedium, aprilLow], Ids(await GetOk($"{Api}/actions?ownerId={anna}")));
        Assert.Equal([marchMedium], Ids(await GetOk($"{Api}/actions?status=inProgress")));
        Assert.Equal([aprilCritical, undated], Ids(await GetOk($"{Api}/actions?priority=critical")));
        Assert.Equal([aprilCritical], Ids(await GetOk($"{Api}/actions?touchpointId={hotline}")));
        Assert.Equal([marchMedium], Ids(await GetOk($"{Api}/actions?stepId={steps[0]}")));
        Assert.Equal([marchMedium], Ids(await GetOk($"{Api}/actions?journeyId={journey}")));
        var page = await GetOk($"{Api}/actions?page=2&pageSize=3");
        Assert.Equal([undated], Ids(page));
        Assert.Equal(4, page.GetProperty("total").GetInt32());

        Assert.Contains("status", ErrorFields(await Problem(await Client.GetAsync($"{Api}/actions?status=finished"), 400)));
        Assert.Contains("priority", ErrorFields(await Problem(await Client.GetAsync($"{Api}/actions?priority=urgent"), 400)));
        Assert.Contains("page", ErrorFields(await Problem(await Client.GetAsync($"{Api}/actions?page=0"), 400)));
    }

    [Fact]
    public async Task Bad_input_and_foreign_links_are_refused_and_nothing_is_stored()
    {
        var other = await MapSeed.OtherWorkspace(Client);
        var theirPerson = (await PostOk($"/api/workspaces/{other}/people", new { name = "Their Anna" })).GetProperty("id").GetGuid();
        var theirKpi = (await PostOk($"/api/workspaces/{other}/kpis", new { name = "Their NPS", unit = "pts" })).GetProperty("id").GetGuid();
        var theirPersona = MapSeed.Persona(Factory, other, "Their persona");
        var (theirJourney, theirSteps) = MapSeed.Journey(Factory, other, "Their journey", new StepContent("Calls"));

        async Task Refused(object body, string field, string route = "actions") =>
            Assert.Contains(field, ErrorFields(await Problem(await Client.PostJson($"{Api}/{route}", body), 400)));
        await Refused(new { title = " " }, "title");
        await Refused(new { title = "Hold music", status = "inProgress" }, "ownerId");
        await Refused(new { title = "Hold music", impact = 7 }, "impact");
        await Refused(new { title = "Hold music", effort = 0 }, "effort", "ideas");
        await Refused(new { title = "Hold music", priority = "urgent" }, "priority");
        await Refused(new { title = "Hold music", ownerId = theirPerson }, "ownerId");
        await Refused(new { title = "Hold music", kpiId = theirKpi }, "kpiId", "insights");
        await Refused(new { title = "Hold music", personaId = theirPersona }, "personaId");
        await Refused(new { title = "Hold music", journeyId = theirJourney }, "journeyId");
        await Refused(new { title = "Hold music", stepId = theirSteps[0] }, "stepId");
        await Refused(new { title = "Hold music", touchpointId = Guid.NewGuid() }, "touchpointId");
        Assert.Contains("dueOn", ErrorFields(await Problem(await Client.PostAsync($"{Api}/actions", MapSeed.Raw("""{"title":"Hold music","dueOn":"next week"}""")), 400)));
        await Problem(await Client.PostAsync($"{Api}/actions", MapSeed.Raw("""{"title":"Hold music" """)), 400);
        await Problem(await Client.GetAsync("/api/workspaces/no-such-workspace/actions"), 404);
        await Problem(await Client.PostJson("/api/workspaces/no-such-workspace/actions", new { title = "Hold music" }), 404);
        Assert.Equal(0, Count());
    }

    [Fact]
    public async Task An_update_needs_the_current_version_and_a_refused_one_changes_nothing()
    {
        var id = (await PostOk($"{Api}/actions", new { title = "Hold music", priority = "low" })).GetProperty("id").GetGuid();
        var path = $"{Api}/actions/{id}";
        await Problem(await Client.PutJson(path, new { title = "Changed" }), 428);
        await Problem(await Client.PutJson(path, new { title = "Changed", version = 3 }), 409);
        Assert.Contains("ownerId", ErrorFields(await Problem(await Client.PutJson(path, new { title = "Changed", status = "inProgress", version = 1 }), 400)));
        var other = await MapSeed.OtherWorkspace(Client);
        await Problem(await Client.PutJson($"/api/workspaces/{other}/actions/{id}", new { title = "Changed", version = 1 }), 404);
        var unchanged = await GetOk(path);
        Assert.Equal(("Hold music", "low", 1), (unchanged.GetProperty("title").GetString(), unchanged.GetProperty("priority").GetString(), unchanged.GetProperty("version").GetInt32()));

        var updated = await PutOk(path, new { title = "Call-back option", priority = "high", impact = 5, version = 1 });
        Assert.Equal(2, updated.GetProperty("version").GetInt32());
        using var db = Factory.OpenDb();
        var stored = db.Improvements.Single(i => i.Id == id);
        Assert.Equal(("Call-back option", Priority.High, 5), (stored.Title, stored.Priority, stored.Impact));
    }

    [Fact]
    public async Task A_delete_honours_if_match_and_removes_the_item()
    {
        var id = (await PostOk($"{Api}/insights", new { title = "Hold music annoys" })).GetProperty("id").GetGuid();
        await Problem(await Client.DeleteWithVersion($"{Api}/insights/{id}", 4), 409);
        await Problem(await Client.DeleteAsync($"{Api}/insights/{Guid.NewGuid()}"), 404);
        Assert.Equal(1, Count());
        Assert.Equal(204, (int)(await Client.DeleteWithVersion($"{Api}/insights/{id}", 1)).StatusCode);
        await Problem(await Client.GetAsync($"{Api}/insights/{id}"), 404);
        Assert.Equal(0, Count());
    }
}
