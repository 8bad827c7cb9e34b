using System.Runtime.InteropServices;

namespace Waymark.Web.Infrastructure;

/// <summary>
/// The C library's heap, where what the runtime and SQLite allocate outside the GC lives. Linux with glibc only;
/// elsewhere (musl, Windows, macOS) there is nothing to call and nothing is done.
/// </summary>
public static class NativeHeap
{
    private const int ArenaMax = -8; // M_ARENA_MAX of malloc.h

    /// <summary>
    /// Caps the C library's heap arenas at two. glibc gives busy threads arenas of their own, up to 8 a core, and each
    /// keeps what was freed in it; after a load the trim can give back only part of it (measured: 87 → 72 MB anonymous
    /// memory idle after the load benchmark with two). Call it first thing in Main: glibc reads the cap only while
    /// fewer than 8 arenas exist. A MALLOC_ARENA_MAX the operator set wins.
    /// </summary>
    public static bool LimitArenas()
    {
        if (!OperatingSystem.IsLinux() || Environment.GetEnvironmentVariable("MALLOC_ARENA_MAX") is not null) return false;
        try
        {
            return Mallopt(ArenaMax, 2) == 1;
        }
        catch (Exception e) when (e is EntryPointNotFoundException or DllNotFoundException)
        {
            return false;
        }
    }

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

    [DllImport("libc", EntryPoint = "mallopt")]
    private static extern int Mallopt(int param, int value);
}
