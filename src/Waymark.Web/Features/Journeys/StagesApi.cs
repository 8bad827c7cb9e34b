using Microsoft.AspNetCore.Http.HttpResults;
using Waymark.Domain.Organisation;
using Waymark.Storage;
using Waymark.Web.Infrastructure;

namespace Waymark.Web.Features.Journeys;

/// <summary>The columns of a map. Adding, moving and removing return the whole map so a client can redraw it.</summary>
public static class StagesApi
{
    /// <summary>Without a name the stage takes the name of its phase; without a position it goes last.</summary>
    public sealed record NewStageRequest(string? Name, Guid? PhaseId = null, int? Position = null, string? Description = null);

    public sealed record StageRequest(string Name, string? Description = null, Guid? PhaseId = null, int? Version = null);

    public sealed record MoveStageRequest(int Position);

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

    private static async Task<Created<JourneyMapResponse>> Add(CurrentWorkspace ws, Guid id, NewStageRequest r, WaymarkDb db, HttpContext http, CancellationToken ct)
    {
        var journey = await JourneyMaps.LoadAsync(db, ws, id, ct);
        var phaseName = await PhaseNameAsync(db, ws, r.PhaseId, ct);
        var name = string.IsNullOrWhiteSpace(r.Name) && phaseName is not null ? phaseName : r.Name!;
        var stage = journey.AddStage(name, r.PhaseId, r.Position);
        if (r.Description is not null) stage.Describe(stage.Name, r.Description, stage.PhaseId);
        await db.SaveChangesAsync(ct);
        http.SetETag(journey.Version);
        return TypedResults.Created($"/api/workspaces/{ws.Key}/journeys/{id}/stages/{stage.Id}", await JourneyMaps.ToResponseAsync(db, ws, journey, ct));
    }

    /// <summary>
    /// Puts a removed stage back with the id it had and its steps with theirs, each with its KPIs, insights, ideas and actions and
    /// evaluations (see <c>steps/restore</c>). An id in use, or a link pointed elsewhere since, answers 409 and changes nothing.
    /// </summary>
    private static async Task<Created<JourneyMapResponse>> Restore(CurrentWorkspace ws, Guid id, RestoredStage r, WaymarkDb db, HttpContext http, CancellationToken ct)
    {
        var journey = await JourneyMaps.LoadAsync(db, ws, id, ct);
        var stage = await Restores.RestoreStageAsync(db, ws, journey, r, ct);
        await db.SaveChangesAsync(ct);
        http.SetETag(journey.Version);
        return TypedResults.Created($"/api/workspaces/{ws.Key}/journeys/{id}/stages/{stage.Id}", await JourneyMaps.ToResponseAsync(db, ws, journey, ct));
    }

    /// <summary>Renames the stage, describes it and links it to a phase; answers the stage with its steps.</summary>
    private static async Task<Ok<StageResponse>> Update(CurrentWorkspace ws, Guid id, Guid stageId, StageRequest r, WaymarkDb db, HttpContext http, CancellationToken ct)
    {
        var journey = await JourneyMaps.LoadAsync(db, ws, id, ct);
        var stage = JourneyMaps.StageOf(journey, stageId);
        stage.EnsureVersion(Versions.Expected(http, r.Version));
        await PhaseNameAsync(db, ws, r.PhaseId, ct);
        stage.Describe(r.Name, r.Description, r.PhaseId);
        await db.SaveChangesAsync(ct);
        http.SetETag(stage.Version);
        var map = await JourneyMaps.ToResponseAsync(db, ws, journey, ct);
        return TypedResults.Ok(map.Stages.Single(s => s.Id == stageId));
    }

    private static async Task<Ok<JourneyMapResponse>> Move(CurrentWorkspace ws, Guid id, Guid stageId, MoveStageRequest r, WaymarkDb db, HttpContext http, CancellationToken ct)
    {
        var journey = await JourneyMaps.LoadAsync(db, ws, id, ct);
        JourneyMaps.StageOf(journey, stageId);
        journey.MoveStage(stageId, r.Position);
        await db.SaveChangesAsync(ct);
        http.SetETag(journey.Version);
        return TypedResults.Ok(await JourneyMaps.ToResponseAsync(db, ws, journey, ct));
    }

    /// <summary>Removes the stage with its steps (and their step evaluations); actions and KPIs that pointed at a step stay, unlinked. <c>stages/restore</c> puts it all back.</summary>
    private static async Task<Ok<JourneyMapResponse>> Delete(CurrentWorkspace ws, Guid id, Guid stageId, WaymarkDb db, HttpContext http, CancellationToken ct)
    {
        var journey = await JourneyMaps.LoadAsync(db, ws, id, ct);
        var stage = JourneyMaps.StageOf(journey, stageId);
        if (Versions.Optional(http) is { } v) stage.EnsureVersion(v);
        journey.RemoveStage(stageId);
        await db.SaveChangesAsync(ct);
        http.SetETag(journey.Version);
        return TypedResults.Ok(await JourneyMaps.ToResponseAsync(db, ws, journey, ct));
    }

    /// <summary>Checks the phase is one of this workspace's and gives its name.</summary>
    private static async Task<string?> PhaseNameAsync(WaymarkDb db, CurrentWorkspace ws, Guid? phaseId, CancellationToken ct)
    {
        if (phaseId is null) return null;
        await db.RequireAsync<Phase>(ws, phaseId, "phaseId", "phase", ct);
        return (await db.Phases.FindAsync([phaseId.Value], ct))!.Name;
    }
}
