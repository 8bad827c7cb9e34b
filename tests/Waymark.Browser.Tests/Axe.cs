using System.Text.Json;
using Microsoft.Playwright;

namespace Waymark.Browser.Tests;

/// <summary>One rule axe-core found broken on a page: its id, how bad it is, what it asks for, and where.</summary>
public sealed record AxeViolation(string Id, string Impact, string Help, string[] Targets, int Count, string[] Details)
{
    public bool IsSeriousOrCritical => Impact is "serious" or "critical";

    public override string ToString() =>
        $"{Id} ({Impact}): {Help} — {string.Join(" | ", Targets)}{(Count > Targets.Length ? $" and {Count - Targets.Length} more" : "")}";
}

/// <summary>
/// axe-core (npm, 4.10.x) run in the page against WCAG 2.0/2.1/2.2 A and AA. test.sh installs it into .tools/ and
/// names the script in WAYMARK_AXE; the script is injected as an inline script, so pages are opened in a browser
/// context that bypasses the content security policy.
/// </summary>
internal static class Axe
{
    private const string Run = """
        async () => {
          const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } });
          return JSON.stringify(result.violations.map(v => ({
            id: v.id, impact: v.impact || 'unknown', help: v.help,
            targets: v.nodes.slice(0, 3).map(n => n.target.join(' ')), count: v.nodes.length,
            details: v.nodes.slice(0, 10).map(n => n.target.join(' ') + ': ' + (n.failureSummary || '').replace(/\s+/g, ' ')) })));
        }
        """;

    /// <summary>The axe-core script: WAYMARK_AXE, else .tools/node_modules/axe-core/axe.min.js in the repository.</summary>
    public static string ScriptPath([System.Runtime.CompilerServices.CallerFilePath] string source = "")
    {
        var configured = Environment.GetEnvironmentVariable("WAYMARK_AXE");
        if (!string.IsNullOrWhiteSpace(configured)) return configured;
        var dir = new DirectoryInfo(Path.GetDirectoryName(source) ?? AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Waymark.slnx"))) dir = dir.Parent;
        return Path.Combine(dir?.FullName ?? AppContext.BaseDirectory, ".tools", "node_modules", "axe-core", "axe.min.js");
    }

    /// <summary>
    /// Whether the scan can run. A missing axe-core fails the test (as the OpenAPI lint does without its linter) rather
    /// than letting a page pass unscanned; test.sh installs it.
    /// </summary>
    public static bool IsAvailable(out string path)
    {
        path = ScriptPath();
        Assert.True(File.Exists(path), $"axe-core is missing at {path}: run ./test.sh (it installs axe-core 4.10.3 from npm into .tools/) " +
            "or set WAYMARK_AXE to axe.min.js.");
        return true;
    }

    /// <summary>A fresh browser context that ignores the content security policy, so the axe script can be injected.</summary>
    public static async Task<IPage> NewPageAsync(WaymarkServer server)
    {
        var context = await server.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BypassCSP = true,
            ViewportSize = new ViewportSize { Width = 1280, Height = 800 },
        });
        context.SetDefaultTimeout(15_000);
        return await context.NewPageAsync();
    }

    public static async Task<IPage> SignedInPageAsync(WaymarkServer server, string email = WaymarkServer.AdminEmail)
    {
        var page = await NewPageAsync(server);
        await page.GotoAsync($"{server.BaseUrl}/account/login");
        await page.FillAsync("#email", email);
        await page.FillAsync("#password", WaymarkServer.Password);
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync(url => !url.Contains("/account/login"));
        await WaymarkServer.WaitForCircuitAsync(page);
        return page;
    }

    /// <summary>Every violation axe finds on the page as it is now (after navigations, the script is injected again).</summary>
    public static async Task<IReadOnlyList<AxeViolation>> ScanAsync(IPage page, string scriptPath)
    {
        if (!await page.EvaluateAsync<bool>("() => typeof window.axe !== 'undefined'"))
            await page.AddScriptTagAsync(new PageAddScriptTagOptions { Path = scriptPath });
        var json = await page.EvaluateAsync<string>(Run);
        return JsonSerializer.Deserialize<AxeViolation[]>(json, new JsonSerializerOptions(JsonSerializerDefaults.Web)) ?? [];
    }
}
