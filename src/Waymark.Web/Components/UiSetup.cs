using MudBlazor;
using MudBlazor.Services;
using Waymark.Web.Components.Services;

namespace Waymark.Web.Components;

/// <summary>The Blazor web UI: interactive server components with MudBlazor, served at <c>/</c>.</summary>
public static class UiSetup
{
    public static WebApplicationBuilder AddWaymarkUi(this WebApplicationBuilder builder)
    {
        // A build output (dotnet run, tests) has no published asset manifest; read the build's, which points at the
        // files in the project and in MudBlazor's package. A published app carries its own and this changes nothing.
        if (!IsPublished()) builder.WebHost.UseStaticWebAssets();
        var services = builder.Services;
        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddMudServices(o =>
        {
            o.SnackbarConfiguration.PositionClass = Defaults.Classes.Position.BottomRight;
            o.SnackbarConfiguration.VisibleStateDuration = 5000;
        });
        services.AddCascadingAuthenticationState();
        services.AddSingleton<UiData>();
        services.AddSingleton<MapChanges>();
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

    /// <summary>A published app has no build-time static web assets manifest next to it.</summary>
    private static bool IsPublished()
    {
        var name = System.Reflection.Assembly.GetEntryAssembly()?.GetName().Name;
        return name is null || !File.Exists(Path.Combine(AppContext.BaseDirectory, $"{name}.staticwebassets.runtime.json"));
    }
}
