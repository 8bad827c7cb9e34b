using Microsoft.AspNetCore.Http.HttpResults;
using Waymark.Storage;
using Waymark.Web.Infrastructure;

namespace Waymark.Web.Features.Journeys;

/// <summary>The steps of a map (see <see cref="StepChanges"/>). Adding, moving and removing return the whole map; reading and editing one step work on that step alone.</summary>
public static class StepsApi
{
    public static RouteGroupBuilder MapStepsApi(this RouteGroupBuilder journeys)
    {
        journeys.MapPost("/{id:guid}/stages/{stageId:guid}/steps", Add).WithTags("Journey steps");
        journeys.MapPost("/{id:guid}/stages/{stageId:guid}/steps/restore", Restore).WithTags("Journey steps").ProducesProblem(409);
        var group = journeys.MapGroup("/{id:guid}/steps").WithTags("Journey steps");
        group.MapGet("/{stepId:guid}", Get);
        group.MapPut("/{stepId:guid}", Update).ProducesProblem(409).ProducesProblem(428);
        group.MapPost("/{stepId:guid}/move", Move).ProducesProblem(409);
        group.MapDelete("/{stepId:guid}", Delete).ProducesProblem(409);
        return group;
    }

    private static async Task<Created<JourneyMapResponse>> Add(
        CurrentWorkspace ws, Guid id, Guid stageId, NewStepRequest r, Work work, HttpContext http, CancellationToken ct)
    {
        var (journey, step) = await StepChanges.AddAsync(work, ws, id, stageId, r, ct);
        http.SetETag(journey.Version);
        return TypedResults.Created($"/api/workspaces/{ws.Key}/journeys/{id}/steps/{step.Id}", await JourneyMaps.ToResponseAsync(work.Db, ws, journey, ct));
    }

    /// <summary>
    /// Puts a removed step back with the id it had, for undo: read the step, its evaluations (<c>evaluations?stepId=</c>), KPIs and
    /// insights, ideas and actions before removing it, and send them here. The KPIs and ideas/actions named point at it again, its
    /// evaluations are recorded again with their ids. An id in use, or a KPI or action pointed elsewhere since, answers 409 and changes nothing.
    /// </summary>
    private static async Task<Created<JourneyMapResponse>> Restore(
        CurrentWorkspace ws, Guid id, Guid stageId, RestoredStep r, Work work, HttpContext http, CancellationToken ct)
    {
        var (journey, step) = await StepChanges.RestoreAsync(work, ws, id, stageId, r, ct);
        http.SetETag(journey.Version);
        return TypedResults.Created($"/api/workspaces/{ws.Key}/journeys/{id}/steps/{step.Id}", await JourneyMaps.ToResponseAsync(work.Db, ws, journey, ct));
    }

    private static async Task<Ok<StepResponse>> Get(CurrentWorkspace ws, Guid id, Guid stepId, WaymarkDb db, HttpContext http, CancellationToken ct)
    {
        var journey = await JourneyMaps.LoadAsync(db, ws, id, ct);
        var step = JourneyMaps.StepOf(journey, stepId);
        http.SetETag(step.Version);
        return TypedResults.Ok(await JourneyMaps.ToResponseAsync(db, ws, journey, step, ct));
    }

    private static async Task<Ok<StepResponse>> Update(CurrentWorkspace ws, Guid id, Guid stepId, StepRequest r, Work work, HttpContext http, CancellationToken ct)
    {
        var (journey, step) = await StepChanges.UpdateAsync(work, ws, id, stepId, r with { Version = Versions.Expected(http, r.Version) }, ct);
        http.SetETag(step.Version);
        return TypedResults.Ok(await JourneyMaps.ToResponseAsync(work.Db, ws, journey, step, ct));
    }

    private static async Task<Ok<JourneyMapResponse>> Move(CurrentWorkspace ws, Guid id, Guid stepId, MoveStepRequest r, Work work, HttpContext http, CancellationToken ct)
    {
        var journey = await StepChanges.MoveAsync(work, ws, id, stepId, r, ct);
        http.SetETag(journey.Version);
        return TypedResults.Ok(await JourneyMaps.ToResponseAsync(work.Db, ws, journey, ct));
    }

    /// <summary>Removes the step with its step evaluations; actions and KPIs that pointed at it stay, unlinked. <c>steps/restore</c> puts it all back.</summary>
    private static async Task<Ok<JourneyMapResponse>> Delete(CurrentWorkspace ws, Guid id, Guid stepId, Work work, HttpContext http, CancellationToken ct)
    {
        var (journey, _) = await StepChanges.DeleteAsync(work, ws, id, stepId, Versions.Optional(http), ct);
        http.SetETag(journey.Version);
        return TypedResults.Ok(await JourneyMaps.ToResponseAsync(work.Db, ws, journey, ct));
    }
}
