using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Waymark.Storage;
using Waymark.Storage.Access;
using Waymark.Web;
using Waymark.Web.Access;

namespace Waymark.Web.Tests.Support;

/// <summary>
/// The real application on a database of its own (SQLite, or PostgreSQL when WAYMARK_TEST_DATABASE=postgres: see
/// <see cref="TestDatabase"/>), without the demo workspace unless a subclass asks for it.
/// Authentication is real: every client it creates is signed in as <see cref="OwnerEmail"/> (a person, not an
/// administrator) with a genuine sign-in cookie, so the workspaces a test creates are that person's and the demo
/// workspace is given to them too. <see cref="ClientAs"/>, <see cref="TokenClient"/> and <see cref="AnonymousClient"/>
/// act as anyone else.
/// </summary>
public class WaymarkApiFactory : WebApplicationFactory<Program>
{
    private readonly bool _seedDemo;

    public WaymarkApiFactory() : this(seedDemo: false) { }

    protected WaymarkApiFactory(bool seedDemo) => _seedDemo = seedDemo;

    private readonly TestDatabase _database = TestDatabase.Create();

    public static readonly JsonSerializerOptions Json = CreateJson();

    private static JsonSerializerOptions CreateJson()
    {
        var json = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        WaymarkWebApp.Configure(json);
        return json;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        foreach (var (key, value) in _database.Settings) builder.UseSetting(key, value);
        builder.UseSetting("Waymark:SeedDemo", _seedDemo ? "true" : "false");
        // The demo's year of events only where a test asks for it (DemoEventsFactory): storing them takes seconds.
        builder.UseSetting("Waymark:SeedDemoEvents", "false");
        // Tests sign in far more often than a person; the rate-limit tests set their own, low limits.
        builder.UseSetting("Waymark:RateLimits:SignInPerWindow", "10000");
        builder.ConfigureServices(s => s.AddTransient<Microsoft.AspNetCore.Hosting.IStartupFilter, AntiforgeryTokenEndpoint>());
    }

    public const string OwnerEmail = "owner@waymark.test";
    public const string Password = "correct horse battery staple";

    private string? _ownerCookie;
    private readonly object _gate = new();

    protected override void ConfigureClient(HttpClient client)
    {
        base.ConfigureClient(client);
        lock (_gate) _ownerCookie ??= CookieFor(OwnerEmail, ownDemo: true);
        client.DefaultRequestHeaders.Add("Cookie", _ownerCookie);
    }

    /// <summary>A client without credentials.</summary>
    public HttpClient AnonymousClient()
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Remove("Cookie");
        return client;
    }

    /// <summary>A client signed in as this person (the account is made if need be).</summary>
    public HttpClient ClientAs(string email)
    {
        var client = AnonymousClient();
        client.DefaultRequestHeaders.Add("Cookie", CookieFor(email));
        return client;
    }

    /// <summary>A client that sends this API token and nothing else.</summary>
    public HttpClient TokenClient(string token)
    {
        var client = AnonymousClient();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>The account for this e-mail, made with <see cref="Password"/> if it does not exist.</summary>
    public async Task<WaymarkUser> UserAsync(string email, bool administrator = false)
    {
        await using var scope = Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<WaymarkUser>>();
        var user = await users.FindByEmailAsync(email);
        if (user is null)
        {
            user = (await Accounts.CreateAsync(users, email, administrator, Password)).User;
        }
        return user;
    }

    /// <summary>Gives a person (made if need be) a role in a workspace.</summary>
    public async Task GrantAsync(string workspaceKey, string email, WorkspaceRole role)
    {
        var user = await UserAsync(email);
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WaymarkDb>();
        var workspace = await db.Workspaces.SingleAsync(w => w.Key == workspaceKey);
        await Accounts.GrantAsync(db, workspace.Id, user.Id, role, TimeProvider.System, default);
    }

    /// <summary>A new API token of a workspace; returns the secret.</summary>
    public async Task<string> TokenAsync(string workspaceKey, WorkspaceRole role, DateTimeOffset? expiresAt = null, string name = "test token")
    {
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WaymarkDb>();
        var workspace = await db.Workspaces.SingleAsync(w => w.Key == workspaceKey);
        var clock = scope.ServiceProvider.GetRequiredService<TimeProvider>();
        var (token, secret) = ApiToken.Create(workspace.Id, name, role, clock.GetUtcNow(), expiresAt, "tests");
        db.ApiTokens.Add(token);
        await db.SaveChangesAsync();
        return secret;
    }

    /// <summary>
    /// A real sign-in cookie for the person, made the way the cookie handler makes it (same keys, same format),
    /// valid for a long time so tests with a fixed clock keep working.
    /// </summary>
    public string CookieFor(string email, bool ownDemo = false)
    {
        var user = UserAsync(email).GetAwaiter().GetResult();
        using var scope = Services.CreateScope();
        if (ownDemo)
        {
            var db = scope.ServiceProvider.GetRequiredService<WaymarkDb>();
            if (db.Workspaces.FirstOrDefault(w => w.Key == "demo") is { } demo)
                Accounts.GrantAsync(db, demo.Id, user.Id, WorkspaceRole.Owner, TimeProvider.System, default).GetAwaiter().GetResult();
        }
        var principal = scope.ServiceProvider.GetRequiredService<IUserClaimsPrincipalFactory<WaymarkUser>>().CreateAsync(user).GetAwaiter().GetResult();
        var options = scope.ServiceProvider.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>().Get(IdentityConstants.ApplicationScheme);
        var now = DateTimeOffset.UtcNow;
        var ticket = new AuthenticationTicket(principal, new AuthenticationProperties { IssuedUtc = now, ExpiresUtc = now.AddYears(20) }, IdentityConstants.ApplicationScheme);
        return $"{options.Cookie.Name}={options.TicketDataFormat.Protect(ticket)}";
    }

    /// <summary>A fresh DbContext on the same database, to check what really got stored.</summary>
    public WaymarkDb OpenDb() => _database.Open();

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        _database.Dispose();
    }
}

