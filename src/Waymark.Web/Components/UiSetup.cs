using MudBlazor;
using MudBlazor.Services;
using Waymark.Web.Access;
using Waymark.Web.Components.Services;

namespace Waymark.Web.Components;

/// <summary>The Blazor web UI: interactive server components with MudBlazor, served at <c>/</c>.</summary>
public static class UiSetup
{
    public static WebApplicationBuilder AddWaymarkUi(this WebApplicationBuilder builder)
    {
        // A build output (dotnet run, tests, a built dll in Production) serves its assets from where they were built:
        // the project's wwwroot and MudBlazor's package, listed in <app>.staticwebassets.runtime.json. A published app
        // has no such file (its assets sit in wwwroot with their own manifest) and then this does nothing.
        builder.WebHost.UseStaticWebAssets();
        var services = builder.Services;
        // A page whose connection dropped keeps its state for 30 s (Blazor's default is 3 minutes): a network blip
        // reconnects to it, a longer absence reloads the page. Every kept circuit holds its whole page in memory, and
        // the server must be back to its idle size within a minute after many pages closed (issue 11).
        services.AddRazorComponents().AddInteractiveServerComponents(o => o.DisconnectedCircuitRetentionPeriod = TimeSpan.FromSeconds(30));
        services.AddMudServices(o =>
        {
            o.SnackbarConfiguration.PositionClass = Defaults.Classes.Position.BottomRight;
            o.SnackbarConfiguration.VisibleStateDuration = 5000;
        });
        services.AddCascadingAuthenticationState();
        services.AddSessionChecks();
        services.AddScoped<UiData>();
        services.AddSingleton<Pages.Journeys.OpenMaps>();
        services.AddScoped<Microsoft.AspNetCore.Components.Server.Circuits.CircuitHandler, ClosedPages>();
        services.AddScoped<Features.Journeys.RealJourneysMemory>();
        services.AddHostedService<Live.PostgresLiveChangeRelay>();
        services.AddScoped<UiAccess>();
        return builder;
    }

    public static WebApplication MapWaymarkUi(this WebApplication app)
    {
        app.UseAntiforgery();
        app.MapStaticAssets();
        // The live pages' messages are not compressed unless an operator asks (Waymark:CompressPages): each open page's
        // compressor holds about 0.7 MB of native memory (200 open map pages of the large workspace: 627 MB instead of
        // 492 MB, docs/benchmarks.md) and costs CPU on every update. The CSP frame-ancestors header Blazor adds with
        // compression is sent stricter for every response by SecurityHeaders anyway.
        var compress = app.Configuration.GetValue("Waymark:CompressPages", false);
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode(o => o.DisableWebSocketCompression = !compress);
        return app;
    }
}
