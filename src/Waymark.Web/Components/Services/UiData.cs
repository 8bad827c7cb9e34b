using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.EntityFrameworkCore;
using Waymark.Storage;
using Waymark.Web.Access;
using Waymark.Web.Infrastructure;

namespace Waymark.Web.Components.Services;

/// <summary>
/// Opens a short-lived DbContext per piece of work: a Blazor circuit lives for hours, a DbContext should not.
/// Each comes from its own service scope whose actor is the signed-in user, so the audit trail names them and their
/// saves are held to their roles in the workspace at the moment of saving.
/// </summary>
public sealed class UiData(IServiceScopeFactory scopes, AuthenticationStateProvider auth, TimeProvider time)
{
    // The scope is not disposed on purpose: disposing the DbContext is all it would do, and the caller does that.
    public WaymarkDb Open() => Scope().ServiceProvider.GetRequiredService<WaymarkDb>();

    /// <summary>A unit of work for operations that need more services than the DbContext (account administration); dispose it.</summary>
    public AsyncServiceScope Scope()
    {
        var scope = scopes.CreateAsyncScope();
        if (User is { } user && user.Actor() is { } actor)
            scope.ServiceProvider.GetRequiredService<CurrentActor>().ActAsSignedInPerson(actor);
        return scope;
    }

    /// <summary>The circuit's user; the server's authentication state is known from the start of the circuit.</summary>
    private ClaimsPrincipal? User
    {
        get
        {
            var state = auth.GetAuthenticationStateAsync();
            return state.IsCompletedSuccessfully ? state.Result.User : null;
        }
    }

    public DateOnly Today => DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);

    public DateTimeOffset Now => time.GetUtcNow();

    public async Task<CurrentWorkspace?> WorkspaceAsync(string? key, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(key)) return null;
        await using var db = Open();
        return await db.Workspaces.AsNoTracking().Where(w => w.Key == key)
            .Select(w => new CurrentWorkspace(w.Id, w.Key, w.Name)).FirstOrDefaultAsync(ct);
    }
}
