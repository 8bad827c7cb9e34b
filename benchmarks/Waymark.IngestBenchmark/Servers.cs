using Waymark.Benchmarking;

namespace Waymark.IngestBenchmark;

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

    public static ThrowawayPostgres Start(string folder, string settings = "")
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
            "-o", $"-c listen_addresses=127.0.0.1 -p {port} -k {folder} {settings}", "start"], folder);
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

/// <summary><c>waymark serve</c> of the published build on the given storage, as the ingestion benchmark runs it.</summary>
internal static class WaymarkServer
{
    public static Task<ServerProcess> StartAsync(string dll, string work, string[] storage, int port) =>
        ServerProcess.StartAsync(dll, work, [.. storage, "--no-demo"], new Dictionary<string, string>
        {
            // Information logs of every request would cost the server more than the events it stores…
            ["Logging__LogLevel__Default"] = "Warning",
            // …but the background work that events cause while they arrive is reported (see Program.MeasureAsync).
            ["Logging__LogLevel__Waymark.Web.Features.Evidence.EventAnalyticsRefresh"] = "Information",
            ["Logging__LogLevel__Waymark.Web.Features.Kpis.KpiEventRefresh"] = "Information",
        }, TimeSpan.FromSeconds(300), port);
}
