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
        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddMudServices(o =>
        {
            o.SnackbarConfiguration.PositionClass = Defaults.Classes.Position.BottomRight;
            o.SnackbarConfiguration.VisibleStateDuration = 5000;
        });
        services.AddCascadingAuthenticationState();
        services.AddSessionChecks();
        services.AddScoped<UiData>();
        services.AddScoped<Features.Journeys.RealJourneysMemory>();
        services.AddHostedService<Live.PostgresLiveChangeRelay>();
        services.AddScoped<UiAccess>();
        return builder;
    }

    public static WebApplication MapWaymarkUi(this WebApplication app)
    {
        app.UseAntiforgery();
        app.MapStaticAssets();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        return app;
    }
}
