using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Waymark.Storage;
using Waymark.Storage.Access;
using Waymark.Web.Infrastructure;

namespace Waymark.Web.Access;

/// <summary>A workspace a user can open, and their role in it.</summary>
public sealed record WorkspaceMembershipView(string Key, string Name, WorkspaceRole Role);

/// <summary>
/// The one answer to "what may this caller do in that workspace?", for the API's authorization and for the UI.
/// Null means nothing, and is also the answer for workspaces that do not exist, so callers cannot tell them apart.
/// </summary>
public sealed class WorkspaceAccess(WaymarkDb db)
{
    private readonly Dictionary<string, (CurrentWorkspace?, WorkspaceRole?)> _known = new(StringComparer.Ordinal);

    public async Task<WorkspaceRole?> RoleAsync(ClaimsPrincipal user, string workspaceKey, CancellationToken ct) =>
        (await ResolveAsync(user, workspaceKey, ct)).Role;

    /// <summary>The workspace and the caller's role in it; both null when the caller may not see it or it does not exist.</summary>
    public async Task<(CurrentWorkspace? Workspace, WorkspaceRole? Role)> ResolveAsync(ClaimsPrincipal user, string? workspaceKey, CancellationToken ct)
    {
        if (user.Identity?.IsAuthenticated != true || string.IsNullOrEmpty(workspaceKey)) return (null, null);
        var cacheKey = (user.FindFirstValue(WaymarkClaims.TokenId) ?? user.UserId()) + "\n" + workspaceKey;
        if (_known.TryGetValue(cacheKey, out var known)) return known;

        var workspace = await CurrentWorkspace.FindAsync(db, workspaceKey, ct);
        WorkspaceRole? role = null;
        if (workspace is not null)
        {
            if (user.FindFirstValue(WaymarkClaims.TokenWorkspace) is { } tokenWorkspace)
            {
                if (tokenWorkspace == workspace.Id.ToString() && Enum.TryParse<WorkspaceRole>(user.FindFirstValue(WaymarkClaims.TokenRole), out var tokenRole))
                    role = tokenRole;
            }
            else if (user.UserId() is { } userId)
            {
                var found = await db.Users.AsNoTracking().Where(u => u.Id == userId)
                    .Select(u => new
                    {
                        u.IsAdministrator,
                        Role = db.Memberships.Where(m => m.UserId == userId && m.WorkspaceId == workspace.Id).Select(m => (WorkspaceRole?)m.Role).FirstOrDefault(),
                    })
                    .FirstOrDefaultAsync(ct);
                role = found is null ? null : found.IsAdministrator ? WorkspaceRole.Owner : found.Role;
            }
        }
        var result = role is null ? ((CurrentWorkspace?)null, (WorkspaceRole?)null) : (workspace, role);
        _known[cacheKey] = result;
        return result;
    }

    /// <summary>The workspaces the caller may open, by name; an administrator's list holds every workspace.</summary>
    public async Task<IReadOnlyList<WorkspaceMembershipView>> WorkspacesOfAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        if (user.Identity?.IsAuthenticated != true) return [];
        List<WorkspaceMembershipView> list;
        if (user.FindFirstValue(WaymarkClaims.TokenWorkspace) is { } tokenWorkspace)
        {
            var id = Guid.Parse(tokenWorkspace);
            var role = Enum.Parse<WorkspaceRole>(user.FindFirstValue(WaymarkClaims.TokenRole)!);
            list = (await db.Workspaces.AsNoTracking().Where(w => w.Id == id).Select(w => new { w.Key, w.Name }).ToListAsync(ct))
                .Select(w => new WorkspaceMembershipView(w.Key, w.Name, role)).ToList();
        }
        else
        {
            var userId = user.UserId();
            var rows = await IsAdministratorAsync(user, ct)
                ? await db.Workspaces.AsNoTracking().Select(w => new
                {
                    w.Key, w.Name,
                    Role = db.Memberships.Where(m => m.WorkspaceId == w.Id && m.UserId == userId).Select(m => (WorkspaceRole?)m.Role).FirstOrDefault() ?? WorkspaceRole.Owner,
                }).ToListAsync(ct)
                : await db.Memberships.AsNoTracking().Where(m => m.UserId == userId)
                    .Join(db.Workspaces, m => m.WorkspaceId, w => w.Id, (m, w) => new { w.Key, w.Name, m.Role }).ToListAsync(ct);
            list = rows.Select(r => new WorkspaceMembershipView(r.Key, r.Name, r.Role)).ToList();
        }
        return list.OrderBy(v => v.Name, StringComparer.CurrentCultureIgnoreCase).ThenBy(v => v.Key, StringComparer.Ordinal).ToList();
    }

    public async Task<bool> IsAdministratorAsync(ClaimsPrincipal user, CancellationToken ct) =>
        user.UserId() is { } id && await db.Users.AnyAsync(u => u.Id == id && u.IsAdministrator, ct);
}
