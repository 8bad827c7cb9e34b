using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Waymark.Domain.Journeys;
using Waymark.Domain.Workspaces;

namespace Waymark.Storage.Access;

/// <summary>Who is acting in this unit of work (an HTTP request, a UI circuit, a command), and in which workspace.</summary>
public interface IAuditContext
{
    AuditActor? Actor { get; }
    /// <summary>The workspace the request is about, for rows that do not carry their own workspace id.</summary>
    Guid? WorkspaceId { get; }
}

/// <summary>
/// Writes an <see cref="AuditEntry"/> for every created, changed or deleted row of a workspace in the same
/// SaveChanges, so no endpoint can forget it; and makes the user who creates a workspace its owner.
/// Work without an actor (start-up seeding, direct storage use) is not recorded.
/// </summary>
public sealed class AuditTrail(IAuditContext audit, TimeProvider clock) : SaveChangesInterceptor
{
    private static readonly JsonSerializerOptions Json = new()
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private static readonly HashSet<Type> Audited =
    [
        typeof(WorkspaceMembership), typeof(ApiToken),
    ];

    private static readonly HashSet<string> Hidden = ["Version", "Hash", "WorkspaceId", "Id", "MeasurementCount"];

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (eventData.Context is { } db) Record(db);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken ct = default)
    {
        if (eventData.Context is { } db) Record(db);
        return ValueTask.FromResult(result);
    }

    private void Record(DbContext db)
    {
        if (audit.Actor is not { } actor) return;
        db.ChangeTracker.DetectChanges();
        var now = clock.GetUtcNow();
        var entries = db.ChangeTracker.Entries()
            .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted && IsAudited(e))
            .ToList();
        foreach (var entry in entries)
        {
            if (entry.Entity is Workspace created && entry.State == EntityState.Added && actor.Kind == ActorKind.User)
                db.Add(new WorkspaceMembership(created.Id, actor.Id, WorkspaceRole.Owner, now));
        }
        // The owner's membership just added; an EntityEntry is a new object on each call, so they are told apart by their entity.
        var known = entries.Select(e => e.Entity).ToHashSet(ReferenceEqualityComparer.Instance);
        foreach (var entry in db.ChangeTracker.Entries().Where(e => e.State is EntityState.Added && e.Entity is WorkspaceMembership && !known.Contains(e.Entity)).ToList())
            entries.Add(entry);

        foreach (var entry in entries)
        {
            var changes = Changes(entry);
            if (entry.State == EntityState.Modified && changes is null) continue;
            var (workspaceId, journeyId) = Owners(db, entry);
            if (workspaceId is not { } ws) continue;
            var action = entry.State switch { EntityState.Added => AuditAction.Created, EntityState.Deleted => AuditAction.Deleted, _ => AuditAction.Changed };
            var id = entry.Metadata.FindPrimaryKey()!.Properties.Select(p => entry.Property(p.Name).CurrentValue?.ToString()).FirstOrDefault() ?? "";
            db.Add(new AuditEntry(ws, now, actor, action, entry.Metadata.ClrType.Name, id, journeyId, changes));
        }
    }

    private static bool IsAudited(EntityEntry entry) =>
        !entry.Metadata.IsOwned() && (Audited.Contains(entry.Metadata.ClrType)
            || entry.Metadata.ClrType.Namespace?.StartsWith("Waymark.Domain", StringComparison.Ordinal) == true);

    private static string? Changes(EntityEntry entry)
    {
        var values = new SortedDictionary<string, object?>(StringComparer.Ordinal);
        foreach (var property in entry.Properties)
        {
            var name = property.Metadata.Name;
            if (Hidden.Contains(name) || property.Metadata.IsShadowProperty()) continue;
            var key = JsonNamingPolicy.CamelCase.ConvertName(name);
            switch (entry.State)
            {
                case EntityState.Added: values[key] = property.CurrentValue; break;
                case EntityState.Deleted: values[key] = property.OriginalValue; break;
                case EntityState.Modified when property.IsModified && !Equals(property.OriginalValue, property.CurrentValue)
                    && !SameSequence(property.OriginalValue, property.CurrentValue):
                    values[key] = new { from = property.OriginalValue, to = property.CurrentValue };
                    break;
            }
        }
        return values.Count == 0 ? null : JsonSerializer.Serialize(values, Json);
    }

    private static bool SameSequence(object? a, object? b) =>
        a is System.Collections.IEnumerable x && b is System.Collections.IEnumerable y && a is not string
        && x.Cast<object?>().SequenceEqual(y.Cast<object?>());

    /// <summary>
    /// The workspace a changed row belongs to (and, for a journey, stage or step, the journey); the scope's workspace
    /// for rows that carry no workspace of their own.
    /// </summary>
    private (Guid? Workspace, Guid? Journey) Owners(DbContext db, EntityEntry entry)
    {
        var fallback = audit.WorkspaceId;
        switch (entry.Entity)
        {
            case Workspace w: return (w.Id, null);
            case Journey j: return (j.WorkspaceId, j.Id);
            case Stage s: return (JourneyWorkspace(db, s.JourneyId, fallback), s.JourneyId);
            case Step step:
                var stageId = (Guid)(entry.State == EntityState.Deleted ? entry.Property(nameof(Step.StageId)).OriginalValue : entry.Property(nameof(Step.StageId)).CurrentValue)!;
                var journeyId = db.ChangeTracker.Entries<Stage>().FirstOrDefault(e => e.Entity.Id == stageId)?.Entity.JourneyId
                    ?? db.Set<Stage>().AsNoTracking().Where(x => x.Id == stageId).Select(x => (Guid?)x.JourneyId).FirstOrDefault();
                return (journeyId is { } jid ? JourneyWorkspace(db, jid, fallback) : fallback, journeyId);
        }
        var property = entry.Metadata.FindProperty("WorkspaceId");
        return property is null ? (fallback, null) : ((Guid?)entry.Property("WorkspaceId").CurrentValue, null);
    }

    private static Guid? JourneyWorkspace(DbContext db, Guid journeyId, Guid? fallback) =>
        db.ChangeTracker.Entries<Journey>().FirstOrDefault(e => e.Entity.Id == journeyId)?.Entity.WorkspaceId
        ?? db.Set<Journey>().AsNoTracking().Where(j => j.Id == journeyId).Select(j => (Guid?)j.WorkspaceId).FirstOrDefault()
        ?? fallback;
}
