using System.Runtime.InteropServices;
using Waymark.Web.Infrastructure;

namespace Waymark.Ui.Tests.Journeys;

/// <summary>After many map pages closed, the idle server gives back what they freed outside the GC too (issue 11: back under 250 MB).</summary>
public sealed class IdleMemoryReleaseTests
{
    private static double AnonymousMb() =>
        double.Parse(File.ReadAllLines("/proc/self/status").First(l => l.StartsWith("RssAnon:")).Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]) / 1024;

    [Fact]
    public void Native_memory_freed_by_closed_pages_goes_back_to_the_operating_system()
    {
        if (!File.Exists("/proc/self/status") || !NativeHeap.Trim()) return;
        // 96 MB in blocks small enough for the C library's heap (not mapped on their own), as connections' buffers are,
        // with one block kept above them so that freeing them does not shrink the heap's top by itself.
        var blocks = Enumerable.Range(0, 96 * 16).Select(_ => Marshal.AllocHGlobal(64 * 1024)).ToList();
        foreach (var block in blocks)
            for (var offset = 0; offset < 64 * 1024; offset += 4096) Marshal.WriteByte(block, offset, 1);
        var kept = Marshal.AllocHGlobal(1024);
        var allocated = AnonymousMb();
        try
        {
            foreach (var block in blocks) Marshal.FreeHGlobal(block);
            var freed = AnonymousMb();

            Assert.True(NativeHeap.Trim());

            // Measured from the allocation: when the blocks landed in a thread's own heap (tests run in parallel), freeing
            // them can already give some back; either way the 96 MB must be back with the operating system after the release.
            var trimmed = AnonymousMb();
            Assert.True(allocated - trimmed > 48, $"the process held {allocated:0} MB with the blocks, {freed:0} MB after freeing and {trimmed:0} MB after the release");
        }
        finally { Marshal.FreeHGlobal(kept); }
    }
}
