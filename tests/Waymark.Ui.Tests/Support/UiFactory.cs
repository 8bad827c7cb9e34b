using System.Net;
using System.Security.Claims;
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
using Waymark.Web.Access;

namespace Waymark.Ui.Tests.Support;

/// <summary>
/// The real application with the demo workspace on its own SQLite file. Pages are asked for with a genuine
/// sign-in cookie and come back prerendered, so a test reads what a person sees before the circuit starts.
/// </summary>
public class UiFactory : WebApplicationFactory<Program>
{
    public const string OwnerEmail = "ui-owner@waymark.test";
    public const string ViewerEmail = "ui-viewer@waymark.test";
    private const string Password = "correct horse battery staple";

    private readonly string _file = Path.Combine(Path.GetTempPath(), $"waymark-ui-test-{Guid.NewGuid():N}.db");
    private readonly Dictionary<string, string> _cookies = [];
    private readonly object _gate = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.UseSetting("Waymark:Database", _file);
        builder.UseSetting("Waymark:SeedDemo", "true");
        builder.UseSetting("Waymark:SeedDemoEvents", "false");
        builder.UseSetting("Waymark:RateLimits:SignInPerWindow", "10000");
    }

    /// <summary>A client signed in as a person with this role in the demo workspace.</summary>
    public HttpClient ClientAs(WorkspaceRole role)
    {
        var email = role == WorkspaceRole.Viewer ? ViewerEmail : OwnerEmail;
        string cookie;
        lock (_gate)
        {
            if (!_cookies.TryGetValue(email, out cookie!))
                _cookies[email] = cookie = CookieFor(email, role);
        }
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Add("Cookie", cookie);
        return client;
    }

    /// <summary>The prerendered HTML of a page; fails with the answer when it is not 200.</summary>
    public async Task<string> PageAsync(string path, WorkspaceRole role = WorkspaceRole.Owner)
    {
        var response = await ClientAs(role).GetAsync(path);
        var html = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {path} answered {(int)response.StatusCode}: {html[..Math.Min(html.Length, 2000)]}");
        return html;
    }

    /// <summary>A DbContext on the application's file; the application is started first, which migrates and seeds it.</summary>
    public WaymarkDb OpenDb()
    {
        _ = Services;
        return StorageSetup.CreateDb(new StorageOptions { SqliteFile = _file });
    }

    /// <summary>The demo workspace's id.</summary>
    public Guid DemoId
    {
        get
        {
            using var db = OpenDb();
            return db.Workspaces.Single(w => w.Key == "demo").Id;
        }
    }

    /// <summary>The signed-in user with this role in the demo workspace, as a circuit sees them.</summary>
    public ClaimsPrincipal PrincipalOf(WorkspaceRole role)
    {
        lock (_gate)
        {
            using var scope = Services.CreateScope();
            return PrincipalOf(scope, role == WorkspaceRole.Viewer ? ViewerEmail : OwnerEmail, role);
        }
    }

    private string CookieFor(string email, WorkspaceRole role)
    {
        using var scope = Services.CreateScope();
        var principal = PrincipalOf(scope, email, role);
        var options = scope.ServiceProvider.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>().Get(IdentityConstants.ApplicationScheme);
        var now = DateTimeOffset.UtcNow;
        var ticket = new AuthenticationTicket(principal, new AuthenticationProperties { IssuedUtc = now, ExpiresUtc = now.AddYears(20) }, IdentityConstants.ApplicationScheme);
        return $"{options.Cookie.Name}={options.TicketDataFormat.Protect(ticket)}";
    }

    private static ClaimsPrincipal PrincipalOf(IServiceScope scope, string email, WorkspaceRole role)
    {
        var users = scope.ServiceProvider.GetRequiredService<UserManager<WaymarkUser>>();
        var user = users.FindByEmailAsync(email).GetAwaiter().GetResult()
                   ?? Accounts.CreateAsync(users, email, false, Password).GetAwaiter().GetResult().User;
        var db = scope.ServiceProvider.GetRequiredService<WaymarkDb>();
        var demo = db.Workspaces.Single(w => w.Key == "demo");
        if (!db.Memberships.Any(m => m.WorkspaceId == demo.Id && m.UserId == user.Id))
            Accounts.GrantAsync(db, demo.Id, user.Id, role, TimeProvider.System, default).GetAwaiter().GetResult();
        return scope.ServiceProvider.GetRequiredService<IUserClaimsPrincipalFactory<WaymarkUser>>().CreateAsync(user).GetAwaiter().GetResult();
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var f in new[] { _file, _file + "-wal", _file + "-shm" })
            if (File.Exists(f)) File.Delete(f);
    }
}

/// <summary>One demo application for all page tests: they only read, or add data of their own with unique names.</summary>
[CollectionDefinition(Name)]
public sealed class UiCollection : ICollectionFixture<UiFactory>
{
    public const string Name = "ui";
}
