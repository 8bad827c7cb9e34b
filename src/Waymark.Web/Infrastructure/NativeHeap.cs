using System.Runtime.InteropServices;

namespace Waymark.Web.Infrastructure;

/// <summary>
/// The C library's heap, where what the runtime and SQLite allocate outside the GC lives. Linux with glibc only;
/// elsewhere (musl, Windows, macOS) there is nothing to call and nothing is done.
/// </summary>
public static class NativeHeap
{
    /// <summary>
    /// Starts this very process again (same id, arguments and environment) with the C library's heap capped at two
    /// arenas, unless it already is. glibc gives busy threads arenas of their own, up to 8 a core, and each keeps what
    /// was freed in it; the trim gives back only part (measured idle after the load benchmark: 66 → 52 MB anonymous
    /// memory with two). glibc reads MALLOC_ARENA_MAX only as the process starts, and by Main the runtime's own threads
    /// have made their arenas, so setting it then (mallopt) does not help: it has to be in the environment from the
    /// start. Returns only when that is not possible or not needed (not Linux with glibc, set already, exec refused).
    /// </summary>
    public static void CapArenas()
    {
        if (!OperatingSystem.IsLinux() || Environment.GetEnvironmentVariable(ArenaMax) is not null) return;
        try
        {
            if (GnuLibcVersion() == 0) return;
            var argv = File.ReadAllText("/proc/self/cmdline").Split('\0');
            var environment = Environment.GetEnvironmentVariables().Cast<System.Collections.DictionaryEntry>()
                .Select(e => $"{e.Key}={e.Value}").Append($"{ArenaMax}=2");
            // The runtime's diagnostics socket (dotnet-counters, dotnet-trace) is named by the process id and start time,
            // which stay; the runtime started again makes its own only where the file is gone.
            foreach (var socket in Directory.EnumerateFiles(Path.GetTempPath(), $"dotnet-diagnostic-{Environment.ProcessId}-*-socket"))
                File.Delete(socket);
            // argv ends with an empty string (the command line ends with a NUL): its place takes the terminating null.
            Exec("/proc/self/exe", [.. argv[..^1], null], [.. environment, null]);
        }
        catch (Exception e) when (e is EntryPointNotFoundException or DllNotFoundException or IOException or UnauthorizedAccessException)
        {
        }
    }

    private const string ArenaMax = "MALLOC_ARENA_MAX";

    /// <summary>
    /// Hands the C library's free heap pages back to the operating system. What closed pages freed outside the GC (the
    /// WebSockets' compression state, SQLite's page caches) goes back to the C library's heap, which keeps it for good
    /// unless trimmed: after 200 pages closed the GC held 93 MB but the process still 250 MB more than before.
    /// </summary>
    public static bool Trim()
    {
        if (!OperatingSystem.IsLinux()) return false;
        try
        {
            MallocTrim(0);
            return true;
        }
        catch (Exception e) when (e is EntryPointNotFoundException or DllNotFoundException)
        {
            return false;
        }
    }

    [DllImport("libc", EntryPoint = "malloc_trim")]
    private static extern int MallocTrim(nuint pad);

    [DllImport("libc", EntryPoint = "execve")]
    private static extern int Exec(string path, string?[] argv, string?[] environment);

    [DllImport("libc", EntryPoint = "gnu_get_libc_version")]
    private static extern nint GnuLibcVersion();
}
