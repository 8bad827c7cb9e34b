using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Waymark.Storage;
using Waymark.Web.Infrastructure;

namespace Waymark.Web.Features.Personas;

public static partial class PersonasApi
{
    public static RouteGroupBuilder MapPersonasApi(this RouteGroupBuilder workspace)
    {
        var group = workspace.MapGroup("/personas").WithTags("Personas");
        group.MapGet("/", List);
        group.MapGet("/{id:guid}", Get);
        group.MapPost("/", Create);
        group.MapPut("/{id:guid}", Update).ProducesProblem(409).ProducesProblem(428);
        group.MapDelete("/{id:guid}", Delete).ProducesProblem(409);
        group.MapPersonaPicturesApi();
        return group;
    }

    private static async Task<Ok<Page<PersonaResponse>>> List(CurrentWorkspace ws, WaymarkDb db, string? search, int? page, int? pageSize, CancellationToken ct)
    {
        var query = db.Personas.AsNoTracking().Where(p => p.WorkspaceId == ws.Id);
        if (!string.IsNullOrWhiteSpace(search))
        {
            var like = Filters.Like(search);
            query = query.Where(p => EF.Functions.Like(p.Name.ToLower(), like, "\\")
                || (p.Description != null && EF.Functions.Like(p.Description.ToLower(), like, "\\"))
                || (p.Occupation != null && EF.Functions.Like(p.Occupation.ToLower(), like, "\\")));
        }
        return TypedResults.Ok(await query.OrderBy(p => p.Name).ToPageAsync(page, pageSize, PersonaResponse.From, ct));
    }

    private static async Task<Ok<PersonaDetail>> Get(CurrentWorkspace ws, Guid id, WaymarkDb db, HttpContext http, CancellationToken ct)
    {
        var persona = await db.Personas.AsNoTracking().FindInAsync(ws, id, "persona", ct);
        var journeys = await db.Journeys.AsNoTracking()
            .Where(j => j.WorkspaceId == ws.Id && j.PersonaId == id)
            .OrderBy(j => j.Name)
            .Select(j => new JourneyRef(j.Id, j.Name))
            .ToListAsync(ct);
        http.SetETag(persona.Version);
        return TypedResults.Ok(new PersonaDetail(PersonaResponse.From(persona), journeys));
    }

    private static async Task<Created<PersonaResponse>> Create(CurrentWorkspace ws, PersonaRequest r, Work work, CancellationToken ct)
    {
        var persona = await PersonaChanges.CreateAsync(work, ws, r, ct);
        return TypedResults.Created($"/api/workspaces/{ws.Key}/personas/{persona.Id}", PersonaResponse.From(persona));
    }

    private static async Task<Ok<PersonaResponse>> Update(CurrentWorkspace ws, Guid id, PersonaRequest r, Work work, HttpContext http, CancellationToken ct)
    {
        var persona = await PersonaChanges.UpdateAsync(work, ws, id, r with { Version = Versions.Expected(http, r.Version) }, ct);
        http.SetETag(persona.Version);
        return TypedResults.Ok(PersonaResponse.From(persona));
    }

    private static async Task<NoContent> Delete(CurrentWorkspace ws, Guid id, Work work, HttpContext http, CancellationToken ct)
    {
        await PersonaChanges.DeleteAsync(work, ws, id, Versions.Optional(http), ct);
        return TypedResults.NoContent();
    }
}
