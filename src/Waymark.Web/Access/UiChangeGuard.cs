using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Waymark.Domain.Workspaces;
using Waymark.Storage;
using Waymark.Storage.Access;
using Waymark.Web.Infrastructure;

namespace Waymark.Web.Access;

/// <summary>
/// The UI's equivalent of the API's role check, written once at the database: when a signed-in person's page saves,
/// every changed row's workspace is looked up and the person's role there, as it is now, must allow it — editor for
/// content, owner for members, tokens and the workspace itself; administrators may do all. A page opened before an
/// owner took the role away therefore cannot save, whichever form or component it saves from.
/// </summary>
public sealed class UiChangeGuard(CurrentActor actor) : SaveChangesInterceptor
{
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (eventData.Context is WaymarkDb db) CheckAsync(db, async: false, default).GetAwaiter().GetResult();
        return result;
    }

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
        CancellationToken ct = default)
    {
        if (eventData.Context is WaymarkDb db) await CheckAsync(db, async: true, ct);
        return result;
    }

    private async Task CheckAsync(WaymarkDb db, bool async, CancellationToken ct)
    {
        if (!actor.ChecksRoles || actor.Actor is not { Kind: ActorKind.User } person) return;
        db.ChangeTracker.DetectChanges();
        var needed = new Dictionary<Guid, WorkspaceRole>();
        var created = new HashSet<Guid>();
        foreach (var entry in db.ChangeTracker.Entries().Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted).ToList())
        {
            if (!AuditTrail.IsWorkspaceRow(entry)) continue;
            if (entry is { Entity: Workspace workspace, State: EntityState.Added })
            {
                created.Add(workspace.Id); // a new workspace is its creator's
                continue;
            }
            if (AuditTrail.OwnersOf(db, entry, actor.WorkspaceId).Workspace is not { } id)
                throw new ForbiddenChangeException("This change belongs to no workspace you work in; nothing was changed.");
            var role = entry.Entity is WorkspaceMembership or ApiToken or Workspace ? WorkspaceRole.Owner : WorkspaceRole.Editor;
            needed[id] = needed.TryGetValue(id, out var before) && before > role ? before : role;
        }
        foreach (var id in created) needed.Remove(id);
        if (needed.Count == 0) return;

        var administrator = db.Users.AsNoTracking().Where(u => u.Id == person.Id && u.IsAdministrator);
        if (async ? await administrator.AnyAsync(ct) : administrator.Any()) return;
        var ids = needed.Keys.ToList();
        var query = db.Memberships.AsNoTracking().Where(m => m.UserId == person.Id && ids.Contains(m.WorkspaceId)).Select(m => new { m.WorkspaceId, m.Role });
        var roles = (async ? await query.ToListAsync(ct) : query.ToList()).ToDictionary(m => m.WorkspaceId, m => m.Role);
        foreach (var (workspace, need) in needed)
        {
            if (roles.TryGetValue(workspace, out var has) && has >= need) continue;
            throw new ForbiddenChangeException(!roles.ContainsKey(workspace)
                ? "You are no longer a member of this workspace; nothing was changed."
                : need == WorkspaceRole.Owner
                    ? "Only owners of this workspace can change this; nothing was changed."
                    : "Your role in this workspace no longer allows changes; nothing was changed.");
        }
    }
}
