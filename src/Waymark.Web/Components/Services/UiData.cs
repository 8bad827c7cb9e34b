using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.EntityFrameworkCore;
using Waymark.Storage;
using Waymark.Web.Access;
using Waymark.Web.Infrastructure;

namespace Waymark.Web.Components.Services;

/// <summary>
/// A page's way to the data: a short-lived DbContext per read (a Blazor circuit lives for hours, a DbContext should
/// not), and <see cref="ChangeAsync{T}"/> for changes, which runs a use case of <c>Features/</c> as the signed-in
/// person, exactly as the API runs it for its caller. Pages never save on their own.
/// </summary>
public sealed class UiData(IServiceScopeFactory scopes, AuthenticationStateProvider auth, TimeProvider time)
{
    /// <summary>This circuit, as the source of its changes: live announcements from here are not redrawn here.</summary>
    public string Source { get; } = "page-" + Guid.NewGuid().ToString("N");

    /// <summary>A DbContext to read with; it refuses to save (see <see cref="ReadOnlyPageData"/>).</summary>
    public WaymarkDb Open()
    {
        // The scope is not disposed on purpose: disposing the DbContext is all it would do, and the caller does that.
        var scope = Scope();
        scope.ServiceProvider.GetRequiredService<CurrentActor>().OnlyRead();
        return scope.ServiceProvider.GetRequiredService<WaymarkDb>();
    }

    /// <summary>Runs one use case in a unit of work of its own, as the signed-in person of this page.</summary>
    public async Task<T> ChangeAsync<T>(Func<Features.Work, Task<T>> change)
    {
        await using var scope = Scope();
        return await change(scope.ServiceProvider.GetRequiredService<Features.Work>());
    }

    public Task ChangeAsync(Func<Features.Work, Task> change) => ChangeAsync(async work => { await change(work); return true; });

    /// <summary>A unit of work for operations that need more services than the DbContext (account administration); dispose it.</summary>
    public AsyncServiceScope Scope()
    {
        var scope = scopes.CreateAsyncScope();
        if (User is { } user && user.Actor() is not null)
            scope.ServiceProvider.GetRequiredService<CurrentActor>().ActAsSignedInPerson(user, Source);
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
        return await CurrentWorkspace.FindAsync(db, key, ct);
    }
}
