using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Waymark.Storage.Access;
using Waymark.Web.Access;
using Waymark.Web.Infrastructure;

namespace Waymark.Web.Components.Services;

/// <summary>
/// What the signed-in user may do in a workspace, as the UI needs it to draw the pages: see, edit, own. Asked once per
/// circuit and workspace, and afresh after a refusal so the page redraws for the role as it is; the use case a change
/// runs checks the role itself (<see cref="Features.Work.AllowAsync"/>).
/// </summary>
public sealed class UiAccess(AuthenticationStateProvider auth, IServiceScopeFactory scopes)
{
    private readonly Dictionary<string, WorkspaceRole?> _roles = [];

    public async Task<ClaimsPrincipal> UserAsync() => (await auth.GetAuthenticationStateAsync()).User;

    /// <summary>The user's role in the workspace; <paramref name="fresh"/> asks the database again (after a refusal).</summary>
    public async Task<WorkspaceRole?> RoleAsync(string workspaceKey, bool fresh = false, CancellationToken ct = default)
    {
        if (!fresh && _roles.TryGetValue(workspaceKey, out var known)) return known;
        // A scope of its own: the circuit may ask while a page is loading, and a DbContext takes one question at a time.
        await using var scope = scopes.CreateAsyncScope();
        var role = await scope.ServiceProvider.GetRequiredService<WorkspaceAccess>().RoleAsync(await UserAsync(), workspaceKey, ct);
        _roles[workspaceKey] = role;
        return role;
    }

    /// <summary>Whether the user administers the server; asked afresh each time, as a right taken away must count at once.</summary>
    public async Task<bool> IsAdministratorAsync(CancellationToken ct = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<WorkspaceAccess>().IsAdministratorAsync(await UserAsync(), ct);
    }

    public async Task<List<CurrentWorkspace>> WorkspacesAsync(CancellationToken ct = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var list = await scope.ServiceProvider.GetRequiredService<WorkspaceAccess>().WorkspacesOfAsync(await UserAsync(), ct);
        return list.Select(w => new CurrentWorkspace(Guid.Empty, w.Key, w.Name)).ToList();
    }
}
