using Microsoft.AspNetCore.Http.HttpResults;
using Waymark.Domain.Journeys;
using Waymark.Domain.Organisation;
using Waymark.Domain.Touchpoints;
using Waymark.Storage;
using Waymark.Web.Infrastructure;

namespace Waymark.Web.Features.Journeys;

/// <summary>The steps of a map. Adding, moving and removing return the whole map; reading and editing one step work on that step alone.</summary>
public static class StepsApi
{
    /// <summary>A new step, last in its stage unless a <c>position</c> is given.</summary>
    public sealed record NewStepRequest(
        string Action, string? ThoughtsAndMotivation = null, string? Questions = null, string? Obstacles = null, int Emotion = 0,
        IReadOnlyList<Guid>? TouchpointIds = null, Guid? BackstageDepartmentId = null, int? WaitingMinutes = null,
        bool IsMomentOfTruth = false, bool IsPainPoint = false, bool IsBrandSuccessPoint = false, string? Notes = null, int? Position = null)
    {
        public StepContent ToContent() => new(Action, ThoughtsAndMotivation, Questions, Obstacles, Emotion, TouchpointIds, BackstageDepartmentId,
            WaitingMinutes, IsMomentOfTruth, IsPainPoint, IsBrandSuccessPoint, Notes);
    }

    public sealed record StepRequest(
        string Action, string? ThoughtsAndMotivation = null, string? Questions = null, string? Obstacles = null, int Emotion = 0,
        IReadOnlyList<Guid>? TouchpointIds = null, Guid? BackstageDepartmentId = null, int? WaitingMinutes = null,
        bool IsMomentOfTruth = false, bool IsPainPoint = false, bool IsBrandSuccessPoint = false, string? Notes = null, int? Version = null)
    {
        public StepContent ToContent() => new(Action, ThoughtsAndMotivation, Questions, Obstacles, Emotion, TouchpointIds, BackstageDepartmentId,
            WaitingMinutes, IsMomentOfTruth, IsPainPoint, IsBrandSuccessPoint, Notes);
    }

    /// <summary>Moves the step to <c>position</c> in <c>stageId</c> (the same or another stage of the journey).</summary>
    public sealed record MoveStepRequest(Guid StageId, int Position);

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
        CurrentWorkspace ws, Guid id, Guid stageId, NewStepRequest r, WaymarkDb db, HttpContext http, CancellationToken ct)
    {
        var journey = await JourneyMaps.LoadAsync(db, ws, id, ct);
        JourneyMaps.StageOf(journey, stageId);
        var content = r.ToContent();
        await RequireReferencesAsync(db, ws, content, ct);
        var step = journey.AddStep(stageId, content, r.Position);
        await db.SaveChangesAsync(ct);
        http.SetETag(journey.Version);
        return TypedResults.Created($"/api/workspaces/{ws.Key}/journeys/{id}/steps/{step.Id}", await JourneyMaps.ToResponseAsync(db, ws, journey, ct));
    }

    /// <summary>
    /// Puts a removed step back with the id it had, for undo: read the step, its evaluations (<c>evaluations?stepId=</c>), KPIs and
    /// insights, ideas and actions before removing it, and send them here. The KPIs and ideas/actions named point at it again, its
    /// evaluations are recorded again with their ids. An id in use, or a KPI or action pointed elsewhere since, answers 409 and changes nothing.
    /// </summary>
    private static async Task<Created<JourneyMapResponse>> Restore(
        CurrentWorkspace ws, Guid id, Guid stageId, RestoredStep r, WaymarkDb db, HttpContext http, CancellationToken ct)
    {
        var journey = await JourneyMaps.LoadAsync(db, ws, id, ct);
        JourneyMaps.StageOf(journey, stageId);
        var step = await Restores.RestoreStepAsync(db, ws, journey, stageId, r, ct);
        await db.SaveChangesAsync(ct);
        http.SetETag(journey.Version);
        return TypedResults.Created($"/api/workspaces/{ws.Key}/journeys/{id}/steps/{step.Id}", await JourneyMaps.ToResponseAsync(db, ws, journey, ct));
    }

    private static async Task<Ok<StepResponse>> Get(CurrentWorkspace ws, Guid id, Guid stepId, WaymarkDb db, HttpContext http, CancellationToken ct)
    {
        var journey = await JourneyMaps.LoadAsync(db, ws, id, ct);
        var step = JourneyMaps.StepOf(journey, stepId);
        http.SetETag(step.Version);
        return TypedResults.Ok(await JourneyMaps.ToResponseAsync(db, ws, journey, step, ct));
    }

    private static async Task<Ok<StepResponse>> Update(CurrentWorkspace ws, Guid id, Guid stepId, StepRequest r, WaymarkDb db, HttpContext http, CancellationToken ct)
    {
        var journey = await JourneyMaps.LoadAsync(db, ws, id, ct);
        var step = JourneyMaps.StepOf(journey, stepId);
        step.EnsureVersion(Versions.Expected(http, r.Version));
        var content = r.ToContent();
        await RequireReferencesAsync(db, ws, content, ct);
        step.Apply(content);
        await db.SaveChangesAsync(ct);
        http.SetETag(step.Version);
        return TypedResults.Ok(await JourneyMaps.ToResponseAsync(db, ws, journey, step, ct));
    }

    private static async Task<Ok<JourneyMapResponse>> Move(CurrentWorkspace ws, Guid id, Guid stepId, MoveStepRequest r, WaymarkDb db, HttpContext http, CancellationToken ct)
    {
        var journey = await JourneyMaps.LoadAsync(db, ws, id, ct);
        JourneyMaps.StepOf(journey, stepId);
        journey.MoveStep(stepId, r.StageId, r.Position);
        await db.SaveChangesAsync(ct);
        http.SetETag(journey.Version);
        return TypedResults.Ok(await JourneyMaps.ToResponseAsync(db, ws, journey, ct));
    }

    /// <summary>Removes the step with its step evaluations; actions and KPIs that pointed at it stay, unlinked. <c>steps/restore</c> puts it all back.</summary>
    private static async Task<Ok<JourneyMapResponse>> Delete(CurrentWorkspace ws, Guid id, Guid stepId, WaymarkDb db, HttpContext http, CancellationToken ct)
    {
        var journey = await JourneyMaps.LoadAsync(db, ws, id, ct);
        var step = JourneyMaps.StepOf(journey, stepId);
        if (Versions.Optional(http) is { } v) step.EnsureVersion(v);
        journey.RemoveStep(stepId);
        await db.SaveChangesAsync(ct);
        http.SetETag(journey.Version);
        return TypedResults.Ok(await JourneyMaps.ToResponseAsync(db, ws, journey, ct));
    }

    /// <summary>Touchpoints and the backstage department must be this workspace's.</summary>
    internal static async Task RequireReferencesAsync(WaymarkDb db, CurrentWorkspace ws, StepContent content, CancellationToken ct)
    {
        await db.RequireAllAsync<Touchpoint>(ws, content.TouchpointIds?.Where(t => t != Guid.Empty).ToList(), "touchpointIds", "touchpoint", ct);
        await db.RequireAsync<Department>(ws, content.BackstageDepartmentId, "backstageDepartmentId", "department", ct);
    }
}
