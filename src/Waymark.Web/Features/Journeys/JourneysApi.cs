using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Waymark.Domain.Journeys;
using Waymark.Storage;
using Waymark.Web.Features.Improvements;
using Waymark.Web.Infrastructure;

namespace Waymark.Web.Features.Journeys;

/// <summary>Journey maps: the list, the whole map, its header, lanes and emotion curve, and the map as an SVG file. Stages and steps live in <see cref="StagesApi"/> and <see cref="StepsApi"/>.</summary>
public static class JourneysApi
{
    public sealed record JourneySummary(
        Guid Id, string Name, JourneyScenario Scenario, string? CustomScenario, JourneyState State, Guid? PersonaId,
        int StageCount, int StepCount, double? AverageEmotion, int Version);

    public sealed record EmotionPointResponse(Guid StageId, string Stage, Guid StepId, string Action, int Emotion, bool IsMomentOfTruth, bool IsPainPoint)
    {
        public static EmotionPointResponse From(EmotionPoint p) => new(p.StageId, p.Stage, p.StepId, p.Action, p.Emotion, p.IsMomentOfTruth, p.IsPainPoint);
    }

    public sealed record EmotionCurveResponse(IReadOnlyList<EmotionPointResponse> Points, double? Average, EmotionPointResponse? Lowest, EmotionPointResponse? Highest);

    public static RouteGroupBuilder MapJourneysApi(this RouteGroupBuilder workspace)
    {
        var group = workspace.MapGroup("/journeys").WithTags("Journeys");
        group.MapGet("/", List);
        group.MapGet("/{id:guid}", Get);
        group.MapPost("/", Create);
        group.MapPut("/{id:guid}", Update).ProducesProblem(409).ProducesProblem(428);
        group.MapDelete("/{id:guid}", Delete).ProducesProblem(409);
        group.MapPut("/{id:guid}/lanes", ShowLanes).ProducesProblem(409).ProducesProblem(428);
        group.MapGet("/{id:guid}/emotion-curve", Curve);
        group.MapGet("/{id:guid}/designed-journey", DesignedJourneyOf);
        group.MapPost("/{id:guid}/copy", Copy);
        // Not kept by the workspace's stamp: its evidence lane moves with events, which do not move the stamp.
        group.MapGet("/{id:guid}/map.svg", Svg).Produces(200, contentType: "image/svg+xml").WithMetadata(UnchangedReads.BeyondTheWorkspace.Instance);
        group.MapMapExportsApi();
        group.MapStagesApi();
        group.MapStepsApi();
        return group;
    }

    private static async Task<Ok<Page<JourneySummary>>> List(
        CurrentWorkspace ws, WaymarkDb db, string? scenario, string? state, Guid? personaId, string? search, int? page, int? pageSize, CancellationToken ct)
    {
        var query = db.Journeys.AsNoTracking().Where(j => j.WorkspaceId == ws.Id);
        if (Filters.Enum<JourneyScenario>(scenario, "scenario") is { } sc) query = query.Where(j => j.Scenario == sc);
        if (Filters.Enum<JourneyState>(state, "state") is { } st) query = query.Where(j => j.State == st);
        if (personaId is { } p) query = query.Where(j => j.PersonaId == p);
        if (!string.IsNullOrWhiteSpace(search))
        {
            var like = Filters.Like(search);
            query = query.Where(j => EF.Functions.Like(j.Name.ToLower(), like, "\\") || (j.Description != null && EF.Functions.Like(j.Description.ToLower(), like, "\\")));
        }
        var summaries = query.OrderBy(j => j.Name).ThenBy(j => j.Id).Select(j => new JourneySummary(
            j.Id, j.Name, j.Scenario, j.CustomScenario, j.State, j.PersonaId,
            j.Stages.Count(),
            j.Stages.SelectMany(s => s.Steps).Count(),
            j.Stages.SelectMany(s => s.Steps).Average(s => (double?)s.Emotion),
            j.Version));
        return TypedResults.Ok(await summaries.ToPageAsync(page, pageSize,
            s => s with { AverageEmotion = s.AverageEmotion is { } a ? Math.Round(a, 2) : null }, ct));
    }

    private static async Task<Ok<JourneyMapResponse>> Get(CurrentWorkspace ws, Guid id, WaymarkDb db, HttpContext http, CancellationToken ct)
    {
        var journey = await db.Journeys.AsNoTracking().Include(j => j.Stages).ThenInclude(s => s.Steps).FindInAsync(ws, id, "journey", ct);
        http.SetETag(journey.Version);
        return TypedResults.Ok(await JourneyMaps.ToResponseAsync(db, ws, journey, ct));
    }

