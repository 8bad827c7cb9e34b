using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Waymark.Storage;
using Waymark.Storage.Access;
using Waymark.Web.Infrastructure;

namespace Waymark.Web.Access;

/// <summary>Owners create API tokens for machines (shown once, stored as a hash), list and revoke them.</summary>
public static class TokensApi
{
    public sealed record TokenRequest(string? Name, string? Role, DateTimeOffset? ExpiresAt);

    public sealed record TokenResponse(Guid Id, string Name, WorkspaceRole Role, string Prefix, DateTimeOffset CreatedAt, string? CreatedBy,
        DateTimeOffset? ExpiresAt, DateTimeOffset? RevokedAt, DateTimeOffset? LastUsedAt, bool Active)
    {
        public static TokenResponse From(ApiToken t, DateTimeOffset now) =>
            new(t.Id, t.Name, t.Role, t.Prefix, t.CreatedAt, t.CreatedBy, t.ExpiresAt, t.RevokedAt, t.LastUsedAt, t.IsActiveAt(now));
    }

    /// <param name="Token">The secret: shown this once, never again. Send it as <c>Authorization: Bearer …</c>.</param>
    public sealed record CreatedTokenResponse(TokenResponse Details, string Token);

    public static RouteGroupBuilder MapTokensApi(this RouteGroupBuilder workspace)
    {
        var group = workspace.MapGroup("/tokens").WithTags("Tokens").RequireWorkspaceRole(WorkspaceRole.Owner);
        group.MapGet("/", List);
        group.MapPost("/", Create);
        group.MapDelete("/{tokenId:guid}", Revoke);
        return workspace;
    }

    /// <summary>The one way a token is made, by the API and by <c>waymark token create</c>.</summary>
    public static async Task<(ApiToken Token, string Secret)> CreateAsync(WaymarkDb db, Guid workspaceId, string name, WorkspaceRole role,
        DateTimeOffset? expiresAt, string? createdBy, TimeProvider clock, CancellationToken ct)
    {
        var (token, secret) = ApiToken.Create(workspaceId, name, role, clock.GetUtcNow(), expiresAt, createdBy);
        db.ApiTokens.Add(token);
        await db.SaveChangesAsync(ct);
        return (token, secret);
    }

    private static async Task<Ok<List<TokenResponse>>> List(CurrentWorkspace ws, WaymarkDb db, TimeProvider clock, CancellationToken ct) =>
        TypedResults.Ok(await ListAsync(db, ws.Id, clock, ct));

    private static async Task<Created<CreatedTokenResponse>> Create(CurrentWorkspace ws, TokenRequest request, ClaimsPrincipal user, WaymarkDb db,
        TimeProvider clock, CancellationToken ct)
    {
        var created = await CreateAsync(db, ws, request, user.Actor()?.Name, clock, ct);
        return TypedResults.Created($"/api/workspaces/{ws.Key}/tokens/{created.Details.Id}", created);
    }

    private static async Task<NoContent> Revoke(CurrentWorkspace ws, Guid tokenId, WaymarkDb db, TimeProvider clock, CancellationToken ct)
    {
        await RevokeAsync(db, ws, tokenId, clock, ct);
        return TypedResults.NoContent();
    }

    // The operations themselves, shared by the API above and the settings page; the caller has checked the user is an owner.

    /// <summary>The workspace's tokens, newest first.</summary>
    public static async Task<List<TokenResponse>> ListAsync(WaymarkDb db, Guid workspaceId, TimeProvider clock, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        var tokens = await db.ApiTokens.AsNoTracking().Where(t => t.WorkspaceId == workspaceId).ToListAsync(ct);
        return tokens.OrderByDescending(t => t.CreatedAt).Select(t => TokenResponse.From(t, now)).ToList();
    }

    /// <summary>Creates a token from an owner's request; <paramref name="createdBy"/> names the actor. The secret is in the answer, once.</summary>
    public static async Task<CreatedTokenResponse> CreateAsync(WaymarkDb db, CurrentWorkspace ws, TokenRequest request, string? createdBy, TimeProvider clock,
        CancellationToken ct = default)
    {
        var role = Accounts.ParseRole(request.Role);
        var (token, secret) = await CreateAsync(db, ws.Id, request.Name ?? "", role, request.ExpiresAt, createdBy, clock, ct);
        return new CreatedTokenResponse(TokenResponse.From(token, clock.GetUtcNow()), secret);
    }

    /// <summary>Revokes a token of the workspace; it stops working at once.</summary>
    public static async Task RevokeAsync(WaymarkDb db, CurrentWorkspace ws, Guid tokenId, TimeProvider clock, CancellationToken ct = default)
    {
        var token = await db.ApiTokens.FirstOrDefaultAsync(t => t.Id == tokenId && t.WorkspaceId == ws.Id, ct)
            ?? throw new NotFoundException($"There is no token {tokenId} in workspace '{ws.Key}'.");
        token.Revoke(clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
    }
}
