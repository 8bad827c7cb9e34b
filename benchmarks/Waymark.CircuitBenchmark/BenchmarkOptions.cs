using System.Globalization;

namespace Waymark.CircuitBenchmark;

/// <summary>
/// The command line: <c>--client chromium|protocol --size demo|large --journey NAME|median --pages 200 --contexts 10 --parallel 8 --renderer-limit 16
/// --published DIR --work DIR --out FILE</c>; <c>--hold SECONDS</c> keeps the pages open before the edit (to look at the
/// server with dotnet-gcdump), <c>--server-env NAME=VALUE[;NAME=VALUE]</c> starts the server with runtime settings such as
/// <c>DOTNET_gcServer=0</c> to compare; <c>--prior-edits N</c> makes N edits that reach every page before the one measured
/// (the code that delivers a change then runs as a server that has run a while has it, compiled by the JIT's second tier). <c>--client protocol</c> holds the pages as Blazor circuits spoken from .NET
/// (<see cref="ProtocolPages"/>) instead of chromium tabs; <c>--contexts</c> and <c>--renderer-limit</c> are chromium's only.
/// </summary>
public sealed record BenchmarkOptions(
    string Client, string Size, string? Journey, int Pages, int Contexts, int Parallel, int RendererLimit, int EditTimeoutSeconds, int HoldSeconds, int PriorEdits,
    IReadOnlyDictionary<string, string> ServerEnvironment, string? Published, string Work, string? Out, string CommandLine)
{
    public static BenchmarkOptions Parse(string[] args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Length; i++)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Length)
                throw new ArgumentException($"Expected '--name value' pairs, got '{args[i]}'.");
            values[args[i][2..]] = args[++i];
        }
        string? Text(string name) => values.Remove(name, out var v) ? v : null;
        int Number(string name, int fallback) => Text(name) is { } v ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;
        var options = new BenchmarkOptions(
            Client: Text("client") ?? "chromium",
            Size: Text("size") ?? "demo",
            Journey: Text("journey"),
            Pages: Number("pages", 200),
            Contexts: Number("contexts", 10),
            Parallel: Number("parallel", 8),
            RendererLimit: Number("renderer-limit", 16),
            EditTimeoutSeconds: Number("edit-timeout", 60),
            HoldSeconds: Number("hold", 0),
            PriorEdits: Number("prior-edits", 0),
            ServerEnvironment: (Text("server-env") ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(pair => pair.Split('=', 2)).ToDictionary(pair => pair[0], pair => pair.Length > 1 ? pair[1] : ""),
            Published: Text("published") is { } p ? Path.GetFullPath(p) : null,
            Work: Path.GetFullPath(Text("work") ?? Path.Combine(Path.GetTempPath(), "waymark-circuits")),
            Out: Text("out") is { } o ? Path.GetFullPath(o) : null,
            CommandLine: "dotnet run -c Release --project benchmarks/Waymark.CircuitBenchmark" + (args.Length > 0 ? " -- " + string.Join(' ', args) : ""));
        if (options.Client is not ("chromium" or "protocol")) throw new ArgumentException($"--client is chromium or protocol, not '{options.Client}'.");
        if (values.Count > 0) throw new ArgumentException($"Unknown option(s): {string.Join(", ", values.Keys.Select(k => "--" + k))}.");
        return options;
    }

    /// <summary>The repository (the folder with Waymark.slnx) above the working directory or this program.</summary>
    public static string RepositoryRoot()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "Waymark.slnx"))) return dir.FullName;
        }
        throw new InvalidOperationException("Run this from inside the Waymark repository.");
    }
}
