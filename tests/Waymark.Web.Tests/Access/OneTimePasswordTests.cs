using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Waymark.Storage.Access;
using Waymark.Web.Access;
using Waymark.Web.Tests.Support;

namespace Waymark.Web.Tests.Access;

/// <summary>An account on its one-time password (first administrator, `waymark user add`) must choose its own first.</summary>
public sealed class OneTimePasswordTests(WaymarkApiFactory factory) : ApiTest(factory)
{
    private const string NewPassword = "lantern harbour copper sky";

    private async Task<(string Email, string OneTime)> OneTimeAccountAsync(string name)
    {
        var email = $"{name}-{Guid.NewGuid():N}@waymark.test";
        await using var scope = Factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<WaymarkUser>>();
        var (user, password) = await Accounts.CreateAsync(users, email, administrator: false);
        Assert.True(user.MustChangePassword);
        await Factory.GrantAsync(Workspace, email, WorkspaceRole.Editor);
        return (email, password);
    }

    private HttpClient Browser()
    {
        var client = Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        client.DefaultRequestHeaders.Remove("Cookie");
        return client;
    }

    private static FormUrlEncodedContent Form(params (string Key, string Value)[] fields) =>
        new(fields.Select(f => new KeyValuePair<string, string>(f.Key, f.Value)));

    private static async Task<HttpResponseMessage> Post(HttpClient browser, string path, params (string Key, string Value)[] fields)
    {
        var token = await browser.GetStringAsync("/test/antiforgery");
        return await browser.PostAsync(path, Form([.. fields, ("__RequestVerificationToken", token)]));
    }

    private static async Task<HttpClient> SignedIn(HttpClient browser, string email, string password)
    {
        var signIn = await Post(browser, "/account/login", ("email", email), ("password", password), ("returnUrl", "/"));
        Assert.Equal("/", signIn.Headers.Location!.OriginalString);
        return browser;
    }

    [Fact]
    public async Task Until_the_one_time_password_is_replaced_pages_lead_to_the_form_and_the_api_says_what_to_do()
    {
        var (email, oneTime) = await OneTimeAccountAsync("newcomer");
        var browser = await SignedIn(Browser(), email, oneTime);

        var page = await browser.GetAsync($"/w/{Workspace}/touchpoints?phase=buy");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Equal($"/account/password?returnUrl={Uri.EscapeDataString($"/w/{Workspace}/touchpoints?phase=buy")}", page.Headers.Location!.OriginalString);

        var refused = await Problem(await browser.GetAsync($"{Api}/touchpoints"), 403);
        Assert.Equal("Choose your own password first", refused.GetProperty("title").GetString());
        Assert.Contains("/api/account/password", refused.GetProperty("detail").GetString());
        await Problem(await browser.PostAsJsonAsync($"{Api}/channels", new { name = "Fax" }), 403);

        var me = await browser.GetFromJsonAsync<JsonElement>("/api/account");
        Assert.True(me.GetProperty("mustChangePassword").GetBoolean());
        var form = await browser.GetStringAsync("/account/password?returnUrl=%2F");
        Assert.Contains("Choose your password", form);
        Assert.Contains("One-time password", form);
        Assert.Contains("At least 12 characters", form);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/waymark.css")).StatusCode);
    }

    [Fact]
    public async Task The_api_and_the_password_page_refuse_in_the_same_sentence()
    {
        var (email, oneTime) = await OneTimeAccountAsync("samewords");
        var browser = await SignedIn(Browser(), email, oneTime);
        foreach (var (current, next, code) in new[] { ("not the password", NewPassword, "current"), (oneTime, "short", "policy"), (oneTime, oneTime, "same") })
        {
            var detail = (await Problem(await browser.PostAsJsonAsync("/api/account/password", new { currentPassword = current, newPassword = next }), 400))
                .GetProperty("detail").GetString()!;
            Assert.Contains(detail, await browser.GetStringAsync($"/account/password?error={code}&returnUrl=%2F"));
        }
    }

