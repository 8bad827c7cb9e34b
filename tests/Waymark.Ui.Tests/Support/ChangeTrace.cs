using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Waymark.Web.Live;

namespace Waymark.Ui.Tests.Support;

/// <summary>
/// What changes leave behind, so a change made on a page can be compared with the same change made through the API:
/// the audit entries written since the trace started (who, what, which values; not ids or times) and the live
/// announcements sent (whom they concern and their words; not where they came from). Row ids differ between two runs
/// of a change, so entries name the entity type and values, which is what a person reading the history sees.
/// </summary>
public sealed class ChangeTrace : IDisposable
{
    private readonly UiFactory _factory;
    private readonly DateTimeOffset _since;
    private readonly ConcurrentQueue<string> _announced = new();
    private readonly MapChanges _maps;
    private readonly BoardChanges _boards;

    public ChangeTrace(UiFactory factory)
    {
        _factory = factory;
        using (var db = factory.OpenDb()) _since = db.AuditEntries.Select(a => a.At).AsEnumerable().DefaultIfEmpty(DateTimeOffset.MinValue).Max();
        _maps = factory.Services.GetRequiredService<MapChanges>();
        _boards = factory.Services.GetRequiredService<BoardChanges>();
        _maps.Changed += OnMap;
        _boards.Changed += OnBoard;
    }

    private Task OnMap(MapChange c) { _announced.Enqueue($"map {c.JourneyId}: {c.What}"); return Task.CompletedTask; }

    private Task OnBoard(BoardChange c) { _announced.Enqueue($"board {c.WorkspaceId}: {c.What}"); return Task.CompletedTask; }

    /// <summary>The announcements so far, in order.</summary>
    public IReadOnlyList<string> Announced => _announced.ToList();

    /// <summary>The audit entries written since the trace started (or since <see cref="Restart"/>), in order.</summary>
    public async Task<IReadOnlyList<string>> AuditAsync()
    {
        await using var db = _factory.OpenDb();
        var entries = await db.AuditEntries.AsNoTracking().ToListAsync();
        return entries.Where(a => a.At > _since).OrderBy(a => a.At).ThenBy(a => a.Id)
            .Select(a => $"{a.ActorKind} {a.ActorName} {a.Action} {a.EntityType} {a.Changes}").ToList();
    }

    public void Dispose()
    {
        _maps.Changed -= OnMap;
        _boards.Changed -= OnBoard;
    }
}
