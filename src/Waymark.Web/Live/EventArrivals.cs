namespace Waymark.Web.Live;

/// <summary>
/// How the pages of this process hear that interaction events arrived in their workspace (from this instance or, through
/// PostgreSQL, another): at most once every <see cref="Interval"/> per workspace however many batches arrive, each page
/// on the thread pool so that open pages refresh side by side. Pages use it through the <c>LiveEvents</c> component.
/// It also counts the arrivals per workspace (<see cref="Generation"/>), so evidence worked out from events is known
/// to be stale once new ones came.
/// </summary>
public sealed class EventArrivals : IDisposable
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(2);

    private readonly EventChanges _changes;
    private readonly Coalescing<Guid> _coalescing;
    private readonly Lock _gate = new();
    private readonly Dictionary<Guid, List<Watcher>> _watchers = [];
    private readonly Dictionary<Guid, long> _generations = [];

    public EventArrivals(EventChanges changes, TimeProvider time)
    {
        _changes = changes;
        _coalescing = new Coalescing<Guid>(Interval, time);
        _changes.Changed += OnArrived;
    }

    /// <summary>How many times events arrived in the workspace since this process started.</summary>
    public long Generation(Guid workspaceId)
    {
        lock (_gate) return _generations.GetValueOrDefault(workspaceId);
    }

    /// <summary>Has <paramref name="arrived"/> called when events arrived in the workspace, at most once per <see cref="Interval"/>; dispose to stop.</summary>
    public IDisposable Watch(Guid workspaceId, Func<Task> arrived)
    {
        var watcher = new Watcher(this, workspaceId, arrived);
        lock (_gate)
        {
            if (!_watchers.TryGetValue(workspaceId, out var list)) _watchers[workspaceId] = list = [];
            list.Add(watcher);
        }
        return watcher;
    }

    /// <summary>How many pages of this process watch the workspace's events.</summary>
    public int Watchers(Guid workspaceId)
    {
        lock (_gate) return _watchers.GetValueOrDefault(workspaceId)?.Count ?? 0;
    }

    private Task OnArrived(EventsArrived arrived)
    {
        bool watched;
        lock (_gate)
        {
            _generations[arrived.WorkspaceId] = _generations.GetValueOrDefault(arrived.WorkspaceId) + 1;
            watched = _watchers.ContainsKey(arrived.WorkspaceId);
        }
        if (watched) _coalescing.Run(arrived.WorkspaceId, () => Deliver(arrived.WorkspaceId));
        return Task.CompletedTask;
    }

    private Task Deliver(Guid workspaceId)
    {
        List<Watcher> watchers;
        lock (_gate) watchers = _watchers.GetValueOrDefault(workspaceId)?.ToList() ?? [];
        foreach (var watcher in watchers) _ = Task.Run(watcher.TellAsync);
        return Task.CompletedTask;
    }

    private void Forget(Watcher watcher)
    {
        lock (_gate)
        {
            if (!_watchers.TryGetValue(watcher.WorkspaceId, out var list)) return;
            list.Remove(watcher);
            if (list.Count == 0) _watchers.Remove(watcher.WorkspaceId);
        }
    }

    public void Dispose() => _changes.Changed -= OnArrived;

    private sealed class Watcher(EventArrivals arrivals, Guid workspaceId, Func<Task> arrived) : IDisposable
    {
        private volatile bool _gone;

        public Guid WorkspaceId => workspaceId;

        public async Task TellAsync()
        {
            if (_gone) return;
            try { await arrived(); }
            catch (Exception) { /* a closed circuit or a lost connection must not stop the others */ }
        }

        public void Dispose()
        {
            _gone = true;
            arrivals.Forget(this);
        }
    }
}
