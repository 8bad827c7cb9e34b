using System.Net;
using System.Net.Http.Json;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Waymark.Web.Tests.Support;

namespace Waymark.Web.Tests.Workspaces;

public sealed class WorkspacesApiTests(WaymarkApiFactory factory) : ApiTest(factory)
{
    [Fact]
    public async Task A_new_workspace_starts_with_the_five_default_phases_in_order()
    {
        var created = await PostOk("/api/workspaces", new { name = "Acme TV & Sound" });
        Assert.Equal("acme-tv-sound", created.GetProperty("key").GetString());

        var phases = await GetOk("/api/workspaces/acme-tv-sound/phases");
        Assert.Equal(["Awareness", "Consideration", "Purchase", "Usage/Service", "Advocacy"],
            phases.GetProperty("items").EnumerateArray().Select(p => p.GetProperty("name").GetString()));
    }

    [Fact]
    public async Task A_taken_key_is_a_conflict_and_creates_nothing()
    {
        var response = await Client.PostAsJsonAsync("/api/workspaces", new { key = Workspace, name = "Again" });
        await Problem(response, 409);
        await using var db = Factory.OpenDb();
        Assert.Equal(1, await db.Workspaces.CountAsync(w => w.Key == Workspace));
    }

    [Fact]
    public async Task A_key_with_capitals_or_spaces_is_refused_naming_the_key()
    {
        var problem = await Problem(await Client.PostAsJsonAsync("/api/workspaces", new { key = "My Shop", name = "My shop" }), 400);
        Assert.Equal(["key"], ErrorFields(problem));
    }

    [Fact]
    public async Task Renaming_needs_the_current_version_and_a_stale_one_changes_nothing()
    {
        var current = await GetOk(Api);
        var version = current.GetProperty("version").GetInt32();

        var renamed = await PutOk(Api, new { name = "Renamed", version });
        Assert.Equal("Renamed", renamed.GetProperty("name").GetString());

        await Problem(await Client.PutAsJsonAsync(Api, new { name = "Stale", version }), 409);
        await Problem(await Client.PutAsJsonAsync(Api, new { name = "No version" }), 428);
        Assert.Equal("Renamed", (await GetOk(Api)).GetProperty("name").GetString());
    }

    [Fact]
    public async Task An_update_may_carry_its_version_as_if_match()
    {
        var response = await Client.GetAsync(Api);
        var etag = response.Headers.ETag!.Tag;
        var request = new HttpRequestMessage(HttpMethod.Put, Api) { Content = JsonContent.Create(new { name = "Via header" }) };
        request.Headers.TryAddWithoutValidation("If-Match", etag);
        var updated = await Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        Assert.NotEqual(etag, updated.Headers.ETag!.Tag);
    }

    [Fact]
    public async Task An_unknown_workspace_is_not_found_in_words()
    {
        var problem = await Problem(await Client.GetAsync("/api/workspaces/no-such-place/channels"), 404);
        Assert.Contains("no-such-place", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Deleting_a_workspace_removes_it_and_its_content()
    {
        var key = "doomed-" + Guid.NewGuid().ToString("N")[..6];
        await PostOk("/api/workspaces", new { key, name = "Doomed" });
        await PostOk($"/api/workspaces/{key}/channels", new { name = "Store", kind = "analog", reach = "direct" });

        Assert.Equal(HttpStatusCode.NoContent, (await Client.DeleteAsync($"/api/workspaces/{key}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Client.GetAsync($"/api/workspaces/{key}")).StatusCode);
        await using var db = Factory.OpenDb();
        Assert.False(await db.Workspaces.AnyAsync(w => w.Key == key));
    }

    [Fact]
    public async Task Malformed_json_is_refused_with_its_position_and_changes_nothing()
    {
        var response = await Client.PostAsync("/api/workspaces", new StringContent("{ \"name\": \"Broken\", ", Encoding.UTF8, "application/json"));
        var problem = await Problem(response, 400);
        Assert.Contains("line", problem.GetProperty("detail").GetString());
        await using var db = Factory.OpenDb();
        Assert.False(await db.Workspaces.AnyAsync(w => w.Name == "Broken"));
    }

    [Fact]
    public async Task The_list_pages_and_refuses_an_impossible_page_size()
    {
        var page = await GetOk("/api/workspaces?page=1&pageSize=1");
        Assert.Single(page.GetProperty("items").EnumerateArray());
        Assert.True(page.GetProperty("total").GetInt32() >= 1);
        Assert.Equal(1, page.GetProperty("page").GetInt32());

        var problem = await Problem(await Client.GetAsync("/api/workspaces?pageSize=100000"), 400);
        Assert.Equal(["pageSize"], ErrorFields(problem));
    }
}
