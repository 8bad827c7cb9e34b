using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Waymark.Benchmarking;

/// <summary>Runs programs for the benchmarks (dotnet publish, the waymark CLI) and gives their exit code and everything they printed.</summary>
public static class Shell
{
    public static (int ExitCode, string Output) Run(string file, IEnumerable<string> args, string directory, IReadOnlyDictionary<string, string>? environment = null)
    {
        var info = new ProcessStartInfo(file) { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args) info.ArgumentList.Add(a);
        info.Environment["DOTNET_NOLOGO"] = "1";
        foreach (var (name, value) in environment ?? new Dictionary<string, string>()) info.Environment[name] = value;
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        return (process.ExitCode, output.Result + errors.Result);
    }

    public static string Must(string file, IEnumerable<string> args, string directory)
    {
        var list = args.ToList();
        var (code, text) = Run(file, list, directory);
        if (code != 0) throw new InvalidOperationException($"{file} {string.Join(' ', list)} failed:\n{text}");
        return text;
    }

    public static string LastLine(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)[^1];

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>The product as an operator installs it: <c>dotnet publish</c> of src/Waymark.Cli in Release.</summary>
    public static string Publish(string repository, string output)
    {
        Console.WriteLine($"Publishing src/Waymark.Cli to {output} …");
        Must("dotnet", ["publish", Path.Combine(repository, "src", "Waymark.Cli"), "-c", "Release", "-o", output, "-nologo", "-v", "q"], repository);
        return output;
    }
}

/// <summary>
/// <c>waymark serve</c> of a published build in its own process on 127.0.0.1, in Production, with what it prints kept;
/// it can be killed with SIGKILL (Process.Kill) and started again on the same storage.
/// </summary>
public sealed class ServerProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private ServerProcess(Process process, string baseUrl)
    {
        _process = process;
        BaseUrl = baseUrl;
    }

    public string BaseUrl { get; }
    public int ProcessId => _process.Id;
    public Process Process => _process;

    /// <summary>Starts <c>waymark serve</c> with the given arguments (storage, options) and waits until it listens (on a free port unless given one).</summary>
    public static async Task<ServerProcess> StartAsync(string dll, string work, IEnumerable<string> arguments, IReadOnlyDictionary<string, string> environment,
        TimeSpan timeout, int? port = null)
    {
        port ??= Shell.FreePort();
        var info = new ProcessStartInfo("dotnet") { WorkingDirectory = work, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in (string[])[dll, "serve", .. arguments, "--urls", $"http://127.0.0.1:{port}"]) info.ArgumentList.Add(a);
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        info.Environment["DOTNET_ENVIRONMENT"] = "Production";
        foreach (var (name, value) in environment) info.Environment[name] = value;
        var server = new ServerProcess(new Process { StartInfo = info }, $"http://127.0.0.1:{port}");
        server._process.OutputDataReceived += (_, e) => server.Append(e.Data);
        server._process.ErrorDataReceived += (_, e) => server.Append(e.Data);
        server._process.Start();
        server._process.BeginOutputReadLine();
        server._process.BeginErrorReadLine();
        var until = DateTime.UtcNow + timeout;
        while (!server.Output.Contains("Waymark is listening on"))
        {
            if (server._process.HasExited || DateTime.UtcNow > until)
                throw new InvalidOperationException($"waymark serve did not start:\n{server.Output}");
            await Task.Delay(100);
        }
        return server;
    }

    public string Output
    {
        get { lock (_output) return _output.ToString(); }
    }

    private void Append(string? line)
    {
        if (line is null) return;
        lock (_output) _output.AppendLine(line);
    }

    /// <summary>kill -9: the process gets no chance to finish what it is doing.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: false);
        await _process.WaitForExitAsync();
    }

    /// <summary>CPU time (user + system) the server used so far, in milliseconds, from /proc/PID/stat (clock ticks of 1/100 s).</summary>
    public double CpuMs()
    {
        var stat = File.ReadAllText($"/proc/{_process.Id}/stat");
        // The command name in parentheses may contain spaces; the fields after it start with the state (field 3).
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) * 10.0;
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process.Dispose();
    }
}
