using Microsoft.AspNetCore.Components;
using MudBlazor;
using Waymark.Domain.Common;
using Waymark.Web.Components.Services;
using Waymark.Web.Infrastructure;

namespace Waymark.Web.Components.Shared;

/// <summary>A page inside a workspace (<c>/w/{Ws}/…</c>): resolves the workspace and the user's role in it.</summary>
public abstract class WorkspacePage : ComponentBase
{
    [Parameter] public string Ws { get; set; } = "";
    [Inject] protected UiData Data { get; set; } = default!;
    [Inject] protected UiAccess Access { get; set; } = default!;
    [Inject] protected NavigationManager Nav { get; set; } = default!;
    [Inject] protected ISnackbar Snackbar { get; set; } = default!;

    protected CurrentWorkspace? Workspace { get; private set; }
    protected UiRole? Role { get; private set; }
    protected bool CanEdit => Role is UiRole.Editor or UiRole.Owner;
    protected bool IsOwner => Role is UiRole.Owner;
    /// <summary>Null while loading; false when the workspace is unknown or not the user's.</summary>
    protected bool? Found { get; private set; }

    protected string Link(string path) => $"/w/{Uri.EscapeDataString(Ws)}/{path}";

    protected override async Task OnParametersSetAsync()
    {
        if (Workspace?.Key != Ws)
        {
            Workspace = await Data.WorkspaceAsync(Ws);
            Role = Workspace is null ? null : await Access.RoleAsync(Ws);
            Found = Workspace is not null && Role is not null;
        }
        if (Found == true) await LoadAsync();
    }

    protected abstract Task LoadAsync();

    /// <summary>Runs a change; rule violations and stale versions become a message instead of an error page.</summary>
    protected Task<bool> TryAsync(Func<Task> change, string? done = null) => TryAsync(change, done, UiRole.Editor);

    /// <summary>Runs a change that needs at least <paramref name="needs"/> (owners manage members and tokens).</summary>
    protected async Task<bool> TryAsync(Func<Task> change, string? done, UiRole needs)
    {
        if (Role is not { } role || role < needs)
        {
            Snackbar.Add(needs == UiRole.Owner ? "Only owners of this workspace can do this." : "You can view this workspace but not change it.", Severity.Warning);
            return false;
        }
        // The role is asked again: an owner may have changed or removed it while this page was open.
        Role = await Access.RoleAsync(Ws, fresh: true);
        if (Role is not { } now || now < needs)
        {
            Snackbar.Add(Role is null ? "You are no longer a member of this workspace; nothing was changed."
                : "Your role in this workspace no longer allows this; nothing was changed.", Severity.Warning);
            StateHasChanged();
            return false;
        }
        try
        {
            await change();
            if (done is not null) Snackbar.Add(done, Severity.Success);
            return true;
        }
        catch (RefusalShown)
        {
            return false;
        }
        catch (Exception e) when (UiErrors.Message(e) is { } message)
        {
            Snackbar.Add(message, e is StaleVersionException or Microsoft.EntityFrameworkCore.DbUpdateConcurrencyException ? Severity.Warning : Severity.Error);
            return false;
        }
    }
}

/// <summary>A refusal the component has already shown next to what it concerns, so the page does not show it again.</summary>
public sealed class RefusalShown(string message, Exception inner) : Exception(message, inner);

public static class UiErrors
{
    public static string? Message(Exception e) => e switch
    {
        RefusalShown r => r.Message,
        StaleVersionException s => s.Message,
        Microsoft.EntityFrameworkCore.DbUpdateConcurrencyException => "Someone else changed this in the meantime. The newer version is shown; apply your change again.",
        DomainRuleException d => d.Message,
        NotFoundException n => n.Message,
        ConflictException c => c.Message,
        ForbiddenChangeException f => f.Message,
        _ => null,
    };
}
