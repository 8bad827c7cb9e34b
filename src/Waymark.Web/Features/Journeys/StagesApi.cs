using Microsoft.AspNetCore.Http.HttpResults;
using Waymark.Web.Infrastructure;

namespace Waymark.Web.Features.Journeys;

/// <summary>The columns of a map (see <see cref="StageChanges"/>). Adding, moving and removing return the whole map so a client can redraw it.</summary>
public static class StagesApi
{
    public static RouteGroupBuilder MapStagesApi(this RouteGroupBuilder journeys)
    {
        var group = journeys.MapGroup("/{id:guid}/stages").WithTags("Journey stages");
        group.MapPost("/", Add);
        group.MapPost("/restore", Restore).ProducesProblem(409);
        group.MapPut("/{stageId:guid}", Update).ProducesProblem(409).ProducesProblem(428);
        group.MapPost("/{stageId:guid}/move", Move).ProducesProblem(409);
        group.MapDelete("/{stageId:guid}", Delete).ProducesProblem(409);
        return group;
    }

    private static async Task<Created<JourneyMapResponse>> Add(CurrentWorkspace ws, Guid id, NewStageRequest r, Work work, HttpContext http, CancellationToken ct)
    {
        var (journey, stage) = await StageChanges.AddAsync(work, ws, id, r, ct);
        http.SetETag(journey.Version);
        return TypedResults.Created($"/api/workspaces/{ws.Key}/journeys/{id}/stages/{stage.Id}", await JourneyMaps.ToResponseAsync(work.Db, ws, journey, ct));
    }

    /// <summary>
    /// Puts a removed stage back with the id it had and its steps with theirs, each with its KPIs, insights, ideas and actions and
    /// evaluations (see <c>steps/restore</c>). An id in use, or a link pointed elsewhere since, answers 409 and changes nothing.
    /// </summary>
    private static async Task<Created<JourneyMapResponse>> Restore(CurrentWorkspace ws, Guid id, RestoredStage r, Work work, HttpContext http, CancellationToken ct)
    {
        var (journey, stage) = await StageChanges.RestoreAsync(work, ws, id, r, ct);
        http.SetETag(journey.Version);
        return TypedResults.Created($"/api/workspaces/{ws.Key}/journeys/{id}/stages/{stage.Id}", await JourneyMaps.ToResponseAsync(work.Db, ws, journey, ct));
    }

    /// <summary>Renames the stage, describes it and links it to a phase; answers the stage with its steps.</summary>
    private static async Task<Ok<StageResponse>> Update(CurrentWorkspace ws, Guid id, Guid stageId, StageRequest r, Work work, HttpContext http, CancellationToken ct)
    {
        var (journey, stage) = await StageChanges.UpdateAsync(work, ws, id, stageId, r with { Version = Versions.Expected(http, r.Version) }, ct);
        http.SetETag(stage.Version);
        var map = await JourneyMaps.ToResponseAsync(work.Db, ws, journey, ct);
        return TypedResults.Ok(map.Stages.Single(s => s.Id == stageId));
    }

    private static async Task<Ok<JourneyMapResponse>> Move(CurrentWorkspace ws, Guid id, Guid stageId, MoveStageRequest r, Work work, HttpContext http, CancellationToken ct)
    {
        var journey = await StageChanges.MoveAsync(work, ws, id, stageId, r, ct);
        http.SetETag(journey.Version);
        return TypedResults.Ok(await JourneyMaps.ToResponseAsync(work.Db, ws, journey, ct));
    }

    /// <summary>Removes the stage with its steps (and their step evaluations); actions and KPIs that pointed at a step stay, unlinked. <c>stages/restore</c> puts it all back.</summary>
    private static async Task<Ok<JourneyMapResponse>> Delete(CurrentWorkspace ws, Guid id, Guid stageId, Work work, HttpContext http, CancellationToken ct)
    {
        var (journey, _) = await StageChanges.DeleteAsync(work, ws, id, stageId, Versions.Optional(http), ct);
        http.SetETag(journey.Version);
        return TypedResults.Ok(await JourneyMaps.ToResponseAsync(work.Db, ws, journey, ct));
    }
}
