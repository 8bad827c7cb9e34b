using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Waymark.Storage.Access;
using Waymark.Web.Tests.Support;

namespace Waymark.Web.Tests.Access;

public sealed partial class SignInTests(WaymarkApiFactory factory) : ApiTest(factory)
{
    /// <summary>A browser-like client: keeps cookies, does not follow redirects, starts signed out.</summary>
    private HttpClient Browser()
    {
        var client = Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        client.DefaultRequestHeaders.Remove("Cookie");
        return client;
    }

    /// <summary>What the UI's sign-in page renders: the antiforgery cookie and the matching form field.</summary>
    private async Task<string> AntiforgeryToken(HttpClient browser)
    {
        var page = await browser.GetStringAsync("/test/antiforgery");
        return page;
    }

    private static FormUrlEncodedContent Form(params (string Key, string Value)[] fields) =>
        new(fields.Select(f => new KeyValuePair<string, string>(f.Key, f.Value)));

    private async Task<HttpResponseMessage> SignIn(HttpClient browser, string email, string password, string returnUrl = "/")
    {
        var token = await AntiforgeryToken(browser);
        return await browser.PostAsync("/account/login", Form(("email", email), ("password", password), ("returnUrl", returnUrl), ("__RequestVerificationToken", token)));
    }

    [Fact]
    public async Task Without_credentials_the_api_answers_401_with_a_problem()
    {
        var problem = await Problem(await Factory.AnonymousClient().GetAsync($"{Api}/channels"), 401);
        Assert.Contains("Bearer", problem.GetProperty("detail").GetString());
        await Problem(await Factory.AnonymousClient().GetAsync("/api/workspaces"), 401);
    }

    [Fact]
    public async Task Anonymous_callers_cannot_tell_unknown_workspaces_from_real_ones()
    {
        var anonymous = Factory.AnonymousClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/workspaces/no-such-place/channels")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync($"{Api}/channels")).StatusCode);
    }

    [Fact]
    public async Task A_person_of_another_workspace_gets_the_same_404_as_for_a_workspace_that_does_not_exist()
    {
        var stranger = Factory.ClientAs("stranger@waymark.test");
        var foreign = await Problem(await stranger.GetAsync($"{Api}/channels"), 404);
        var unknown = await Problem(await stranger.GetAsync("/api/workspaces/no-such-place/channels"), 404);
        Assert.Equal(unknown.GetProperty("detail").GetString()!.Replace("no-such-place", Workspace), foreign.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Signing_in_with_the_form_sets_a_cookie_that_opens_the_api_and_signing_out_ends_it()
    {
        await Factory.GrantAsync(Workspace, "reader@waymark.test", WorkspaceRole.Viewer);
        var browser = Browser();
        var signIn = await SignIn(browser, "reader@waymark.test", WaymarkApiFactory.Password, "/journeys");
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.Equal("/journeys", signIn.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync($"{Api}/channels")).StatusCode);
        var list = await browser.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/workspaces");
        Assert.Equal([Workspace], list.GetProperty("items").EnumerateArray().Select(w => w.GetProperty("key").GetString()));

        var token = await AntiforgeryToken(browser);
        var signOut = await browser.PostAsync("/account/logout", Form(("__RequestVerificationToken", token)));
        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.GetAsync($"{Api}/channels")).StatusCode);
    }

    [Fact]
    public async Task A_wrong_password_goes_back_to_the_sign_in_page_with_an_error_and_never_to_another_site()
    {
        await Factory.UserAsync("typo@waymark.test");
        var browser = Browser();
        var response = await SignIn(browser, "typo@waymark.test", "not the password", "//evil.example/");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!.OriginalString;
        Assert.StartsWith("/account/login?error=invalid", location);
        Assert.DoesNotContain("evil", location);
        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.GetAsync("/api/workspaces")).StatusCode);
    }

    [Fact]
    public async Task The_sign_in_form_needs_the_antiforgery_token()
    {
        await Factory.UserAsync("forged@waymark.test");
        var browser = Browser();
        var response = await browser.PostAsync("/account/login", Form(("email", "forged@waymark.test"), ("password", WaymarkApiFactory.Password)));
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{(int)response.StatusCode} {response.Headers.Location} {await response.Content.ReadAsStringAsync()}");
        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.GetAsync("/api/workspaces")).StatusCode);
    }

    [Fact]
    public async Task Repeated_wrong_passwords_lock_the_account_so_even_the_right_one_is_refused()
    {
        await Factory.UserAsync("guesser@waymark.test");
        var browser = Browser();
        for (var i = 0; i < 4; i++)
            Assert.Contains("error=invalid", (await SignIn(browser, "guesser@waymark.test", "wrong " + i)).Headers.Location!.OriginalString);
        Assert.Contains("error=locked", (await SignIn(browser, "guesser@waymark.test", "wrong again")).Headers.Location!.OriginalString);
        var locked = await SignIn(browser, "guesser@waymark.test", WaymarkApiFactory.Password);
        Assert.Contains("error=locked", locked.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.GetAsync("/api/workspaces")).StatusCode);
    }

    [Fact]
    public async Task A_person_changes_their_password_and_the_rules_refuse_a_short_one()
    {
        await Factory.UserAsync("changer@waymark.test");
        var me = Factory.ClientAs("changer@waymark.test");
        var tooShort = await Problem(await me.PostAsJsonAsync("/api/account/password", new { currentPassword = WaymarkApiFactory.Password, newPassword = "short" }), 400);
        Assert.Equal(["newPassword"], ErrorFields(tooShort));
        var wrong = await Problem(await me.PostAsJsonAsync("/api/account/password", new { currentPassword = "nope", newPassword = "a much longer passphrase" }), 400);
        Assert.Equal(["currentPassword"], ErrorFields(wrong));
        Assert.Equal(HttpStatusCode.NoContent, (await me.PostAsJsonAsync("/api/account/password",
            new { currentPassword = WaymarkApiFactory.Password, newPassword = "a much longer passphrase" })).StatusCode);

        var browser = Browser();
        Assert.Contains("error=invalid", (await SignIn(browser, "changer@waymark.test", WaymarkApiFactory.Password)).Headers.Location!.OriginalString);
        Assert.Equal("/", (await SignIn(browser, "changer@waymark.test", "a much longer passphrase")).Headers.Location!.OriginalString);
    }
}