    private static async Task<Created<JourneyMapResponse>> Copy(CurrentWorkspace ws, Guid id, CopyJourneyRequest? r, Work work, CancellationToken ct)
    {
        var copy = await JourneyChanges.CopyAsync(work, ws, id, r ?? new CopyJourneyRequest(), ct);
        return TypedResults.Created($"/api/workspaces/{ws.Key}/journeys/{copy.Id}", await JourneyMaps.ToResponseAsync(work.Db, ws, copy, ct));
    }

    private static async Task<Created<JourneyMapResponse>> Create(CurrentWorkspace ws, CreateJourneyRequest r, Work work, CancellationToken ct)
    {
        var journey = await JourneyChanges.CreateAsync(work, ws, r, ct);
        return TypedResults.Created($"/api/workspaces/{ws.Key}/journeys/{journey.Id}", await JourneyMaps.ToResponseAsync(work.Db, ws, journey, ct));
    }

    private static async Task<Ok<JourneyMapResponse>> Update(CurrentWorkspace ws, Guid id, JourneyRequest r, Work work, HttpContext http, CancellationToken ct)
    {
        var journey = await JourneyChanges.DescribeAsync(work, ws, id, r with { Version = Versions.Expected(http, r.Version) }, ct);
        http.SetETag(journey.Version);
        return TypedResults.Ok(await JourneyMaps.ToResponseAsync(work.Db, ws, journey, ct));
    }

    private static async Task<Ok<JourneyMapResponse>> ShowLanes(CurrentWorkspace ws, Guid id, LanesRequest r, Work work, HttpContext http, CancellationToken ct)
    {
        var journey = await JourneyChanges.ShowLanesAsync(work, ws, id, r with { Version = Versions.Expected(http, r.Version) }, ct);
        http.SetETag(journey.Version);
        return TypedResults.Ok(await JourneyMaps.ToResponseAsync(work.Db, ws, journey, ct));
    }

    private static async Task<NoContent> Delete(CurrentWorkspace ws, Guid id, Work work, HttpContext http, CancellationToken ct)
    {
        await JourneyChanges.DeleteAsync(work, ws, id, Versions.Optional(http), ct);
        return TypedResults.NoContent();
    }

    private static async Task<Ok<EmotionCurveResponse>> Curve(CurrentWorkspace ws, Guid id, WaymarkDb db, CancellationToken ct)
    {
        var journey = await db.Journeys.AsNoTracking().Include(j => j.Stages).ThenInclude(s => s.Steps).FindInAsync(ws, id, "journey", ct);
        var curve = journey.EmotionCurve();
        return TypedResults.Ok(new EmotionCurveResponse(
            curve.Points.Select(EmotionPointResponse.From).ToList(), curve.Average,
            curve.Lowest is null ? null : EmotionPointResponse.From(curve.Lowest),
            curve.Highest is null ? null : EmotionPointResponse.From(curve.Highest)));
    }

    /// <summary>The map drawn as a standalone SVG file for workshops, slides and large prints, with the lanes the map shows.</summary>
    /// <param name="from">With the evidence lane: the first day of its period (UTC, YYYY-MM-DD); the 30 days up to the last day when left out, as on the map page.</param>
    /// <param name="to">With the evidence lane: the last day of its period, included; today when left out.</param>
    private static async Task<FileContentHttpResult> Svg(CurrentWorkspace ws, Guid id, WaymarkDb db, TimeProvider time, Evidence.SharedEvidence evidence,
        DateOnly? from, DateOnly? to, CancellationToken ct)
    {
        var drawing = await MapExportsApi.LoadAsync(db, ws, id, time, evidence, null, from, to, ct);
        return TypedResults.File(Encoding.UTF8.GetBytes(MapSvg.Render(drawing)), "image/svg+xml", MapSvg.FileName(drawing.Map.Name));
    }

    /// <summary>The map as the journey analytics hold real journeys against it (<c>waymark analyze --journey FILE</c> reads this document).</summary>
    private static async Task<Ok<Analytics.Conformance.DesignedJourney>> DesignedJourneyOf(CurrentWorkspace ws, Guid id, WaymarkDb db, CancellationToken ct) =>
        TypedResults.Ok(await DesignedJourneys.OfAsync(db, ws, id, ct));
}
