using System.Security.Claims;
using Bunit;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;
using Waymark.Web.Live;
using Waymark.Storage.Access;
using Waymark.Web.Components.Services;

namespace Waymark.Ui.Tests.Support;

/// <summary>
/// bUnit rendering whole workspace pages as a person with a role in the demo workspace of a <see cref="UiFactory"/>:
/// the page reads and writes that database, finds its role as in a circuit, and shares the application's
/// <see cref="MapChanges"/> and <see cref="Waymark.Web.Components.Pages.Journeys.OpenMaps"/>, so two hosts on one map see each other's changes.
/// </summary>
public sealed class PageHost : IDisposable, IAsyncDisposable
{
    /// <param name="app">The application's services when a test runs a variant of it on the same database (e.g. with an extra interceptor).</param>
    public PageHost(UiFactory factory, WorkspaceRole role, IServiceProvider? app = null)
    {
        var auth = new SignedIn(factory.PrincipalOf(role));
        var services = app ?? factory.Services;
        var scopes = services.GetRequiredService<IServiceScopeFactory>();
        Context.Services.AddSingleton<AuthenticationStateProvider>(auth);
        Context.Services.AddSingleton(new UiData(scopes, auth, TimeProvider.System));
        Context.Services.AddSingleton(new UiAccess(auth, scopes));
        Context.Services.AddSingleton(services.GetRequiredService<MapChanges>());
        Context.Services.AddSingleton(services.GetRequiredService<BoardChanges>());
        Context.Services.AddSingleton(services.GetRequiredService<Waymark.Web.Components.Pages.Journeys.OpenMaps>());
        Context.Services.AddSingleton(services.GetRequiredService<EventArrivals>());
        Context.Services.AddSingleton(services.GetRequiredService<Waymark.Web.Features.Evidence.SharedEvidence>());
        Context.Services.AddSingleton(services.GetRequiredService<TimeProvider>());
        Context.Services.AddMudServices();
        Context.JSInterop.Mode = JSRuntimeMode.Loose;
    }

    public BunitContext Context { get; } = new();

    /// <summary>The messages the page showed, oldest first.</summary>
    public IReadOnlyList<string> Messages => Context.Services.GetRequiredService<ISnackbar>().ShownSnackbars.Select(s => s.Message ?? "").ToList();

    public void Dispose() => Context.Dispose();

    /// <summary>For pages with MudBlazor services that only dispose asynchronously (the file upload's key interceptor).</summary>
    public ValueTask DisposeAsync() => Context.DisposeAsync();

    private sealed class SignedIn(ClaimsPrincipal user) : AuthenticationStateProvider
    {
        public override Task<AuthenticationState> GetAuthenticationStateAsync() => Task.FromResult(new AuthenticationState(user));
    }
}
