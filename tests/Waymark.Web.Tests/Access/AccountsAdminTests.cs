using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Waymark.Storage.Access;
using Waymark.Web.Tests.Support;

namespace Waymark.Web.Tests.Access;

/// <summary>The server's accounts, for its administrators.</summary>
public sealed class AccountsAdminTests(WaymarkApiFactory factory) : ApiTest(factory)
{
    private const string Users = "/api/admin/users";

    private async Task<HttpClient> AdministratorAsync()
    {
        var email = $"admin-{Guid.NewGuid():N}@waymark.test";
        await Factory.UserAsync(email, administrator: true);
        return Factory.ClientAs(email);
    }

    private async Task<string> IdOf(string email) => (await Factory.UserAsync(email)).Id;

    [Fact]
    public async Task An_administrator_lists_the_accounts_with_their_workspaces_roles_and_state()
    {
        var admin = await AdministratorAsync();
        var email = $"editor-{Guid.NewGuid():N}@waymark.test";
        await Factory.GrantAsync(Workspace, email, WorkspaceRole.Editor);

        var page = await admin.GetFromJsonAsync<JsonElement>($"{Users}?search={email[..20].ToUpperInvariant()}");
        Assert.Equal(1, page.GetProperty("total").GetInt32());
        var account = page.GetProperty("items")[0];
        Assert.Equal(email, account.GetProperty("email").GetString());
        Assert.False(account.GetProperty("isAdministrator").GetBoolean());
        Assert.False(account.GetProperty("mustChangePassword").GetBoolean());
        Assert.True(account.GetProperty("hasPassword").GetBoolean());
        Assert.Equal(JsonValueKind.Null, account.GetProperty("lockedOutUntil").ValueKind);
        var workspace = account.GetProperty("workspaces").EnumerateArray().Single();
        Assert.Equal((Workspace, "editor"), (workspace.GetProperty("key").GetString(), workspace.GetProperty("role").GetString()));

        var all = await admin.GetFromJsonAsync<JsonElement>($"{Users}?pageSize=500");
        var emails = all.GetProperty("items").EnumerateArray().Select(a => a.GetProperty("email").GetString()!).ToList();
        Assert.Contains(email, emails);
        Assert.Equal(emails.Order(StringComparer.OrdinalIgnoreCase), emails, StringComparer.OrdinalIgnoreCase);
        await Problem(await admin.GetAsync($"{Users}?pageSize=0"), 400);
        await Problem(await admin.GetAsync($"{Users}/no-such-account"), 404);
    }

    [Fact]
    public async Task New_accounts_get_a_one_time_password_shown_once_and_a_duplicate_address_is_refused()
    {
        var admin = await AdministratorAsync();
        var email = $"new-{Guid.NewGuid():N}@waymark.test";
        var response = await admin.PostAsJsonAsync(Users, new { email, displayName = "Ana Newcomer" });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = await response.Content.ReadFromJsonAsync<JsonElement>();
        var account = created.GetProperty("account");
        Assert.True(account.GetProperty("mustChangePassword").GetBoolean());
        Assert.Equal("Ana Newcomer", account.GetProperty("displayName").GetString());
        Assert.Equal($"{Users}/{account.GetProperty("id").GetString()}", response.Headers.Location!.OriginalString);
        var password = created.GetProperty("oneTimePassword").GetString()!;
        Assert.Matches("^[A-Za-z0-9]{5}(-[A-Za-z0-9]{5}){3}$", password);
        await using (var scope = Factory.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<WaymarkUser>>();
            var stored = await users.FindByEmailAsync(email);
            Assert.True(await users.CheckPasswordAsync(stored!, password));
            Assert.DoesNotContain(password, stored!.PasswordHash!);
        }
        var again = await Problem(await admin.PostAsJsonAsync(Users, new { email = email.ToUpperInvariant() }), 409);
        Assert.Contains("already an account", again.GetProperty("detail").GetString());
        Assert.Equal(["email"], ErrorFields(await Problem(await admin.PostAsJsonAsync(Users, new { email = "not an address" }), 400)));
    }

