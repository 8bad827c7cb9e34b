using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Waymark.Domain.Common;
using Waymark.Domain.Journeys;
using Waymark.Domain.Personas;
using Waymark.Storage;
using Waymark.Web.Features.Improvements;
using Waymark.Web.Infrastructure;

namespace Waymark.Web.Features.Journeys;

/// <summary>Journey maps: the list, the whole map, its header, lanes and emotion curve, and the map as an SVG file. Stages and steps live in <see cref="StagesApi"/> and <see cref="StepsApi"/>.</summary>
public static class JourneysApi
{
    public sealed record NewStage(string? Name, Guid? PhaseId = null);

    /// <summary>Creates a journey; <c>stages</c> creates stages at once, <c>fromPhases</c> one stage per workspace phase in order.</summary>
    public sealed record CreateJourneyRequest(
        string Name, JourneyScenario Scenario = JourneyScenario.InitialPurchase, string? Description = null, string? CustomScenario = null,
        Guid? PersonaId = null, JourneyState State = JourneyState.Current, IReadOnlyList<NewStage>? Stages = null, bool FromPhases = false);

    public sealed record JourneyRequest(
        string Name, JourneyScenario Scenario = JourneyScenario.InitialPurchase, string? Description = null, string? CustomScenario = null,
        Guid? PersonaId = null, JourneyState State = JourneyState.Current, int? Version = null);

    public sealed record LanesRequest(IReadOnlyList<string>? Lanes, int? Version = null);

    /// <summary>A copy of a map; what is left out is taken from the original ("… (future state)" when only the state changes).</summary>
    public sealed record CopyJourneyRequest(string? Name = null, JourneyState? State = null, Guid? PersonaId = null);

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
        group.MapGet("/{id:guid}/map.svg", Svg).Produces(200, contentType: "image/svg+xml");
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

    private static async Task<Created<JourneyMapResponse>> Copy(CurrentWorkspace ws, Guid id, CopyJourneyRequest? r, WaymarkDb db, CancellationToken ct)
    {
        var copy = await CopyAsync(db, ws, id, r ?? new CopyJourneyRequest(), ct);
        return TypedResults.Created($"/api/workspaces/{ws.Key}/journeys/{copy.Id}", await JourneyMaps.ToResponseAsync(db, ws, copy, ct));
    }

    /// <summary>Saves a copy of the map (see <see cref="Journey.CopyAs"/>); the page and the API share it.</summary>
    public static async Task<Journey> CopyAsync(WaymarkDb db, CurrentWorkspace ws, Guid id, CopyJourneyRequest r, CancellationToken ct)
    {
        var original = await db.Journeys.AsNoTracking().Include(j => j.Stages).ThenInclude(s => s.Steps).FindInAsync(ws, id, "journey", ct);
        var state = r.State ?? original.State;
        var persona = r.PersonaId ?? original.PersonaId;
        await db.RequireAsync<Persona>(ws, persona, "personaId", "persona", ct);
        var name = string.IsNullOrWhiteSpace(r.Name)
            ? original.Name + (state != original.State ? $" ({(state == JourneyState.Future ? "future" : "current")} state)" : " (copy)")
            : r.Name.Trim();
        var copy = original.CopyAs(name, state, persona);
        db.Journeys.Add(copy);
        await db.SaveChangesAsync(ct);
        return copy;
    }

    private static async Task<Created<JourneyMapResponse>> Create(CurrentWorkspace ws, CreateJourneyRequest r, WaymarkDb db, CancellationToken ct)
    {
        var journey = new Journey(ws.Id, r.Name, r.Scenario, r.State).Describe(r.Name, r.Description, r.Scenario, r.CustomScenario, r.PersonaId, r.State);
        await db.RequireAsync<Persona>(ws, r.PersonaId, "personaId", "persona", ct);
        if (r.FromPhases && r.Stages is { Count: > 0 })
            throw new DomainRuleException("fromPhases", "Give either a list of stages or fromPhases, not both.");
        var phases = await db.Phases.AsNoTracking().Where(p => p.WorkspaceId == ws.Id).OrderBy(p => p.Position).ToListAsync(ct);
        if (r.FromPhases)
            foreach (var phase in phases) journey.AddStage(phase.Name, phase.Id);
        for (var i = 0; i < (r.Stages?.Count ?? 0); i++)
        {
            var s = r.Stages![i] ?? throw new DomainRuleException($"stages[{i}]", "A stage needs a name or a phaseId.");
            var phase = s.PhaseId is { } pid
                ? phases.FirstOrDefault(p => p.Id == pid) ?? throw new DomainRuleException($"stages[{i}].phaseId", $"There is no phase with id {pid} in this workspace.")
                : null;
            try { journey.AddStage(string.IsNullOrWhiteSpace(s.Name) && phase is not null ? phase.Name : s.Name!, phase?.Id); }
            catch (DomainRuleException e) { throw new DomainRuleException($"stages[{i}].{e.Field}", e.Message); }
        }
        db.Journeys.Add(journey);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/workspaces/{ws.Key}/journeys/{journey.Id}", await JourneyMaps.ToResponseAsync(db, ws, journey, ct));
    }

