using Waymark.Benchmarking;

namespace Waymark.CircuitBenchmark;

/// <summary>
/// The published product as an operator runs it: <c>dotnet publish</c> of src/Waymark.Cli, a workspace made by
/// <c>waymark demo</c>, an administrator made by <c>waymark user add</c>, an editor token by <c>waymark token create</c>,
/// then <c>waymark serve</c> in its own process on 127.0.0.1.
/// </summary>
public sealed class PublishedWaymark : IAsyncDisposable
{
    public const string Email = "circuits@example.com";

    private readonly ServerProcess _server;

    private PublishedWaymark(ServerProcess server, string workspace, string password, string token)
    {
        _server = server;
        Workspace = workspace;
        OneTimePassword = password;
        Token = token;
    }

    public string BaseUrl => _server.BaseUrl;
    public string Workspace { get; }
    public string OneTimePassword { get; }
    public string Token { get; }
    public int ProcessId => _server.ProcessId;
    public string Output => _server.Output;

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
            var (_, help) = Shell.Run("dotnet", [dll, "demo", "--help"], work);
            if (!help.Contains("--size")) throw new InvalidOperationException($"This build of waymark has no 'demo --size'; cannot make the {size} workspace.");
        }
        Console.WriteLine($"Creating the {size} workspace …");
        var workspace = Shell.LastLine(Shell.Must("dotnet", [dll, .. demo], work));
        var password = Shell.LastLine(Shell.Must("dotnet", [dll, "user", "add", "--db", database, "--email", Email, "--admin"], work));
        var token = Shell.LastLine(Shell.Must("dotnet", [dll, "token", "create", "--db", database, "--workspace", workspace, "--role", "editor", "--name", "circuit benchmark"], work));
        var server = await ServerProcess.StartAsync(dll, work, ["--db", database, "--no-demo"], environment, TimeSpan.FromSeconds(120));
        return new PublishedWaymark(server, workspace, password, token);
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();
}
