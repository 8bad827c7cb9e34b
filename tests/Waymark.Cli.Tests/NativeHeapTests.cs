using System.Diagnostics;
using System.Globalization;
using System.Net;

namespace Waymark.Cli.Tests;

/// <summary>The server's memory outside the GC (issue 11: idle memory back under 250 MB a minute after a load).</summary>
public sealed class NativeHeapTests
{
    /// <summary>
    /// glibc gives each busy thread a heap arena of its own, up to 8 a core, and each keeps what was freed in it. Its
    /// arenas other than the first are 64 MB-aligned anonymous mappings; a busy server without the cap of two had 15 of
    /// them on 2 cores, with it one or two.
    /// </summary>
    [Fact]
    public async Task A_busy_server_keeps_the_C_library_heap_to_few_arenas_and_its_diagnostics()
    {
        if (!OperatingSystem.IsLinux() || Environment.GetEnvironmentVariable("MALLOC_ARENA_MAX") is not null) return;
        using var scratch = new Scratch();
        var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        using var process = Process.Start(WaymarkProcess.StartInfo(scratch.Path, "serve", "--db", scratch.File("w.db"), "--no-demo",
            "--urls", $"http://127.0.0.1:{port}"))!;
        try
        {
            string? line;
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
            while ((line = await process.StandardOutput.ReadLineAsync(timeout.Token)) is not null && !line.Contains("Waymark is listening on")) { }
            Assert.NotNull(line);

            // The server started again in the same process: the runtime's diagnostics (dotnet-counters, dotnet-trace,
            // dotnet-gcdump) must still answer on the socket named by the process id.
            var diagnostics = Assert.Single(Directory.GetFiles(Path.GetTempPath(), $"dotnet-diagnostic-{process.Id}-*-socket"));
            using (var socket = new System.Net.Sockets.Socket(System.Net.Sockets.AddressFamily.Unix, System.Net.Sockets.SocketType.Stream, System.Net.Sockets.ProtocolType.Unspecified))
                await socket.ConnectAsync(new System.Net.Sockets.UnixDomainSocketEndPoint(diagnostics));

            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
            // Many requests at once, so the thread pool grows and its threads allocate side by side.
            await Parallel.ForAsync(0, 600, new ParallelOptions { MaxDegreeOfParallelism = 64 }, async (_, ct) =>
                (await http.GetAsync("/account/login", ct)).EnsureSuccessStatusCode());

            var arenas = File.ReadLines($"/proc/{process.Id}/maps")
                .Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                .Count(f => f.Length == 5 && f[1] == "rw-p" && ulong.Parse(f[0].Split('-')[0], NumberStyles.HexNumber) % (64UL << 20) == 0);
            Assert.InRange(arenas, 0, 3);
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }
}
