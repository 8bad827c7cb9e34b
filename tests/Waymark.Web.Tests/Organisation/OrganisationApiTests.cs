using System.Net;
using System.Net.Http.Json;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Waymark.Web.Tests.Support;

namespace Waymark.Web.Tests.Organisation;

public sealed class OrganisationApiTests(WaymarkApiFactory factory) : ApiTest(factory)
{
    [Fact]
    public async Task Channels_are_created_listed_by_kind_updated_and_deleted()
    {
        var (phone, _) = await CreateChannel("Phone hotline", "analog");
        await CreateChannel("Website", "digital");

        var digital = await GetOk($"{Api}/channels?kind=digital");
        Assert.Equal(["Website"], digital.GetProperty("items").EnumerateArray().Select(c => c.GetProperty("name").GetString()));

        var updated = await PutOk($"{Api}/channels/{phone}", new { name = "Service hotline", kind = "analog", reach = "direct", version = 1 });
        Assert.Equal(2, updated.GetProperty("version").GetInt32());

        Assert.Equal(HttpStatusCode.NoContent, (await Client.DeleteAsync($"{Api}/channels/{phone}")).StatusCode);
        await Problem(await Client.GetAsync($"{Api}/channels/{phone}"), 404);
    }

    [Fact]
    public async Task An_unknown_channel_kind_is_refused_naming_the_field()
    {
        var problem = await Problem(await Client.PostAsync($"{Api}/channels",
            new StringContent("{\"name\":\"Fax\",\"kind\":\"telepathic\",\"reach\":\"direct\"}", Encoding.UTF8, "application/json")), 400);
        Assert.Equal(["kind"], ErrorFields(problem));
        await using var db = Factory.OpenDb();
        Assert.False(await db.Channels.AnyAsync(c => c.Name == "Fax"));
    }

    [Fact]
    public async Task A_channel_of_another_workspace_cannot_be_read_changed_or_deleted_here()
    {
        var other = "other-" + Guid.NewGuid().ToString("N")[..6];
        await PostOk("/api/workspaces", new { key = other, name = "Other" });
        var foreign = await PostOk($"/api/workspaces/{other}/channels", new { name = "Their store", kind = "analog", reach = "direct" });
        var id = foreign.GetProperty("id").GetGuid();

        await Problem(await Client.GetAsync($"{Api}/channels/{id}"), 404);
        await Problem(await Client.PutAsJsonAsync($"{Api}/channels/{id}", new { name = "Mine now", kind = "analog", reach = "direct", version = 1 }), 404);
        await Problem(await Client.DeleteAsync($"{Api}/channels/{id}"), 404);
        Assert.Equal("Their store", (await GetOk($"/api/workspaces/{other}/channels/{id}")).GetProperty("name").GetString());
    }

    [Fact]
    public async Task A_stale_channel_update_is_a_conflict_and_changes_nothing()
    {
        var (id, _) = await CreateChannel("E-mail", "digital");
        await PutOk($"{Api}/channels/{id}", new { name = "E-mail newsletter", kind = "digital", reach = "direct", version = 1 });

        await Problem(await Client.PutAsJsonAsync($"{Api}/channels/{id}", new { name = "Lost update", kind = "digital", reach = "direct", version = 1 }), 409);
        Assert.Equal("E-mail newsletter", (await GetOk($"{Api}/channels/{id}")).GetProperty("name").GetString());
    }

    [Fact]
    public async Task A_delete_with_a_stale_if_match_is_a_conflict_and_keeps_the_channel()
    {
        var (id, _) = await CreateChannel("Store", "analog");
        await PutOk($"{Api}/channels/{id}", new { name = "Flagship store", kind = "analog", reach = "direct", version = 1 });
        var request = new HttpRequestMessage(HttpMethod.Delete, $"{Api}/channels/{id}");
        request.Headers.TryAddWithoutValidation("If-Match", "\"1\"");
        await Problem(await Client.SendAsync(request), 409);
        await GetOk($"{Api}/channels/{id}");
    }

