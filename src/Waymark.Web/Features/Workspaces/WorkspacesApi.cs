using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Waymark.Domain.Workspaces;
using Waymark.Storage;
using Waymark.Storage.Access;
using Waymark.Web.Access;
using Waymark.Web.Infrastructure;

namespace Waymark.Web.Features.Workspaces;

public static class WorkspacesApi
{
    /// <param name="Role">The caller's role in the workspace (in lists).</param>
    public sealed record WorkspaceResponse(Guid Id, string Key, string Name, string? Description, DateTimeOffset CreatedAt, int Version, WorkspaceRole? Role = null)
    {
        public static WorkspaceResponse From(Workspace w) => new(w.Id, w.Key, w.Name, w.Description, w.CreatedAt, w.Version);
    }

    public static IEndpointRouteBuilder MapWorkspacesApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/workspaces").WithTags("Workspaces").ProducesValidationProblem().ProducesProblem(401);
        // Lists only the workspaces the caller belongs to (an administrator: all).
        group.MapGet("/", List).RequireAuthorization(WorkspacePolicies.Authenticated);
        // Any signed-in person may create one and becomes its owner (the audit trail adds the membership).
        group.MapPost("/", Create).RequireAuthorization(WorkspacePolicies.SignedInUser).ProducesProblem(403);
        var one = group.MapGroup("/{workspace}").RequireAuthorization(WorkspacePolicies.Member).ProducesProblem(403).ProducesProblem(404);
        one.MapGet("/", Get);
        one.MapPut("/", Update).RequireWorkspaceRole(WorkspaceRole.Owner).ProducesProblem(409);
        one.MapDelete("/", Delete).RequireWorkspaceRole(WorkspaceRole.Owner);
        return app;
    }

    private static async Task<Ok<Page<WorkspaceResponse>>> List(WaymarkDb db, WorkspaceAccess access, ClaimsPrincipal user, int? page, int? pageSize, CancellationToken ct)
    {
        var roles = (await access.WorkspacesOfAsync(user, ct)).ToDictionary(v => v.Key, v => v.Role);
        var keys = roles.Keys.ToList();
        return TypedResults.Ok(await db.Workspaces.AsNoTracking().Where(w => keys.Contains(w.Key)).OrderBy(w => w.Name).ThenBy(w => w.Key)
            .ToPageAsync(page, pageSize, w => WorkspaceResponse.From(w) with { Role = roles[w.Key] }, ct));
    }

    private static async Task<Ok<WorkspaceResponse>> Get(CurrentWorkspace ws, WaymarkDb db, HttpContext http, CancellationToken ct)
    {
        var workspace = await db.Workspaces.AsNoTracking().FirstAsync(w => w.Id == ws.Id, ct);
        http.SetETag(workspace.Version);
        return TypedResults.Ok(WorkspaceResponse.From(workspace));
    }

    private static async Task<Created<WorkspaceResponse>> Create(WorkspaceRequest request, Work work, CancellationToken ct)
    {
        var workspace = await WorkspaceChanges.CreateAsync(work, request, ct);
        return TypedResults.Created($"/api/workspaces/{workspace.Key}", WorkspaceResponse.From(workspace));
    }

    private static async Task<Ok<WorkspaceResponse>> Update(CurrentWorkspace ws, WorkspaceRequest request, Work work, HttpContext http, CancellationToken ct)
    {
        var workspace = await WorkspaceChanges.UpdateAsync(work, ws, request with { Version = Versions.Expected(http, request.Version) }, ct);
        http.SetETag(workspace.Version);
        return TypedResults.Ok(WorkspaceResponse.From(workspace));
    }

    private static async Task<NoContent> Delete(CurrentWorkspace ws, Work work, CancellationToken ct)
    {
        await WorkspaceChanges.DeleteAsync(work, ws, ct);
        return TypedResults.NoContent();
    }
}
