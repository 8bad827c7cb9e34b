using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Waymark.Domain.Common;
using Waymark.Domain.Evaluations;
using Waymark.Domain.Organisation;
using Waymark.Domain.Touchpoints;
using Waymark.Storage;
using Waymark.Web.Infrastructure;

namespace Waymark.Web.Features.Touchpoints;

public static class TouchpointsApi
{
    public sealed record TouchpointRequest(
        string Name, Guid ChannelId, TouchpointCategory Category, int Relevance = 3, string? Description = null, string? CustomCategory = null,
        IReadOnlyList<Guid>? PhaseIds = null, Guid? DepartmentId = null, Guid? OwnerId = null,
        bool IsMomentOfTruth = false, bool IsPainPoint = false, bool IsBrandSuccessPoint = false,
        Compliance DesignCompliance = Compliance.NotAssessed, Compliance TonalityCompliance = Compliance.NotAssessed,
        Compliance ReactionTimeCompliance = Compliance.NotAssessed, IReadOnlyList<string>? Tags = null, string? EventKey = null, int? Version = null)
    {
        public TouchpointProfile Profile() => new(
            Name, ChannelId, Category, Relevance, Description, CustomCategory, PhaseIds, DepartmentId, OwnerId,
            IsMomentOfTruth, IsPainPoint, IsBrandSuccessPoint, DesignCompliance, TonalityCompliance, ReactionTimeCompliance, Tags, EventKey);
    }

    /// <summary>The touchpoint's current score in brief: overall, expectation gap and the colour band.</summary>
    public sealed record ScoreSummary(double? Overall, double? ExpectationGap, ScoreBand Band, int Evaluations)
    {
        public static ScoreSummary From(CurrentScore s) => new(s.Overall, s.ExpectationGap, CurrentScore.BandOf(s.Overall), s.Evaluations);
    }

    public record TouchpointResponse(
        Guid Id, string Name, string? Description, TouchpointCategory Category, string? CustomCategory, string CategoryName,
        Guid ChannelId, IReadOnlyList<Guid> PhaseIds, Guid? DepartmentId, Guid? OwnerId, int Relevance,
        bool IsMomentOfTruth, bool IsPainPoint, bool IsBrandSuccessPoint,
        Compliance DesignCompliance, Compliance TonalityCompliance, Compliance ReactionTimeCompliance,
        IReadOnlyList<string> Tags, string? EventKey, ScoreSummary Score, int Version)
    {
        public static TouchpointResponse From(Touchpoint t, CurrentScore score) => new(
            t.Id, t.Name, t.Description, t.Category, t.CustomCategory, t.CategoryName, t.ChannelId, t.PhaseIds, t.DepartmentId, t.OwnerId, t.Relevance,
            t.IsMomentOfTruth, t.IsPainPoint, t.IsBrandSuccessPoint, t.DesignCompliance, t.TonalityCompliance, t.ReactionTimeCompliance,
            t.Tags, t.EventKey, ScoreSummary.From(score), t.Version);
    }

    /// <summary>A step of a journey map where the touchpoint is used.</summary>
    public sealed record StepUse(Guid JourneyId, string Journey, Guid StageId, string Stage, Guid StepId, string Action);

    public sealed record TouchpointDetail : TouchpointResponse
    {
        public TouchpointDetail(TouchpointResponse touchpoint, IReadOnlyList<StepUse> usedIn) : base(touchpoint) => UsedIn = usedIn;
        public IReadOnlyList<StepUse> UsedIn { get; }
    }

    public sealed record PersonaScoreResponse(Guid? PersonaId, string? Persona, double Score, ScoreBand Band, int Evaluations, DateOnly EvaluatedOn, double? ExpectationGap);

    /// <summary>The full current score: one line per persona (evaluations without a persona form their own line) and the overall mean.</summary>
    public sealed record ScoreResponse(Guid TouchpointId, double? Overall, double? ExpectationGap, ScoreBand Band, int Evaluations, IReadOnlyList<PersonaScoreResponse> ByPersona);

