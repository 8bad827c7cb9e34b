using System.Globalization;
using Microsoft.Playwright;

namespace Waymark.CircuitBenchmark;

/// <summary>
/// The pages as chromium tabs (Debian's /usr/bin/chromium through Playwright): what a real browser adds to the
/// figures, its DOM and layout included. Tabs share a handful of contexts (one sign-in cookie), so chromium keeps its
/// memory within reason.
/// </summary>
public sealed class ChromiumPages : IMapPages
{
    private readonly IPlaywright _playwright;
    private readonly IBrowser _browser;
    private readonly string _cookies;
    private readonly int _contextCount;
    private readonly Dictionary<IPage, TaskCompletionSource<double>> _seen = new();
    private readonly List<IBrowserContext> _contexts = [];
    private IPage[] _pages = [];

    private ChromiumPages(IPlaywright playwright, IBrowser browser, string cookies, int contexts)
    {
        _playwright = playwright;
        _browser = browser;
        _cookies = cookies;
        _contextCount = contexts;
    }

    public string Client => "chromium";

    public static async Task<ChromiumPages> StartAsync(BenchmarkOptions options, PublishedWaymark server)
    {
        var playwright = await Playwright.CreateAsync();
        var browser = await LaunchAsync(playwright, options.RendererLimit);
        return new ChromiumPages(playwright, browser, await SignInAsync(browser, server), options.Contexts);
    }

    /// <summary>Signs in as a person does (the one-time password replaced first) and answers the browser's storage state with the cookie.</summary>
    public static async Task<string> SignInAsync(IBrowser browser, PublishedWaymark server)
    {
        var context = await browser.NewContextAsync();
        context.SetDefaultTimeout(60_000);
        var page = await context.NewPageAsync();
        await page.GotoAsync($"{server.BaseUrl}/account/login");
        await page.FillAsync("#email", PublishedWaymark.Email);
        await page.FillAsync("#password", server.OneTimePassword);
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync(url => url.Contains("/account/password"));
        const string own = "a long own password for the circuit benchmark";
        await page.FillAsync("#currentPassword", server.OneTimePassword);
        await page.FillAsync("#newPassword", own);
        await page.FillAsync("#confirmPassword", own);
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync(url => !url.Contains("/account/"));
        var signedIn = await context.StorageStateAsync();
        await context.CloseAsync();
        return signedIn;
    }

    public static Task<IBrowser> LaunchAsync(IPlaywright playwright, int rendererLimit)
    {
        List<string> args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
            "--disable-component-update", "--disable-sync"];
        if (rendererLimit > 0) args.Add($"--renderer-process-limit={rendererLimit}");
        return playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = "/usr/bin/chromium", Headless = true, Args = args });
    }

    public async Task WarmUpAsync(string mapUrl)
    {
        var warm = await NewContextAsync();
        await OpenMapAsync(await warm.NewPageAsync(), mapUrl);
        await warm.CloseAsync();
    }

    public async Task OpenAsync(string mapUrl, int pages, int parallel)
    {
        for (var c = 0; c < _contextCount; c++)
        {
            var context = await NewContextAsync();
            // Each page tells the benchmark the moment (epoch ms) it saw the edit; no polling that would load the machine.
            await context.ExposeBindingAsync("wmSeen", (BindingSource source, double at) =>
            {
                lock (_seen) if (_seen.TryGetValue(source.Page!, out var done)) done.TrySetResult(at);
            });
            _contexts.Add(context);
        }
        _pages = new IPage[pages];
        await Opening.RunAsync(pages, parallel, async i =>
        {
            var page = await _contexts[i % _contexts.Count].NewPageAsync();
            await OpenMapAsync(page, mapUrl);
            _pages[i] = page;
        });
    }

    public async Task<IReadOnlyList<Task<double>>> WatchAsync(string marker)
    {
        var watches = new List<Task<double>>();
        foreach (var page in _pages)
        {
            var done = new TaskCompletionSource<double>(TaskCreationOptions.RunContinuationsAsynchronously);
            lock (_seen) _seen[page] = done;
            watches.Add(done.Task);
        }
        await Task.WhenAll(_pages.Select(p => p.EvaluateAsync(WatchScript, marker)));
        return watches;
    }

    public async Task CloseAsync()
    {
        foreach (var context in _contexts) await context.CloseAsync();
        _contexts.Clear();
    }

    public string Setup(BenchmarkOptions o) =>
        $"chromium tabs, {o.Contexts} browser contexts sharing one sign-in, renderer process limit " +
        (o.RendererLimit > 0 ? o.RendererLimit.ToString(CultureInfo.InvariantCulture) : "none");

    public IEnumerable<string> Findings() => [];

    private async Task<IBrowserContext> NewContextAsync()
    {
        var context = await _browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 800 }, StorageState = _cookies });
        context.SetDefaultTimeout(180_000);
        return context;
    }

    private static async Task OpenMapAsync(IPage page, string url)
    {
        await page.GotoAsync(url);
        // The layout marks itself live once the interactive circuit has rendered (as in the browser tests).
        await page.WaitForSelectorAsync("[data-circuit=live]", new PageWaitForSelectorOptions { State = WaitForSelectorState.Attached });
        await page.WaitForSelectorAsync("[data-testid=journey-map]", new PageWaitForSelectorOptions { State = WaitForSelectorState.Attached });
    }

    public async ValueTask DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
    }

    /// <summary>Installed in every open page: tells <c>wmSeen</c> the moment the map first shows the marker.</summary>
    private const string WatchScript = """
        marker => {
          const map = () => document.querySelector('[data-testid=journey-map]') ?? document.body;
          const check = () => {
            if (!map().textContent.includes(marker)) return false;
            window.wmSeen(Date.now());
            return true;
          };
          if (check()) return;
          const observer = new MutationObserver(() => { if (check()) observer.disconnect(); });
          observer.observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
        }
        """;
}

/// <summary>Opens pages a few at a time and says how far it got every 25 pages.</summary>
public static class Opening
{
    public static async Task RunAsync(int pages, int parallel, Func<int, Task> open)
    {
        var opening = System.Diagnostics.Stopwatch.StartNew();
        using var gate = new SemaphoreSlim(parallel);
        var opened = 0;
        await Task.WhenAll(Enumerable.Range(0, pages).Select(async i =>
        {
            await gate.WaitAsync();
            try
            {
                await open(i);
                if (Interlocked.Increment(ref opened) % 25 == 0) Console.WriteLine($"  {opened} pages live ({opening.Elapsed.TotalSeconds:0} s)");
            }
            finally { gate.Release(); }
        }));
    }
}
