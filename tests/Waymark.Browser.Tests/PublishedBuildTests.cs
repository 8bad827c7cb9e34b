using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Waymark.Browser.Tests;

/// <summary>
/// Waymark as an operator meets it: <c>dotnet publish</c>, then <c>waymark serve</c> started from a folder that has
/// nothing to do with the program (a person's home, a container's or a service manager's "/"). The stylesheets and
/// scripts must come back whole with their content types, and a person must get past sign-in into a live page.
/// </summary>
public sealed partial class PublishedBuildTests
{
    private static readonly (string Path, string ContentType)[] Assets =
    [
        ("/waymark.css", "text/css"),
        ("/_content/MudBlazor/MudBlazor.min.css", "text/css"),
        ("/_content/MudBlazor/MudBlazor.min.js", "text/javascript"),
        ("/_framework/blazor.web.js", "text/javascript"),
    ];

    [Fact]
    public async Task A_published_waymark_started_from_an_unrelated_folder_serves_its_ui_and_a_person_signs_in()
    {
        var scratch = Directory.CreateTempSubdirectory("waymark-published-").FullName;
        try
        {
            var published = Path.Combine(scratch, "published");
            await PublishAsync(published, Path.Combine(scratch, "artifacts"));
            var elsewhere = Directory.CreateDirectory(Path.Combine(scratch, "somewhere", "else")).FullName;

            // As a person would start it: dotnet and the dll, from an unrelated folder.
            await using (var server = await PublishedServer.StartAsync(["dotnet", Path.Combine(published, "waymark.dll")], elsewhere,
                             Path.Combine(scratch, "person.db")))
            {
                await AssertServesAssetsAsync(server);
                await AssertSignInLeadsToALivePageAsync(server);
                Assert.Empty(Directory.GetFileSystemEntries(elsewhere));
            }

            // As a container or a systemd unit would: the program itself, from the root folder.
            await using (var service = await PublishedServer.StartAsync([Path.Combine(published, "waymark")], "/",
                             Path.Combine(scratch, "service.db")))
            {
                await AssertServesAssetsAsync(service);
            }
        }
        finally
        {
            try { Directory.Delete(scratch, recursive: true); } catch (IOException) { }
        }
    }

    private static async Task AssertServesAssetsAsync(PublishedServer server)
    {
        using var http = new HttpClient { BaseAddress = new Uri(server.BaseUrl) };
        foreach (var (path, contentType) in Assets)
        {
            using var response = await http.GetAsync(path);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path} answered {(int)response.StatusCode}");
            var body = await response.Content.ReadAsByteArrayAsync();
            Assert.True(body.Length > 1000, $"{path} came back with {body.Length} bytes");
            Assert.Equal(contentType, response.Content.Headers.ContentType?.MediaType);
        }
    }

    private static async Task AssertSignInLeadsToALivePageAsync(PublishedServer server)
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync"],
        });
        var page = await browser.NewPageAsync();
        page.SetDefaultTimeout(30_000);
        await page.GotoAsync($"{server.BaseUrl}/account/login");
        // Styled: the stylesheet reached the page, so the sign-in card is not a bare form.
        Assert.NotEqual("rgba(0, 0, 0, 0)", await page.EvalOnSelectorAsync<string>(".wm-login-submit", "b => getComputedStyle(b).backgroundColor"));
        await page.FillAsync("#email", server.FirstAdministratorEmail);
        await page.FillAsync("#password", server.OneTimePassword);
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync(url => url.Contains("/account/password"));
        const string own = "a long own password for the published build";
        await page.FillAsync("#currentPassword", server.OneTimePassword);
        await page.FillAsync("#newPassword", own);
        await page.FillAsync("#confirmPassword", own);
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync(url => !url.Contains("/account/"));
        await WaymarkServer.WaitForCircuitAsync(page);
        Assert.True(await page.EvaluateAsync<bool>("() => typeof window.Blazor === 'object'"));
    }

    private static async Task PublishAsync(string output, string artifacts)
    {
        var project = Path.Combine(RepositoryRoot(), "src", "Waymark.Cli", "Waymark.Cli.csproj");
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { "publish", project, "-o", output, "--artifacts-path", artifacts, "-nologo", "-v", "q" }) info.ArgumentList.Add(a);
        info.Environment["DOTNET_NOLOGO"] = "1";
        using var process = Process.Start(info)!;
        var log = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(8));
        await process.WaitForExitAsync(timeout.Token);
        Assert.True(process.ExitCode == 0, $"dotnet publish failed: {await log}{await errors}");
    }

    private static string RepositoryRoot([System.Runtime.CompilerServices.CallerFilePath] string source = "")
    {
        var dir = new DirectoryInfo(Path.GetDirectoryName(source)!);
        while (!File.Exists(Path.Combine(dir.FullName, "Waymark.slnx"))) dir = dir.Parent!;
        return dir.FullName;
    }

    [GeneratedRegex(@"e-mail:\s+(\S+)")]
    private static partial Regex PrintedEmail();

    [GeneratedRegex(@"password:\s+(\S+)")]
    private static partial Regex PrintedPassword();

    /// <summary>A published <c>waymark serve</c> in its own process, with what it printed on first start.</summary>
    private sealed class PublishedServer : IAsyncDisposable
    {
        private readonly Process _process;
        private readonly StringBuilder _output = new();

        private PublishedServer(Process process, string baseUrl)
        {
            _process = process;
            BaseUrl = baseUrl;
        }

        public string BaseUrl { get; }
        public string FirstAdministratorEmail => PrintedEmail().Match(Output).Groups[1].Value;
        public string OneTimePassword => PrintedPassword().Match(Output).Groups[1].Value;

        private string Output
        {
            get { lock (_output) return _output.ToString(); }
        }

        public static async Task<PublishedServer> StartAsync(string[] command, string workingDirectory, string database)
        {
            var port = FreePort();
            var info = new ProcessStartInfo(command[0]) { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var a in command.Skip(1).Concat(["serve", "--db", database, "--urls", $"http://127.0.0.1:{port}"])) info.ArgumentList.Add(a);
            info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
            info.Environment["DOTNET_ENVIRONMENT"] = "Production";
            var server = new PublishedServer(new Process { StartInfo = info }, $"http://127.0.0.1:{port}");
            server._process.OutputDataReceived += (_, e) => server.Append(e.Data);
            server._process.ErrorDataReceived += (_, e) => server.Append(e.Data);
            server._process.Start();
            server._process.BeginOutputReadLine();
            server._process.BeginErrorReadLine();
            var until = DateTime.UtcNow.AddSeconds(90);
            while (!server.Output.Contains("Waymark is listening on"))
            {
                if (server._process.HasExited || DateTime.UtcNow > until)
                    throw new InvalidOperationException($"waymark serve did not start:\n{server.Output}");
                await Task.Delay(200);
            }
            return server;
        }

        private void Append(string? line)
        {
            if (line is null) return;
            lock (_output) _output.AppendLine(line);
        }

        public async ValueTask DisposeAsync()
        {
            if (!_process.HasExited) _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
            _process.Dispose();
        }

        private static int FreePort()
        {
            using var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }
    }
}
