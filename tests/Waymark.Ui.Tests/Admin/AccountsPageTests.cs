using System.Security.Claims;
using Bunit;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Waymark.Storage.Access;
using Waymark.Ui.Tests.Support;
using Waymark.Web.Access;
using Waymark.Web.Components.Pages.Admin;
using Waymark.Web.Components.Services;

namespace Waymark.Ui.Tests.Admin;

/// <summary>The Accounts page clicked through by an administrator (and opened by someone who is not one), on the demo database.</summary>
[Collection(UiCollection.Name)]
public sealed class AccountsPageTests : IDisposable
{
    private readonly UiFactory _factory;
    private readonly ComponentHost _host;
    private readonly WaymarkUser _admin;

    public AccountsPageTests(UiFactory factory)
    {
        _factory = factory;
        _host = new ComponentHost(factory);
        _admin = CreateAsync($"admin-{Guid.NewGuid():N}@waymark.test", administrator: true).GetAwaiter().GetResult().User;
    }

    public void Dispose() => _host.Dispose();

    private async Task<(WaymarkUser User, string Password)> CreateAsync(string email, bool administrator = false)
    {
        using var scope = _factory.Services.CreateScope();
        return await Accounts.CreateAsync(scope.ServiceProvider.GetRequiredService<UserManager<WaymarkUser>>(), email, administrator);
    }

    private IRenderedComponent<AccountsAdmin> Render(WaymarkUser asWho, string? search = null)
    {
        var principal = new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim(ClaimTypes.NameIdentifier, asWho.Id), new Claim(ClaimTypes.Email, asWho.Email!), new Claim(ClaimTypes.Name, asWho.Email!)], "test"));
        var auth = new SignedIn(principal);
        var scopes = _factory.Services.GetRequiredService<IServiceScopeFactory>();
        _host.Context.Services.AddSingleton<AuthenticationStateProvider>(auth);
        _host.Context.Services.AddSingleton(new UiData(scopes, auth, TimeProvider.System));
        _host.Context.Services.AddSingleton(new UiAccess(auth, scopes));
        var page = _host.Context.Render<AccountsAdmin>();
        page.WaitForElement("[data-testid=accounts], [role=alert]");
        if (search is not null)
        {
            page.Find("#account-search").Input(search);
            page.WaitForAssertion(() => Assert.Single(page.FindAll("[data-account]")));
        }
        return page;
    }

    [Fact]
    public async Task An_administrator_creates_an_account_and_hands_on_its_one_time_password()
    {
        var page = Render(_admin);
        var email = $"created-{Guid.NewGuid():N}@waymark.test";
        page.Find("#new-email").Input(email);
        page.Find("#new-name").Change("Carla Created");
        await page.Find("form[aria-label='New account']").SubmitAsync();

        page.WaitForElement("[data-testid=one-time-password]");
        var password = page.Find("#one-time-password").GetAttribute("value")!;
        Assert.Matches("^[A-Za-z0-9]{5}(-[A-Za-z0-9]{5}){3}$", password);
        using var scope = _factory.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<WaymarkUser>>();
        var created = await users.FindByEmailAsync(email);
        Assert.NotNull(created);
        Assert.Equal("Carla Created", created.DisplayName);
        Assert.True(created.MustChangePassword);
        Assert.True(await users.CheckPasswordAsync(created, password));

        page.Find("#account-search").Input(email[..16]);
        page.WaitForAssertion(() => Assert.Contains("one-time password", page.Find($"[data-account='{email}']").TextContent));
    }

    [Fact]
    public async Task A_locked_out_account_is_unlocked_and_given_a_new_one_time_password()
    {
        var (locked, oldPassword) = await CreateAsync($"locked-{Guid.NewGuid():N}@waymark.test");
        using (var scope = _factory.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<WaymarkUser>>();
            var user = await users.FindByIdAsync(locked.Id);
            for (var i = 0; i < 5; i++) await users.AccessFailedAsync(user!);
        }
        var page = Render(_admin, search: locked.Email);
        Assert.Contains("locked until", page.Find("[data-account]").TextContent);

        page.Find($"button[aria-label='Unlock {locked.Email}']").Click();
        page.WaitForAssertion(() => Assert.DoesNotContain("locked until", page.Find("[data-account]").TextContent));
        Assert.Contains("can sign in again", page.Find("[data-testid=account-done]").TextContent);

        page.Find($"button[aria-label='New one-time password for {locked.Email}']").Click();
        page.WaitForElement("[data-testid=one-time-password]");
        var fresh = page.Find("#one-time-password").GetAttribute("value")!;
        using (var scope = _factory.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<WaymarkUser>>();
            var user = await users.FindByIdAsync(locked.Id);
            Assert.False(await users.IsLockedOutAsync(user!));
            Assert.True(await users.CheckPasswordAsync(user!, fresh));
            Assert.False(await users.CheckPasswordAsync(user!, oldPassword));
        }
    }

    [Fact]
    public async Task Administrator_rights_and_deleting_ask_nothing_of_oneself_and_a_deletion_is_confirmed_first()
    {
        var page = Render(_admin, search: _admin.Email);
        Assert.Contains("you", page.Find("[data-account]").TextContent);
        Assert.Empty(page.FindAll($"button[aria-label='Delete {_admin.Email}']"));

        var (other, _) = await CreateAsync($"other-{Guid.NewGuid():N}@waymark.test");
        page.Find("#account-search").Input(other.Email!);
        page.WaitForAssertion(() => Assert.Equal(other.Email, page.Find("[data-account]").GetAttribute("data-account")));
        page.Find($"button[aria-label='Make {other.Email} administrator']").Click();
        page.WaitForAssertion(() => Assert.Contains("administrator", page.Find("[data-account]").TextContent));
        await using (var db = _factory.OpenDb()) Assert.True((await db.Users.SingleAsync(u => u.Id == other.Id)).IsAdministrator);

        page.Find($"button[aria-label='Delete {other.Email}']").Click();
        await using (var db = _factory.OpenDb()) Assert.True(await db.Users.AnyAsync(u => u.Id == other.Id)); // not yet: asks first
        page.Find("button:contains('Keep')");
        page.FindAll("button").Single(b => b.TextContent == $"Delete {other.Email}").Click();
        page.WaitForAssertion(() => Assert.Empty(page.FindAll("[data-account]")));
        await using (var db = _factory.OpenDb()) Assert.False(await db.Users.AnyAsync(u => u.Id == other.Id));
    }

    [Fact]
    public async Task Someone_who_is_not_an_administrator_sees_no_accounts_and_no_controls()
    {
        var (plain, _) = await CreateAsync($"plain-{Guid.NewGuid():N}@waymark.test");
        var page = Render(plain);
        Assert.Contains("Only a Waymark administrator manages accounts.", page.Find("[role=alert]").TextContent);
        Assert.Empty(page.FindAll("[data-account]"));
        Assert.Empty(page.FindAll("form"));
    }

    private sealed class SignedIn(ClaimsPrincipal user) : AuthenticationStateProvider
    {
        public override Task<AuthenticationState> GetAuthenticationStateAsync() => Task.FromResult(new AuthenticationState(user));
    }
}
