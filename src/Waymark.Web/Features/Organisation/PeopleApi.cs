using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Waymark.Domain.Organisation;
using Waymark.Storage;
using Waymark.Web.Infrastructure;

namespace Waymark.Web.Features.Organisation;

public static class PeopleApi
{
    public sealed record PersonResponse(Guid Id, string Name, string? Role, string? Email, Guid? DepartmentId, int Version)
    {
        public static PersonResponse From(Person p) => new(p.Id, p.Name, p.Role, p.Email, p.DepartmentId, p.Version);
    }

    public static RouteGroupBuilder MapPeopleApi(this RouteGroupBuilder workspace)
    {
        var group = workspace.MapGroup("/people").WithTags("People");
        group.MapGet("/", List);
        group.MapGet("/{id:guid}", Get);
        group.MapPost("/", Create);
        group.MapPut("/{id:guid}", Update).ProducesProblem(409).ProducesProblem(428);
        group.MapDelete("/{id:guid}", Delete).ProducesProblem(409);
        return group;
    }

    private static async Task<Ok<Page<PersonResponse>>> List(CurrentWorkspace ws, WaymarkDb db, Guid? departmentId, string? search, int? page, int? pageSize, CancellationToken ct)
    {
        var query = db.People.AsNoTracking().Where(p => p.WorkspaceId == ws.Id);
        if (departmentId is { } d) query = query.Where(p => p.DepartmentId == d);
        if (!string.IsNullOrWhiteSpace(search)) query = query.Where(p => EF.Functions.Like(p.Name.ToLower(), Filters.Like(search), "\\"));
        return TypedResults.Ok(await query.OrderBy(p => p.Name).ToPageAsync(page, pageSize, PersonResponse.From, ct));
    }

    private static async Task<Ok<PersonResponse>> Get(CurrentWorkspace ws, Guid id, WaymarkDb db, HttpContext http, CancellationToken ct)
    {
        var person = await db.People.AsNoTracking().FindInAsync(ws, id, "person", ct);
        http.SetETag(person.Version);
        return TypedResults.Ok(PersonResponse.From(person));
    }

    private static async Task<Created<PersonResponse>> Create(CurrentWorkspace ws, PersonRequest r, Work work, CancellationToken ct)
    {
        var person = await PersonChanges.CreateAsync(work, ws, r, ct);
        return TypedResults.Created($"/api/workspaces/{ws.Key}/people/{person.Id}", PersonResponse.From(person));
    }

    private static async Task<Ok<PersonResponse>> Update(CurrentWorkspace ws, Guid id, PersonRequest r, Work work, HttpContext http, CancellationToken ct)
    {
        var person = await PersonChanges.UpdateAsync(work, ws, id, r with { Version = Versions.Expected(http, r.Version) }, ct);
        http.SetETag(person.Version);
        return TypedResults.Ok(PersonResponse.From(person));
    }

    private static async Task<NoContent> Delete(CurrentWorkspace ws, Guid id, Work work, HttpContext http, CancellationToken ct)
    {
        await PersonChanges.DeleteAsync(work, ws, id, Versions.Optional(http), ct);
        return TypedResults.NoContent();
    }
}
