using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Waymark.Storage;
using Waymark.Storage.Access;
using Waymark.Web.Access;

namespace Waymark.Browser.Tests;

/// <summary>
/// The real application on Kestrel (a free port, its own SQLite file, the demo workspace) and one headless
/// Debian chromium, shared by the tests of a class. Accounts: an administrator and a viewer of the demo workspace.
/// </summary>
public sealed class WaymarkServer : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string AdminEmail = "cx-lead@example.com";
    public const string ViewerEmail = "viewer@example.com";
    public const string Password = "correct horse battery staple";

    private readonly string _file = Path.Combine(Path.GetTempPath(), $"waymark-browser-{Guid.NewGuid():N}.db");
    private IPlaywright? _playwright;

    public WaymarkServer() => UseKestrel(0);

    public string BaseUrl { get; private set; } = "";
    public IBrowser Browser { get; private set; } = default!;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.UseSetting("Waymark:Database", _file);
        builder.UseSetting("Waymark:SeedDemo", "true");
        builder.UseSetting("Waymark:SeedDemoEvents", "false");
    }

    public async Task InitializeAsync()
    {
        StartServer();
        BaseUrl = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
        await using (var scope = Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<WaymarkUser>>();
            var db = scope.ServiceProvider.GetRequiredService<WaymarkDb>();
            var demo = await db.Workspaces.SingleAsync(w => w.Key == "demo");
            await Accounts.CreateAsync(users, AdminEmail, administrator: true, password: Password);
            var (viewer, _) = await Accounts.CreateAsync(users, ViewerEmail, administrator: false, password: Password);
            await Accounts.GrantAsync(db, demo.Id, viewer.Id, WorkspaceRole.Viewer, TimeProvider.System, default);
        }
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync"],
        });
    }

    /// <summary>A fresh browser context (its own cookies) signed in as the given account, on a 1280×800 window.</summary>
    public async Task<IPage> SignedInPageAsync(string email = AdminEmail, string returnUrl = "/")
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 800 } });
        context.SetDefaultTimeout(15_000);
        var page = await context.NewPageAsync();
        await page.GotoAsync($"{BaseUrl}/account/login?returnUrl={Uri.EscapeDataString(returnUrl)}");
        await page.FillAsync("#email", email);
        await page.FillAsync("#password", Password);
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync(url => !url.Contains("/account/login"));
        await WaitForCircuitAsync(page);
        return page;
    }

    /// <summary>The layout marks itself live once the interactive circuit has rendered; clicks before that are lost.</summary>
    public static Task WaitForCircuitAsync(IPage page) =>
        page.WaitForSelectorAsync("[data-circuit=live]", new PageWaitForSelectorOptions { State = WaitForSelectorState.Attached });

    public WaymarkDb OpenDb() => StorageSetup.CreateDb(new StorageOptions { SqliteFile = _file });

    public new async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
        _playwright?.Dispose();
        await base.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var f in new[] { _file, _file + "-wal", _file + "-shm" })
            if (File.Exists(f)) File.Delete(f);
    }
}
