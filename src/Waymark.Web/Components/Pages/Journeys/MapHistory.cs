namespace Waymark.Web.Components.Pages.Journeys;

/// <summary>One change made on the map in this editing session, with how to take it back and how to make it again.</summary>
public sealed class MapEdit(string label, Func<Task> undo, Func<Task> redo)
{
    public string Label { get; } = label;
    public Task UndoAsync() => undo();
    public Task RedoAsync() => redo();
}

/// <summary>
/// The changes of one editing session, newest last. The last <see cref="Capacity"/> can be undone one after the
/// other, and what was undone can be redone until a new change is made. A change that can no longer be undone or
/// redone (someone else changed the same thing since) drops out, so the ones before it stay reachable.
/// </summary>
public sealed class MapHistory
{
    public const int Capacity = 50;

    private readonly LinkedList<MapEdit> _done = new();
    private readonly Stack<MapEdit> _undone = new();

    public MapEdit? NextUndo => _done.Last?.Value;
    public MapEdit? NextRedo => _undone.TryPeek(out var edit) ? edit : null;
    public int UndoCount => _done.Count;
    public int RedoCount => _undone.Count;

    /// <summary>Every change of the session, newest first, with whether it is undone (and so can be redone).</summary>
    public IEnumerable<(MapEdit Edit, bool Undone)> Timeline =>
        _undone.Reverse().Select(e => (e, true)).Concat(_done.Reverse().Select(e => (e, false)));

    public void Record(MapEdit edit)
    {
        _done.AddLast(edit);
        if (_done.Count > Capacity) _done.RemoveFirst();
        _undone.Clear();
    }

    /// <summary>Undoes the newest change through <paramref name="run"/>, which answers whether it worked.</summary>
    public async Task<MapEdit?> UndoAsync(Func<MapEdit, Task<bool>> run)
    {
        if (_done.Last is not { } last) return null;
        _done.RemoveLast();
        if (await run(last.Value)) _undone.Push(last.Value);
        return last.Value;
    }

    /// <summary>Redoes the change undone last through <paramref name="run"/>, which answers whether it worked.</summary>
    public async Task<MapEdit?> RedoAsync(Func<MapEdit, Task<bool>> run)
    {
        if (!_undone.TryPop(out var edit)) return null;
        if (await run(edit)) _done.AddLast(edit);
        return edit;
    }
}
