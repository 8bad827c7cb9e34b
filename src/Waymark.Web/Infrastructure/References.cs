using Microsoft.EntityFrameworkCore;
using Waymark.Domain.Common;
using Waymark.Storage;

namespace Waymark.Web.Infrastructure;

/// <summary>Checks that ids a request refers to exist in the same workspace; nothing crosses workspaces.</summary>
public static class References
{
    public static async Task RequireAsync<T>(this WaymarkDb db, CurrentWorkspace ws, Guid? id, string field, string what, CancellationToken ct)
        where T : WorkspaceEntity
    {
        if (id is null) return;
        if (!await db.Set<T>().AnyAsync(e => e.Id == id && e.WorkspaceId == ws.Id, ct))
            throw new DomainRuleException(field, $"There is no {what} with id {id} in this workspace.");
    }

    public static async Task RequireAllAsync<T>(this WaymarkDb db, CurrentWorkspace ws, IReadOnlyCollection<Guid>? ids, string field, string what, CancellationToken ct)
        where T : WorkspaceEntity
    {
        if (ids is null || ids.Count == 0) return;
        var distinct = ids.Distinct().ToList();
        var found = await db.Set<T>().Where(e => e.WorkspaceId == ws.Id && distinct.Contains(e.Id)).Select(e => e.Id).ToListAsync(ct);
        var missing = distinct.Except(found).ToList();
        if (missing.Count > 0)
            throw new DomainRuleException(field, $"There is no {what} with id {string.Join(", ", missing)} in this workspace.");
    }

    /// <summary>Finds an entity of this workspace or answers 404 in words.</summary>
    public static async Task<T> FindInAsync<T>(this IQueryable<T> set, CurrentWorkspace ws, Guid id, string what, CancellationToken ct)
        where T : WorkspaceEntity =>
        await set.FirstOrDefaultAsync(e => e.Id == id && e.WorkspaceId == ws.Id, ct)
        ?? throw new NotFoundException($"There is no {what} with id {id} in workspace '{ws.Key}'.");
}
