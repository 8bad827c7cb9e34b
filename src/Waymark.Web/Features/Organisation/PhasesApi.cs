using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Waymark.Domain.Organisation;
using Waymark.Storage;
using Waymark.Web.Infrastructure;

namespace Waymark.Web.Features.Organisation;

public static class PhasesApi
{
    public sealed record PhaseResponse(Guid Id, string Name, string? Description, int Position, int Version)
    {
        public static PhaseResponse From(Phase p) => new(p.Id, p.Name, p.Description, p.Position, p.Version);
    }

    public static RouteGroupBuilder MapPhasesApi(this RouteGroupBuilder workspace)
    {
        var group = workspace.MapGroup("/phases").WithTags("Phases");
        group.MapGet("/", List);
        group.MapGet("/{id:guid}", Get);
        group.MapPost("/", Create);
        group.MapPut("/{id:guid}", Update).ProducesProblem(409).ProducesProblem(428);
        group.MapPost("/{id:guid}/move", Move);
        group.MapDelete("/{id:guid}", Delete).ProducesProblem(409);
        return group;
    }

    private static async Task<Ok<Page<PhaseResponse>>> List(CurrentWorkspace ws, WaymarkDb db, int? page, int? pageSize, CancellationToken ct) =>
        TypedResults.Ok(await db.Phases.AsNoTracking().Where(p => p.WorkspaceId == ws.Id).OrderBy(p => p.Position)
            .ToPageAsync(page, pageSize, PhaseResponse.From, ct));

    private static async Task<Ok<PhaseResponse>> Get(CurrentWorkspace ws, Guid id, WaymarkDb db, HttpContext http, CancellationToken ct)
    {
        var phase = await db.Phases.AsNoTracking().FindInAsync(ws, id, "phase", ct);
        http.SetETag(phase.Version);
        return TypedResults.Ok(PhaseResponse.From(phase));
    }

    /// <summary>Appends the phase, or inserts it at <c>position</c>.</summary>
    private static async Task<Created<PhaseResponse>> Create(CurrentWorkspace ws, PhaseRequest r, Work work, CancellationToken ct)
    {
        var phase = await PhaseChanges.CreateAsync(work, ws, r, ct);
        return TypedResults.Created($"/api/workspaces/{ws.Key}/phases/{phase.Id}", PhaseResponse.From(phase));
    }

    private static async Task<Ok<PhaseResponse>> Update(CurrentWorkspace ws, Guid id, PhaseRequest r, Work work, HttpContext http, CancellationToken ct)
    {
        var phase = await PhaseChanges.UpdateAsync(work, ws, id, r with { Version = Versions.Expected(http, r.Version) }, ct);
        http.SetETag(phase.Version);
        return TypedResults.Ok(PhaseResponse.From(phase));
    }

    /// <summary>An If-Match header makes the move wait for nobody having changed the phase since it was read.</summary>
    private static async Task<Ok<List<PhaseResponse>>> Move(CurrentWorkspace ws, Guid id, MovePhaseRequest r, Work work, HttpContext http, CancellationToken ct)
    {
        var phases = await PhaseChanges.MoveAsync(work, ws, id, r.Position, Versions.Optional(http), ct);
        return TypedResults.Ok(phases.Select(PhaseResponse.From).ToList());
    }

    private static async Task<NoContent> Delete(CurrentWorkspace ws, Guid id, Work work, HttpContext http, CancellationToken ct)
    {
        await PhaseChanges.DeleteAsync(work, ws, id, Versions.Optional(http), ct);
        return TypedResults.NoContent();
    }
}
