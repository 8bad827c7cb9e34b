using Waymark.Web.Features.Home;

namespace Waymark.Web.Components;

/// <summary>The Blazor web UI.</summary>
public static class UiSetup
{
    public static WebApplicationBuilder AddWaymarkUi(this WebApplicationBuilder builder) => builder;

    public static WebApplication MapWaymarkUi(this WebApplication app)
    {
        app.MapHomePage();
        return app;
    }
}
