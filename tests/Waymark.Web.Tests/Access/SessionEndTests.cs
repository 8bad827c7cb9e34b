using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Waymark.Web.Tests.Support;

namespace Waymark.Web.Tests.Access;

/// <summary>The sign-in cookie is checked against the account on every request.</summary>
public sealed class SessionCheckFactory : WaymarkApiFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Waymark:SessionCheckSeconds", "0");
    }
}

public sealed class SessionEndTests(SessionCheckFactory factory) : IClassFixture<SessionCheckFactory>
{
    private async Task<HttpClient> SignedInAsync(string email)
    {
        await factory.UserAsync(email);
        var browser = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        browser.DefaultRequestHeaders.Remove("Cookie");
        var token = await browser.GetStringAsync("/test/antiforgery");
        var signIn = await browser.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["email"] = email, ["password"] = WaymarkApiFactory.Password, ["returnUrl"] = "/", ["__RequestVerificationToken"] = token,
        }));
        Assert.Equal("/", signIn.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/api/account")).StatusCode);
        return browser;
    }

    private async Task<HttpClient> AdministratorAsync()
    {
        var email = $"admin-{Guid.NewGuid():N}@waymark.test";
        await factory.UserAsync(email, administrator: true);
        return factory.ClientAs(email);
    }

    [Fact]
    public async Task A_password_reset_by_an_administrator_ends_the_persons_open_sessions()
    {
        var email = $"reset-{Guid.NewGuid():N}@waymark.test";
        var session = await SignedInAsync(email);
        var id = (await factory.UserAsync(email)).Id;
        Assert.Equal(HttpStatusCode.OK, (await (await AdministratorAsync()).PostAsync($"/api/admin/users/{id}/password-reset", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await session.GetAsync("/api/account")).StatusCode);
    }

    [Fact]
    public async Task A_deleted_account_is_signed_out_everywhere_while_others_go_on()
    {
        var email = $"gone-{Guid.NewGuid():N}@waymark.test";
        var session = await SignedInAsync(email);
        var bystander = await SignedInAsync($"stays-{Guid.NewGuid():N}@waymark.test");
        var id = (await factory.UserAsync(email)).Id;
        Assert.Equal(HttpStatusCode.NoContent, (await (await AdministratorAsync()).DeleteAsync($"/api/admin/users/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await session.GetAsync("/api/workspaces")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await bystander.GetAsync("/api/workspaces")).StatusCode);
    }

    [Fact]
    public async Task Changing_ones_own_password_keeps_this_session_and_ends_the_others()
    {
        var email = $"mover-{Guid.NewGuid():N}@waymark.test";
        var here = await SignedInAsync(email);
        var elsewhere = await SignedInAsync(email);
        Assert.Equal(HttpStatusCode.NoContent, (await here.PostAsJsonAsync("/api/account/password",
            new { currentPassword = WaymarkApiFactory.Password, newPassword = "a fresh long passphrase" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await here.GetAsync("/api/account")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await elsewhere.GetAsync("/api/account")).StatusCode);
    }
}