    private static async Task<Ok<JourneyMapResponse>> Update(CurrentWorkspace ws, Guid id, JourneyRequest r, WaymarkDb db, HttpContext http, CancellationToken ct)
    {
        var journey = await JourneyMaps.LoadAsync(db, ws, id, ct);
        journey.EnsureVersion(Versions.Expected(http, r.Version));
        await db.RequireAsync<Persona>(ws, r.PersonaId, "personaId", "persona", ct);
        journey.Describe(r.Name, r.Description, r.Scenario, r.CustomScenario, r.PersonaId, r.State);
        await db.SaveChangesAsync(ct);
        http.SetETag(journey.Version);
        return TypedResults.Ok(await JourneyMaps.ToResponseAsync(db, ws, journey, ct));
    }

    private static async Task<Ok<JourneyMapResponse>> ShowLanes(CurrentWorkspace ws, Guid id, LanesRequest r, WaymarkDb db, HttpContext http, CancellationToken ct)
    {
        var journey = await JourneyMaps.LoadAsync(db, ws, id, ct);
        journey.EnsureVersion(Versions.Expected(http, r.Version));
        journey.ShowLanes(r.Lanes ?? throw new DomainRuleException("lanes", "Lanes are required: the list of lanes to show, top to bottom."));
        await db.SaveChangesAsync(ct);
        http.SetETag(journey.Version);
        return TypedResults.Ok(await JourneyMaps.ToResponseAsync(db, ws, journey, ct));
    }

    private static async Task<NoContent> Delete(CurrentWorkspace ws, Guid id, WaymarkDb db, HttpContext http, CancellationToken ct)
    {
        await DeleteAsync(db, ws, id, Versions.Optional(http), ct);
        return TypedResults.NoContent();
    }

    /// <summary>Deletes the map with its stages, steps and step evaluations; KPIs and actions that pointed at it stay, unlinked. The page and the API share it.</summary>
    public static async Task DeleteAsync(WaymarkDb db, CurrentWorkspace ws, Guid id, int? version, CancellationToken ct)
    {
        var journey = await JourneyMaps.LoadAsync(db, ws, id, ct);
        if (version is { } v) journey.EnsureVersion(v);
        db.Journeys.Remove(journey);
        await db.SaveChangesAsync(ct);
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
    private static async Task<FileContentHttpResult> Svg(CurrentWorkspace ws, Guid id, WaymarkDb db, TimeProvider time, CancellationToken ct)
    {
        var drawing = await MapDrawing.LoadAsync(db, ws, id, ImprovementsApi.Today(time), ct);
        return TypedResults.File(Encoding.UTF8.GetBytes(MapSvg.Render(drawing)), "image/svg+xml", MapSvg.FileName(drawing.Map.Name));
    }

    /// <summary>
    /// The map as the journey analytics hold real journeys against it: stages and steps in order with the event keys of
    /// their touchpoints (<c>waymark analyze --journey FILE</c> reads this document).
    /// </summary>
    private static async Task<Ok<Analytics.Conformance.DesignedJourney>> DesignedJourneyOf(CurrentWorkspace ws, Guid id, WaymarkDb db, CancellationToken ct) =>
        TypedResults.Ok(await DesignedJourneyAsync(db, ws, id, ct));

    public static async Task<Analytics.Conformance.DesignedJourney> DesignedJourneyAsync(WaymarkDb db, CurrentWorkspace ws, Guid id, CancellationToken ct)
    {
        var journey = await db.Journeys.AsNoTracking().Include(j => j.Stages).ThenInclude(s => s.Steps).FindInAsync(ws, id, "journey", ct);
        var ids = journey.Stages.SelectMany(s => s.Steps).SelectMany(s => s.TouchpointIds).Distinct().ToList();
        var touchpoints = await db.Touchpoints.AsNoTracking().Where(t => t.WorkspaceId == ws.Id && ids.Contains(t.Id)).ToDictionaryAsync(t => t.Id, ct);
        return Analytics.Conformance.DesignedJourney.FromMap(journey, touchpoints);
    }
}