    public sealed record MatrixPhase(Guid Id, string Name, int Position);
    public sealed record MatrixChannel(Guid Id, string Name, ChannelKind Kind);
    public sealed record MatrixTouchpoint(Guid Id, string Name, ScoreSummary Score);

    /// <summary>One cell of the matrix; <c>phaseId</c> is null for touchpoints not yet placed in any phase.</summary>
    public sealed record MatrixCell(Guid? PhaseId, Guid ChannelId, IReadOnlyList<MatrixTouchpoint> Touchpoints);

    public sealed record MatrixResponse(IReadOnlyList<MatrixPhase> Phases, IReadOnlyList<MatrixChannel> Channels, IReadOnlyList<MatrixCell> Cells);

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

    private static readonly string[] Sorts = ["name", "relevance", "score"];
    private static readonly string[] Flags = ["momentOfTruth", "painPoint", "brandSuccessPoint"];

    private static async Task<Ok<Page<TouchpointResponse>>> List(
        CurrentWorkspace ws, WaymarkDb db, string? search, Guid? phaseId, Guid? channelId, Guid? departmentId, Guid? ownerId,
        string? category, string? flag, string? tag, string? scoreBand, int? minRelevance, string? sort, bool? desc,
        int? page, int? pageSize, CancellationToken ct)
    {
        var sortBy = string.IsNullOrWhiteSpace(sort) ? "name" : Sorts.FirstOrDefault(s => s.Equals(sort.Trim(), StringComparison.OrdinalIgnoreCase))
            ?? throw new DomainRuleException("sort", $"'{sort}' is not a sort order. Use one of: {string.Join(", ", Sorts)}.");
        var band = Filters.Enum<ScoreBand>(scoreBand, "scoreBand");
        if (minRelevance is < 1 or > 5) throw new DomainRuleException("minRelevance", "Relevance runs from 1 (minor) to 5 (decisive).");

        var query = db.Touchpoints.AsNoTracking().Where(t => t.WorkspaceId == ws.Id);
        if (!string.IsNullOrWhiteSpace(search))
        {
            var like = Filters.Like(search);
            query = query.Where(t => EF.Functions.Like(t.Name.ToLower(), like, "\\") || (t.Description != null && EF.Functions.Like(t.Description.ToLower(), like, "\\")));
        }
        if (channelId is { } c) query = query.Where(t => t.ChannelId == c);
        if (departmentId is { } d) query = query.Where(t => t.DepartmentId == d);
        if (ownerId is { } o) query = query.Where(t => t.OwnerId == o);
        if (Filters.Enum<TouchpointCategory>(category, "category") is { } cat) query = query.Where(t => t.Category == cat);
        if (minRelevance is { } r) query = query.Where(t => t.Relevance >= r);
        query = flag?.Trim() switch
        {
            null or "" => query,
            var f when f.Equals("momentOfTruth", StringComparison.OrdinalIgnoreCase) => query.Where(t => t.IsMomentOfTruth),
            var f when f.Equals("painPoint", StringComparison.OrdinalIgnoreCase) => query.Where(t => t.IsPainPoint),
            var f when f.Equals("brandSuccessPoint", StringComparison.OrdinalIgnoreCase) => query.Where(t => t.IsBrandSuccessPoint),
            _ => throw new DomainRuleException("flag", $"'{flag}' is not a flag. Use one of: {string.Join(", ", Flags)}."),
        };

        // Phases and tags are lists inside the row: filtered here, the same way on every database.
        IEnumerable<Touchpoint> matching = await query.OrderBy(t => t.Name).ThenBy(t => t.Id).ToListAsync(ct);
        if (phaseId is { } p) matching = matching.Where(t => t.PhaseIds.Contains(p));
        if (!string.IsNullOrWhiteSpace(tag)) matching = matching.Where(t => t.Tags.Contains(tag.Trim(), StringComparer.OrdinalIgnoreCase));
        var touchpoints = matching.ToList();

        // Score filter and score order need every candidate's score; otherwise only the page's.
        var scoreAll = band is not null || sortBy == "score";
        var scores = scoreAll ? await ScoresAsync(db, ws, touchpoints.Select(t => t.Id).ToList(), wholeWorkspace: true, ct) : null;
        if (band is { } b) touchpoints = touchpoints.Where(t => CurrentScore.BandOf(scores![t.Id].Overall) == b).ToList();
        var descending = desc ?? false;
        touchpoints = sortBy switch
        {
            "relevance" => (descending ? touchpoints.OrderByDescending(t => t.Relevance) : touchpoints.OrderBy(t => t.Relevance)).ThenBy(t => t.Name).ToList(),
            "score" => touchpoints
                .OrderBy(t => scores![t.Id].Overall is null ? 1 : 0) // not yet evaluated last, either way
                .ThenBy(t => descending ? -scores![t.Id].Overall : scores![t.Id].Overall).ThenBy(t => t.Name).ToList(),
            _ => descending ? touchpoints.OrderByDescending(t => t.Name).ToList() : touchpoints,
        };

        var (number, size) = Paging.Validate(page, pageSize);
        var onPage = touchpoints.Skip((number - 1) * size).Take(size).ToList();
        scores ??= await ScoresAsync(db, ws, onPage.Select(t => t.Id).ToList(), wholeWorkspace: false, ct);
        return TypedResults.Ok(new Page<TouchpointResponse>(onPage.Select(t => TouchpointResponse.From(t, scores[t.Id])).ToList(), number, size, touchpoints.Count));
    }

