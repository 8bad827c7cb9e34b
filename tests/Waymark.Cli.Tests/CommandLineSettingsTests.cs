using System.Diagnostics;
using System.Net;

namespace Waymark.Cli.Tests;

/// <summary>What a person types after a command: ASP.NET Core settings for serve, durations as people write them.</summary>
public sealed class CommandLineSettingsTests
{
    [Fact]
    public async Task Serve_takes_configuration_settings_as_ASP_NET_Core_does()
    {
        using var scratch = new Scratch();
        var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        using var process = Process.Start(WaymarkProcess.StartInfo(scratch.Path, "serve", "--db", scratch.File("w.db"),
            "--urls", $"http://127.0.0.1:{port}", "--Waymark:AdminEmail=cx-lead@example.com", "--Waymark:SessionCheckSeconds", "30"))!;
        try
        {
            var seen = new List<string>();
            string? line;
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
            while ((line = await process.StandardOutput.ReadLineAsync(timeout.Token)) is not null && !line.Contains("Waymark is listening on"))
                seen.Add(line);
            Assert.True(line is not null, "serve ended without printing its address: " + string.Join('\n', seen));
            Assert.Contains(seen, l => l.Contains("e-mail:") && l.Contains("cx-lead@example.com"));
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }

    [Theory]
    [InlineData("--no-dem")]
    [InlineData("stray")]
    public async Task Serve_still_refuses_what_is_neither_an_option_nor_a_setting(string token)
    {
        using var scratch = new Scratch();
        var result = await WaymarkProcess.RunAsync(scratch.Path, "serve", "--db", scratch.File("w.db"), token);
        Assert.Equal(1, result.ExitCode);
        Assert.Contains($"Unrecognized command or argument '{token}'", result.Errors);
        Assert.Contains("--Section:Key=value", result.Errors);
        Assert.False(File.Exists(scratch.File("w.db")));
    }

    [Theory]
    [InlineData("--gap")]
    [InlineData("--repeat-window")]
    public async Task A_duration_that_is_not_one_is_refused_with_the_formats_it_takes(string option)
    {
        using var scratch = new Scratch();
        var result = await WaymarkProcess.RunAsync(scratch.Path, "analyze", scratch.File("events.csv"), option, "x");
        Assert.NotEqual(0, result.ExitCode);
        var said = result.Output + result.Errors;
        Assert.Contains($"{option}: 'x' is not a duration", said);
        Assert.Contains("30d", said);
        Assert.DoesNotContain("System.", said);
    }

    [Theory]
    [InlineData("30d", 30 * 24 * 60)]
    [InlineData("12h", 12 * 60)]
    [InlineData("90m", 90)]
    [InlineData("1.12:00:00", 36 * 60)]
    public void Durations_are_read_as_people_write_them(string text, int minutes)
    {
        Assert.True(Waymark.Cli.Commands.DurationOption.TryParse(text, out var duration));
        Assert.Equal(TimeSpan.FromMinutes(minutes), duration);
    }
}
