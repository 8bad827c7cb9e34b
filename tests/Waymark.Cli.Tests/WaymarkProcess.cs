using System.Diagnostics;
using System.Text;

namespace Waymark.Cli.Tests;

/// <summary>Runs the real <c>waymark</c> program, built next to the tests, as a separate process.</summary>
internal sealed record CliResult(int ExitCode, string Output, string Errors)
{
    public string LastLine => Output.TrimEnd().Split('\n').Last().Trim();
}

internal static class WaymarkProcess
{
    public static string Dll => Path.Combine(AppContext.BaseDirectory, "waymark.dll");

    public static ProcessStartInfo StartInfo(string workingDirectory, params string[] args)
    {
        var info = new ProcessStartInfo("dotnet") { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true };
        info.ArgumentList.Add(Dll);
        foreach (var a in args) info.ArgumentList.Add(a);
        info.Environment["DOTNET_NOLOGO"] = "1";
        // serve and demo give the demo workspace a year of events unless told not to; the tests that want them say so.
        info.Environment["Waymark__SeedDemoEvents"] = "false";
        return info;
    }

    public static Task<CliResult> RunAsync(string workingDirectory, params string[] args) =>
        RunAsync(TimeSpan.FromMinutes(2), workingDirectory, args);

    public static async Task<CliResult> RunAsync(TimeSpan limit, string workingDirectory, params string[] args)
    {
        using var process = Process.Start(StartInfo(workingDirectory, args))!;
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(limit);
        await process.WaitForExitAsync(timeout.Token);
        return new CliResult(process.ExitCode, await output, await errors);
    }
}

/// <summary>A scratch folder per test, removed afterwards.</summary>
public sealed class Scratch : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("waymark-cli-").FullName;

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose()
    {
        try { Directory.Delete(Path, recursive: true); } catch (IOException) { }
    }
}
