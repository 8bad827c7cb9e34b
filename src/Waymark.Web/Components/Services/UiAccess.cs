using Microsoft.AspNetCore.Components.Authorization;
using Waymark.Web.Infrastructure;

namespace Waymark.Web.Components.Services;

public enum UiRole { Viewer, Editor, Owner }

/// <summary>What the signed-in user may do in a workspace, as the UI needs it: see, edit, own.</summary>
public sealed class UiAccess(AuthenticationStateProvider auth, UiData data, IServiceProvider services)
{
    private readonly Dictionary<string, UiRole?> _roles = [];

    public async Task<System.Security.Claims.ClaimsPrincipal> UserAsync() => (await auth.GetAuthenticationStateAsync()).User;

    public async Task<UiRole?> RoleAsync(string workspaceKey, CancellationToken ct = default)
    {
        if (_roles.TryGetValue(workspaceKey, out var known)) return known;
        var role = await AccessBridge.RoleAsync(services, await UserAsync(), workspaceKey, ct);
        _roles[workspaceKey] = role;
        return role;
    }

    public async Task<List<CurrentWorkspace>> WorkspacesAsync(CancellationToken ct = default)
    {
        var keys = await AccessBridge.WorkspaceKeysAsync(services, await UserAsync(), ct);
        var all = await data.AllWorkspacesAsync(ct);
        return keys is null ? all : all.Where(w => keys.Contains(w.Key)).ToList();
    }
}