    [Fact]
    public async Task Unlock_and_password_reset_let_a_locked_out_person_back_in_with_a_new_one_time_password()
    {
        var admin = await AdministratorAsync();
        var email = $"locked-{Guid.NewGuid():N}@waymark.test";
        var id = await IdOf(email);
        await using (var scope = Factory.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<WaymarkUser>>();
            var user = await users.FindByIdAsync(id);
            for (var i = 0; i < 5; i++) await users.AccessFailedAsync(user!);
            Assert.True(await users.IsLockedOutAsync(user!));
        }
        var listed = await admin.GetFromJsonAsync<JsonElement>($"{Users}/{id}");
        Assert.True(listed.GetProperty("lockedOutUntil").GetDateTimeOffset() > DateTimeOffset.UtcNow);

        var unlocked = await (await admin.PostAsync($"{Users}/{id}/unlock", null)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(JsonValueKind.Null, unlocked.GetProperty("lockedOutUntil").ValueKind);
        Assert.Equal(0, unlocked.GetProperty("failedSignIns").GetInt32());

        var reset = await admin.PostAsync($"{Users}/{id}/password-reset", null);
        Assert.Equal(HttpStatusCode.OK, reset.StatusCode);
        var fresh = (await reset.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("oneTimePassword").GetString()!;
        await using (var scope = Factory.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<WaymarkUser>>();
            var user = await users.FindByIdAsync(id);
            Assert.True(await users.CheckPasswordAsync(user!, fresh));
            Assert.False(await users.CheckPasswordAsync(user!, WaymarkApiFactory.Password));
            Assert.True(user!.MustChangePassword);
        }
    }

    [Fact]
    public async Task Administrator_rights_are_given_and_taken_and_no_one_removes_their_own()
    {
        var adminEmail = $"admin-{Guid.NewGuid():N}@waymark.test";
        var adminId = (await Factory.UserAsync(adminEmail, administrator: true)).Id;
        var admin = Factory.ClientAs(adminEmail);
        var other = $"other-{Guid.NewGuid():N}@waymark.test";
        var otherId = await IdOf(other);

        var promoted = await (await admin.PutAsJsonAsync($"{Users}/{otherId}", new { isAdministrator = true, displayName = "Olga Other" })).Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(promoted.GetProperty("isAdministrator").GetBoolean());
        Assert.Equal("Olga Other", promoted.GetProperty("displayName").GetString());
        Assert.Equal(HttpStatusCode.OK, (await Factory.ClientAs(other).GetAsync(Users)).StatusCode);

        var own = await Problem(await admin.PutAsJsonAsync($"{Users}/{adminId}", new { isAdministrator = false }), 409);
        Assert.Contains("your own", own.GetProperty("detail").GetString());
        await Problem(await admin.DeleteAsync($"{Users}/{adminId}"), 409);

        var demoted = await (await Factory.ClientAs(other).PutAsJsonAsync($"{Users}/{adminId}", new { isAdministrator = false })).Content.ReadFromJsonAsync<JsonElement>();
        Assert.False(demoted.GetProperty("isAdministrator").GetBoolean());
        var refused = await Problem(await admin.GetAsync(Users), 403);
        Assert.Contains("administrator", refused.GetProperty("detail").GetString());

        // Only administrators act here and no one demotes or deletes themselves, so the server always keeps one.
        var self = await Problem(await Factory.ClientAs(other).PutAsJsonAsync($"{Users}/{otherId}", new { isAdministrator = false }), 409);
        Assert.Contains("your own", self.GetProperty("detail").GetString());
        await using var db = Factory.OpenDb();
        Assert.True((await db.Users.SingleAsync(u => u.Id == otherId)).IsAdministrator);
    }

    [Fact]
    public async Task Deleting_an_account_removes_its_memberships_but_never_a_workspaces_last_owner()
    {
        var admin = await AdministratorAsync();
        var leaver = $"leaver-{Guid.NewGuid():N}@waymark.test";
        await Factory.GrantAsync(Workspace, leaver, WorkspaceRole.Viewer);
        var leaverId = await IdOf(leaver);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"{Users}/{leaverId}")).StatusCode);
        await Problem(await admin.GetAsync($"{Users}/{leaverId}"), 404);
        await using (var db = Factory.OpenDb()) Assert.False(await db.Memberships.AnyAsync(m => m.UserId == leaverId));
        var audit = await GetOk($"{Api}/audit?pageSize=500");
        Assert.Contains(audit.GetProperty("items").EnumerateArray(), e => e.GetRawText().Contains(leaverId));

        var soleOwner = $"sole-{Guid.NewGuid():N}@waymark.test";
        await Factory.CreateClient().PostAsJsonAsync("/api/workspaces", new { key = "solo-" + Guid.NewGuid().ToString("N")[..8], name = "Solo shop" });
        var soloKey = (await Factory.CreateClient().GetFromJsonAsync<JsonElement>("/api/workspaces")).GetProperty("items").EnumerateArray()
            .First(w => w.GetProperty("name").GetString() == "Solo shop").GetProperty("key").GetString()!;
        await Factory.GrantAsync(soloKey, soleOwner, WorkspaceRole.Owner);
        await using (var db = Factory.OpenDb())
        {
            var solo = await db.Workspaces.SingleAsync(w => w.Key == soloKey);
            db.Memberships.RemoveRange(db.Memberships.Where(m => m.WorkspaceId == solo.Id && m.UserId != db.Users.Single(u => u.Email == soleOwner).Id));
            await db.SaveChangesAsync();
        }
        var kept = await Problem(await admin.DeleteAsync($"{Users}/{await IdOf(soleOwner)}"), 409);
        Assert.Contains("'Solo shop'", kept.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task People_without_administrator_rights_and_tokens_are_refused_and_nothing_changes()
    {
        var person = Factory.ClientAs($"plain-{Guid.NewGuid():N}@waymark.test");
        var target = await IdOf($"target-{Guid.NewGuid():N}@waymark.test");
        var token = Factory.TokenClient(await Factory.TokenAsync(Workspace, WorkspaceRole.Owner));
        foreach (var client in new[] { person, token })
        {
            await Problem(await client.GetAsync(Users), 403);
            await Problem(await client.PostAsJsonAsync(Users, new { email = "sneaky@waymark.test" }), 403);
            await Problem(await client.PostAsync($"{Users}/{target}/password-reset", null), 403);
            await Problem(await client.DeleteAsync($"{Users}/{target}"), 403);
        }
        await Problem(await Factory.AnonymousClient().GetAsync(Users), 401);
        await using var db = Factory.OpenDb();
        Assert.False(await db.Users.AnyAsync(u => u.Email == "sneaky@waymark.test"));
        Assert.True(await db.Users.AnyAsync(u => u.Id == target));
    }
}
