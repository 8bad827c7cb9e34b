using System.Runtime.CompilerServices;

namespace Waymark.Analytics.Tests.Support;

internal static class Paths
{
    // From the test binaries up, or from this source file up when the build put its output elsewhere (--artifacts-path).
    private static readonly Lazy<string> Root = new(() =>
        FindRoot(AppContext.BaseDirectory) ?? FindRoot(SourceDirectory())
        ?? throw new InvalidOperationException("Cannot find the repository root (Waymark.slnx) above " + AppContext.BaseDirectory));

    public static string RepoRoot => Root.Value;

    /// <summary>The shared public event logs, outside the repository (WAYMARK_EVENT_LOGS points elsewhere).</summary>
    public static string EventLogs => Environment.GetEnvironmentVariable("WAYMARK_EVENT_LOGS") is { Length: > 0 } custom
        ? custom
        : Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared", "data", "event-logs"));

    public static string EventLog(string name) => Path.Combine(EventLogs, name);

    public static string TestData(string name) => Path.Combine(AppContext.BaseDirectory, "TestData", name);

    private static string? FindRoot(string start)
    {
        var dir = new DirectoryInfo(start);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Waymark.slnx"))) dir = dir.Parent;
        return dir?.FullName;
    }

    private static string SourceDirectory([CallerFilePath] string path = "") => Path.GetDirectoryName(path) ?? "";
}
