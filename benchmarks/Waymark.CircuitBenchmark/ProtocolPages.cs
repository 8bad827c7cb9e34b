using System.Net;
using System.Text.Json;
using Microsoft.Playwright;

namespace Waymark.CircuitBenchmark;

/// <summary>
/// The pages as Blazor Server circuits spoken from .NET (<see cref="BlazorCircuit"/>): no browser, no DOM, no layout,
/// so the client needs little of the CPU the server needs, and a page has the edit when its connection has received
/// the render batch that carries it. Signs in once through chromium as the chromium client does, then holds only the cookie.
/// </summary>
public sealed class ProtocolPages : IMapPages
{
    private static readonly TimeSpan OpenTimeout = TimeSpan.FromMinutes(3);
    private readonly PublishedWaymark _server;
    private readonly CookieContainer _cookies;
    private readonly HttpClient _http;
    private readonly CircuitTally _tally = new();
    private readonly List<BlazorCircuit> _circuits = [];
    private BlazorCircuit[] _pages = [];
    private (long Batches, long Bytes) _atEdit;
    private (long Batches, long Bytes) _atClose;

    private ProtocolPages(PublishedWaymark server, CookieContainer cookies)
    {
        _server = server;
        _cookies = cookies;
        _http = new HttpClient(new SocketsHttpHandler { CookieContainer = cookies, UseCookies = true })
        {
            BaseAddress = new Uri(server.BaseUrl + "/"), Timeout = TimeSpan.FromMinutes(2),
        };
    }

    public string Client => "protocol";

    public static async Task<ProtocolPages> StartAsync(PublishedWaymark server)
    {
        string signedIn;
        using (var playwright = await Playwright.CreateAsync())
        await using (var browser = await ChromiumPages.LaunchAsync(playwright, rendererLimit: 0))
            signedIn = await ChromiumPages.SignInAsync(browser, server);
        var cookies = new CookieContainer();
        foreach (var c in JsonDocument.Parse(signedIn).RootElement.GetProperty("cookies").EnumerateArray())
            cookies.Add(new System.Net.Cookie(c.GetProperty("name").GetString()!, c.GetProperty("value").GetString()!, c.GetProperty("path").GetString()!, c.GetProperty("domain").GetString()!));
        return new ProtocolPages(server, cookies);
    }

    public async Task WarmUpAsync(string mapUrl)
    {
        var warm = await BlazorCircuit.OpenAsync(_http, _cookies, _server.BaseUrl, mapUrl, _tally, OpenTimeout);
        await warm.CloseAsync(_http);
    }

    public async Task OpenAsync(string mapUrl, int pages, int parallel)
    {
        _pages = new BlazorCircuit[pages];
        await Opening.RunAsync(pages, parallel, async i =>
        {
            _pages[i] = await BlazorCircuit.OpenAsync(_http, _cookies, _server.BaseUrl, mapUrl, _tally, OpenTimeout);
            lock (_circuits) _circuits.Add(_pages[i]);
        });
    }

    public Task<IReadOnlyList<Task<double>>> WatchAsync(string marker)
    {
        _atEdit = (Interlocked.Read(ref _tally.Batches), Interlocked.Read(ref _tally.BatchBytes));
        _tally.ForgetEditBatches();
        return Task.FromResult<IReadOnlyList<Task<double>>>([.. _pages.Select(p => p.Watch(marker))]);
    }

    public async Task CloseAsync()
    {
        _atClose = (Interlocked.Read(ref _tally.Batches), Interlocked.Read(ref _tally.BatchBytes));
        await Task.WhenAll(_pages.Select(p => p.CloseAsync(_http)));
        lock (_circuits) _circuits.Clear();
    }

    public string Setup(BenchmarkOptions o) =>
        "protocol client (each page a Blazor circuit over its own WebSocket from .NET, blazorpack protocol, no browser)";

    public IEnumerable<string> Findings()
    {
        var edit = _tally.EditBatches.Order().ToList();
        yield return $"protocol client: {_tally.Started} circuits started, {_tally.Batches:N0} render batches received and acknowledged " +
                     $"({_tally.BatchBytes / 1024.0 / 1024.0:N1} MB); the edit arrived in a batch carrying the new name as its own string on {edit.Count} pages" +
                     (edit.Count > 0 ? $" (that batch {edit[0]:N0}–{edit[^1]:N0} bytes)" : "") +
                     $"; from the edit until the pages closed (about 5 s) {_atClose.Batches - _atEdit.Batches:N0} batches, {(_atClose.Bytes - _atEdit.Bytes) / 1024.0:N0} KB in all";
        yield return "JavaScript calls the server made, each answered as fits (undefined, or an object reference where asked): " +
                     string.Join(", ", _tally.JsCalls.OrderByDescending(c => c.Value).Select(c => $"`{c.Key}` ×{c.Value}"));
        if (_tally.Ignored.Count > 0)
            yield return "messages for the page's DOM that the client leaves aside: " + string.Join(", ", _tally.Ignored.OrderByDescending(c => c.Value).Select(c => $"`{c.Key}` ×{c.Value}"));
        var errors = _tally.Errors;
        yield return errors.Count == 0 ? "circuit errors seen by the client (JS.Error, connections lost, messages it could not read): none"
            : $"circuit errors seen by the client: {errors.Count}: {string.Join("; ", errors.GroupBy(e => e).Select(g => $"{g.Key} ×{g.Count()}"))}";
        if (_tally.DisconnectRefused > 0) yield return $"_blazor/disconnect refused for {_tally.DisconnectRefused} circuits";
    }

    public async ValueTask DisposeAsync()
    {
        List<BlazorCircuit> open;
        lock (_circuits) open = [.. _circuits];
        foreach (var circuit in open) await circuit.DisposeAsync();
        _http.Dispose();
    }
}