    private static async Task<Ok<TouchpointDetail>> Get(CurrentWorkspace ws, Guid id, WaymarkDb db, HttpContext http, CancellationToken ct)
    {
        var touchpoint = await db.Touchpoints.AsNoTracking().FindInAsync(ws, id, "touchpoint", ct);
        var score = CurrentScore.Of(await EvaluationsOf(db, ws, id).ToListAsync(ct));
        var usedIn = await StepsUsingAsync(db, ws, id, ct);
        http.SetETag(touchpoint.Version);
        return TypedResults.Ok(new TouchpointDetail(TouchpointResponse.From(touchpoint, score), usedIn));
    }

    private static async Task<Ok<ScoreResponse>> Score(CurrentWorkspace ws, Guid id, WaymarkDb db, CancellationToken ct)
    {
        await db.Touchpoints.AsNoTracking().FindInAsync(ws, id, "touchpoint", ct);
        var score = CurrentScore.Of(await EvaluationsOf(db, ws, id).ToListAsync(ct));
        var personaIds = score.ByPersona.Where(p => p.PersonaId is not null).Select(p => p.PersonaId!.Value).ToList();
        var personas = await db.Personas.AsNoTracking().Where(p => p.WorkspaceId == ws.Id && personaIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Name, ct);
        var byPersona = score.ByPersona.Select(p => new PersonaScoreResponse(
            p.PersonaId, p.PersonaId is { } pid ? personas.GetValueOrDefault(pid) : null, p.Score, CurrentScore.BandOf(p.Score), p.Evaluations, p.EvaluatedOn, p.ExpectationGap)).ToList();
        return TypedResults.Ok(new ScoreResponse(id, score.Overall, score.ExpectationGap, CurrentScore.BandOf(score.Overall), score.Evaluations, byPersona));
    }

    /// <summary>Phase × channel: which touchpoints the customer meets where, and how well they do.</summary>
    private static async Task<Ok<MatrixResponse>> Matrix(CurrentWorkspace ws, WaymarkDb db, CancellationToken ct) =>
        TypedResults.Ok(await MatrixAsync(db, ws, ct));

