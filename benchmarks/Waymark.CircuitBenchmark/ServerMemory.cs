using System.Diagnostics;
using System.Globalization;

namespace Waymark.CircuitBenchmark;

/// <summary>One reading of the server process's memory: what the kernel counts (/proc) and, from dotnet-counters, the GC heap and the circuits.</summary>
public sealed record MemoryReading(string When, double RssMb, double AnonMb, double? GcHeapMb, double? GcCommittedMb, long? ActiveCircuits, long? ConnectedCircuits);

/// <summary>
/// Reads the memory of the server process only (never chromium's): VmRSS and RssAnon from /proc/PID/status, and the
/// runtime's own figures through a <c>dotnet-counters collect</c> running beside it for the whole run (the repository's
/// local tool), which also counts the Blazor circuits the server holds.
/// </summary>
public sealed class ServerMemory : IDisposable
{
    private const string Counters = "System.Runtime[dotnet.gc.last_collection.heap.size,dotnet.gc.last_collection.memory.committed_size]," +
                                    "Microsoft.AspNetCore.Components.Server.Circuits[aspnetcore.components.circuit.active,aspnetcore.components.circuit.connected]";
    private readonly int _pid;
    private readonly string _file;
    private readonly Process? _collector;

    public ServerMemory(int pid, string repository, string work)
    {
        _pid = pid;
        _file = Path.Combine(work, $"counters-{pid}.csv");
        if (File.Exists(_file)) File.Delete(_file);
        var info = new ProcessStartInfo("dotnet") { WorkingDirectory = repository, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { "dotnet-counters", "collect", "-p", pid.ToString(CultureInfo.InvariantCulture), "--refresh-interval", "1",
                     "--counters", Counters, "--format", "csv", "-o", _file })
            info.ArgumentList.Add(a);
        try
        {
            _collector = Process.Start(info);
            _collector!.OutputDataReceived += (_, _) => { };
            _collector.ErrorDataReceived += (_, _) => { };
            _collector.BeginOutputReadLine();
            _collector.BeginErrorReadLine();
        }
        catch (Exception e)
        {
            Console.WriteLine($"dotnet-counters could not start ({e.Message}); the GC heap is not reported. Run 'dotnet tool restore' in the repository.");
        }
    }

    /// <summary>Waits (a minute at most) until the collector has written the GC heap, so that the first reading has it.</summary>
    public async Task StartedAsync()
    {
        for (var waited = System.Diagnostics.Stopwatch.StartNew(); _collector is { HasExited: false } && waited.Elapsed < TimeSpan.FromMinutes(1); await Task.Delay(500))
            if (LatestCounters().GetValueOrDefault("dotnet.gc.last_collection.heap.size") > 0) return;
    }

    public async Task<MemoryReading> ReadAsync(string when)
    {
        // The collector writes a row per counter every second; wait for a fresh one.
        if (_collector is not null) await Task.Delay(2_200);
        var status = File.ReadAllLines($"/proc/{_pid}/status");
        double Kb(string key) => double.Parse(status.First(l => l.StartsWith(key + ":")).Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024;
        var latest = LatestCounters();
        double? Mb(string name) => latest.TryGetValue(name, out var v) ? v / 1024 / 1024 : null;
        long? Count(string name) => latest.TryGetValue(name, out var v) ? (long)v : null;
        return new MemoryReading(when, Kb("VmRSS"), Kb("RssAnon"), Mb("dotnet.gc.last_collection.heap.size"), Mb("dotnet.gc.last_collection.memory.committed_size"),
            Count("aspnetcore.components.circuit.active"), Count("aspnetcore.components.circuit.connected"));
    }

    /// <summary>The last value of each counter; the GC heap is given per generation, so the last values of the generations are added up.</summary>
    private Dictionary<string, double> LatestCounters()
    {
        var result = new Dictionary<string, double>();
        if (!File.Exists(_file)) return result;
        string[] lines;
        using (var stream = new FileStream(_file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite))
        using (var reader = new StreamReader(stream))
            lines = reader.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        // Timestamp,Provider,Counter Name,Counter Type,Mean/Increment — the counter name carries its unit and tags ("… (By)[gc.heap.generation=gen0]").
        var latest = new Dictionary<string, double>();
        foreach (var line in lines.Skip(1))
        {
            var parts = line.Split(',');
            if (parts.Length < 5 || !double.TryParse(parts[^1], NumberStyles.Float, CultureInfo.InvariantCulture, out var value)) continue;
            latest[parts[2]] = value;
        }
        foreach (var (series, value) in latest)
        {
            var name = series.Split(' ', '[')[0];
            result[name] = result.GetValueOrDefault(name) + value;
        }
        return result;
    }

    public void Dispose()
    {
        if (_collector is { HasExited: false }) _collector.Kill();
        _collector?.Dispose();
    }
}
