using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Waymark.Storage.Access;
using Waymark.Web.Tests.Support;

namespace Waymark.Web.Tests.Access;

public sealed class MembersAndAuditTests(WaymarkApiFactory factory) : ApiTest(factory)
{
    [Fact]
    public async Task The_creator_of_a_workspace_is_its_owner_and_others_do_not_see_it()
    {
        var members = (await GetOk($"{Api}/members")).EnumerateArray().ToList();
        Assert.Equal(WaymarkApiFactory.OwnerEmail, Assert.Single(members).GetProperty("email").GetString());
        Assert.Equal("owner", members[0].GetProperty("role").GetString());
        var list = await Factory.ClientAs("someone-else@waymark.test").GetFromJsonAsync<JsonElement>("/api/workspaces");
        Assert.DoesNotContain(list.GetProperty("items").EnumerateArray(), w => w.GetProperty("key").GetString() == Workspace);
    }

    [Fact]
    public async Task An_owner_invites_changes_and_removes_members_and_the_role_takes_effect_at_once()
    {
        await Factory.UserAsync("colleague@waymark.test");
        var colleague = Factory.ClientAs("colleague@waymark.test");
        Assert.Equal(HttpStatusCode.NotFound, (await colleague.GetAsync($"{Api}/channels")).StatusCode);

        var invited = await PostOk($"{Api}/members", new { email = "Colleague@waymark.test", role = "viewer" });
        var userId = invited.GetProperty("userId").GetString();
        Assert.Equal(HttpStatusCode.OK, (await colleague.GetAsync($"{Api}/channels")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await colleague.PostAsJsonAsync($"{Api}/channels", new { name = "Shop", kind = "analog", reach = "direct" })).StatusCode);

        await PutOk($"{Api}/members/{userId}", new { role = "editor" });
        Assert.Equal(HttpStatusCode.Created, (await colleague.PostAsJsonAsync($"{Api}/channels", new { name = "Shop", kind = "analog", reach = "direct" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await colleague.GetAsync($"{Api}/members")).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await Client.DeleteAsync($"{Api}/members/{userId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await colleague.GetAsync($"{Api}/channels")).StatusCode);
    }

    [Fact]
    public async Task Inviting_someone_without_an_account_or_twice_is_refused_in_words()
    {
        var problem = await Problem(await Client.PostAsJsonAsync($"{Api}/members", new { email = "ghost@waymark.test", role = "viewer" }), 400);
        Assert.Equal(["email"], ErrorFields(problem));
        await Factory.UserAsync("twice@waymark.test");
        await PostOk($"{Api}/members", new { email = "twice@waymark.test", role = "viewer" });
        await Problem(await Client.PostAsJsonAsync($"{Api}/members", new { email = "twice@waymark.test", role = "editor" }), 409);
        Assert.Equal(["role"], ErrorFields(await Problem(await Client.PostAsJsonAsync($"{Api}/members", new { email = "twice@waymark.test", role = "boss" }), 400)));
    }

    [Fact]
    public async Task The_last_owner_can_be_neither_removed_nor_demoted()
    {
        var me = (await GetOk($"{Api}/members")).EnumerateArray().Single().GetProperty("userId").GetString();
        await Problem(await Client.DeleteAsync($"{Api}/members/{me}"), 409);
        await Problem(await Client.PutAsJsonAsync($"{Api}/members/{me}", new { role = "editor" }), 409);

        await Factory.UserAsync("second-owner@waymark.test");
        await PostOk($"{Api}/members", new { email = "second-owner@waymark.test", role = "owner" });
        Assert.Equal(HttpStatusCode.OK, (await Client.PutAsJsonAsync($"{Api}/members/{me}", new { role = "editor" })).StatusCode);
    }

    [Fact]
    public async Task An_administrator_sees_and_manages_every_workspace()
    {
        await Factory.UserAsync("root@waymark.test", administrator: true);
        var admin = Factory.ClientAs("root@waymark.test");
        var list = await admin.GetFromJsonAsync<JsonElement>("/api/workspaces?pageSize=500");
        Assert.Contains(list.GetProperty("items").EnumerateArray(), w => w.GetProperty("key").GetString() == Workspace);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync($"{Api}/members")).StatusCode);
    }

    [Fact]
    public async Task The_audit_trail_says_who_created_changed_and_deleted_what_and_when()
    {
        var channel = await PostOk($"{Api}/channels", new { name = "Phone", kind = "analog", reach = "direct" });
        var id = channel.GetProperty("id").GetGuid();
        await PutOk($"{Api}/channels/{id}", new { name = "Phone hotline", kind = "analog", reach = "direct", version = channel.GetProperty("version").GetInt32() });
        Assert.Equal(HttpStatusCode.NoContent, (await Client.DeleteAsync($"{Api}/channels/{id}")).StatusCode);

        var entries = (await GetOk($"{Api}/audit?entityId={id}")).GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(["deleted", "changed", "created"], entries.Select(e => e.GetProperty("action").GetString()));
        Assert.All(entries, e => Assert.Equal(WaymarkApiFactory.OwnerEmail, e.GetProperty("actorName").GetString()));
        Assert.All(entries, e => Assert.Equal("user", e.GetProperty("actorKind").GetString()));
        var change = entries[1].GetProperty("changes").GetProperty("name");
        Assert.Equal("Phone", change.GetProperty("from").GetString());
        Assert.Equal("Phone hotline", change.GetProperty("to").GetString());

        var byType = (await GetOk($"{Api}/audit?entityType=channel&pageSize=500")).GetProperty("items").EnumerateArray();
        Assert.All(byType, e => Assert.Equal("Channel", e.GetProperty("entityType").GetString()));
        Assert.Empty((await GetOk($"{Api}/audit?from={Uri.EscapeDataString(DateTimeOffset.UtcNow.AddHours(1).ToString("O"))}")).GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task A_journeys_history_holds_its_stages_and_steps()
    {
        var journey = await PostOk($"{Api}/journeys", new { name = "First purchase", scenario = "initialPurchase" });
        var journeyId = journey.GetProperty("id").GetGuid();
        var stage = await PostOk($"{Api}/journeys/{journeyId}/stages", new { name = "Awareness" });
        await PostOk($"{Api}/journeys/{journeyId}/stages/{stage.GetProperty("stages").EnumerateArray().Last().GetProperty("id").GetGuid()}/steps", new { action = "Sees an advert" });
        await PostOk($"{Api}/channels", new { name = "Elsewhere", kind = "digital", reach = "direct" });

        var history = (await GetOk($"{Api}/audit?entityId={journeyId}")).GetProperty("items").EnumerateArray().Select(e => e.GetProperty("entityType").GetString()).ToList();
        Assert.Contains("Journey", history);
        Assert.Contains("Stage", history);
        Assert.Contains("Step", history);
        Assert.DoesNotContain("Channel", history);
    }

    [Fact]
    public async Task Viewers_and_editors_cannot_read_the_audit_trail()
    {
        await Factory.GrantAsync(Workspace, "audit-editor@waymark.test", WorkspaceRole.Editor);
        Assert.Equal(HttpStatusCode.Forbidden, (await Factory.ClientAs("audit-editor@waymark.test").GetAsync($"{Api}/audit")).StatusCode);
    }
}
