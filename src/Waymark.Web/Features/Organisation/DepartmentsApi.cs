using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Waymark.Domain.Organisation;
using Waymark.Storage;
using Waymark.Web.Infrastructure;

namespace Waymark.Web.Features.Organisation;

public static class DepartmentsApi
{
    public sealed record DepartmentResponse(
        Guid Id, string Name, string? Description, IReadOnlyList<string> Bottlenecks, IReadOnlyList<string> Delays, IReadOnlyList<string> InternalProblems, int Version)
    {
        public static DepartmentResponse From(Department d) => new(d.Id, d.Name, d.Description, d.Bottlenecks, d.Delays, d.InternalProblems, d.Version);
    }

    public static RouteGroupBuilder MapDepartmentsApi(this RouteGroupBuilder workspace)
    {
        var group = workspace.MapGroup("/departments").WithTags("Departments");
        group.MapGet("/", List);
        group.MapGet("/{id:guid}", Get);
        group.MapPost("/", Create);
        group.MapPut("/{id:guid}", Update).ProducesProblem(409).ProducesProblem(428);
        group.MapDelete("/{id:guid}", Delete).ProducesProblem(409);
        return group;
    }

    private static async Task<Ok<Page<DepartmentResponse>>> List(CurrentWorkspace ws, WaymarkDb db, string? search, int? page, int? pageSize, CancellationToken ct)
    {
        var query = db.Departments.AsNoTracking().Where(d => d.WorkspaceId == ws.Id);
        if (!string.IsNullOrWhiteSpace(search)) query = query.Where(d => EF.Functions.Like(d.Name.ToLower(), Filters.Like(search), "\\"));
        return TypedResults.Ok(await query.OrderBy(d => d.Name).ToPageAsync(page, pageSize, DepartmentResponse.From, ct));
    }

    private static async Task<Ok<DepartmentResponse>> Get(CurrentWorkspace ws, Guid id, WaymarkDb db, HttpContext http, CancellationToken ct)
    {
        var department = await db.Departments.AsNoTracking().FindInAsync(ws, id, "department", ct);
        http.SetETag(department.Version);
        return TypedResults.Ok(DepartmentResponse.From(department));
    }

    private static async Task<Created<DepartmentResponse>> Create(CurrentWorkspace ws, DepartmentRequest r, Work work, CancellationToken ct)
    {
        var department = await DepartmentChanges.CreateAsync(work, ws, r, ct);
        return TypedResults.Created($"/api/workspaces/{ws.Key}/departments/{department.Id}", DepartmentResponse.From(department));
    }

    private static async Task<Ok<DepartmentResponse>> Update(CurrentWorkspace ws, Guid id, DepartmentRequest r, Work work, HttpContext http, CancellationToken ct)
    {
        var department = await DepartmentChanges.UpdateAsync(work, ws, id, r with { Version = Versions.Expected(http, r.Version) }, ct);
        http.SetETag(department.Version);
        return TypedResults.Ok(DepartmentResponse.From(department));
    }

    private static async Task<NoContent> Delete(CurrentWorkspace ws, Guid id, Work work, HttpContext http, CancellationToken ct)
    {
        await DepartmentChanges.DeleteAsync(work, ws, id, Versions.Optional(http), ct);
        return TypedResults.NoContent();
    }
}
