using System.Diagnostics;
using System.Text.Json;
using Waymark.Web.Tests.Exchange;

namespace Waymark.Web.Tests.Platform;

/// <summary>
/// The published OpenAPI document passes Redocly's recommended rules, so client generators and API tools read it
/// without complaint. The linter comes from npm: test.sh installs it into the repository's .tools folder.
/// </summary>
public sealed class OpenApiLintTests(DemoFactory factory) : IClassFixture<DemoFactory>
{
    [Fact]
    public async Task The_openapi_document_has_no_errors_under_redoclys_recommended_rules()
    {
        var redocly = Redocly();
        var file = Path.Combine(Path.GetTempPath(), $"waymark-openapi-{Guid.NewGuid():N}.json");
        try
        {
            await File.WriteAllTextAsync(file, await factory.CreateClient().GetStringAsync("/openapi/v1.json"));
            var (exit, output) = await RunAsync(redocly, ["lint", file, "--extends", "recommended", "--format", "json", "--max-problems", "1000"]);
            var json = output[output.IndexOf('{')..];
            var report = JsonDocument.Parse(json).RootElement;
            // Errors, and the warnings about what every operation and tag should carry: an operationId, a description.
            string[] alsoChecked = ["operation-operationId", "operation-operationId-unique", "operation-operationId-url-safe", "tag-description", "operation-summary"];
            var errors = report.GetProperty("problems").EnumerateArray()
                .Where(p => p.GetProperty("severity").GetString() == "error" || alsoChecked.Contains(p.GetProperty("ruleId").GetString()))
                .Select(p => $"{p.GetProperty("ruleId").GetString()}: {p.GetProperty("message").GetString()} at {string.Join(", ", p.GetProperty("location").EnumerateArray().Select(l => l.GetProperty("pointer").GetString()))}")
                .ToList();
            Assert.True(errors.Count == 0, $"redocly lint found {errors.Count} problem(s):\n{string.Join("\n", errors.Take(40))}");
            Assert.Equal(0, exit);
        }
        finally
        {
            File.Delete(file);
        }
    }

    /// <summary>The linter test.sh installs (or WAYMARK_REDOCLY); missing, the test fails and says how to get it.</summary>
    private static string Redocly()
    {
        if (Environment.GetEnvironmentVariable("WAYMARK_REDOCLY") is { Length: > 0 } given) return given;
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (!File.Exists(Path.Combine(dir.FullName, "Waymark.slnx"))) continue;
            var path = Path.Combine(dir.FullName, ".tools", "node_modules", ".bin", "redocly");
            Assert.True(File.Exists(path),
                $"The OpenAPI linter is not installed at {path}. Run ./test.sh (it installs it), or: npm install --prefix {Path.Combine(dir.FullName, ".tools")} @redocly/cli@2.77.0");
            return path;
        }
        Assert.Fail("The repository root (Waymark.slnx) was not found above the test folder, so the OpenAPI linter cannot be found; set WAYMARK_REDOCLY to its path.");
        return "";
    }

    private static async Task<(int Exit, string Output)> RunAsync(string file, IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in arguments) start.ArgumentList.Add(a);
        // The linter would otherwise ask the network whether it is up to date and send usage data.
        start.Environment["REDOCLY_TELEMETRY"] = "off";
        start.Environment["REDOCLY_SUPPRESS_UPDATE_NOTICE"] = "true";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await process.WaitForExitAsync(timeout.Token);
        var text = await output;
        Assert.True(text.Contains('{'), $"redocly printed no report (exit {process.ExitCode}): {text}{await error}");
        return (process.ExitCode, text);
    }
}
