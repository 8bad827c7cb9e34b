using Microsoft.AspNetCore.Components.Server.Circuits;
using Waymark.Web.Infrastructure;

namespace Waymark.Web.Components;

/// <summary>Tells <see cref="IdleMemoryRelease"/> when an interactive page's circuit ends, so memory is given back after many close.</summary>
internal sealed class ClosedPages(IdleMemoryRelease release) : CircuitHandler
{
    public override Task OnCircuitClosedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        release.PageClosed();
        return Task.CompletedTask;
    }
}
