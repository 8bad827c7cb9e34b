using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Waymark.Domain.Journeys;
using Waymark.Domain.Workspaces;

namespace Waymark.Storage.Scores;

/// <summary>
/// A value that changes, in the same save, whenever anything of a workspace changes. A read computed under one stamp
/// stays right until the stamp moves, so it can be answered from a cache or with 304 Not Modified. A new value is
/// drawn on each save (not a count), so two saves at once cannot leave it where a reader already saw it.
/// </summary>
public sealed class WorkspaceStamp
{
    private WorkspaceStamp() { }

    public WorkspaceStamp(Guid workspaceId)
    {
        WorkspaceId = workspaceId;
        Move();
    }

    public Guid WorkspaceId { get; private set; }
    public Guid Stamp { get; private set; }

    public void Move() => Stamp = Guid.NewGuid();

    /// <summary>The stamp of the workspace with this id, if it has one; one lookup by the primary key.</summary>
    public static Task<Guid?> OfAsync(WaymarkDb db, Guid workspaceId, CancellationToken ct) =>
        db.Set<WorkspaceStamp>().AsNoTracking().Where(s => s.WorkspaceId == workspaceId).Select(s => (Guid?)s.Stamp).FirstOrDefaultAsync(ct);

    /// <summary>The stamp of the workspace with this key, if there is one; one lookup by an indexed key.</summary>
    public static Task<Guid?> OfKeyAsync(WaymarkDb db, string key, CancellationToken ct) =>
        (from w in db.Workspaces.AsNoTracking()
         join s in db.Set<WorkspaceStamp>().AsNoTracking() on w.Id equals s.WorkspaceId
         where w.Key == key
         select (Guid?)s.Stamp).FirstOrDefaultAsync(ct);
}

/// <summary>Moves the <see cref="WorkspaceStamp"/> of every workspace a save changes something of.</summary>
public sealed class StampKeeper : SaveChangesInterceptor
{
    public static readonly StampKeeper Instance = new();

    private StampKeeper() { }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (eventData.Context is WaymarkDb db) MoveAsync(db, CancellationToken.None).GetAwaiter().GetResult();
        return result;
    }

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken ct = default)
    {
        if (eventData.Context is WaymarkDb db) await MoveAsync(db, ct);
        return result;
    }

    private static async Task MoveAsync(WaymarkDb db, CancellationToken ct)
    {
        db.ChangeTracker.DetectChanges();
        var changed = db.ChangeTracker.Entries()
            .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted && e.Entity is not WorkspaceStamp).ToList();
        if (changed.Count == 0) return;
        var created = changed.Where(e => e is { Entity: Workspace, State: EntityState.Added }).Select(e => ((Workspace)e.Entity).Id).ToHashSet();
        var gone = changed.Where(e => e is { Entity: Workspace, State: EntityState.Deleted }).Select(e => ((Workspace)e.Entity).Id).ToHashSet();
        var touched = new HashSet<Guid>();
        foreach (var entry in changed)
            if (await WorkspaceOfAsync(db, entry, ct) is { } id && !gone.Contains(id)) touched.Add(id);
        foreach (var id in created) db.Add(new WorkspaceStamp(id));
        var existing = touched.Where(id => !created.Contains(id)).ToList();
        if (existing.Count == 0) return;
        var stamps = await db.Set<WorkspaceStamp>().Where(s => existing.Contains(s.WorkspaceId)).ToListAsync(ct);
        foreach (var stamp in stamps) stamp.Move();
        // A workspace stored before stamps existed gets its first one.
        foreach (var id in existing.Except(stamps.Select(s => s.WorkspaceId))) db.Add(new WorkspaceStamp(id));
    }

    /// <summary>The workspace a changed row belongs to: its own column, or for stages and steps their journey's.</summary>
    private static async Task<Guid?> WorkspaceOfAsync(WaymarkDb db, EntityEntry entry, CancellationToken ct)
    {
        switch (entry.Entity)
        {
            case Workspace w: return w.Id;
            case Stage stage: return await JourneyWorkspaceAsync(db, stage.JourneyId, ct);
            case Step step:
                var stageOf = db.ChangeTracker.Entries<Stage>().FirstOrDefault(s => s.Entity.Id == step.StageId)?.Entity.JourneyId
                    ?? await db.Stages.AsNoTracking().Where(s => s.Id == step.StageId).Select(s => (Guid?)s.JourneyId).FirstOrDefaultAsync(ct);
                return stageOf is { } journeyId ? await JourneyWorkspaceAsync(db, journeyId, ct) : null;
        }
        return entry.Metadata.FindProperty("WorkspaceId") is { ClrType: var type } && (type == typeof(Guid) || type == typeof(Guid?))
            ? entry.Property("WorkspaceId").CurrentValue as Guid?
            : null;
    }

    private static async Task<Guid?> JourneyWorkspaceAsync(WaymarkDb db, Guid journeyId, CancellationToken ct) =>
        db.ChangeTracker.Entries<Journey>().FirstOrDefault(j => j.Entity.Id == journeyId)?.Entity.WorkspaceId
        ?? await db.Journeys.AsNoTracking().Where(j => j.Id == journeyId).Select(j => (Guid?)j.WorkspaceId).FirstOrDefaultAsync(ct);
}
