using System.Net;
using System.Net.Http.Json;
using System.Text;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Waymark.Storage.Access;
using Waymark.Web.Tests.Support;

namespace Waymark.Web.Tests.Access;

/// <summary>The same app with low limits, so the tests reach them quickly.</summary>
public sealed class StrictFactory : WaymarkApiFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Waymark:RateLimits:SignInPerWindow", "3");
        builder.UseSetting("Waymark:RateLimits:TokenWritesPerWindow", "3");
        builder.UseSetting("Waymark:RateLimits:EventBatchesPerWindow", "5");
        builder.UseSetting("Waymark:RateLimits:WindowSeconds", "600");
        builder.UseSetting("Waymark:Limits:RequestBodyBytes", "4096");
        builder.UseSetting("Waymark:Limits:ImportBodyBytes", "65536");
    }
}

public sealed class SafeDefaultsTests(StrictFactory factory) : IClassFixture<StrictFactory>
{
    private static FormUrlEncodedContent SignInForm(string token) => new(new Dictionary<string, string>
    {
        ["email"] = "nobody@waymark.test", ["password"] = "whatever it is", ["__RequestVerificationToken"] = token,
    });

    private async Task<string> NewWorkspace()
    {
        var key = "ws-" + Guid.NewGuid().ToString("N")[..10];
        (await factory.CreateClient().PostAsJsonAsync("/api/workspaces", new { key, name = "Limits" })).EnsureSuccessStatusCode();
        return key;
    }

