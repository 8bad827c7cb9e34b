namespace Waymark.Web.Features.Home;

public static class HomePage
{
    /// <summary>A plain landing page that links to the API reference; the web UI replaces it.</summary>
    public static IEndpointRouteBuilder MapHomePage(this IEndpointRouteBuilder app)
    {
        app.MapGet("/", () => TypedResults.Content("""
            <!doctype html>
            <html lang="en"><head><meta charset="utf-8"><title>Waymark</title>
            <style>body{font-family:system-ui,sans-serif;max-width:40rem;margin:3rem auto;line-height:1.5;color:#1d2733}a{color:#0b5cad}</style></head>
            <body><h1>Waymark</h1>
            <p>Customer journey mapping and touchpoint management.</p>
            <ul>
              <li><a href="/api-reference">API reference</a> (readable, try requests in the browser)</li>
              <li><a href="/openapi/v1.json">OpenAPI document</a></li>
              <li><a href="/api/workspaces">Workspaces</a></li>
              <li><a href="/health">Health</a></li>
            </ul></body></html>
            """, "text/html")).ExcludeFromDescription();
        return app;
    }
}
