using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Waymark.Domain.Common;
using Waymark.Storage;
using Waymark.Storage.Access;
using Waymark.Web.Infrastructure;

namespace Waymark.Web.Access;

/// <summary>Owners invite existing accounts by e-mail, change their roles and remove them; a workspace always keeps an owner.</summary>
public static class MembersApi
{
    public sealed record InviteRequest(string? Email, string? Role);
    public sealed record RoleRequest(string? Role);
    public sealed record MemberResponse(string UserId, string Email, string? DisplayName, WorkspaceRole Role, DateTimeOffset Since);

    public static RouteGroupBuilder MapMembersApi(this RouteGroupBuilder workspace)
    {
        var group = workspace.MapGroup("/members").WithTags("Members").RequireWorkspaceRole(WorkspaceRole.Owner).ProducesProblem(409);
        group.MapGet("/", List);
        group.MapPost("/", Invite);
        group.MapPut("/{userId}", ChangeRole);
        group.MapDelete("/{userId}", Remove);
        return workspace;
    }

    private static IQueryable<MemberResponse> Members(WaymarkDb db, Guid workspaceId, string? userId = null) =>
        db.Memberships.AsNoTracking().Where(m => m.WorkspaceId == workspaceId && (userId == null || m.UserId == userId))
            .Join(db.Users, m => m.UserId, u => u.Id, (m, u) => new MemberResponse(u.Id, u.Email ?? "", u.DisplayName, m.Role, m.CreatedAt));

    private static async Task<Ok<List<MemberResponse>>> List(CurrentWorkspace ws, WaymarkDb db, CancellationToken ct) =>
        TypedResults.Ok(await ListAsync(db, ws.Id, ct));

    private static async Task<Created<MemberResponse>> Invite(CurrentWorkspace ws, InviteRequest request, WaymarkDb db, TimeProvider clock, CancellationToken ct)
    {
        var member = await InviteAsync(db, ws, request.Email, request.Role, clock, ct);
        return TypedResults.Created($"/api/workspaces/{ws.Key}/members/{member.UserId}", member);
    }

    private static async Task<Ok<MemberResponse>> ChangeRole(CurrentWorkspace ws, string userId, RoleRequest request, WaymarkDb db, CancellationToken ct) =>
        TypedResults.Ok(await ChangeRoleAsync(db, ws, userId, request.Role, ct));

    private static async Task<NoContent> Remove(CurrentWorkspace ws, string userId, WaymarkDb db, CancellationToken ct)
    {
        await RemoveAsync(db, ws, userId, ct);
        return TypedResults.NoContent();
    }

    // The operations themselves, shared by the API above and the settings page; the caller has checked the user is an owner.

    /// <summary>The workspace's members, owners first, then by e-mail.</summary>
    public static async Task<List<MemberResponse>> ListAsync(WaymarkDb db, Guid workspaceId, CancellationToken ct = default) =>
        (await Members(db, workspaceId).ToListAsync(ct)).OrderByDescending(m => m.Role).ThenBy(m => m.Email, StringComparer.OrdinalIgnoreCase).ToList();

    /// <summary>Makes an existing account a member with a role; refuses unknown accounts and existing members.</summary>
    public static async Task<MemberResponse> InviteAsync(WaymarkDb db, CurrentWorkspace ws, string? email, string? roleText, TimeProvider clock, CancellationToken ct = default)
    {
        var role = Accounts.ParseRole(roleText);
        if (string.IsNullOrWhiteSpace(email)) throw new DomainRuleException("email", "Give the e-mail address of the account to invite.");
        var normalized = email.Trim().ToUpperInvariant();
        var user = await db.Users.FirstOrDefaultAsync(u => u.NormalizedEmail == normalized, ct)
            ?? throw new DomainRuleException("email", $"There is no account for '{email.Trim()}'. An administrator creates it first (waymark user add), or the person signs in once with company sign-in.");
        if (await db.Memberships.AnyAsync(m => m.WorkspaceId == ws.Id && m.UserId == user.Id, ct))
            throw new ConflictException($"'{user.Email}' is already a member of this workspace; change their role instead.");
        var membership = await Accounts.GrantAsync(db, ws.Id, user.Id, role, clock, ct);
        return new MemberResponse(user.Id, user.Email ?? "", user.DisplayName, membership.Role, membership.CreatedAt);
    }

    /// <summary>Changes a member's role; the last owner keeps theirs.</summary>
    public static async Task<MemberResponse> ChangeRoleAsync(WaymarkDb db, CurrentWorkspace ws, string userId, string? roleText, CancellationToken ct = default)
    {
        var role = Accounts.ParseRole(roleText);
        var membership = await Find(db, ws, userId, ct);
        if (membership.Role == WorkspaceRole.Owner && role != WorkspaceRole.Owner) await EnsureAnotherOwner(db, ws, ct);
        membership.Role = role;
        await db.SaveChangesAsync(ct);
        return await Members(db, ws.Id, userId).FirstAsync(ct);
    }

    /// <summary>Removes a member; the last owner stays.</summary>
    public static async Task RemoveAsync(WaymarkDb db, CurrentWorkspace ws, string userId, CancellationToken ct = default)
    {
        var membership = await Find(db, ws, userId, ct);
        if (membership.Role == WorkspaceRole.Owner) await EnsureAnotherOwner(db, ws, ct);
        db.Memberships.Remove(membership);
        await db.SaveChangesAsync(ct);
    }

    private static async Task<WorkspaceMembership> Find(WaymarkDb db, CurrentWorkspace ws, string userId, CancellationToken ct) =>
        await db.Memberships.FirstOrDefaultAsync(m => m.WorkspaceId == ws.Id && m.UserId == userId, ct)
        ?? throw new NotFoundException($"There is no member {userId} in workspace '{ws.Key}'.");

    private static async Task EnsureAnotherOwner(WaymarkDb db, CurrentWorkspace ws, CancellationToken ct)
    {
        if (await db.Memberships.CountAsync(m => m.WorkspaceId == ws.Id && m.Role == WorkspaceRole.Owner, ct) <= 1)
            throw new ConflictException("This is the workspace's last owner. Make someone else owner first.");
    }
}