    [Fact]
    public async Task Sign_in_attempts_over_the_limit_answer_429_with_retry_after()
    {
        var browser = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        browser.DefaultRequestHeaders.Remove("Cookie");
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            var token = await browser.GetStringAsync("/test/antiforgery");
            statuses.Add((await browser.PostAsync("/account/login", SignInForm(token))).StatusCode);
        }
        Assert.Equal([HttpStatusCode.Redirect, HttpStatusCode.Redirect, HttpStatusCode.Redirect], statuses.Take(3));
        var token5 = await browser.GetStringAsync("/test/antiforgery");
        var refused = await browser.PostAsync("/account/login", SignInForm(token5));
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.True(refused.Headers.RetryAfter?.Delta > TimeSpan.Zero, "Retry-After is missing");
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_token_writing_too_often_gets_429_with_retry_after_while_its_reads_and_people_go_on()
    {
        var ws = await NewWorkspace();
        var machine = factory.TokenClient(await factory.TokenAsync(ws, WorkspaceRole.Editor));
        for (var i = 0; i < 3; i++)
            Assert.Equal(HttpStatusCode.Created, (await machine.PostAsJsonAsync($"/api/workspaces/{ws}/channels", new { name = $"Channel {i}", kind = "digital", reach = "direct" })).StatusCode);
        var refused = await machine.PostAsJsonAsync($"/api/workspaces/{ws}/channels", new { name = "One too many", kind = "digital", reach = "direct" });
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.NotNull(refused.Headers.RetryAfter);
        Assert.Equal(HttpStatusCode.OK, (await machine.GetAsync($"/api/workspaces/{ws}/channels")).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await factory.CreateClient().PostAsJsonAsync($"/api/workspaces/{ws}/channels", new { name = "By a person", kind = "digital", reach = "direct" })).StatusCode);
    }

    [Fact]
    public async Task Event_batches_count_apart_from_other_writes_with_their_own_limit()
    {
        var ws = await NewWorkspace();
        var machine = factory.TokenClient(await factory.TokenAsync(ws, WorkspaceRole.Editor));
        Task<HttpResponseMessage> Send(int i) => machine.PostAsync($"/api/workspaces/{ws}/events", new StringContent(
            $$"""{"customer":"c-{{i}}","time":"2026-11-02T09:00:00Z","touchpoint":"call","channel":"phone"}""", Encoding.UTF8, "application/x-ndjson"));

        // Beyond the 3 other writes a token may make, up to 5 batches go through …
        for (var i = 0; i < 5; i++) Assert.Equal(HttpStatusCode.OK, (await Send(i)).StatusCode);
        var refused = await Send(5);
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.NotNull(refused.Headers.RetryAfter);
        // … and they take nothing from the other writes.
        Assert.Equal(HttpStatusCode.Created, (await machine.PostAsJsonAsync($"/api/workspaces/{ws}/channels", new { name = "Fax", kind = "analog", reach = "direct" })).StatusCode);
    }

    [Fact]
    public async Task A_body_over_the_limit_answers_413_in_words_and_the_import_takes_more()
    {
        var ws = await NewWorkspace();
        var client = factory.CreateClient();
        var big = new StringContent("{\"name\":\"" + new string('x', 8000) + "\",\"kind\":\"digital\",\"reach\":\"direct\"}", Encoding.UTF8, "application/json");
        var response = await client.PostAsync($"/api/workspaces/{ws}/channels", big);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();
        Assert.Contains("4,096", problem.GetProperty("detail").GetString());

        // The same size is fine for the import (it fails for other reasons, not for its size) …
        var import = await client.PostAsync("/api/workspaces/import", new StringContent("{\"x\":\"" + new string('x', 8000) + "\"}", Encoding.UTF8, "application/json"));
        Assert.NotEqual(HttpStatusCode.RequestEntityTooLarge, import.StatusCode);
        // … up to its own limit.
        var huge = await client.PostAsync("/api/workspaces/import", new StringContent("{\"x\":\"" + new string('x', 70000) + "\"}", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, huge.StatusCode);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/api/workspaces")]
    [InlineData("/api-reference")]
    public async Task Every_answer_carries_the_security_headers(string path)
    {
        var response = await factory.CreateClient().GetAsync(path);
        var csp = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("default-src 'self'", csp);
        Assert.Contains("script-src 'self'", csp);
        Assert.DoesNotContain("'unsafe-eval'", csp);
        Assert.Contains("style-src 'self' 'unsafe-inline'", csp);
        Assert.Contains("connect-src 'self' ws://localhost wss://localhost", csp);
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
    }

    [Fact]
    public async Task Over_https_the_answer_asks_browsers_to_stay_on_https_and_the_form_cookie_is_secure()
    {
        var https = factory.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://waymark.example.com"), AllowAutoRedirect = false });
        var secure = await https.GetAsync("/account/login");
        Assert.Equal("max-age=31536000", secure.Headers.GetValues("Strict-Transport-Security").Single());
        var formCookie = secure.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("waymark.antiforgery=", StringComparison.Ordinal));
        Assert.Contains("secure", formCookie, StringComparison.OrdinalIgnoreCase);

        var plain = await factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false }).GetAsync("/account/login");
        Assert.False(plain.Headers.Contains("Strict-Transport-Security"));
        Assert.DoesNotContain("secure", plain.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("waymark.antiforgery=", StringComparison.Ordinal)),
            StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task The_api_reference_page_may_run_exactly_its_own_inline_script()
    {
        var response = await factory.CreateClient().GetAsync("/api-reference");
        var html = await response.Content.ReadAsStringAsync();
        var csp = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        var script = System.Text.RegularExpressions.Regex.Match(html, "<script type=\"module\">(.*?)</script>", System.Text.RegularExpressions.RegexOptions.Singleline);
        Assert.True(script.Success, html);
        var hash = Convert.ToBase64String(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(script.Groups[1].Value)));
        Assert.Contains($"'sha256-{hash}'", csp);
        Assert.DoesNotContain("'unsafe-inline'", csp.Split(';').Single(d => d.Trim().StartsWith("script-src")));
    }

    [Fact]
    public async Task Company_sign_in_is_registered_only_when_configured()
    {
        var schemes = factory.Services.GetRequiredService<IAuthenticationSchemeProvider>();
        Assert.Null(await schemes.GetSchemeAsync("oidc"));

        using var configured = factory.WithWebHostBuilder(b =>
        {
            b.UseSetting("Waymark:Oidc:Authority", "https://login.example.com/");
            b.UseSetting("Waymark:Oidc:ClientId", "waymark");
            b.UseSetting("Waymark:Oidc:ClientSecret", "secret");
        });
        var scheme = await configured.Services.GetRequiredService<IAuthenticationSchemeProvider>().GetSchemeAsync("oidc");
        Assert.NotNull(scheme);
        Assert.Equal("OpenIdConnectHandler", scheme.HandlerType.Name);
        var endpoints = configured.Services.GetRequiredService<Microsoft.AspNetCore.Routing.EndpointDataSource>().Endpoints;
        Assert.Contains(endpoints, e => (e as Microsoft.AspNetCore.Routing.RouteEndpoint)?.RoutePattern.RawText?.Contains("login/oidc") == true);
        // Browsers are sent to the identity provider from here; that needs its discovery document, which tests do not have.
    }
}
