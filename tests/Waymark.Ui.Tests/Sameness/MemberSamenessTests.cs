using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Bunit;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Waymark.Domain.Workspaces;
using Waymark.Storage.Access;
using Waymark.Ui.Tests.Support;
using Waymark.Web.Access;
using Waymark.Web.Components.Pages.Settings;
using Waymark.Web.Infrastructure;

namespace Waymark.Ui.Tests.Sameness;

/// <summary>Members and tokens changed on the Members tab and the same changes through the API leave the same trace and meet the same refusals.</summary>
[Collection(UiCollection.Name)]
public sealed class MemberSamenessTests(UiFactory factory) : IDisposable
{
    private readonly ComponentHost _host = new(factory);

    public void Dispose() => _host.Dispose();

    private IRenderedComponent<MembersTab> Render(CurrentWorkspace? workspace = null) =>
        _host.Context.Render<MembersTab>(p => p
            .Add(t => t.Context, new SettingsContext(workspace ?? _host.Workspace, true, _host.Try, IsOwner: true))
            .Add(t => t.Ws, (workspace ?? _host.Workspace).Key));

    private async Task<WaymarkUser> AccountAsync(string name)
    {
        using var scope = factory.Services.CreateScope();
        return (await Accounts.CreateAsync(scope.ServiceProvider.GetRequiredService<UserManager<WaymarkUser>>(), $"{name}-{Guid.NewGuid():N}@waymark.test")).User;
    }

    /// <summary>A workspace whose one member is the signed-in owner of the demo workspace, with this role.</summary>
    private async Task<(CurrentWorkspace Workspace, string Member)> WorkspaceOfItsOwnAsync(WorkspaceRole role)
    {
        var member = factory.PrincipalOf(WorkspaceRole.Owner).UserId()!;
        await using var db = factory.OpenDb();
        var w = new Workspace($"own{Guid.NewGuid():N}"[..20], "Of its own");
        db.Workspaces.Add(w);
        await db.SaveChangesAsync();
        db.Memberships.Add(new WorkspaceMembership(w.Id, member, role, DateTimeOffset.UtcNow));
        await db.SaveChangesAsync();
        return (new CurrentWorkspace(w.Id, w.Key, w.Name), member);
    }

    /// <summary>The moments and secrets of a row differ between two runs; who, what and which values must not.</summary>
    private static IReadOnlyList<string> WithoutTimes(IReadOnlyList<string> entries) =>
        entries.Select(e => Regex.Replace(Regex.Replace(e, "\"\\d{4}-\\d\\d-\\d\\dT[^\"]*\"", "…"), "\"prefix\":\"[^\"]*\"", "\"prefix\":…")).ToList();

