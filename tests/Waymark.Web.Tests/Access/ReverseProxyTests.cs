using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Waymark.Web.Tests.Support;

namespace Waymark.Web.Tests.Access;

/// <summary>Every request arrives from 10.0.0.1, as through a reverse proxy; the limit is two sign-in attempts.</summary>
public abstract class ProxiedFactory(string? knownProxies) : WaymarkApiFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Waymark:RateLimits:SignInPerWindow", "2");
        builder.UseSetting("Waymark:RateLimits:WindowSeconds", "600");
        if (knownProxies is not null) builder.UseSetting("Waymark:Proxy:KnownProxies", knownProxies);
        builder.ConfigureServices(s => s.AddSingleton<IStartupFilter, FromTheProxy>());
    }

    private sealed class FromTheProxy : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((http, nextMiddleware) =>
            {
                http.Connection.RemoteIpAddress = IPAddress.Parse("10.0.0.1");
                return nextMiddleware(http);
            });
            next(app);
        };
    }
}

public sealed class TrustedProxyFactory() : ProxiedFactory("10.0.0.1");

public sealed class UnknownProxyFactory() : ProxiedFactory(null);

internal static class SignInAttempts
{
    /// <summary>Sign-in attempts with a wrong password from a client the proxy names in X-Forwarded-For; their statuses.</summary>
    public static async Task<List<HttpStatusCode>> FromAsync(WaymarkApiFactory factory, string clientAddress, int attempts)
    {
        var browser = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        browser.DefaultRequestHeaders.Remove("Cookie");
        browser.DefaultRequestHeaders.Add("X-Forwarded-For", clientAddress);
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < attempts; i++)
        {
            var token = await browser.GetStringAsync("/test/antiforgery");
            statuses.Add((await browser.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["email"] = "nobody@waymark.test", ["password"] = "not the password", ["__RequestVerificationToken"] = token,
            }))).StatusCode);
        }
        return statuses;
    }
}

public sealed class TrustedProxyTests(TrustedProxyFactory factory) : IClassFixture<TrustedProxyFactory>
{
    [Fact]
    public async Task Behind_a_named_proxy_each_client_has_its_own_sign_in_limit()
    {
        Assert.Equal([HttpStatusCode.Redirect, HttpStatusCode.Redirect, HttpStatusCode.TooManyRequests],
            await SignInAttempts.FromAsync(factory, "203.0.113.5", 3));
        // Another person behind the same proxy is not held back by the first one's attempts.
        Assert.Equal([HttpStatusCode.Redirect], await SignInAttempts.FromAsync(factory, "198.51.100.7", 1));
    }
}

public sealed class UnknownProxyTests(UnknownProxyFactory factory) : IClassFixture<UnknownProxyFactory>
{
    [Fact]
    public async Task Without_named_proxies_a_forged_forwarded_address_does_not_dodge_the_limit()
    {
        Assert.Equal([HttpStatusCode.Redirect, HttpStatusCode.Redirect], await SignInAttempts.FromAsync(factory, "203.0.113.5", 2));
        Assert.Equal([HttpStatusCode.TooManyRequests], await SignInAttempts.FromAsync(factory, "198.51.100.7", 1));
    }
}
