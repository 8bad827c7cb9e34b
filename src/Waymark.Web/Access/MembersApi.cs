using Microsoft.AspNetCore.Http.HttpResults;
using Waymark.Storage;
using Waymark.Storage.Access;
using Waymark.Web.Features;
using Waymark.Web.Infrastructure;

namespace Waymark.Web.Access;

/// <summary>Owners invite existing accounts by e-mail, change their roles and remove them; the rules are in <see cref="MemberChanges"/>.</summary>
public static class MembersApi
{
    public static RouteGroupBuilder MapMembersApi(this RouteGroupBuilder workspace)
    {
        var group = workspace.MapGroup("/members").WithTags("Members").RequireWorkspaceRole(WorkspaceRole.Owner).ProducesProblem(409)
            .WithMetadata(UnchangedReads.BeyondTheWorkspace.Instance);
        group.MapGet("/", List);
        group.MapPost("/", Invite);
        group.MapPut("/{userId}", ChangeRole);
        group.MapDelete("/{userId}", Remove);
        return workspace;
    }

    private static async Task<Ok<List<MemberResponse>>> List(CurrentWorkspace ws, WaymarkDb db, CancellationToken ct) =>
        TypedResults.Ok(await MemberReads.ListAsync(db, ws.Id, ct));

    private static async Task<Created<MemberResponse>> Invite(CurrentWorkspace ws, InviteRequest request, Work work, CancellationToken ct)
    {
        var member = await MemberChanges.InviteAsync(work, ws, request, ct);
        return TypedResults.Created($"/api/workspaces/{ws.Key}/members/{member.UserId}", member);
    }

    private static async Task<Ok<MemberResponse>> ChangeRole(CurrentWorkspace ws, string userId, RoleRequest request, Work work, CancellationToken ct) =>
        TypedResults.Ok(await MemberChanges.ChangeRoleAsync(work, ws, userId, request, ct));

    private static async Task<NoContent> Remove(CurrentWorkspace ws, string userId, Work work, CancellationToken ct)
    {
        await MemberChanges.RemoveAsync(work, ws, userId, ct);
        return TypedResults.NoContent();
    }
}
