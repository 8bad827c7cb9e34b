namespace Waymark.Web.Components.Services;

/// <summary>A change to a journey map, made in the circuit <see cref="Source"/>.</summary>
public sealed record MapChange(Guid JourneyId, string Source, string What);

/// <summary>
/// Tells every open map that a journey changed, so other viewers redraw without reloading: the maps of this process
/// at once, and through <see cref="Relay"/> (PostgreSQL's LISTEN/NOTIFY, see <see cref="PostgresMapChangeRelay"/>)
/// those of the other app instances on the same database.
/// </summary>
public sealed class MapChanges
{
    public event Func<MapChange, Task>? Changed;

    /// <summary>Carries this instance's changes to the others; null with SQLite (one process serves the UI).</summary>
    internal Func<MapChange, Task>? Relay { get; set; }

    public void Publish(MapChange change)
    {
        Deliver(change);
        if (Relay is { } relay) _ = Safe(relay, change);
    }

    /// <summary>Hands a change to this process's open maps (also for changes relayed from other instances).</summary>
    internal void Deliver(MapChange change)
    {
        var handlers = Changed;
        if (handlers is null) return;
        foreach (var handler in handlers.GetInvocationList().Cast<Func<MapChange, Task>>())
            _ = Safe(handler, change);
    }

    private static async Task Safe(Func<MapChange, Task> handler, MapChange change)
    {
        try { await handler(change); }
        catch (Exception) { /* a closed circuit or a lost connection must not stop the others */ }
    }
}
