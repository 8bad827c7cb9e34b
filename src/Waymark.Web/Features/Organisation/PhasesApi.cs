using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Waymark.Domain.Organisation;
using Waymark.Storage;
using Waymark.Web.Infrastructure;

namespace Waymark.Web.Features.Organisation;

public static class PhasesApi
{
    public sealed record PhaseRequest(string Name, string? Description = null, int? Position = null, int? Version = null);
    public sealed record MovePhaseRequest(int Position);

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
    private static async Task<Created<PhaseResponse>> Create(CurrentWorkspace ws, PhaseRequest request, WaymarkDb db, CancellationToken ct)
    {
        var phases = await db.Phases.Where(p => p.WorkspaceId == ws.Id).ToListAsync(ct);
        var phase = new Phase(ws.Id, request.Name, phases.Count).Describe(request.Name, request.Description);
        phases.Add(phase);
        if (request.Position is { } position) Phase.Reorder(phases, phase.Id, position);
        db.Phases.Add(phase);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/workspaces/{ws.Key}/phases/{phase.Id}", PhaseResponse.From(phase));
    }

    private static async Task<Ok<PhaseResponse>> Update(CurrentWorkspace ws, Guid id, PhaseRequest request, WaymarkDb db, HttpContext http, CancellationToken ct)
    {
        var phases = await db.Phases.Where(p => p.WorkspaceId == ws.Id).ToListAsync(ct);
        var phase = phases.FirstOrDefault(p => p.Id == id) ?? throw new NotFoundException($"There is no phase with id {id} in workspace '{ws.Key}'.");
        phase.EnsureVersion(Versions.Expected(http, request.Version));
        phase.Describe(request.Name, request.Description);
        if (request.Position is { } position && position != phase.Position) Phase.Reorder(phases, id, position);
        await db.SaveChangesAsync(ct);
        http.SetETag(phase.Version);
        return TypedResults.Ok(PhaseResponse.From(phase));
    }

    private static async Task<Ok<List<PhaseResponse>>> Move(CurrentWorkspace ws, Guid id, MovePhaseRequest request, WaymarkDb db, CancellationToken ct)
    {
        var phases = await db.Phases.Where(p => p.WorkspaceId == ws.Id).ToListAsync(ct);
        if (phases.All(p => p.Id != id)) throw new NotFoundException($"There is no phase with id {id} in workspace '{ws.Key}'.");
        Phase.Reorder(phases, id, request.Position);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(phases.OrderBy(p => p.Position).Select(PhaseResponse.From).ToList());
    }

    private static async Task<NoContent> Delete(CurrentWorkspace ws, Guid id, WaymarkDb db, HttpContext http, CancellationToken ct)
    {
        var phases = await db.Phases.Where(p => p.WorkspaceId == ws.Id).ToListAsync(ct);
        var phase = phases.FirstOrDefault(p => p.Id == id) ?? throw new NotFoundException($"There is no phase with id {id} in workspace '{ws.Key}'.");
        if (Versions.Optional(http) is { } v) phase.EnsureVersion(v);
        var stages = await db.Stages.CountAsync(s => s.PhaseId == id, ct);
        var touchpoints = (await db.Touchpoints.Where(t => t.WorkspaceId == ws.Id).Select(t => t.PhaseIds).ToListAsync(ct)).Count(ids => ids.Contains(id));
        if (stages + touchpoints > 0)
            throw new ConflictException($"The phase '{phase.Name}' is used by {touchpoints} touchpoint(s) and {stages} journey stage(s). Change them before deleting it.");
        db.Phases.Remove(phase);
        phases.Remove(phase);
        var i = 0;
        foreach (var p in phases.OrderBy(p => p.Position)) Phase.Reorder(phases, p.Id, i++);
        await db.SaveChangesAsync(ct);
        return TypedResults.NoContent();
    }
}
