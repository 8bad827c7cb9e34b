using Microsoft.EntityFrameworkCore;
using Waymark.Storage.Access;
using Waymark.Web.Features;
using Waymark.Web.Infrastructure;

namespace Waymark.Web.Access;

/// <summary>A token an owner asks for: who uses it, with which role, until when.</summary>
public sealed record TokenRequest(string? Name, string? Role, DateTimeOffset? ExpiresAt);

public sealed record TokenResponse(Guid Id, string Name, WorkspaceRole Role, string Prefix, DateTimeOffset CreatedAt, string? CreatedBy,
    DateTimeOffset? ExpiresAt, DateTimeOffset? RevokedAt, DateTimeOffset? LastUsedAt, bool Active)
{
    public static TokenResponse From(ApiToken t, DateTimeOffset now) =>
        new(t.Id, t.Name, t.Role, t.Prefix, t.CreatedAt, t.CreatedBy, t.ExpiresAt, t.RevokedAt, t.LastUsedAt, t.IsActiveAt(now));
}

/// <param name="Token">The secret: shown this once, never again. Send it as <c>Authorization: Bearer …</c>.</param>
public sealed record CreatedTokenResponse(TokenResponse Details, string Token);

/// <summary>
/// API tokens for machines, for the HTTP API, the Members tab and <c>waymark token create</c> alike: only owners make
/// and revoke them; the secret is shown once and stored as a hash.
/// </summary>
public static class TokenChanges
{
    /// <summary>Creates a token named after whoever acts; the secret is in the answer, once.</summary>
    public static async Task<CreatedTokenResponse> CreateAsync(Work work, CurrentWorkspace ws, TokenRequest r, CancellationToken ct)
    {
        await work.AllowAsync(ws, WorkspaceRole.Owner, ct);
        var role = Accounts.ParseTokenRole(r.Role);
        var (token, secret) = ApiToken.Create(ws.Id, r.Name ?? "", role, work.Clock.GetUtcNow(), r.ExpiresAt, work.ActorName);
        work.Db.ApiTokens.Add(token);
        await work.SaveAsync(ct);
        return new CreatedTokenResponse(TokenResponse.From(token, work.Clock.GetUtcNow()), secret);
    }

    /// <summary>Revokes a token of the workspace; it stops working at once.</summary>
    public static async Task RevokeAsync(Work work, CurrentWorkspace ws, Guid tokenId, CancellationToken ct)
    {
        await work.AllowAsync(ws, WorkspaceRole.Owner, ct);
        var token = await work.Db.ApiTokens.FirstOrDefaultAsync(t => t.Id == tokenId && t.WorkspaceId == ws.Id, ct)
            ?? throw new NotFoundException($"There is no token {tokenId} in workspace '{ws.Key}'.");
        token.Revoke(work.Clock.GetUtcNow());
        await work.SaveAsync(ct);
    }

    /// <summary>The workspace's tokens, newest first.</summary>
    public static async Task<List<TokenResponse>> ListAsync(Storage.WaymarkDb db, Guid workspaceId, TimeProvider clock, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        var tokens = await db.ApiTokens.AsNoTracking().Where(t => t.WorkspaceId == workspaceId).ToListAsync(ct);
        return tokens.OrderByDescending(t => t.CreatedAt).Select(t => TokenResponse.From(t, now)).ToList();
    }
}
