using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Waymark.IngestBenchmark;

/// <summary>Runs a program and gives its exit code and everything it printed.</summary>
internal static class Shell
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
}

/// <summary>
/// A throwaway PostgreSQL cluster: initdb as the user postgres into a temporary folder, started by pg_ctl on 127.0.0.1
/// at a free port with its socket in that folder; stopped and removed on dispose.
/// </summary>
internal sealed class ThrowawayPostgres : IDisposable
{
    private readonly string _bin, _data;

    private ThrowawayPostgres(string bin, string data, int port)
    {
        _bin = bin;
        _data = data;
        Port = port;
    }

    public int Port { get; }

    public string ConnectionString(string database) => $"Host=127.0.0.1;Port={Port};Username=postgres;Database={database};Pooling=true";

    public static ThrowawayPostgres Start(string folder)
    {
        var bin = Directory.GetDirectories("/usr/lib/postgresql").OrderByDescending(d => int.TryParse(Path.GetFileName(d), out var v) ? v : 0)
            .Select(d => Path.Combine(d, "bin")).FirstOrDefault(d => File.Exists(Path.Combine(d, "initdb")))
            ?? throw new InvalidOperationException("PostgreSQL is not installed (apt-get install postgresql).");
        Directory.CreateDirectory(folder);
        var data = Path.Combine(folder, "data");
        Shell.Must("chown", ["-R", "postgres", folder], folder);
        var port = Shell.FreePort();
        Shell.Must("runuser", ["-u", "postgres", "--", Path.Combine(bin, "initdb"), "-D", data, "-A", "trust", "-U", "postgres", "--no-sync"], folder);
        Shell.Must("runuser", ["-u", "postgres", "--", Path.Combine(bin, "pg_ctl"), "-D", data, "-l", Path.Combine(folder, "log"), "-w",
            "-o", $"-c listen_addresses=127.0.0.1 -p {port} -k {folder}", "start"], folder);
        return new ThrowawayPostgres(bin, data, port);
    }

    public void Dispose()
    {
        Shell.Run("runuser", ["-u", "postgres", "--", Path.Combine(_bin, "pg_ctl"), "-D", _data, "-m", "immediate", "-w", "stop"], "/");
        try
        {
            Directory.Delete(Path.GetDirectoryName(_data)!, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}

/// <summary>
/// <c>waymark serve</c> of the published build in its own process on 127.0.0.1, on the given storage; it can be killed
/// with SIGKILL (Process.Kill) and started again on the same storage.
/// </summary>
internal sealed class WaymarkServer : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private WaymarkServer(Process process, string baseUrl)
    {
        _process = process;
        BaseUrl = baseUrl;
    }

    public string BaseUrl { get; }
    public int ProcessId => _process.Id;
    public Process Process => _process;

    public static string Publish(string repository, string output)
    {
        Console.WriteLine($"Publishing src/Waymark.Cli to {output} …");
        Shell.Must("dotnet", ["publish", Path.Combine(repository, "src", "Waymark.Cli"), "-c", "Release", "-o", output, "-nologo", "-v", "q"], repository);
        return output;
    }

    public static async Task<WaymarkServer> StartAsync(string dll, string work, string[] storage, int port)
    {
        var info = new ProcessStartInfo("dotnet") { WorkingDirectory = work, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in (string[])[dll, "serve", .. storage, "--no-demo", "--urls", $"http://127.0.0.1:{port}"]) info.ArgumentList.Add(a);
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        info.Environment["DOTNET_ENVIRONMENT"] = "Production";
        // Information logs of every request would cost the server more than the events it stores.
        info.Environment["Logging__LogLevel__Default"] = "Warning";
        // …but the background work that events cause while they arrive is reported (see Program.MeasureAsync).
        info.Environment["Logging__LogLevel__Waymark.Web.Features.Evidence.EventAnalyticsRefresh"] = "Information";
        info.Environment["Logging__LogLevel__Waymark.Web.Features.Kpis.KpiEventRefresh"] = "Information";
        var server = new WaymarkServer(new Process { StartInfo = info }, $"http://127.0.0.1:{port}");
        server._process.OutputDataReceived += (_, e) => server.Append(e.Data);
        server._process.ErrorDataReceived += (_, e) => server.Append(e.Data);
        server._process.Start();
        server._process.BeginOutputReadLine();
        server._process.BeginErrorReadLine();
        var until = DateTime.UtcNow.AddSeconds(300);
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

    /// <summary>CPU time (user + system) the server used so far, in milliseconds, from /proc/PID/stat.</summary>
    public double CpuMs()
    {
        var stat = File.ReadAllText($"/proc/{_process.Id}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) * 10.0;
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process.Dispose();
    }
}
