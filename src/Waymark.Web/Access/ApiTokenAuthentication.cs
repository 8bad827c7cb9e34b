using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Waymark.Storage;
using Waymark.Storage.Access;

namespace Waymark.Web.Access;

/// <summary>
/// <c>Authorization: Bearer wm_…</c>: the secret is hashed and looked up; an unknown, revoked or expired token
/// fails (401). A valid one acts only in its own workspace with its own role, and its last use is recorded (to the minute).
/// </summary>
internal sealed class ApiTokenAuthentication(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder,
    WaymarkDb db, TimeProvider clock) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public new const string Scheme = "WaymarkToken";
    public static readonly TimeSpan LastUseResolution = TimeSpan.FromMinutes(1);

    public static bool CarriesToken(HttpRequest request) =>
        request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase);

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)) return AuthenticateResult.NoResult();
        var secret = header["Bearer ".Length..].Trim();
        if (!secret.StartsWith(ApiToken.SecretPrefix, StringComparison.Ordinal)) return AuthenticateResult.Fail("This is not a Waymark API token.");

        var hash = ApiToken.HashOf(secret);
        var token = await db.ApiTokens.AsNoTracking().FirstOrDefaultAsync(t => t.Hash == hash, Context.RequestAborted);
        var now = clock.GetUtcNow();
        if (token is null || !token.IsActiveAt(now)) return AuthenticateResult.Fail("The token is unknown, revoked or expired.");

        // A read must not turn into a write: the last use is recorded to the minute, so a busy integration writes once a
        // minute, not on every request. Conditional on the value read, so two requests at once write it once.
        if (token.LastUsedAt is not { } last || now - last >= LastUseResolution)
            await db.ApiTokens.Where(t => t.Id == token.Id && t.LastUsedAt == token.LastUsedAt)
                .ExecuteUpdateAsync(s => s.SetProperty(t => t.LastUsedAt, now), Context.RequestAborted);
        var identity = new ClaimsIdentity(
        [
            new Claim(WaymarkClaims.TokenId, token.Id.ToString()),
            new Claim(WaymarkClaims.TokenWorkspace, token.WorkspaceId.ToString()),
            new Claim(WaymarkClaims.TokenRole, token.Role.ToString()),
            new Claim(ClaimTypes.Name, $"token '{token.Name}' ({token.Prefix}…)"),
        ], Scheme);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), Scheme));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = 401;
        Response.Headers.WWWAuthenticate = "Bearer error=\"invalid_token\"";
        return Task.CompletedTask;
    }
}