/// <summary>A fresh empty workspace per test class instance: tests in a class never see each other's data.</summary>
public abstract class ApiTest : IClassFixture<WaymarkApiFactory>, IAsyncLifetime
{
    protected ApiTest(WaymarkApiFactory factory)
    {
        Factory = factory;
        Client = factory.CreateClient();
    }

    protected WaymarkApiFactory Factory { get; }
    protected HttpClient Client { get; }
    protected string Workspace { get; private set; } = "";
    protected string Api => $"/api/workspaces/{Workspace}";

    public async Task InitializeAsync()
    {
        var key = "ws-" + Guid.NewGuid().ToString("N")[..12];
        var response = await Client.PostAsJsonAsync("/api/workspaces", new { key, name = "Test " + key }, WaymarkApiFactory.Json);
        response.EnsureSuccessStatusCode();
        Workspace = key;
    }

    public Task DisposeAsync() => Task.CompletedTask;

    protected async Task<JsonElement> PostOk(string path, object body)
    {
        var response = await Client.PostAsJsonAsync(path, body, WaymarkApiFactory.Json);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"POST {path} answered {(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    protected async Task<JsonElement> GetOk(string path)
    {
        var response = await Client.GetAsync(path);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"GET {path} answered {(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    protected async Task<JsonElement> PutOk(string path, object body)
    {
        var response = await Client.PutAsJsonAsync(path, body, WaymarkApiFactory.Json);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"PUT {path} answered {(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>Sends a request expected to fail and returns its ProblemDetails, checking the status.</summary>
    protected async Task<JsonElement> Problem(HttpResponseMessage response, int status)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True((int)response.StatusCode == status, $"expected {status}, got {(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(text).RootElement.Clone();
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("detail").GetString()));
        return problem;
    }

    /// <summary>The field names a validation problem points at.</summary>
    protected static IReadOnlyList<string> ErrorFields(JsonElement problem) =>
        problem.TryGetProperty("errors", out var errors) ? errors.EnumerateObject().Select(e => e.Name).ToList() : [];

    protected async Task<(Guid Id, string Name)> CreateChannel(string name = "Phone hotline", string kind = "analog")
    {
        var channel = await PostOk($"{Api}/channels", new { name, kind, reach = "direct" });
        return (channel.GetProperty("id").GetGuid(), name);
    }

    protected async Task<IReadOnlyList<Guid>> PhaseIds()
    {
        var phases = await GetOk($"{Api}/phases");
        return phases.GetProperty("items").EnumerateArray().Select(p => p.GetProperty("id").GetGuid()).ToList();
    }
}
