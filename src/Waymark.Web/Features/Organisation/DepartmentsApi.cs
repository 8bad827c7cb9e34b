using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Waymark.Domain.Organisation;
using Waymark.Storage;
using Waymark.Web.Infrastructure;

namespace Waymark.Web.Features.Organisation;

public static class DepartmentsApi
{
    public sealed record DepartmentRequest(
        string Name, string? Description = null, IReadOnlyList<string>? Bottlenecks = null, IReadOnlyList<string>? Delays = null,
        IReadOnlyList<string>? InternalProblems = null, int? Version = null);

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

    private static async Task<Created<DepartmentResponse>> Create(CurrentWorkspace ws, DepartmentRequest r, WaymarkDb db, CancellationToken ct)
    {
        var department = new Department(ws.Id, r.Name).Describe(r.Name, r.Description, r.Bottlenecks, r.Delays, r.InternalProblems);
        db.Departments.Add(department);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/workspaces/{ws.Key}/departments/{department.Id}", DepartmentResponse.From(department));
    }

    private static async Task<Ok<DepartmentResponse>> Update(CurrentWorkspace ws, Guid id, DepartmentRequest r, WaymarkDb db, HttpContext http, CancellationToken ct)
    {
        var department = await db.Departments.FindInAsync(ws, id, "department", ct);
        department.EnsureVersion(Versions.Expected(http, r.Version));
        department.Describe(r.Name, r.Description, r.Bottlenecks, r.Delays, r.InternalProblems);
        await db.SaveChangesAsync(ct);
        http.SetETag(department.Version);
        return TypedResults.Ok(DepartmentResponse.From(department));
    }

    private static async Task<NoContent> Delete(CurrentWorkspace ws, Guid id, WaymarkDb db, HttpContext http, CancellationToken ct)
    {
        var department = await db.Departments.FindInAsync(ws, id, "department", ct);
        if (Versions.Optional(http) is { } v) department.EnsureVersion(v);
        var people = await db.People.CountAsync(p => p.DepartmentId == id, ct);
        var touchpoints = await db.Touchpoints.CountAsync(t => t.DepartmentId == id, ct);
        var steps = await db.Steps.CountAsync(s => s.BackstageDepartmentId == id, ct);
        if (people + touchpoints + steps > 0)
            throw new ConflictException($"The department '{department.Name}' still has {people} person(s), {touchpoints} touchpoint(s) and {steps} journey step(s). Reassign them before deleting it.");
        db.Departments.Remove(department);
        await db.SaveChangesAsync(ct);
        return TypedResults.NoContent();
    }
}
