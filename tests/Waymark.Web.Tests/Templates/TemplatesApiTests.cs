using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Waymark.Storage.Access;
using Waymark.Web.Tests.Support;

namespace Waymark.Web.Tests.Templates;

/// <summary>Listing templates, saving a workspace as a template of the organisation, starting from it and deleting it, with the refusals.</summary>
public sealed class TemplatesApiTests(WaymarkApiFactory factory) : ApiTest(factory)
{
    private static string Unique(string name) => $"{name}-{Guid.NewGuid():N}"[..(name.Length + 9)];

    private async Task<JsonElement> ListAsync(HttpClient? client = null)
    {
        var response = await (client ?? Client).GetAsync("/api/templates");
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, text);
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>A workspace from the retail template, with an evaluation, a KPI measurement, an action and a person recorded in it.</summary>
    private async Task<string> RetailWorkspaceWithWorkAsync()
    {
        var key = Unique("shop");
        await PostOk("/api/workspaces", new { key, name = "Shop " + key, template = "retail" });
        var touchpoint = (await GetOk($"/api/workspaces/{key}/touchpoints")).GetProperty("items")[0].GetProperty("id").GetGuid();
        var kpi = (await GetOk($"/api/workspaces/{key}/kpis")).GetProperty("items")[0].GetProperty("id").GetGuid();
        await PostOk($"/api/workspaces/{key}/evaluations", new { touchpointId = touchpoint, score = 4, evaluatedOn = "2026-11-02" });
        await PostOk($"/api/workspaces/{key}/kpis/{kpi}/measurements", new { measurements = new[] { new { value = 31.5, measuredAt = "2026-11-30T00:00:00Z" } } });
        await PostOk($"/api/workspaces/{key}/actions", new { title = "Shorten the refund time" });
        await PostOk($"/api/workspaces/{key}/people", new { name = "Anna Berg", email = "anna@shop.example" });
        return key;
    }

    [Fact]
    public async Task The_list_shows_the_built_in_templates_with_what_they_bring()
    {
        var list = await ListAsync();
        var retail = list.EnumerateArray().Single(t => t.GetProperty("name").GetString() == "retail");
        Assert.Equal("Retail & e-commerce", retail.GetProperty("title").GetString());
        Assert.True(retail.GetProperty("builtIn").GetBoolean());
        Assert.False(string.IsNullOrWhiteSpace(retail.GetProperty("description").GetString()));
        Assert.True(retail.GetProperty("counts").GetProperty("touchpoints").GetInt32() >= 30);
        Assert.Equal(2, retail.GetProperty("counts").GetProperty("personas").GetInt32());
        Assert.Equal(1, retail.GetProperty("counts").GetProperty("journeys").GetInt32());
    }

