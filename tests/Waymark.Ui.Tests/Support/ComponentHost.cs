using System.Security.Claims;
using Bunit;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;
using Waymark.Web.Live;
using Waymark.Storage.Access;
using Waymark.Web.Components.Pages.Settings;
using Waymark.Web.Components.Services;
using Waymark.Web.Components.Shared;
using Waymark.Web.Infrastructure;

namespace Waymark.Ui.Tests.Support;

/// <summary>
/// bUnit with the real application's data services behind it: components read and write the demo database of a
/// <see cref="UiFactory"/>, and the page's guarded save is played by <see cref="Try"/>, which records its messages.
/// </summary>
public sealed class ComponentHost : IDisposable
{
    public ComponentHost(UiFactory factory)
    {
        Factory = factory;
        _ = factory.Services;
        // The application's own scopes (bUnit's container answers IServiceScopeFactory itself); changes are the owner's.
        Context.Services.AddSingleton(new UiData(factory.Services.GetRequiredService<IServiceScopeFactory>(), new SignedIn(factory.PrincipalOf(WorkspaceRole.Owner)), TimeProvider.System));
        Context.Services.AddSingleton(TimeProvider.System);
        using var db = factory.OpenDb();
        var demo = db.Workspaces.Single(w => w.Key == "demo");
        Workspace = new CurrentWorkspace(demo.Id, demo.Key, demo.Name);
    }

    public UiFactory Factory { get; }
    public BunitContext Context { get; } = new();
    public CurrentWorkspace Workspace { get; }
    public List<string> Messages { get; } = [];

    /// <summary>
    /// Lets whole workspace pages render as this member of the demo workspace: their role decides what the page
    /// offers, and what the page tells them lands in <see cref="Snackbar"/>. Call before the first render.
    /// </summary>
    public ComponentHost SignedInAs(WorkspaceRole role)
    {
        var auth = new SignedIn(Factory.PrincipalOf(role));
        var scopes = Factory.Services.GetRequiredService<IServiceScopeFactory>();
        Context.Services.AddSingleton(new UiData(scopes, auth, TimeProvider.System));
        Context.Services.AddSingleton(new UiAccess(auth, scopes));
        Context.Services.AddSingleton(Factory.Services.GetRequiredService<BoardChanges>());
        Context.Services.AddMudServices();
        Context.JSInterop.Mode = JSRuntimeMode.Loose;
        return this;
    }

    /// <summary>The page's messages to the user: confirmations, rule violations, conflicts.</summary>
    public ISnackbar Snackbar => Context.Services.GetRequiredService<ISnackbar>();

    public SettingsContext Settings(bool canEdit = true) => new(Workspace, canEdit, Try);

    /// <summary>What <see cref="WorkspacePage"/>'s TryAsync does, with the message kept instead of shown.</summary>
    public async Task<bool> Try(Func<Task> change, string? done)
    {
        try
        {
            await change();
            if (done is not null) Messages.Add(done);
            return true;
        }
        catch (Exception e) when (UiErrors.Message(e) is { } message)
        {
            Messages.Add(message);
            return false;
        }
    }

    public void Dispose() => Context.Dispose();

    private sealed class SignedIn(ClaimsPrincipal user) : AuthenticationStateProvider
    {
        public override Task<AuthenticationState> GetAuthenticationStateAsync() => Task.FromResult(new AuthenticationState(user));
    }
}
