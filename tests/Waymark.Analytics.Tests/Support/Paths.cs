namespace Waymark.Analytics.Tests.Support;

internal static class Paths
{
    private static readonly Lazy<string> Root = new(() =>
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Waymark.slnx"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("Cannot find the repository root (Waymark.slnx) above " + AppContext.BaseDirectory);
    });

    public static string RepoRoot => Root.Value;

    /// <summary>The shared public event logs, outside the repository.</summary>
    public static string EventLogs => Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared", "data", "event-logs"));

    public static string EventLog(string name) => Path.Combine(EventLogs, name);

    public static string TestData(string name) => Path.Combine(AppContext.BaseDirectory, "TestData", name);
}
