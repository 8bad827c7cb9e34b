using Microsoft.EntityFrameworkCore;
using Waymark.Domain.Common;
using Waymark.Storage.Access;
using Waymark.Web.Features;
using Waymark.Web.Infrastructure;

namespace Waymark.Web.Access;

/// <summary>Whom an owner makes a member, with which role.</summary>
public sealed record InviteRequest(string? Email, string? Role);

/// <summary>The role a member is to have.</summary>
public sealed record RoleRequest(string? Role);

/// <summary>A member of a workspace as the API lists them and the Members tab shows them.</summary>
public sealed record MemberResponse(string UserId, string Email, string? DisplayName, WorkspaceRole Role, DateTimeOffset Since);

/// <summary>
/// Every change to who belongs to a workspace, for the HTTP API, the Members tab and the command line alike: only
/// owners change it, only existing accounts are invited, and a workspace always keeps an owner.
/// </summary>
public static class MemberChanges
{
    /// <summary>Makes an existing account a member with a role; refuses unknown accounts and existing members.</summary>
    public static async Task<MemberResponse> InviteAsync(Work work, CurrentWorkspace ws, InviteRequest r, CancellationToken ct)
    {
        await work.AllowAsync(ws, WorkspaceRole.Owner, ct);
        var role = Accounts.ParseRole(r.Role);
        if (string.IsNullOrWhiteSpace(r.Email)) throw new DomainRuleException("email", "Give the e-mail address of the account to invite.");
        var normalized = r.Email.Trim().ToUpperInvariant();
        var user = await work.Db.Users.FirstOrDefaultAsync(u => u.NormalizedEmail == normalized, ct)
            ?? throw new DomainRuleException("email", $"There is no account for '{r.Email.Trim()}'. An administrator creates it first (waymark user add), or the person signs in once with company sign-in.");
        if (await work.Db.Memberships.AnyAsync(m => m.WorkspaceId == ws.Id && m.UserId == user.Id, ct))
            throw new ConflictException($"'{user.Email}' is already a member of this workspace; change their role instead.");
        var membership = new WorkspaceMembership(ws.Id, user.Id, role, work.Clock.GetUtcNow());
        work.Db.Memberships.Add(membership);
        await work.SaveAsync(ct);
        return new MemberResponse(user.Id, user.Email ?? "", user.DisplayName, membership.Role, membership.CreatedAt);
    }

    /// <summary>Changes a member's role; the last owner keeps theirs.</summary>
    public static async Task<MemberResponse> ChangeRoleAsync(Work work, CurrentWorkspace ws, string userId, RoleRequest r, CancellationToken ct)
    {
        await work.AllowAsync(ws, WorkspaceRole.Owner, ct);
        var role = Accounts.ParseRole(r.Role);
        var membership = await FindAsync(work, ws, userId, ct);
        if (membership.Role == WorkspaceRole.Owner && role != WorkspaceRole.Owner) await EnsureAnotherOwnerAsync(work, ws, ct);
        membership.Role = role;
        await work.SaveAsync(ct);
        return await MemberReads.Members(work.Db, ws.Id, userId).FirstAsync(ct);
    }

    /// <summary>Removes a member; the last owner stays.</summary>
    public static async Task RemoveAsync(Work work, CurrentWorkspace ws, string userId, CancellationToken ct)
    {
        await work.AllowAsync(ws, WorkspaceRole.Owner, ct);
        var membership = await FindAsync(work, ws, userId, ct);
        if (membership.Role == WorkspaceRole.Owner) await EnsureAnotherOwnerAsync(work, ws, ct);
        work.Db.Memberships.Remove(membership);
        await work.SaveAsync(ct);
    }

    private static async Task<WorkspaceMembership> FindAsync(Work work, CurrentWorkspace ws, string userId, CancellationToken ct) =>
        await work.Db.Memberships.FirstOrDefaultAsync(m => m.WorkspaceId == ws.Id && m.UserId == userId, ct)
        ?? throw new NotFoundException($"There is no member {userId} in workspace '{ws.Key}'.");

    private static async Task EnsureAnotherOwnerAsync(Work work, CurrentWorkspace ws, CancellationToken ct)
    {
        if (await work.Db.Memberships.CountAsync(m => m.WorkspaceId == ws.Id && m.Role == WorkspaceRole.Owner, ct) <= 1)
            throw new ConflictException("This is the workspace's last owner. Make someone else owner first.");
    }
}

/// <summary>Who belongs to a workspace, for the API and the Members tab.</summary>
public static class MemberReads
{
    internal static IQueryable<MemberResponse> Members(Storage.WaymarkDb db, Guid workspaceId, string? userId = null) =>
        db.Memberships.AsNoTracking().Where(m => m.WorkspaceId == workspaceId && (userId == null || m.UserId == userId))
            .Join(db.Users, m => m.UserId, u => u.Id, (m, u) => new MemberResponse(u.Id, u.Email ?? "", u.DisplayName, m.Role, m.CreatedAt));

    /// <summary>The workspace's members, owners first, then by e-mail.</summary>
    public static async Task<List<MemberResponse>> ListAsync(Storage.WaymarkDb db, Guid workspaceId, CancellationToken ct = default) =>
        (await Members(db, workspaceId).ToListAsync(ct)).OrderByDescending(m => m.Role).ThenBy(m => m.Email, StringComparer.OrdinalIgnoreCase).ToList();
}
