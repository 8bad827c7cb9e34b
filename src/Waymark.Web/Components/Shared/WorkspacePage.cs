using Microsoft.AspNetCore.Components;
using MudBlazor;
using Waymark.Domain.Common;
using Waymark.Storage.Access;
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
    [Inject] protected ILogger<WorkspacePage> Log { get; set; } = default!;

    protected CurrentWorkspace? Workspace { get; private set; }
    protected WorkspaceRole? Role { get; private set; }
    protected bool CanEdit => Role is WorkspaceRole.Editor or WorkspaceRole.Owner;
    protected bool IsOwner => Role is WorkspaceRole.Owner;
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

    /// <summary>
    /// Runs a change — a use case of <c>Features/</c> through <see cref="UiData.ChangeAsync{T}"/>, which checks the
    /// person's role as it is now. A refusal shows the sentence the API answers for it; anything else is logged and
    /// shown as a failure, so no exception reaches the circuit.
    /// </summary>
    protected async Task<bool> TryAsync(Func<Task> change, string? done = null)
    {
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
        catch (Exception e)
        {
            Snackbar.Add(UiErrors.Show(e, Log), UiErrors.Severity(e));
            if (e is ForbiddenChangeException) Role = await Access.RoleAsync(Ws, fresh: true);
            return false;
        }
    }
}

/// <summary>A refusal the component has already shown next to what it concerns, so the page does not show it again.</summary>
public sealed class RefusalShown(string message, Exception inner) : Exception(message, inner);

/// <summary>How a page shows a failed change: the refusal's sentence (the API's detail), or a plain failure.</summary>
public static class UiErrors
{
    public static string? Message(Exception e) => e is RefusalShown r ? r.Message : Refusals.Of(e)?.Detail;

    /// <summary>The sentence to show; a failure that is not a refusal is logged with its cause.</summary>
    public static string Show(Exception e, ILogger log)
    {
        if (Message(e) is { } message) return message;
        log.LogError(e, "A change from a page failed");
        return Refusals.Failed;
    }

    public static Severity Severity(Exception e) => Refusals.Of(e)?.Status switch
    {
        409 or 403 => MudBlazor.Severity.Warning,
        _ => MudBlazor.Severity.Error,
    };
}