    internal static async Task<MatrixResponse> MatrixAsync(WaymarkDb db, CurrentWorkspace ws, CancellationToken ct)
    {
        var phases = await db.Phases.AsNoTracking().Where(p => p.WorkspaceId == ws.Id).OrderBy(p => p.Position)
            .Select(p => new MatrixPhase(p.Id, p.Name, p.Position)).ToListAsync(ct);
        var channels = await db.Channels.AsNoTracking().Where(c => c.WorkspaceId == ws.Id).OrderBy(c => c.Name)
            .Select(c => new MatrixChannel(c.Id, c.Name, c.Kind)).ToListAsync(ct);
        var touchpoints = await db.Touchpoints.AsNoTracking().Where(t => t.WorkspaceId == ws.Id).OrderBy(t => t.Name).ToListAsync(ct);
        var scores = await ScoresAsync(db, ws, touchpoints.Select(t => t.Id).ToList(), wholeWorkspace: true, ct);
        var phaseOrder = phases.Select((p, i) => (p.Id, i)).ToDictionary(x => x.Id, x => x.i);
        var channelOrder = channels.Select((c, i) => (c.Id, i)).ToDictionary(x => x.Id, x => x.i);
        var cells = touchpoints
            .SelectMany(t => (t.PhaseIds.Length == 0 ? new Guid?[] { null } : t.PhaseIds.Select(p => (Guid?)p).ToArray()).Select(phase => (Phase: phase, Touchpoint: t)))
            .GroupBy(x => (x.Phase, x.Touchpoint.ChannelId))
            .OrderBy(g => g.Key.Phase is { } p ? phaseOrder.GetValueOrDefault(p, int.MaxValue - 1) : int.MaxValue)
            .ThenBy(g => channelOrder.GetValueOrDefault(g.Key.ChannelId, int.MaxValue))
            .Select(g => new MatrixCell(g.Key.Phase, g.Key.ChannelId,
                g.Select(x => new MatrixTouchpoint(x.Touchpoint.Id, x.Touchpoint.Name, ScoreSummary.From(scores[x.Touchpoint.Id]))).ToList()))
            .ToList();
        return new MatrixResponse(phases, channels, cells);
    }

    private static async Task<Created<TouchpointResponse>> Create(CurrentWorkspace ws, TouchpointRequest r, WaymarkDb db, CancellationToken ct)
    {
        var touchpoint = new Touchpoint(ws.Id, r.Profile());
        await RequireReferencesAsync(db, ws, touchpoint, ct);
        db.Touchpoints.Add(touchpoint);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/workspaces/{ws.Key}/touchpoints/{touchpoint.Id}", TouchpointResponse.From(touchpoint, CurrentScore.None));
    }

    private static async Task<Ok<TouchpointResponse>> Update(CurrentWorkspace ws, Guid id, TouchpointRequest r, WaymarkDb db, HttpContext http, CancellationToken ct)
    {
        var touchpoint = await db.Touchpoints.FindInAsync(ws, id, "touchpoint", ct);
        touchpoint.EnsureVersion(Versions.Expected(http, r.Version));
        touchpoint.Describe(r.Profile());
        await RequireReferencesAsync(db, ws, touchpoint, ct);
        await db.SaveChangesAsync(ct);
        var score = CurrentScore.Of(await EvaluationsOf(db, ws, id).ToListAsync(ct));
        http.SetETag(touchpoint.Version);
        return TypedResults.Ok(TouchpointResponse.From(touchpoint, score));
    }

