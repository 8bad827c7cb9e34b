using Microsoft.EntityFrameworkCore;

namespace Waymark.Browser.Tests;

/// <summary>
/// WCAG 2.2 contrast (1.4.3) measured in the browser on the main pages: every visible piece of text against the
/// colour actually behind it — at least 4.5:1, or 3:1 for large text (24 px, or 18.66 px bold).
/// </summary>
public sealed class ContrastTests(WaymarkServer server) : IClassFixture<WaymarkServer>
{
    // Walks the text nodes; the background is the first opaque one among the element and its ancestors, with
    // semi-transparent layers blended over it. Text over images or gradients is not judged (no single background).
    private const string Measure = """
        () => {
          const parse = c => { const m = c.match(/rgba?\(([^)]+)\)/); if (!m) return null;
            const p = m[1].split(/[ ,\/]+/).filter(Boolean).map(Number); return { r: p[0], g: p[1], b: p[2], a: p.length > 3 ? p[3] : 1 }; };
          const lin = v => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); };
          const lum = c => 0.2126 * lin(c.r) + 0.7152 * lin(c.g) + 0.0722 * lin(c.b);
          const over = (top, under) => ({ r: top.r * top.a + under.r * (1 - top.a), g: top.g * top.a + under.g * (1 - top.a),
                                          b: top.b * top.a + under.b * (1 - top.a), a: 1 });
          const background = el => {
            const layers = [];
            for (let e = el; e; e = e.parentElement) {
              const s = getComputedStyle(e);
              if (s.backgroundImage && s.backgroundImage !== 'none') return null;
              const c = parse(s.backgroundColor);
              if (c && c.a > 0) { layers.push(c); if (c.a >= 1) break; }
            }
            let result = { r: 255, g: 255, b: 255, a: 1 };
            for (let i = layers.length - 1; i >= 0; i--) result = over(layers[i], result);
            return result;
          };
          const failures = [];
          const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
          const seen = new Set();
          while (walker.nextNode()) {
            const node = walker.currentNode; const el = node.parentElement;
            if (!el || seen.has(el) || !node.textContent.trim()) continue;
            seen.add(el);
            const s = getComputedStyle(el); const box = el.getBoundingClientRect();
            if (s.visibility === 'hidden' || s.display === 'none' || box.width === 0 || box.height === 0 || parseFloat(s.opacity) === 0) continue;
            if (el.closest('[aria-hidden=true], svg, .wm-sr-only, [disabled], :disabled')) continue;
            const bg = background(el); const fg = parse(s.color);
            if (!bg || !fg) continue;
            const fgOnBg = fg.a < 1 ? over(fg, bg) : fg;
            const l1 = lum(fgOnBg), l2 = lum(bg);
            const ratio = (Math.max(l1, l2) + 0.05) / (Math.min(l1, l2) + 0.05);
            const size = parseFloat(s.fontSize); const bold = parseInt(s.fontWeight) >= 700;
            const needed = size >= 24 || (bold && size >= 18.66) ? 3 : 4.5;
            if (ratio < needed) failures.push(`${ratio.toFixed(2)}:1 < ${needed}:1 "${node.textContent.trim().slice(0, 40)}" <${el.tagName.toLowerCase()} class="${el.className}"> ${s.color} on rgb(${Math.round(bg.r)},${Math.round(bg.g)},${Math.round(bg.b)})`);
          }
          return failures;
        }
        """;

    [Fact]
    public async Task Text_on_the_main_pages_meets_the_wcag_aa_contrast_ratios()
    {
        var page = await server.SignedInPageAsync();
        Guid journey, persona, touchpoint, kpi;
        await using (var db = server.OpenDb())
        {
            journey = await db.Journeys.Where(j => j.Name.StartsWith("Broken panel")).Select(j => j.Id).FirstAsync();
            persona = await db.Personas.OrderBy(p => p.Name).Select(p => p.Id).FirstAsync();
            touchpoint = await db.Touchpoints.OrderBy(t => t.Name).Select(t => t.Id).FirstAsync();
            kpi = await db.Kpis.OrderBy(k => k.Name).Select(k => k.Id).FirstAsync();
        }
        string[] paths = ["/w/demo/dashboard", $"/w/demo/journeys/{journey}", "/w/demo/journeys", "/w/demo/touchpoints", $"/w/demo/touchpoints/{touchpoint}",
            "/w/demo/evaluate", "/w/demo/personas", $"/w/demo/personas/{persona}", "/w/demo/kpis", $"/w/demo/kpis/{kpi}", "/w/demo/actions",
            "/w/demo/actions?view=insights", "/w/demo/settings", "/admin/accounts", "/account/password"];
        var failures = new List<string>();
        foreach (var path in paths)
        {
            await page.GotoAsync(server.BaseUrl + path);
            if (!path.StartsWith("/account", StringComparison.Ordinal)) await WaymarkServer.WaitForCircuitAsync(page);
            await page.WaitForLoadStateAsync(Microsoft.Playwright.LoadState.NetworkIdle);
            failures.AddRange((await page.EvaluateAsync<string[]>(Measure)).Select(f => $"{path}: {f}"));
        }
        // The real-journeys page with results on it: a small event log uploaded as a person would.
        var real = $"/w/demo/journeys/{journey}/real";
        await page.GotoAsync(server.BaseUrl + real);
        await WaymarkServer.WaitForCircuitAsync(page);
        const string log = "customer,time,touchpoint,channel\nc1,2025-03-01T10:00:00Z,web-service-portal,web\nc1,2025-03-01T11:00:00Z,call-hotline,phone\n"
            + "c2,2025-03-02T09:00:00Z,call-hotline,phone\nc2,2025-03-02T09:10:00Z,call-hotline,phone\n";
        await page.SetInputFilesAsync("#event-log", new Microsoft.Playwright.FilePayload
            { Name = "contrast.csv", MimeType = "text/csv", Buffer = System.Text.Encoding.UTF8.GetBytes(log) });
        await page.WaitForSelectorAsync("[data-testid=real-results]");
        failures.AddRange((await page.EvaluateAsync<string[]>(Measure)).Select(f => $"{real}: {f}"));
        var signedOut = await server.Browser.NewPageAsync();
        await signedOut.GotoAsync(server.BaseUrl + "/account/login");
        failures.AddRange((await signedOut.EvaluateAsync<string[]>(Measure)).Select(f => $"/account/login: {f}"));
        Assert.True(failures.Count == 0, $"{failures.Count} pieces of text below the contrast ratio:\n" + string.Join("\n", failures.Distinct()));
    }
}
