using System.Net;
using System.Net.Http.Json;
using System.Security.Claims;
using Bunit;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Waymark.Domain.Workspaces;
using Waymark.Storage.Access;
using Waymark.Ui.Tests.Support;
using Waymark.Web.Access;
using Waymark.Web.Components.Pages.Admin;
using Waymark.Web.Components.Services;

namespace Waymark.Ui.Tests.Sameness;

/// <summary>The Accounts page and /api/admin/users run the same use cases: they refuse the same changes with the same sentence.</summary>
[Collection(UiCollection.Name)]
public sealed class AccountSamenessTests(UiFactory factory) : IDisposable
{
    private readonly ComponentHost _host = new(factory);

    public void Dispose() => _host.Dispose();

    private async Task<WaymarkUser> AccountAsync(string name, bool administrator = false)
    {
        using var scope = factory.Services.CreateScope();
        return (await Accounts.CreateAsync(scope.ServiceProvider.GetRequiredService<UserManager<WaymarkUser>>(), $"{name}-{Guid.NewGuid():N}@waymark.test", administrator)).User;
    }

    private IRenderedComponent<AccountsAdmin> Render(WaymarkUser asWho, string search)
    {
        var auth = new SignedIn(new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim(ClaimTypes.NameIdentifier, asWho.Id), new Claim(ClaimTypes.Email, asWho.Email!), new Claim(ClaimTypes.Name, asWho.Email!)], "test")));
        var scopes = factory.Services.GetRequiredService<IServiceScopeFactory>();
        _host.Context.Services.AddSingleton<AuthenticationStateProvider>(auth);
        _host.Context.Services.AddSingleton(new UiData(scopes, auth, TimeProvider.System));
        _host.Context.Services.AddSingleton(new UiAccess(auth, scopes));
        var page = _host.Context.Render<AccountsAdmin>();
        page.WaitForElement("[data-testid=accounts]");
        page.Find("#account-search").Input(search);
        page.WaitForAssertion(() => Assert.Single(page.FindAll("[data-account]")));
        return page;
    }

    private static async Task SetAdministratorAsync(UiFactory factory, string email, bool administrator)
    {
        await using var db = factory.OpenDb();
        var user = await db.Users.SingleAsync(u => u.Email == email);
        user.IsAdministrator = administrator;
        await db.SaveChangesAsync();
    }

    private static void Delete(IRenderedComponent<AccountsAdmin> page, string email)
    {
        page.Find($"button[aria-label='Delete {email}']").Click();
        page.FindAll("button").Single(b => b.TextContent == $"Delete {email}").Click();
    }

    [Fact]
    public async Task Deleting_the_last_owner_of_a_workspace_is_refused_on_the_page_with_the_sentence_the_api_answers()
    {
        var admin = await AccountAsync("admin", administrator: true);
        var owner = await AccountAsync("lastowner");
        await using (var db = factory.OpenDb())
        {
            var w = new Workspace($"alone{Guid.NewGuid():N}"[..20], "Alone");
            db.Workspaces.Add(w);
            await db.SaveChangesAsync();
            db.Memberships.Add(new WorkspaceMembership(w.Id, owner.Id, WorkspaceRole.Owner, DateTimeOffset.UtcNow));
            await db.SaveChangesAsync();
        }
        string detail;
        // The API's administrator for this one call: the owner of the demo workspace, signed in by cookie.
        await SetAdministratorAsync(factory, UiFactory.OwnerEmail, true);
        try
        {
            var answer = await factory.ClientAs(WorkspaceRole.Owner).DeleteAsync($"/api/admin/users/{owner.Id}");
            Assert.Equal(HttpStatusCode.Conflict, answer.StatusCode);
            detail = (await answer.Content.ReadFromJsonAsync<Microsoft.AspNetCore.Mvc.ProblemDetails>())!.Detail!;
        }
        finally
        {
            await SetAdministratorAsync(factory, UiFactory.OwnerEmail, false);
        }

        var page = Render(admin, owner.Email!);
        Delete(page, owner.Email!);
        page.WaitForAssertion(() => Assert.Equal(detail, page.Find("[data-testid=account-refusal]").TextContent));
        Assert.Contains("last owner of 'Alone'", detail);
        await using (var db = factory.OpenDb()) Assert.True(await db.Users.AnyAsync(u => u.Id == owner.Id));
    }

    [Fact]
    public async Task An_administrator_whose_right_is_taken_while_the_page_is_open_changes_nothing_and_is_told_what_the_api_says()
    {
        var admin = await AccountAsync("fading", administrator: true);
        var other = await AccountAsync("kept");
        var page = Render(admin, other.Email!);

        var answer = await factory.ClientAs(WorkspaceRole.Owner).DeleteAsync($"/api/admin/users/{other.Id}");
        Assert.Equal(HttpStatusCode.Forbidden, answer.StatusCode);
        var detail = (await answer.Content.ReadFromJsonAsync<Microsoft.AspNetCore.Mvc.ProblemDetails>())!.Detail!;

        await SetAdministratorAsync(factory, admin.Email!, false);
        Delete(page, other.Email!);
        page.WaitForAssertion(() => Assert.Equal(detail, page.Find("[role=alert]").TextContent));
        Assert.Empty(page.FindAll("[data-account]"));
        await using (var db = factory.OpenDb()) Assert.True(await db.Users.AnyAsync(u => u.Id == other.Id));
    }

    private sealed class SignedIn(ClaimsPrincipal user) : AuthenticationStateProvider
    {
        public override Task<AuthenticationState> GetAuthenticationStateAsync() => Task.FromResult(new AuthenticationState(user));
    }
}
