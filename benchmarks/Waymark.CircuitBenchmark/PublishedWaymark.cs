using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Waymark.CircuitBenchmark;

/// <summary>
/// The published product as an operator runs it: <c>dotnet publish</c> of src/Waymark.Cli, a workspace made by
/// <c>waymark demo</c>, an administrator made by <c>waymark user add</c>, an editor token by <c>waymark token create</c>,
/// then <c>waymark serve</c> in its own process on 127.0.0.1.
/// </summary>
public sealed class PublishedWaymark : IAsyncDisposable
{
    public const string Email = "circuits@example.com";

    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private PublishedWaymark(Process process, string baseUrl, string workspace, string password, string token)
    {
        _process = process;
        BaseUrl = baseUrl;
        Workspace = workspace;
        OneTimePassword = password;
        Token = token;
    }

    public string BaseUrl { get; }
    public string Workspace { get; }
    public string OneTimePassword { get; }
    public string Token { get; }
    public int ProcessId => _process.Id;

    public static string Publish(string repository, string output)
    {
        Console.WriteLine($"Publishing src/Waymark.Cli to {output} …");
        var (code, text) = Run("dotnet", ["publish", Path.Combine(repository, "src", "Waymark.Cli"), "-c", "Release", "-o", output, "-nologo", "-v", "q"], repository);
        if (code != 0) throw new InvalidOperationException($"dotnet publish failed:\n{text}");
        return output;
    }

    /// <summary>A fresh database with the demo workspace of the given size, an administrator and an editor token, then the server.</summary>
    public static async Task<PublishedWaymark> StartAsync(string published, string work, string size, IReadOnlyDictionary<string, string> environment)
    {
        var dll = Path.Combine(published, "waymark.dll");
        var database = Path.Combine(work, $"circuits-{size}.db");
        foreach (var f in new[] { database, database + "-wal", database + "-shm" })
            if (File.Exists(f)) File.Delete(f);

        string[] demo = size == "demo" ? ["demo", "--db", database] : ["demo", "--db", database, "--size", size];
        if (size != "demo")
        {
            var (_, help) = Run("dotnet", [dll, "demo", "--help"], work);
            if (!help.Contains("--size")) throw new InvalidOperationException($"This build of waymark has no 'demo --size'; cannot make the {size} workspace.");
        }
        Console.WriteLine($"Creating the {size} workspace …");
        var workspace = LastLine(Waymark(dll, work, demo));
        var password = LastLine(Waymark(dll, work, ["user", "add", "--db", database, "--email", Email, "--admin"]));
        var token = LastLine(Waymark(dll, work, ["token", "create", "--db", database, "--workspace", workspace, "--role", "editor", "--name", "circuit benchmark"]));

        var port = FreePort();
        var info = new ProcessStartInfo("dotnet") { WorkingDirectory = work, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { dll, "serve", "--db", database, "--no-demo", "--urls", $"http://127.0.0.1:{port}" }) info.ArgumentList.Add(a);
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        info.Environment["DOTNET_ENVIRONMENT"] = "Production";
        foreach (var (name, value) in environment) info.Environment[name] = value;
        var server = new PublishedWaymark(new Process { StartInfo = info }, $"http://127.0.0.1:{port}", workspace, password, token);
        server._process.OutputDataReceived += (_, e) => server.Append(e.Data);
        server._process.ErrorDataReceived += (_, e) => server.Append(e.Data);
        server._process.Start();
        server._process.BeginOutputReadLine();
        server._process.BeginErrorReadLine();
        var until = DateTime.UtcNow.AddSeconds(120);
        while (!server.Output.Contains("Waymark is listening on"))
        {
            if (server._process.HasExited || DateTime.UtcNow > until)
                throw new InvalidOperationException($"waymark serve did not start:\n{server.Output}");
            await Task.Delay(200);
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

    private static string Waymark(string dll, string work, string[] args)
    {
        var (code, text) = Run("dotnet", [dll, .. args], work);
        if (code != 0) throw new InvalidOperationException($"waymark {string.Join(' ', args)} failed:\n{text}");
        return text;
    }

    private static string LastLine(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)[^1];

    public static (int ExitCode, string Output) Run(string file, IEnumerable<string> args, string directory)
    {
        var info = new ProcessStartInfo(file) { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args) info.ArgumentList.Add(a);
        info.Environment["DOTNET_NOLOGO"] = "1";
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        return (process.ExitCode, output.Result + errors.Result);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
        _process.Dispose();
    }
}
