using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Waymark.Domain.Evaluations;
using Waymark.Domain.Touchpoints;

namespace Waymark.Storage.Scores;

/// <summary>
/// Keeps <see cref="KeptScore"/> rows in step with the evaluations of touchpoints: whatever saves evaluations (a
/// use case, an undo, an import, the demo) recomputes, in the same save, the kept rows of the touchpoints it touched
/// from their evaluations as they will be after it. Reads of current scores then never grow with the history.
/// </summary>
public sealed class ScoreKeeper : SaveChangesInterceptor
{
    public static readonly ScoreKeeper Instance = new();

    private ScoreKeeper() { }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (eventData.Context is WaymarkDb db) KeepAsync(db, CancellationToken.None).GetAwaiter().GetResult();
        return result;
    }

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken ct = default)
    {
        if (eventData.Context is WaymarkDb db) await KeepAsync(db, ct);
        return result;
    }

    private static async Task KeepAsync(WaymarkDb db, CancellationToken ct)
    {
        db.ChangeTracker.DetectChanges();
        var changed = db.ChangeTracker.Entries<Evaluation>()
            .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted).ToList();
        var touched = new HashSet<Guid>();
        foreach (var entry in changed)
        {
            if (entry.State != EntityState.Deleted && entry.Entity.TouchpointId is { } now) touched.Add(now);
            if (entry.State != EntityState.Added && entry.Property(e => e.TouchpointId).OriginalValue is { } before) touched.Add(before);
        }
        if (touched.Count == 0) return;

        var ids = touched.ToList();
        var kept = (await db.Set<KeptScore>().Where(k => ids.Contains(k.TouchpointId)).ToListAsync(ct))
            .ToDictionary(k => (k.TouchpointId, k.PersonaKey));
        // Touchpoints that only gained evaluations are merged with what is kept; the others are worked out again.
        var redone = changed.Where(e => e.State != EntityState.Added)
            .SelectMany(e => new[] { e.Entity.TouchpointId, e.Property(x => x.TouchpointId).OriginalValue })
            .OfType<Guid>().ToHashSet();
        foreach (var touchpoint in changed.Where(e => e.State == EntityState.Added && e.Entity.TouchpointId is { } t && !redone.Contains(t))
                     .Select(e => e.Entity).GroupBy(e => e.TouchpointId!.Value))
        {
            foreach (var added in LatestEvaluations.Of(touchpoint))
            {
                if (kept.TryGetValue((touchpoint.Key, added.PersonaId ?? Guid.Empty), out var row)) row.Keep(row.Latest.With(added));
                else db.Add(new KeptScore(touchpoint.First().WorkspaceId, touchpoint.Key, added));
            }
        }
        if (redone.Count == 0) return;

        var evaluations = await EvaluationsAfterSaveAsync(db, redone, changed.Select(e => e.Entity.Id).ToHashSet(), ct);
        var stale = kept.Where(k => redone.Contains(k.Key.TouchpointId)).ToDictionary();
        foreach (var touchpoint in evaluations)
        {
            foreach (var latest in LatestEvaluations.Of(touchpoint))
            {
                if (stale.Remove((touchpoint.Key, latest.PersonaId ?? Guid.Empty), out var row)) row.Keep(latest);
                else db.Add(new KeptScore(touchpoint.First().WorkspaceId, touchpoint.Key, latest));
            }
        }
        // What is left was kept for evaluations that are gone.
        db.RemoveRange(stale.Values);
    }

    /// <summary>
    /// The evaluations the touched touchpoints will have once this save is done: those stored that this save does not
    /// change, and those it adds or changes. A touchpoint new in this save has nothing stored yet, so is not asked for.
    /// </summary>
    private static async Task<ILookup<Guid, Evaluation>> EvaluationsAfterSaveAsync(WaymarkDb db, HashSet<Guid> touched, HashSet<Guid> changing, CancellationToken ct)
    {
        var added = db.ChangeTracker.Entries<Touchpoint>().Where(t => t.State == EntityState.Added).Select(t => t.Entity.Id).ToHashSet();
        var stored = touched.Where(t => !added.Contains(t)).Select(t => (Guid?)t).ToList();
        var unchanged = stored.Count == 0
            ? []
            : (await db.Evaluations.AsNoTracking().Where(e => stored.Contains(e.TouchpointId)).ToListAsync(ct))
                .Where(e => !changing.Contains(e.Id));
        var pending = db.ChangeTracker.Entries<Evaluation>()
            .Where(e => e.State is EntityState.Added or EntityState.Modified && e.Entity.TouchpointId is { } t && touched.Contains(t))
            .Select(e => e.Entity);
        return unchanged.Concat(pending).Where(e => e.TouchpointId is not null).ToLookup(e => e.TouchpointId!.Value);
    }

    /// <summary>The current scores of the given touchpoints of a workspace, read from the kept rows; all of its touchpoints when none are given.</summary>
    public static async Task<Dictionary<Guid, CurrentScore>> ReadAsync(WaymarkDb db, Guid workspaceId, IReadOnlyCollection<Guid>? touchpointIds, CancellationToken ct)
    {
        var query = db.Set<KeptScore>().AsNoTracking().Where(k => k.WorkspaceId == workspaceId);
        if (touchpointIds is not null)
        {
            var ids = touchpointIds.Distinct().ToList();
            query = query.Where(k => ids.Contains(k.TouchpointId));
        }
        var rows = (await query.ToListAsync(ct)).ToLookup(k => k.TouchpointId);
        return rows.ToDictionary(g => g.Key, g => CurrentScore.FromLatest(g.Select(k => k.Latest)));
    }
}
