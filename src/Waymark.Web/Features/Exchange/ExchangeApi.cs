using Microsoft.AspNetCore.Http.HttpResults;
using Waymark.Storage;
using Waymark.Storage.Exchange;
using Waymark.Web.Features.Workspaces;
using Waymark.Web.Infrastructure;

namespace Waymark.Web.Features.Exchange;

/// <summary>A whole workspace out as one JSON document, and such a document in as a new workspace.</summary>
public static class ExchangeApi
{
    public static RouteGroupBuilder MapExchangeApi(this RouteGroupBuilder workspace)
    {
        workspace.MapGet("/export", Export).WithTags("Workspaces");
        return workspace;
    }

    public static IEndpointRouteBuilder MapWorkspaceImport(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/workspaces/import", Import).WithTags("Workspaces").Accepts<WorkspaceDocument>("application/json").ProducesValidationProblem().ProducesProblem(409);
        return app;
    }

    private static async Task<Ok<WorkspaceDocument>> Export(CurrentWorkspace ws, WaymarkDb db, HttpContext http, CancellationToken ct)
    {
        http.Response.Headers.ContentDisposition = $"attachment; filename=\"{ws.Key}.waymark.json\"";
        return TypedResults.Ok(await WorkspaceExporter.ExportAsync(db, ws.Id, ct));
    }

    /// <summary>
    /// Creates a new workspace from an exported document; <c>key</c> and <c>name</c> override the document's.
    /// All or nothing; every problem names its place (path and line).
    /// </summary>
    private static async Task<Created<WorkspacesApi.WorkspaceResponse>> Import(HttpRequest request, string? key, string? name, Work work, CancellationToken ct)
    {
        using var body = new MemoryStream();
        await request.Body.CopyToAsync(body, ct);
        var workspace = await WorkspaceChanges.ImportAsync(work, body.GetBuffer().AsMemory(0, (int)body.Length), key, name, ct);
        return TypedResults.Created($"/api/workspaces/{workspace.Key}", WorkspacesApi.WorkspaceResponse.From(workspace));
    }
}
