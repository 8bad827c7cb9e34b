namespace Waymark.Web.Components.Services;

/// <summary>A change to a journey map, made in the circuit <see cref="Source"/>.</summary>
public sealed record MapChange(Guid JourneyId, string Source, string What);

/// <summary>
/// Tells every open map in this process that a journey changed, so other viewers redraw without reloading.
/// One process serves the UI; several app instances would put a message bus behind the same two members.
/// </summary>
public sealed class MapChanges
{
    public event Func<MapChange, Task>? Changed;

    public void Publish(MapChange change)
    {
        var handlers = Changed;
        if (handlers is null) return;
        foreach (var handler in handlers.GetInvocationList().Cast<Func<MapChange, Task>>())
            _ = Safe(handler, change);
    }

    private static async Task Safe(Func<MapChange, Task> handler, MapChange change)
    {
        try { await handler(change); }
        catch (Exception) { /* a closed circuit must not stop the others */ }
    }
}