    [Fact]
    public async Task Inviting_changing_the_role_of_and_removing_a_member_on_the_tab_leaves_what_the_api_leaves()
    {
        var invitee = await AccountAsync("same");
        IReadOnlyList<string> onPage, throughApi;
        using (var trace = new ChangeTrace(factory))
        {
            var tab = Render();
            tab.Find("#invite-email").Input(invitee.Email!);
            tab.Find("#invite-role").Change("viewer");
            await tab.Find("form[aria-label='Invite a member']").SubmitAsync();
            tab.WaitForElement($"[data-member='{invitee.Email}']");
            tab.Find($"select[aria-label='Role of {invitee.Email}']").Change("editor");
            tab.WaitForAssertion(() => Assert.Contains(_host.Messages, m => m.Contains("is now editor")));
            await tab.Find($"button[aria-label='Remove {invitee.Email}']").ClickAsync();
            tab.WaitForAssertion(() => Assert.Empty(tab.FindAll($"[data-member='{invitee.Email}']")));
            onPage = WithoutTimes(await trace.AuditAsync());
        }
        using (var trace = new ChangeTrace(factory))
        {
            var api = factory.ClientAs(WorkspaceRole.Owner);
            const string url = "/api/workspaces/demo/members";
            Assert.Equal(HttpStatusCode.Created, (await api.PostAsJsonAsync(url, new { email = invitee.Email, role = "viewer" })).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await api.PutAsJsonAsync($"{url}/{invitee.Id}", new { role = "editor" })).StatusCode);
            Assert.Equal(HttpStatusCode.NoContent, (await api.DeleteAsync($"{url}/{invitee.Id}")).StatusCode);
            throughApi = WithoutTimes(await trace.AuditAsync());
        }
        Assert.Equal(3, onPage.Count);
        Assert.Equal(throughApi, onPage);
        Assert.All(onPage, a => Assert.StartsWith($"User {UiFactory.OwnerEmail} ", a));
        Assert.Contains(invitee.Id, onPage[0]);
    }

    [Fact]
    public async Task Creating_and_revoking_a_token_on_the_tab_leaves_what_the_api_leaves()
    {
        var name = $"Same {Guid.NewGuid():N}"[..16];
        IReadOnlyList<string> onPage, throughApi;
        using (var trace = new ChangeTrace(factory))
        {
            var tab = Render();
            tab.Find("#token-name").Input(name);
            tab.Find("#token-role").Change("editor");
            await tab.Find("form[aria-label='New API token']").SubmitAsync();
            tab.WaitForElement("[data-testid=new-token]");
            await tab.Find($"button[aria-label='Revoke {name}']").ClickAsync();
            tab.WaitForAssertion(() => Assert.Contains("revoked", tab.Find($"[data-token='{name}']").TextContent));
            onPage = WithoutTimes(await trace.AuditAsync());
        }
        using (var trace = new ChangeTrace(factory))
        {
            var api = factory.ClientAs(WorkspaceRole.Owner);
            const string url = "/api/workspaces/demo/tokens";
            var created = await api.PostAsJsonAsync(url, new { name, role = "editor" });
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
            var id = System.Text.Json.Nodes.JsonNode.Parse(await created.Content.ReadAsStringAsync())!["details"]!["id"]!.GetValue<Guid>();
            Assert.Equal(HttpStatusCode.NoContent, (await api.DeleteAsync($"{url}/{id}")).StatusCode);
            throughApi = WithoutTimes(await trace.AuditAsync());
        }
        Assert.Equal(2, onPage.Count);
        Assert.Equal(throughApi, onPage);
        Assert.Contains($"\"createdBy\":\"{UiFactory.OwnerEmail}\"", onPage[0]);
    }

    [Fact]
    public async Task Removing_the_last_owner_is_refused_on_the_tab_with_the_sentence_the_api_answers()
    {
        // A workspace of its own whose one owner is the signed-in owner, who reaches it by API and by page alike.
        var (workspace, owner) = await WorkspaceOfItsOwnAsync(WorkspaceRole.Owner);

        var answer = await factory.ClientAs(WorkspaceRole.Owner).DeleteAsync($"/api/workspaces/{workspace.Key}/members/{owner}");
        Assert.Equal(HttpStatusCode.Conflict, answer.StatusCode);
        var detail = (await answer.Content.ReadFromJsonAsync<Microsoft.AspNetCore.Mvc.ProblemDetails>())!.Detail!;

        var tab = Render(workspace);
        tab.WaitForElement($"[data-member='{UiFactory.OwnerEmail}']");
        await tab.Find($"button[aria-label='Remove {UiFactory.OwnerEmail}']").ClickAsync();
        tab.WaitForAssertion(() => Assert.Equal(detail, tab.Find("[data-testid=member-refusal]").TextContent));
        Assert.Contains("last owner", detail);
        await using (var db = factory.OpenDb())
            Assert.True(await db.Memberships.AnyAsync(m => m.WorkspaceId == workspace.Id && m.UserId == owner));
    }

    [Fact]
    public async Task An_owner_demoted_while_the_tab_is_open_is_refused_with_the_sentence_the_api_answers()
    {
        var invitee = await AccountAsync("late");
        var (workspace, _) = await WorkspaceOfItsOwnAsync(WorkspaceRole.Editor);
        var answer = await factory.ClientAs(WorkspaceRole.Owner).PostAsJsonAsync($"/api/workspaces/{workspace.Key}/members", new { email = invitee.Email, role = "viewer" });
        Assert.Equal(HttpStatusCode.Forbidden, answer.StatusCode);
        var detail = (await answer.Content.ReadFromJsonAsync<Microsoft.AspNetCore.Mvc.ProblemDetails>())!.Detail!;

        // The tab still believes its person is an owner; the use case asks the role as it is now.
        var tab = Render(workspace);
        tab.Find("#invite-email").Input(invitee.Email!);
        await tab.Find("form[aria-label='Invite a member']").SubmitAsync();

        tab.WaitForAssertion(() => Assert.Equal(detail, tab.Find("[data-testid=member-refusal]").TextContent));
        Assert.Equal(Refusals.RoleTooSmall(WorkspaceRole.Owner, workspace.Key), detail);
        await using (var db = factory.OpenDb())
            Assert.False(await db.Memberships.AnyAsync(m => m.WorkspaceId == workspace.Id && m.UserId == invitee.Id));
    }
}
