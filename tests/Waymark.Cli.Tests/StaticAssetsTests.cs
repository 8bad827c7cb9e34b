using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Waymark.Cli.Tests;

/// <summary>
/// The UI's scripts and styles (blazor.web.js, MudBlazor's CSS and JS) come back whole from a built dll run in
/// Production from an unrelated folder (it reads the build's asset manifest). The published app is tested with a
/// browser in Waymark.Browser.Tests.PublishedBuildTests.
/// </summary>
public sealed class StaticAssetsTests
{
    private static readonly string[] Assets =
        ["/_framework/blazor.web.js", "/_content/MudBlazor/MudBlazor.min.css", "/_content/MudBlazor/MudBlazor.min.js", "/waymark.css"];

    [Fact]
    public async Task A_built_waymark_serves_the_ui_assets_in_production()
    {
        using var scratch = new Scratch();
        await AssertServesAssetsAsync(WaymarkProcess.Dll, scratch);
    }

    private static async Task AssertServesAssetsAsync(string dll, Scratch scratch)
    {
        var port = FreePort();
        var info = new ProcessStartInfo("dotnet") { WorkingDirectory = scratch.Path, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { dll, "serve", "--db", scratch.File("assets.db"), "--urls", $"http://127.0.0.1:{port}" }) info.ArgumentList.Add(a);
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        info.Environment["DOTNET_ENVIRONMENT"] = "Production";
        using var server = Process.Start(info)!;
        _ = server.StandardOutput.ReadToEndAsync();
        _ = server.StandardError.ReadToEndAsync();
        try
        {
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
            await WaitUntilUpAsync(http);
            foreach (var asset in Assets)
            {
                var response = await http.GetAsync(asset);
                Assert.True(response.StatusCode == HttpStatusCode.OK, $"{asset} answered {(int)response.StatusCode} from {dll}");
                Assert.True((await response.Content.ReadAsByteArrayAsync()).Length > 1000, $"{asset} came back empty from {dll}");
                Assert.Contains(response.Content.Headers.ContentType?.MediaType, new[] { "text/css", "text/javascript" });
            }
            var login = await http.GetStringAsync("/account/login");
            Assert.Contains("_framework/blazor.web", login);
        }
        finally
        {
            server.Kill(entireProcessTree: true);
            await server.WaitForExitAsync();
        }
    }

    private static async Task WaitUntilUpAsync(HttpClient http)
    {
        var until = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            try
            {
                if ((await http.GetAsync("/health")).IsSuccessStatusCode) return;
            }
            catch (HttpRequestException) when (DateTime.UtcNow < until) { }
            if (DateTime.UtcNow > until) throw new TimeoutException("waymark serve did not answer within 60 s");
            await Task.Delay(250);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

}