    [Fact]
    public async Task Templates_are_for_signed_in_people_not_for_tokens_or_strangers()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await Factory.AnonymousClient().GetAsync("/api/templates")).StatusCode);
        var token = Factory.TokenClient(await Factory.TokenAsync(Workspace, WorkspaceRole.Owner));
        await Problem(await token.GetAsync("/api/templates"), 403);
        await Problem(await token.PostAsJsonAsync("/api/workspaces", new { name = "By token", template = "retail" }), 403);
        // A person who belongs to no workspace may still start one from a template.
        var newcomer = Factory.ClientAs($"newcomer-{Guid.NewGuid():N}@waymark.test");
        Assert.NotEmpty((await ListAsync(newcomer)).EnumerateArray());
        Assert.Equal(HttpStatusCode.Created, (await newcomer.PostAsJsonAsync("/api/workspaces", new { key = Unique("mine"), name = "Mine", template = "retail" })).StatusCode);
    }

    [Fact]
    public async Task An_unknown_template_is_refused_naming_the_field_and_nothing_is_created()
    {
        await using var before = Factory.OpenDb();
        var count = await before.Workspaces.CountAsync();
        var problem = await Problem(await Client.PostAsJsonAsync("/api/workspaces", new { name = "Nope", template = "no-such-template" }), 400);
        Assert.Equal(["template"], ErrorFields(problem));
        Assert.Contains("There is no template 'no-such-template'", problem.GetProperty("detail").GetString());
        await Problem(await Client.PostAsJsonAsync("/api/workspaces", new { key = Workspace, name = "Taken", template = "retail" }), 409);
        await using var after = Factory.OpenDb();
        Assert.Equal(count, await after.Workspaces.CountAsync());
    }

    [Fact]
    public async Task An_owner_saves_the_structure_and_a_workspace_made_from_it_has_none_of_the_recorded_work()
    {
        var source = await RetailWorkspaceWithWorkAsync();
        var name = Unique("our-shop");
        var response = await Client.PostAsJsonAsync($"/api/workspaces/{source}/save-as-template", new { name, title = "Our shop model", description = "Stores and web shop, as we run them." });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);

        var saved = (await ListAsync()).EnumerateArray().Single(t => t.GetProperty("name").GetString() == name);
        Assert.False(saved.GetProperty("builtIn").GetBoolean());
        Assert.Equal("Our shop model", saved.GetProperty("title").GetString());
        Assert.Equal(WaymarkApiFactory.OwnerEmail, saved.GetProperty("createdByName").GetString());

        var copy = Unique("branch");
        var made = await PostOk("/api/workspaces", new { key = copy, name = "Branch north", template = name });
        Assert.Equal("Stores and web shop, as we run them.", made.GetProperty("description").GetString());
        await using var db = Factory.OpenDb();
        var from = (await db.Workspaces.SingleAsync(w => w.Key == source)).Id;
        var to = (await db.Workspaces.SingleAsync(w => w.Key == copy)).Id;
        Assert.Equal((await db.Touchpoints.Where(t => t.WorkspaceId == from).Select(t => t.Name).ToListAsync()).Order(),
            (await db.Touchpoints.Where(t => t.WorkspaceId == to).Select(t => t.Name).ToListAsync()).Order());
        Assert.Equal(await db.Personas.CountAsync(p => p.WorkspaceId == from), await db.Personas.CountAsync(p => p.WorkspaceId == to));
        async Task<int> StepsOf(Guid ws) => (await db.Journeys.Include(j => j.Stages).ThenInclude(s => s.Steps).SingleAsync(j => j.WorkspaceId == ws)).OrderedSteps.Count();
        Assert.Equal(await StepsOf(from), await StepsOf(to));
        Assert.Equal(await db.Kpis.CountAsync(k => k.WorkspaceId == from), await db.Kpis.CountAsync(k => k.WorkspaceId == to));
        Assert.Equal(1, await db.Evaluations.CountAsync(e => e.WorkspaceId == from));
        Assert.Equal(0, await db.Evaluations.CountAsync(e => e.WorkspaceId == to));
        Assert.Equal(0, await db.KpiMeasurements.CountAsync(m => m.WorkspaceId == to));
        Assert.Equal(0, await db.Improvements.CountAsync(i => i.WorkspaceId == to));
        Assert.Equal(0, await db.People.CountAsync(p => p.WorkspaceId == to));
        var stored = await db.WorkspaceTemplates.SingleAsync(t => t.Name == name);
        Assert.DoesNotContain("anna@shop.example", stored.Document);
        Assert.DoesNotContain("Shorten the refund time", stored.Document);
    }

    [Fact]
    public async Task Only_owners_save_a_workspace_as_a_template()
    {
        var editor = $"editor-{Guid.NewGuid():N}@waymark.test";
        await Factory.GrantAsync(Workspace, editor, WorkspaceRole.Editor);
        var name = Unique("by-editor");
        await Problem(await Factory.ClientAs(editor).PostAsJsonAsync($"{Api}/save-as-template", new { name, title = "By an editor" }), 403);
        var token = Factory.TokenClient(await Factory.TokenAsync(Workspace, WorkspaceRole.Owner));
        await Problem(await token.PostAsJsonAsync($"{Api}/save-as-template", new { name, title = "By a token" }), 403);
        await Problem(await Factory.ClientAs($"outsider-{Guid.NewGuid():N}@waymark.test").PostAsJsonAsync($"{Api}/save-as-template", new { name, title = "By an outsider" }), 404);
        await using var db = Factory.OpenDb();
        Assert.False(await db.WorkspaceTemplates.AnyAsync(t => t.Name == name));
    }

    [Fact]
    public async Task A_taken_or_malformed_name_or_a_missing_title_is_refused_and_nothing_is_saved()
    {
        await using var before = Factory.OpenDb();
        var count = await before.WorkspaceTemplates.CountAsync();
        var builtIn = await Problem(await Client.PostAsJsonAsync($"{Api}/save-as-template", new { name = "retail", title = "Mine" }), 409);
        Assert.Contains("There is already a template called 'retail'", builtIn.GetProperty("detail").GetString());
        Assert.Equal(["name"], ErrorFields(await Problem(await Client.PostAsJsonAsync($"{Api}/save-as-template", new { name = "Our Shop!", title = "Mine" }), 400)));
        Assert.Equal(["title"], ErrorFields(await Problem(await Client.PostAsJsonAsync($"{Api}/save-as-template", new { name = Unique("untitled") }), 400)));
        var name = Unique("twice");
        Assert.Equal(HttpStatusCode.Created, (await Client.PostAsJsonAsync($"{Api}/save-as-template", new { name, title = "Once" })).StatusCode);
        await Problem(await Client.PostAsJsonAsync($"{Api}/save-as-template", new { name, title = "Twice" }), 409);
        await using var after = Factory.OpenDb();
        Assert.Equal(count + 1, await after.WorkspaceTemplates.CountAsync());
    }

    [Fact]
    public async Task Its_creator_or_an_administrator_deletes_a_template_and_nobody_else()
    {
        var name = Unique("to-delete");
        var second = Unique("admin-deletes");
        Assert.Equal(HttpStatusCode.Created, (await Client.PostAsJsonAsync($"{Api}/save-as-template", new { name, title = "To delete" })).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await Client.PostAsJsonAsync($"{Api}/save-as-template", new { name = second, title = "For the administrator" })).StatusCode);

        // Another owner of the same workspace did not save it.
        var other = $"other-{Guid.NewGuid():N}@waymark.test";
        await Factory.GrantAsync(Workspace, other, WorkspaceRole.Owner);
        var refused = await Problem(await Factory.ClientAs(other).DeleteAsync($"/api/templates/{name}"), 403);
        Assert.Contains("who saved the template", refused.GetProperty("detail").GetString());
        await Problem(await Factory.TokenClient(await Factory.TokenAsync(Workspace, WorkspaceRole.Owner)).DeleteAsync($"/api/templates/{name}"), 403);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Factory.AnonymousClient().DeleteAsync($"/api/templates/{name}")).StatusCode);
        await Problem(await Client.DeleteAsync("/api/templates/retail"), 409);
        await using (var db = Factory.OpenDb()) Assert.True(await db.WorkspaceTemplates.AnyAsync(t => t.Name == name));

        Assert.Equal(HttpStatusCode.NoContent, (await Client.DeleteAsync($"/api/templates/{name}")).StatusCode);
        await Problem(await Client.DeleteAsync($"/api/templates/{name}"), 404);
        var administrator = $"admin-{Guid.NewGuid():N}@waymark.test";
        await Factory.UserAsync(administrator, administrator: true);
        Assert.Equal(HttpStatusCode.NoContent, (await Factory.ClientAs(administrator).DeleteAsync($"/api/templates/{second}")).StatusCode);
        await using var after = Factory.OpenDb();
        Assert.False(await after.WorkspaceTemplates.AnyAsync(t => t.Name == name || t.Name == second));
        Assert.True(BuiltInStillListed(await ListAsync()));
    }

    private static bool BuiltInStillListed(JsonElement list) => list.EnumerateArray().Any(t => t.GetProperty("name").GetString() == "retail");
}