    [Fact]
    public async Task The_form_refuses_in_words_then_changes_the_password_and_lets_the_person_in()
    {
        var (email, oneTime) = await OneTimeAccountAsync("chooser");
        var browser = await SignedIn(Browser(), email, oneTime);
        var back = $"/w/{Workspace}/dashboard";

        async Task<string> Change(string current, string next, string confirm) =>
            (await Post(browser, PasswordChange.PagePath, ("currentPassword", current), ("newPassword", next), ("confirmPassword", confirm),
                ("returnUrl", back))).Headers.Location!.OriginalString;

        Assert.Equal($"/account/password?error=mismatch&returnUrl={Uri.EscapeDataString(back)}", await Change(oneTime, NewPassword, NewPassword + "!"));
        Assert.Contains("error=current", await Change("not the password", NewPassword, NewPassword));
        Assert.Contains("error=same", await Change(oneTime, oneTime, oneTime));
        Assert.Contains("error=policy", await Change(oneTime, "short", "short"));
        Assert.Contains("The two new passwords differ", await browser.GetStringAsync($"/account/password?error=mismatch&returnUrl=%2F"));
        Assert.Contains("too weak", await browser.GetStringAsync($"/account/password?error=policy&returnUrl=%2F"));
        Assert.Equal(HttpStatusCode.Forbidden, (await browser.GetAsync($"{Api}/touchpoints")).StatusCode);

        Assert.Equal(back, await Change(oneTime, NewPassword, NewPassword));
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync($"{Api}/touchpoints")).StatusCode);
        Assert.False((await browser.GetFromJsonAsync<JsonElement>("/api/account")).GetProperty("mustChangePassword").GetBoolean());
        Assert.Contains("Change your password", await browser.GetStringAsync("/account/password"));

        // The one-time password is gone; the new one signs in straight to where the person was going.
        var again = Browser();
        var old = await Post(again, "/account/login", ("email", email), ("password", oneTime), ("returnUrl", "/"));
        Assert.Contains("error=invalid", old.Headers.Location!.OriginalString);
        await SignedIn(again, email, NewPassword);
        Assert.Equal(HttpStatusCode.OK, (await again.GetAsync($"/w/{Workspace}/dashboard")).StatusCode);
    }

    [Fact]
    public async Task Changing_it_through_the_api_lifts_the_gate_too_and_tokens_are_never_held_back()
    {
        var (email, oneTime) = await OneTimeAccountAsync("scripted");
        var browser = await SignedIn(Browser(), email, oneTime);
        var same = await Problem(await browser.PostAsJsonAsync("/api/account/password", new { currentPassword = oneTime, newPassword = oneTime }), 400);
        Assert.Equal(["newPassword"], ErrorFields(same));
        Assert.Equal(HttpStatusCode.NoContent,
            (await browser.PostAsJsonAsync("/api/account/password", new { currentPassword = oneTime, newPassword = NewPassword })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync($"{Api}/touchpoints")).StatusCode);

        var token = await Factory.TokenAsync(Workspace, WorkspaceRole.Viewer);
        Assert.Equal(HttpStatusCode.OK, (await Factory.TokenClient(token).GetAsync($"{Api}/touchpoints")).StatusCode);
    }

    [Fact]
    public async Task The_password_form_is_only_for_people_who_are_signed_in()
    {
        var anonymous = Browser();
        var page = await anonymous.GetAsync("/account/password");
        Assert.True(page.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.OK);
        if (page.StatusCode == HttpStatusCode.OK) Assert.DoesNotContain("New password again", await page.Content.ReadAsStringAsync());
        var post = await Post(anonymous, PasswordChange.PagePath, ("currentPassword", "x"), ("newPassword", NewPassword), ("confirmPassword", NewPassword));
        Assert.Equal(HttpStatusCode.Redirect, post.StatusCode);
        Assert.StartsWith("/account/login", new Uri(new Uri("http://localhost"), post.Headers.Location!).PathAndQuery);
    }

    [Fact]
    public async Task Someone_who_signs_in_with_company_sign_in_is_told_there_is_no_waymark_password_to_change()
    {
        var email = $"sso-{Guid.NewGuid():N}@waymark.test";
        await using (var scope = Factory.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<WaymarkUser>>();
            Assert.True((await users.CreateAsync(new WaymarkUser(email) { EmailConfirmed = true })).Succeeded);
        }
        var page = await Factory.ClientAs(email).GetStringAsync("/account/password");
        Assert.Contains("No Waymark password", page);
        Assert.DoesNotContain("New password again", page);
        Assert.Contains("Change your password", await Factory.ClientAs($"local-{Guid.NewGuid():N}@waymark.test").GetStringAsync("/account/password"));
    }
}
