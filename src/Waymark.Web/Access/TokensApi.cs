using Microsoft.AspNetCore.Http.HttpResults;
using Waymark.Storage;
using Waymark.Storage.Access;
using Waymark.Web.Features;
using Waymark.Web.Infrastructure;

namespace Waymark.Web.Access;

/// <summary>Owners create API tokens for machines (shown once, stored as a hash), list and revoke them; the rules are in <see cref="TokenChanges"/>.</summary>
public static class TokensApi
{
    public static RouteGroupBuilder MapTokensApi(this RouteGroupBuilder workspace)
    {
        var group = workspace.MapGroup("/tokens").WithTags("Tokens").RequireWorkspaceRole(WorkspaceRole.Owner)
            .WithMetadata(UnchangedReads.BeyondTheWorkspace.Instance);
        group.MapGet("/", List);
        group.MapPost("/", Create);
        group.MapDelete("/{tokenId:guid}", Revoke);
        return workspace;
    }

    private static async Task<Ok<List<TokenResponse>>> List(CurrentWorkspace ws, WaymarkDb db, TimeProvider clock, CancellationToken ct) =>
        TypedResults.Ok(await TokenChanges.ListAsync(db, ws.Id, clock, ct));

    private static async Task<Created<CreatedTokenResponse>> Create(CurrentWorkspace ws, TokenRequest request, Work work, CancellationToken ct)
    {
        var created = await TokenChanges.CreateAsync(work, ws, request, ct);
        return TypedResults.Created($"/api/workspaces/{ws.Key}/tokens/{created.Details.Id}", created);
    }

    private static async Task<NoContent> Revoke(CurrentWorkspace ws, Guid tokenId, Work work, CancellationToken ct)
    {
        await TokenChanges.RevokeAsync(work, ws, tokenId, ct);
        return TypedResults.NoContent();
    }
}
