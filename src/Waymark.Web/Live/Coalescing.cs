namespace Waymark.Web.Live;

/// <summary>
/// Runs work for a key at most once per <c>interval</c>: the first request at once, and every request that comes while
/// the interval since the last run has not passed folded into one run when it has (the latest work asked for).
/// A workspace receiving fifty batches of events a second thus refreshes its open pages every two seconds, not fifty times.
/// </summary>
public sealed class Coalescing<TKey>(TimeSpan interval, TimeProvider time) where TKey : notnull
{
    private readonly Lock _gate = new();
    private readonly Dictionary<TKey, Slot> _slots = [];

    private sealed class Slot
    {
        public long? Ran;
        public bool Pending;
        public Func<Task>? Work;
    }

    /// <summary>Runs <paramref name="work"/> now, or with the next run of <paramref name="key"/> when one ran less than the interval ago.</summary>
    public void Run(TKey key, Func<Task> work)
    {
        TimeSpan wait;
        lock (_gate)
        {
            if (!_slots.TryGetValue(key, out var slot))
            {
                Forget();
                _slots[key] = slot = new Slot();
            }
            slot.Work = work;
            if (slot.Pending) return;
            slot.Pending = true;
            var since = slot.Ran is { } ran ? time.GetElapsedTime(ran) : interval;
            wait = since >= interval ? TimeSpan.Zero : interval - since;
        }
        _ = RunAsync(key, wait);
    }

    private async Task RunAsync(TKey key, TimeSpan wait)
    {
        if (wait > TimeSpan.Zero) await Task.Delay(wait, time);
        Func<Task>? work;
        lock (_gate)
        {
            var slot = _slots[key];
            slot.Pending = false;
            slot.Ran = time.GetTimestamp();
            work = slot.Work;
            slot.Work = null;
        }
        try
        {
            if (work is not null) await work();
        }
        catch (Exception)
        {
            // Whoever asked for the work handles its own failures; the next request still runs.
        }
    }

    /// <summary>Drops the keys that have been quiet for longer than the interval, so many keys over time do not pile up.</summary>
    private void Forget()
    {
        if (_slots.Count < 256) return;
        foreach (var (key, slot) in _slots.ToList())
            if (!slot.Pending && slot.Ran is { } ran && time.GetElapsedTime(ran) > interval) _slots.Remove(key);
    }
}
