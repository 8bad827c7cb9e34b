using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Waymark.Domain.Evaluations;
using Waymark.Storage;
using Waymark.Web.Infrastructure;

namespace Waymark.Web.Features.Touchpoints;

public static partial class TouchpointsApi
{
    public static RouteGroupBuilder MapTouchpointsApi(this RouteGroupBuilder workspace)
    {
        var group = workspace.MapGroup("/touchpoints").WithTags("Touchpoints");
        group.MapGet("/", List);
        group.MapGet("/matrix", Matrix);
        group.MapGet("/{id:guid}", Get);
        group.MapGet("/{id:guid}/score", Score);
        group.MapPost("/", Create);
        group.MapPut("/{id:guid}", Update).ProducesProblem(409).ProducesProblem(428);
        group.MapDelete("/{id:guid}", Delete).ProducesProblem(409);
        return group;
    }

    private static async Task<Ok<TouchpointDetail>> Get(CurrentWorkspace ws, Guid id, WaymarkDb db, HttpContext http, CancellationToken ct)
    {
        var touchpoint = await db.Touchpoints.AsNoTracking().FindInAsync(ws, id, "touchpoint", ct);
        var score = (await ScoresAsync(db, ws, [id], wholeWorkspace: false, ct))[id];
        var usedIn = await StepsUsingAsync(db, ws, id, ct);
        http.SetETag(touchpoint.Version);
        return TypedResults.Ok(new TouchpointDetail(TouchpointResponse.From(touchpoint, score), usedIn));
    }

    private static async Task<Ok<ScoreResponse>> Score(CurrentWorkspace ws, Guid id, WaymarkDb db, CancellationToken ct)
    {
        await db.Touchpoints.AsNoTracking().FindInAsync(ws, id, "touchpoint", ct);
        var score = (await ScoresAsync(db, ws, [id], wholeWorkspace: false, ct))[id];
        var personaIds = score.ByPersona.Where(p => p.PersonaId is not null).Select(p => p.PersonaId!.Value).ToList();
        var personas = await db.Personas.AsNoTracking().Where(p => p.WorkspaceId == ws.Id && personaIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Name, ct);
        var byPersona = score.ByPersona.Select(p => new PersonaScoreResponse(
            p.PersonaId, p.PersonaId is { } pid ? personas.GetValueOrDefault(pid) : null, p.Score, CurrentScore.BandOf(p.Score), p.Evaluations, p.EvaluatedOn, p.ExpectationGap)).ToList();
        return TypedResults.Ok(new ScoreResponse(id, score.Overall, score.ExpectationGap, CurrentScore.BandOf(score.Overall), score.Evaluations, byPersona));
    }

    /// <summary>Phase × channel: which touchpoints the customer meets where, and how well they do.</summary>
    private static async Task<Ok<MatrixResponse>> Matrix(CurrentWorkspace ws, WaymarkDb db, CancellationToken ct) =>
        TypedResults.Ok(await MatrixAsync(db, ws, ct));

    private static async Task<Created<TouchpointResponse>> Create(CurrentWorkspace ws, TouchpointRequest r, Work work, CancellationToken ct)
    {
        var touchpoint = await TouchpointChanges.CreateAsync(work, ws, r, ct);
        return TypedResults.Created($"/api/workspaces/{ws.Key}/touchpoints/{touchpoint.Id}", TouchpointResponse.From(touchpoint, CurrentScore.None));
    }

    private static async Task<Ok<TouchpointResponse>> Update(CurrentWorkspace ws, Guid id, TouchpointRequest r, Work work, HttpContext http, CancellationToken ct)
    {
        var touchpoint = await TouchpointChanges.UpdateAsync(work, ws, id, r with { Version = Versions.Expected(http, r.Version) }, ct);
        var score = (await ScoresAsync(work.Db, ws, [id], wholeWorkspace: false, ct))[id];
        http.SetETag(touchpoint.Version);
        return TypedResults.Ok(TouchpointResponse.From(touchpoint, score));
    }

    private static async Task<NoContent> Delete(CurrentWorkspace ws, Guid id, Work work, HttpContext http, CancellationToken ct)
    {
        await TouchpointChanges.DeleteAsync(work, ws, id, Versions.Optional(http), ct);
        return TypedResults.NoContent();
    }
}
