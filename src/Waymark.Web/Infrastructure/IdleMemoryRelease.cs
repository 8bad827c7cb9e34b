using System.Runtime;

namespace Waymark.Web.Infrastructure;

/// <summary>
/// Gives memory back to the operating system once the server has gone quiet after a burst (many map pages closed, a
/// load test ended). The garbage collector runs only when something allocates, so an idle server otherwise keeps the
/// heap of its busiest moment for good. When almost nothing was allocated for one check and the GC holds clearly more
/// than after the last release, one compacting, decommitting collection runs; it costs a few milliseconds of a quiet
/// server and never runs while it is busy.
/// </summary>
internal sealed class IdleMemoryRelease(ILogger<IdleMemoryRelease> log) : BackgroundService
{
    private int _pagesClosed;

    /// <summary>
    /// An interactive page (Blazor circuit) ended. Many pages that closed and then a check with none closing is a burst
    /// that ended too, even while the server still allocates a little (open connections, timers).
    /// </summary>
    public void PageClosed() => Interlocked.Increment(ref _pagesClosed);

    private static readonly TimeSpan Every = TimeSpan.FromSeconds(5);
    // Less than this allocated between two checks, or than a sixteenth of what the GC holds, is a server that serves
    // nobody (a few open pages, the runtime's own timers and metrics stay well below it; a load allocates far more).
    private const long Quiet = 8L << 20;
    // What the GC may hold above what it held after the last release before it is worth a collection.
    private const long Worth = 32L << 20;
    // So many pages closed since the last release make a burst worth collecting after.
    private const int PagesBurst = 10;

    protected override async Task ExecuteAsync(CancellationToken stop)
    {
        var allocated = GC.GetTotalAllocatedBytes();
        var released = GC.GetGCMemoryInfo().TotalCommittedBytes;
        var closedBefore = 0;
        var closedAtRelease = 0;
        using var timer = new PeriodicTimer(Every);
        try
        {
            while (await timer.WaitForNextTickAsync(stop))
            {
                var now = GC.GetTotalAllocatedBytes();
                var committed = GC.GetGCMemoryInfo().TotalCommittedBytes;
                var closed = Volatile.Read(ref _pagesClosed);
                var pagesDone = closed == closedBefore && closed - closedAtRelease >= PagesBurst;
                closedBefore = closed;
                var quiet = now - allocated < Math.Max(Quiet, committed / 16);
                allocated = now;
                // After a burst of closed pages always (a release while they were still open freed nothing and must
                // not raise the bar); otherwise when quiet and the GC holds clearly more than after the last release.
                if (!pagesDone && (!quiet || committed < released + Worth))
                {
                    // A smaller heap than at the last release (it shrank on its own) is the new reference.
                    released = Math.Min(released, committed);
                    continue;
                }
                // Idle pooled SQLite connections each hold a page cache of up to 2 MB (50 after a load at 50 connections):
                // closed now, so their memory is free for the trim; the next request opens a connection again.
                Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
                GCSettings.LargeObjectHeapCompactionMode = GCLargeObjectHeapCompactionMode.CompactOnce;
                GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
                NativeHeap.Trim();
                released = GC.GetGCMemoryInfo().TotalCommittedBytes;
                closedAtRelease = closed;
                allocated = GC.GetTotalAllocatedBytes();
                log.LogInformation("The server went quiet: memory given back, the GC now holds {Committed} MB (it held {Before} MB)",
                    released >> 20, committed >> 20);
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
        }
    }
}
