namespace Waymark.Web.Live;

/// <summary>A change to a journey map, made in the circuit <see cref="Source"/> (or "api").</summary>
public sealed record MapChange(Guid JourneyId, string Source, string What);

/// <summary>A change to a workspace's insights, ideas or actions, made in the circuit <see cref="Source"/> (or "api").</summary>
public sealed record BoardChange(Guid WorkspaceId, string Source, string What);

/// <summary>
/// The workspace's stored interaction events changed (a batch committed, a customer erased, events past their retention
/// erased): the one announcement everything worked out from events listens to — the pages that show evidence from
/// events, the kept journey analytics, KPIs computed from events.
/// </summary>
public sealed record EventsArrived(Guid WorkspaceId)
{
    /// <summary>The UTC days of the stored events; null when events were erased (any day may have changed).</summary>
    public IReadOnlySet<DateOnly>? Days { get; init; }

    /// <summary>
    /// True when this process made the change, so it also computes what is kept in the database from it (KPIs); false
    /// for a change heard from another instance or process, which computes that itself.
    /// </summary>
    public bool Here { get; init; }
}

/// <summary>
/// Tells every open page that something it shows changed, so other viewers redraw without reloading: the pages of
/// this process at once, and through <see cref="Relay"/> (PostgreSQL's LISTEN/NOTIFY, see
/// <see cref="PostgresLiveChangeRelay"/>) those of the other app instances on the same database.
/// </summary>
public abstract class LiveChanges<TChange>
{
    public event Func<TChange, Task>? Changed;

    /// <summary>Carries this instance's changes to the others; null with SQLite (one process serves the UI).</summary>
    internal Func<TChange, Task>? Relay { get; set; }

    public void Publish(TChange change)
    {
        Deliver(change);
        if (Relay is { } relay) _ = Safe(relay, change);
    }

    /// <summary>Hands a change to this process's open pages (also for changes relayed from other instances).</summary>
    internal void Deliver(TChange change)
    {
        var handlers = Changed;
        if (handlers is null) return;
        foreach (var handler in handlers.GetInvocationList().Cast<Func<TChange, Task>>())
            _ = Safe(handler, change);
    }

    private static async Task Safe(Func<TChange, Task> handler, TChange change)
    {
        try { await handler(change); }
        catch (Exception) { /* a closed circuit or a lost connection must not stop the others */ }
    }
}

/// <summary>Changes to journey maps, for the open maps.</summary>
public sealed class MapChanges : LiveChanges<MapChange>;

/// <summary>Changes to insights, ideas and actions, for the open action boards.</summary>
public sealed class BoardChanges : LiveChanges<BoardChange>;

/// <summary>
/// Batches of interaction events committed, for the pages that show evidence from events; a busy feed publishes many a
/// second, so pages hear of them through <see cref="EventArrivals"/>, which folds them into at most one refresh every few seconds.
/// </summary>
public sealed class EventChanges : LiveChanges<EventsArrived>;
