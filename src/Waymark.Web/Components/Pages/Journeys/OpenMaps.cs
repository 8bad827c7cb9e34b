using Waymark.Storage.Scores;
using Waymark.Web.Components.Services;
using Waymark.Web.Infrastructure;
using Waymark.Web.Live;

namespace Waymark.Web.Components.Pages.Journeys;

/// <summary>
/// The journey maps open in this process's pages, and how a change reaches them: the changed map is read once per
/// change and that one read-only <see cref="MapView"/> goes to every page showing it (what differs per person — role,
/// editor, zoom — stays page state). Delivery happens off the thread of whoever made the change, so a save does not wait
/// for the pages; each page gets the changes of its map in the order they were made.
/// </summary>
public sealed class OpenMaps : IDisposable
{
    private readonly MapChanges _changes;
    private readonly ILogger<OpenMaps> _log;
    private readonly Lock _gate = new();
    private readonly Dictionary<Guid, OpenMap> _maps = [];

    public OpenMaps(MapChanges changes, ILogger<OpenMaps> log)
    {
        _changes = changes;
        _log = log;
        _changes.Changed += OnChanged;
    }

    /// <summary>
    /// Has <paramref name="show"/> called, on the page's own thread through <paramref name="invoke"/>, with each change
    /// to the map made elsewhere and the map as it is after it (null when the map is gone); dispose to stop.
    /// </summary>
    public IDisposable Watch(Guid journeyId, CurrentWorkspace ws, UiData data, Func<Func<Task>, Task> invoke, Func<MapChange, MapView?, Task> show)
    {
        var viewer = new Viewer(this, journeyId, ws, data, invoke, show);
        lock (_gate)
        {
            if (!_maps.TryGetValue(journeyId, out var map)) _maps[journeyId] = map = new OpenMap();
            map.Viewers.Add(viewer);
        }
        return viewer;
    }

    /// <summary>
    /// The map as it is now. Pages that watch the map share one view while the workspace is unchanged (its stamp) on the
    /// same day: 200 people opening a map hold one copy of it, not 200, and it is read once. Costs one lookup of the
    /// stamp; the map is read again only after something in the workspace changed.
    /// </summary>
    public async Task<MapView?> ViewAsync(UiData data, CurrentWorkspace ws, Guid journeyId, CancellationToken ct = default)
    {
        Guid? stamp;
        await using (var db = data.Open()) stamp = await WorkspaceStamp.OfAsync(db, ws.Id, ct);
        var day = data.Today;
        // Pages that ask at the same moment (a change delivered while a page opens) wait for one read rather than
        // each making its own copy. The stamp was read before the map: a change saved in between leaves an older stamp
        // on a newer map, which only makes the next page read the map again.
        ReadView? shared = null;
        lock (_gate)
        {
            if (stamp is { } s && _maps.TryGetValue(journeyId, out var open))
            {
                if (open.Read is not { } kept || kept.Stamp != s || kept.Day != day)
                    open.Read = kept = new ReadView(s, day, new(() => MapData.LoadAsync(data, ws, journeyId)));
                shared = kept;
            }
        }
        if (shared is null) return await MapData.LoadAsync(data, ws, journeyId, ct);
        try
        {
            return await shared.View.Value.WaitAsync(ct);
        }
        catch (Exception) when (!ct.IsCancellationRequested)
        {
            // A read that failed is not kept: the next page tries again.
            lock (_gate)
            {
                if (_maps.TryGetValue(journeyId, out var open) && open.Read == shared) open.Read = null;
            }
            throw;
        }
    }

    /// <summary>How many pages have <paramref name="journeyId"/> open in this process.</summary>
    public int Viewers(Guid journeyId)
    {
        lock (_gate) return _maps.TryGetValue(journeyId, out var map) ? map.Viewers.Count : 0;
    }

    private void Forget(Viewer viewer)
    {
        lock (_gate)
        {
            if (!_maps.TryGetValue(viewer.JourneyId, out var map)) return;
            map.Viewers.Remove(viewer);
            if (map.Viewers.Count == 0) _maps.Remove(viewer.JourneyId);
        }
    }

    /// <summary>Runs on the thread of whoever saved: it only queues the change behind the map's earlier ones.</summary>
    private Task OnChanged(MapChange change)
    {
        lock (_gate)
        {
            if (!_maps.TryGetValue(change.JourneyId, out var map)) return Task.CompletedTask;
            map.Generation++;
            map.Delivering = map.Delivering.ContinueWith(_ => DeliverAsync(map, change), CancellationToken.None,
                TaskContinuationOptions.None, TaskScheduler.Default).Unwrap();
        }
        return Task.CompletedTask;
    }

    private async Task DeliverAsync(OpenMap map, MapChange change)
    {
        try
        {
            List<Viewer> viewers;
            long latest;
            lock (_gate)
            {
                viewers = map.Viewers.Where(v => v.Data.Source != change.Source).ToList();
                latest = map.Generation;
            }
            if (viewers.Count == 0) return;
            // A burst of changes is read once: a change with newer ones queued behind it is announced with the view
            // read for the newest, which the pages already have or get next.
            if (map.View is not { } shown || shown.Generation < latest)
            {
                var reader = viewers[0];
                map.View = new SharedView(latest, await ViewAsync(reader.Data, reader.Workspace, reader.JourneyId));
            }
            var view = map.View.View;
            foreach (var viewer in viewers) viewer.Show(change, view);
        }
        catch (Exception e)
        {
            _log.LogWarning(e, "A change to the map {JourneyId} did not reach its open pages", change.JourneyId);
        }
    }

    public void Dispose() => _changes.Changed -= OnChanged;

    private sealed record SharedView(long Generation, MapView? View);

    /// <summary>The map as read at a workspace stamp on a day, read once however many pages ask for it.</summary>
    private sealed record ReadView(Guid Stamp, DateOnly Day, Lazy<Task<MapView?>> View);

    private sealed class OpenMap
    {
        public readonly List<Viewer> Viewers = [];
        public long Generation;
        public SharedView? View;
        /// <summary>The map as last read (or being read) for a page, with the workspace stamp it was read at.</summary>
        public ReadView? Read;
        public Task Delivering = Task.CompletedTask;
    }

    private sealed class Viewer(OpenMaps maps, Guid journeyId, CurrentWorkspace ws, UiData data, Func<Func<Task>, Task> invoke,
        Func<MapChange, MapView?, Task> show) : IDisposable
    {
        private readonly Lock _order = new();
        private Task _shown = Task.CompletedTask;
        private bool _gone;

        public Guid JourneyId => journeyId;
        public CurrentWorkspace Workspace => ws;
        public UiData Data => data;

        /// <summary>
        /// Queues the change for this page behind its earlier ones, on the thread pool: invoking a Blazor circuit that is
        /// idle runs the render on the calling thread, and the pages must render side by side, not one after another.
        /// </summary>
        public void Show(MapChange change, MapView? view)
        {
            lock (_order)
            {
                if (_gone) return;
                _shown = _shown.ContinueWith(_ => ShowAsync(change, view), CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default).Unwrap();
            }
        }

        private async Task ShowAsync(MapChange change, MapView? view)
        {
            if (_gone) return;
            try { await invoke(() => show(change, view)); }
            catch (Exception) { /* a closed circuit or a lost connection must not stop the others */ }
        }

        public void Dispose()
        {
            _gone = true;
            maps.Forget(this);
        }
    }
}