    [Fact]
    public async Task Phases_can_be_added_at_a_position_moved_renamed_and_deleted_keeping_positions_gapless()
    {
        var added = await PostOk($"{Api}/phases", new { name = "Loyalty", position = 4 });
        var id = added.GetProperty("id").GetGuid();
        Assert.Equal(["Awareness", "Consideration", "Purchase", "Usage/Service", "Loyalty", "Advocacy"], await PhaseNames());

        var moved = await PostOk($"{Api}/phases/{id}/move", new { position = 0 });
        Assert.Equal("Loyalty", moved[0].GetProperty("name").GetString());

        var version = (await GetOk($"{Api}/phases/{id}")).GetProperty("version").GetInt32();
        await PutOk($"{Api}/phases/{id}", new { name = "Retention", version });
        Assert.Equal(HttpStatusCode.NoContent, (await Client.DeleteAsync($"{Api}/phases/{id}")).StatusCode);

        var phases = await GetOk($"{Api}/phases");
        Assert.Equal([0, 1, 2, 3, 4], phases.GetProperty("items").EnumerateArray().Select(p => p.GetProperty("position").GetInt32()));
        Assert.Equal(["Awareness", "Consideration", "Purchase", "Usage/Service", "Advocacy"], await PhaseNames());
    }

    [Fact]
    public async Task A_phase_cannot_move_beyond_the_last_position()
    {
        var id = (await PhaseIds())[0];
        var problem = await Problem(await Client.PostAsJsonAsync($"{Api}/phases/{id}/move", new { position = 9 }), 400);
        Assert.Equal(["position"], ErrorFields(problem));
        Assert.Equal("Awareness", (await PhaseNames())[0]);
    }

    [Fact]
    public async Task Departments_keep_their_known_problems_and_people_belong_to_them()
    {
        var department = await PostOk($"{Api}/departments", new
        {
            name = "Customer Service",
            bottlenecks = new[] { "Only 12 agents on Saturdays" },
            delays = new[] { "Callbacks take 2 days" },
            internalProblems = new[] { "Agents cannot see repair status" },
        });
        var departmentId = department.GetProperty("id").GetGuid();
        Assert.Equal("Callbacks take 2 days", department.GetProperty("delays")[0].GetString());

        var person = await PostOk($"{Api}/people", new { name = "Anna Berg", role = "Head of service", email = "anna@example.com", departmentId });
        var inDepartment = await GetOk($"{Api}/people?departmentId={departmentId}");
        Assert.Equal(person.GetProperty("id").GetGuid(), inDepartment.GetProperty("items")[0].GetProperty("id").GetGuid());

        var problem = await Problem(await Client.DeleteAsync($"{Api}/departments/{departmentId}"), 409);
        Assert.Contains("Customer Service", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task A_person_in_an_unknown_department_or_with_a_bad_email_is_refused_naming_the_field()
    {
        var unknown = await Problem(await Client.PostAsJsonAsync($"{Api}/people", new { name = "Ben", departmentId = Guid.NewGuid() }), 400);
        Assert.Equal(["departmentId"], ErrorFields(unknown));
        var email = await Problem(await Client.PostAsJsonAsync($"{Api}/people", new { name = "Ben", email = "not-an-address" }), 400);
        Assert.Equal(["email"], ErrorFields(email));
        await using var db = Factory.OpenDb();
        Assert.False(await db.People.AnyAsync(p => p.Name == "Ben"));
    }

    [Fact]
    public async Task A_missing_body_is_refused_in_words()
    {
        var problem = await Problem(await Client.PostAsync($"{Api}/people", new StringContent("", Encoding.UTF8, "application/json")), 400);
        Assert.Contains("body", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task An_address_with_a_bad_id_is_not_found()
    {
        Assert.Equal(HttpStatusCode.NotFound, (await Client.GetAsync($"{Api}/people/not-a-guid")).StatusCode);
    }

    private async Task<List<string?>> PhaseNames() =>
        (await GetOk($"{Api}/phases")).GetProperty("items").EnumerateArray().Select(p => p.GetProperty("name").GetString()).ToList();
}
