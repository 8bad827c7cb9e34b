using System.Diagnostics;
using System.Globalization;

namespace Waymark.CircuitBenchmark;

/// <summary>
/// CPU time used so far by the server process (utime + stime of /proc/PID/stat) and by the whole machine (the busy
/// columns of /proc/stat), with the wall clock: the difference of two readings says whether the server or something
/// else (chromium drawing 200 pages) kept the cores busy.
/// </summary>
public sealed record CpuTime(double ServerMs, double MachineMs, double WallMs)
{
    // Linux reports both in clock ticks of 1/100 s (USER_HZ).
    private const double TickMs = 10;

    public static CpuTime Read(int pid)
    {
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        // The command name in parentheses may contain spaces; the fields after it start with the state (field 3).
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        var server = (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) * TickMs;
        var cpu = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1)
            .Select(v => long.Parse(v, CultureInfo.InvariantCulture)).ToArray();
        // user nice system idle iowait irq softirq steal …: busy is all but idle and iowait.
        var busy = (cpu.Take(8).Sum() - cpu[3] - cpu[4]) * TickMs;
        return new CpuTime(server, busy, Stopwatch.GetTimestamp() * 1000.0 / Stopwatch.Frequency);
    }

    public CpuTime Minus(CpuTime earlier) => new(ServerMs - earlier.ServerMs, MachineMs - earlier.MachineMs, WallMs - earlier.WallMs);
}

/// <summary>The CPU an edit cost: until the last page showed it, and until a few seconds later.</summary>
public sealed record EditCpu(CpuTime UntilSeen, CpuTime Settled);
