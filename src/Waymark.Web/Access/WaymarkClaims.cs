using System.Security.Claims;
using Waymark.Storage.Access;

namespace Waymark.Web.Access;

/// <summary>The claims Waymark reads, and how to tell a user from a token.</summary>
public static class WaymarkClaims
{
    public const string TokenId = "waymark:token";
    public const string TokenWorkspace = "waymark:token-workspace";
    public const string TokenRole = "waymark:token-role";
    /// <summary>On a person still signed in with a one-time password (see <see cref="PasswordChange"/>).</summary>
    public const string MustChangePassword = "waymark:must-change-password";

    public static bool IsToken(this ClaimsPrincipal user) => user.HasClaim(c => c.Type == TokenId);

    /// <summary>A token that may only send events: it reads nothing, not even the list of workspaces.</summary>
    public static bool IsEventSender(this ClaimsPrincipal user) => user.FindFirstValue(TokenRole) == nameof(WorkspaceRole.EventSender);

    /// <summary>The Identity user id of a signed-in person; null for tokens and anonymous callers.</summary>
    public static string? UserId(this ClaimsPrincipal user) =>
        user.Identity?.IsAuthenticated == true && !user.IsToken() ? user.FindFirstValue(ClaimTypes.NameIdentifier) : null;

    public static AuditActor? Actor(this ClaimsPrincipal user)
    {
        if (user.Identity?.IsAuthenticated != true) return null;
        if (user.FindFirstValue(TokenId) is { } token) return new AuditActor(ActorKind.Token, token, user.Identity.Name ?? "token");
        return user.UserId() is { } id ? new AuditActor(ActorKind.User, id, user.FindFirstValue(ClaimTypes.Email) ?? user.Identity.Name ?? id) : null;
    }
}
