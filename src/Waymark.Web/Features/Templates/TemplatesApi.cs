using Microsoft.AspNetCore.Http.HttpResults;
using Waymark.Storage;
using Waymark.Storage.Access;
using Waymark.Web.Access;
using Waymark.Web.Infrastructure;

namespace Waymark.Web.Features.Templates;

/// <summary>
/// The templates a new workspace can start from (POST /api/workspaces with <c>template</c>), saving a workspace as a
/// template of the organisation, and deleting one.
/// </summary>
public static class TemplatesApi
{
    public static IEndpointRouteBuilder MapTemplatesApi(this IEndpointRouteBuilder app)
    {
        // Templates are for the people who may create workspaces: anyone signed in, not API tokens.
        var group = app.MapGroup("/api/templates").WithTags("Templates").RequireAuthorization(WorkspacePolicies.SignedInUser)
            .ProducesProblem(401).ProducesProblem(403);
        group.MapGet("/", List);
        group.MapDelete("/{name}", Delete).ProducesProblem(404).ProducesProblem(409);
        return app;
    }

    public static RouteGroupBuilder MapSaveAsTemplateApi(this RouteGroupBuilder workspace)
    {
        workspace.MapPost("/save-as-template", Save).WithTags("Templates").RequireWorkspaceRole(WorkspaceRole.Owner).ProducesProblem(409);
        return workspace;
    }

    /// <summary>The built-in templates first, then the organisation's, each with what it brings.</summary>
    private static async Task<Ok<IReadOnlyList<TemplateSummary>>> List(WaymarkDb db, CancellationToken ct) =>
        TypedResults.Ok(await TemplateCatalog.ListAsync(db, ct));

    /// <summary>Keeps the workspace's structure (phases, channels, departments, touchpoints, personas, maps, KPIs) as a template of the organisation.</summary>
    private static async Task<Created<TemplateSummary>> Save(CurrentWorkspace ws, SaveTemplateRequest request, Work work, CancellationToken ct)
    {
        var template = await TemplateChanges.SaveAsync(work, ws, request, ct);
        var document = await TemplateCatalog.DocumentAsync(work.Db, template.Name, ct);
        return TypedResults.Created("/api/templates", new TemplateSummary(template.Name, template.Title, template.Description, false,
            TemplateCounts.Of(document!), template.CreatedBy, template.CreatedByName, template.CreatedAt));
    }

    /// <summary>Deletes a template of the organisation: its creator or an administrator. Workspaces made from it stay as they are.</summary>
    private static async Task<NoContent> Delete(string name, Work work, CancellationToken ct)
    {
        await TemplateChanges.DeleteAsync(work, name, ct);
        return TypedResults.NoContent();
    }
}