    /// <summary>Refused while journey maps or KPIs point at the touchpoint; its evaluations go with it.</summary>
    private static async Task<NoContent> Delete(CurrentWorkspace ws, Guid id, WaymarkDb db, HttpContext http, CancellationToken ct)
    {
        var touchpoint = await db.Touchpoints.FindInAsync(ws, id, "touchpoint", ct);
        if (Versions.Optional(http) is { } v) touchpoint.EnsureVersion(v);
        var steps = await StepsUsingAsync(db, ws, id, ct);
        var kpis = await db.Kpis.Where(k => k.WorkspaceId == ws.Id && k.TouchpointId == id).Select(k => k.Name).ToListAsync(ct);
        var improvements = await db.Improvements.CountAsync(i => i.WorkspaceId == ws.Id && i.TouchpointId == id, ct);
        if (steps.Count + kpis.Count + improvements > 0)
        {
            var uses = new List<string>();
            if (steps.Count > 0) uses.Add($"{steps.Count} journey step(s) ({string.Join(", ", steps.Select(s => $"'{s.Action}' in '{s.Journey}'").Take(5))})");
            if (kpis.Count > 0) uses.Add($"{kpis.Count} KPI(s) ({string.Join(", ", kpis.Take(5))})");
            if (improvements > 0) uses.Add($"{improvements} insight(s), idea(s) or action(s)");
            throw new ConflictException($"The touchpoint '{touchpoint.Name}' is still used by {string.Join(" and ", uses)}. Remove it from them before deleting it.");
        }
        db.Evaluations.RemoveRange(await EvaluationsOf(db, ws, id).AsTracking().ToListAsync(ct));
        db.Touchpoints.Remove(touchpoint);
        await db.SaveChangesAsync(ct);
        return TypedResults.NoContent();
    }

    internal static async Task RequireReferencesAsync(WaymarkDb db, CurrentWorkspace ws, Touchpoint t, CancellationToken ct)
    {
        await db.RequireAsync<Channel>(ws, t.ChannelId, "channelId", "channel", ct);
        await db.RequireAllAsync<Phase>(ws, t.PhaseIds, "phaseIds", "phase", ct);
        await db.RequireAsync<Department>(ws, t.DepartmentId, "departmentId", "department", ct);
        await db.RequireAsync<Person>(ws, t.OwnerId, "ownerId", "person", ct);
    }

    private static IQueryable<Evaluation> EvaluationsOf(WaymarkDb db, CurrentWorkspace ws, Guid touchpointId) =>
        db.Evaluations.AsNoTracking().Where(e => e.WorkspaceId == ws.Id && e.TouchpointId == touchpointId);

    /// <summary>
    /// Current scores of the given touchpoints from one query: over the whole workspace's evaluations when most
    /// touchpoints are wanted anyway, otherwise only over those of the given ones.
    /// </summary>
    internal static async Task<Dictionary<Guid, CurrentScore>> ScoresAsync(WaymarkDb db, CurrentWorkspace ws, IReadOnlyList<Guid> touchpointIds, bool wholeWorkspace, CancellationToken ct)
    {
        if (touchpointIds.Count == 0) return [];
        var query = db.Evaluations.AsNoTracking().Where(e => e.WorkspaceId == ws.Id && e.TouchpointId != null);
        if (!wholeWorkspace)
        {
            var ids = touchpointIds.Select(id => (Guid?)id).ToList();
            query = query.Where(e => ids.Contains(e.TouchpointId));
        }
        var byTouchpoint = (await query.ToListAsync(ct)).ToLookup(e => e.TouchpointId!.Value);
        return touchpointIds.Distinct().ToDictionary(id => id, id => CurrentScore.Of(byTouchpoint[id]));
    }

    /// <summary>Steps of this workspace's journeys whose touchpoints include the given one (Steps → Stages → Journeys).</summary>
    internal static async Task<List<StepUse>> StepsUsingAsync(WaymarkDb db, CurrentWorkspace ws, Guid touchpointId, CancellationToken ct)
    {
        var steps = await (
            from step in db.Steps.AsNoTracking()
            join stage in db.Stages on step.StageId equals stage.Id
            join journey in db.Journeys on stage.JourneyId equals journey.Id
            where journey.WorkspaceId == ws.Id
            orderby journey.Name, stage.Position, step.Position
            select new { journey.Id, Journey = journey.Name, StageId = stage.Id, Stage = stage.Name, StepId = step.Id, step.Action, step.TouchpointIds })
            .ToListAsync(ct);
        return steps.Where(s => s.TouchpointIds.Contains(touchpointId))
            .Select(s => new StepUse(s.Id, s.Journey, s.StageId, s.Stage, s.StepId, s.Action)).ToList();
    }
}
