using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Waymark.Domain.Evaluations;
using Waymark.Domain.Improvements;
using Waymark.Domain.Kpis;
using Waymark.Domain.Touchpoints;
using Waymark.Storage;
using Waymark.Storage.Scores;
using Waymark.Web.Features.Improvements;
using Waymark.Web.Features.Kpis;
using Waymark.Web.Infrastructure;

namespace Waymark.Web.Features.Dashboard;

/// <summary>
/// Where the importance–performance grid puts a touchpoint. Relevance (1–5) counts as important from
/// <see cref="DashboardApi.ImportantFromRelevance"/> (3) up; the score (1–10) counts as performing well from
/// <see cref="DashboardApi.GoodFromScore"/> (5.5, the middle of the scale) up:
/// concentrateHere = relevance ≥ 3 and score &lt; 5.5; keepUpTheGoodWork = relevance ≥ 3 and score ≥ 5.5;
/// lowPriority = relevance &lt; 3 and score &lt; 5.5; possibleOverkill = relevance &lt; 3 and score ≥ 5.5.
/// </summary>
public enum Quadrant { ConcentrateHere, KeepUpTheGoodWork, LowPriority, PossibleOverkill }

/// <summary>The CX dashboard: where the experience falls short and what is being done about it.</summary>
public static class DashboardApi
{
    /// <summary>Relevance from which a touchpoint counts as important to the customer (scale 1–5).</summary>
    public const int ImportantFromRelevance = 3;
    /// <summary>Score from which a touchpoint counts as performing well (scale 1–10; 5.5 is its middle).</summary>
    public const double GoodFromScore = 5.5;
    public const int TrendMonths = 6;
    public const int WorstKpis = 5;
    /// <summary>How many unaddressed moments the dashboard names; GET …/unaddressed-moments lists them all.</summary>
    public const int UnaddressedListed = 12;

    public sealed record TrendPoint(string Month, DateOnly AsOf, double? Score);
    public sealed record CxScore(double? Score, int EvaluatedTouchpoints, int Touchpoints, IReadOnlyList<TrendPoint> Trend);
    public sealed record GroupScore(Guid Id, string Name, double? Score, int Touchpoints, int EvaluatedTouchpoints);
    public sealed record KpiVariance(Guid Id, string Name, string Unit, KpiDirection Direction, double? Target, double? BestInClass,
        double? Actual, DateTimeOffset? MeasuredAt, double? VersusTarget, double? VersusTargetRelative, double? VersusBestInClass, KpiTrend Trend);
    public sealed record UnaddressedItem(string Kind, Guid Id, string Name, bool IsMomentOfTruth, bool IsPainPoint, Guid? JourneyId);
    /// <summary>
    /// Total counts each moment once; Both are pain points that are also moments of truth. Items lists them all, except
    /// on the dashboard, which names the first <see cref="UnaddressedListed"/>.
    /// </summary>
    public sealed record Unaddressed(int Total, int PainPoints, int MomentsOfTruth, int Both, IReadOnlyList<UnaddressedItem> Items)
    {
        public static Unaddressed From(UnaddressedMoments u, int listed = int.MaxValue) =>
            new(u.Items.Count, u.PainPoints, u.MomentsOfTruth, u.Items.Count(i => i.IsPainPoint && i.IsMomentOfTruth),
                u.Items.Take(listed).Select(i => new UnaddressedItem(i.Kind, i.Id, i.Name, i.IsMomentOfTruth, i.IsPainPoint, i.JourneyId)).ToList());
    }
    public sealed record ActionProgress(int Total, int Open, int InProgress, int Done, int Discarded, int Overdue);

    public sealed record DashboardResponse(
        DateOnly Today,
        CxScore CxScore,
        IReadOnlyList<GroupScore> ByPhase,
        IReadOnlyList<GroupScore> ByChannel,
        ImportancePerformanceGrid ImportancePerformance,
        IReadOnlyList<KpiVariance> KpisFurthestFromTarget,
        Unaddressed Unaddressed,
        ActionProgress Actions);

    public static RouteGroupBuilder MapDashboardApi(this RouteGroupBuilder workspace)
    {
        workspace.MapGet("/dashboard", Get).WithTags("Dashboard");
        workspace.MapGet("/unaddressed-moments", GetUnaddressed).WithTags("Dashboard");
        workspace.MapGet("/importance-performance", GetGridPoints).WithTags("Dashboard");
        return workspace;
    }

    private static async Task<Ok<DashboardResponse>> Get(CurrentWorkspace ws, WaymarkDb db, TimeProvider time, CancellationToken ct) =>
        TypedResults.Ok(await BuildAsync(db, ws, ImprovementsApi.Today(time), ct));

    /// <summary>The whole dashboard in a handful of queries; the web UI draws the same figures.</summary>
    internal static async Task<DashboardResponse> BuildAsync(WaymarkDb db, CurrentWorkspace ws, DateOnly today, CancellationToken ct)
    {
        var touchpoints = await db.Touchpoints.AsNoTracking().Where(t => t.WorkspaceId == ws.Id).OrderBy(t => t.Name).ToListAsync(ct);
        var latest = await ScoreKeeper.ReadLatestAsync(db, ws.Id, null, ct);
        var phases = await db.Phases.AsNoTracking().Where(p => p.WorkspaceId == ws.Id).OrderBy(p => p.Position).ToListAsync(ct);
        var channels = await db.Channels.AsNoTracking().Where(c => c.WorkspaceId == ws.Id).OrderBy(c => c.Name).ToListAsync(ct);
        var actions = await ActionsAsync(db, ws, ct);
        var kpis = await KpisApi.WithPerformanceAsync(db, await db.Kpis.AsNoTracking().Where(k => k.WorkspaceId == ws.Id).ToListAsync(ct), ct);

        var scores = touchpoints.ToDictionary(t => t.Id, t => latest.Contains(t.Id) ? CurrentScore.FromLatest(latest[t.Id]).Overall : null);
        var cx = new CxScore(MeanOf(scores.Values), scores.Values.Count(s => s is not null), touchpoints.Count,
            await TrendAsync(db, ws, touchpoints, latest, scores, today, ct));
        var byPhase = phases.Select(p => Group(p.Id, p.Name, touchpoints.Where(t => t.PhaseIds.Contains(p.Id)), scores)).ToList();
        var byChannel = channels.Select(c => Group(c.Id, c.Name, touchpoints.Where(t => t.ChannelId == c.Id), scores)).ToList();
        var grid = ImportancePerformanceGrid.Of(ImportancePerformanceGrid.PointsOf(touchpoints, scores));
        var worst = kpis
            .Where(k => k.Performance.MeetsTarget == false && k.Performance.VersusTargetRelative is not null)
            .OrderBy(k => k.Performance.VersusTargetRelative).ThenBy(k => k.Name).Take(WorstKpis)
            .Select(k => new KpiVariance(k.Id, k.Name, k.Unit, k.Direction, k.Target, k.BestInClass, k.Performance.Actual, k.Performance.MeasuredAt,
                k.Performance.VersusTarget, k.Performance.VersusTargetRelative, k.Performance.VersusBestInClass, k.Performance.Trend))
            .ToList();
        var unaddressed = await FindUnaddressedAsync(db, ws, touchpoints, actions, ct);
        var progress = new ActionProgress(actions.Count,
            actions.Count(a => a.Status == ImprovementStatus.Open), actions.Count(a => a.Status == ImprovementStatus.InProgress),
            actions.Count(a => a.Status == ImprovementStatus.Done), actions.Count(a => a.Status == ImprovementStatus.Discarded),
            actions.Count(a => a.IsOverdue(today)));
        return new DashboardResponse(today, cx, byPhase, byChannel, grid, worst, Unaddressed.From(unaddressed, UnaddressedListed), progress);
    }

    private static async Task<Ok<Unaddressed>> GetUnaddressed(CurrentWorkspace ws, WaymarkDb db, CancellationToken ct)
    {
        var touchpoints = await db.Touchpoints.AsNoTracking().Where(t => t.WorkspaceId == ws.Id).ToListAsync(ct);
        return TypedResults.Ok(Unaddressed.From(await FindUnaddressedAsync(db, ws, touchpoints, await ActionsAsync(db, ws, ct), ct)));
    }

    /// <summary>The workspace's actions: the progress counts them, and only an open action addresses a moment (ideas and insights do not).</summary>
    private static Task<List<Improvement>> ActionsAsync(WaymarkDb db, CurrentWorkspace ws, CancellationToken ct) =>
        db.Improvements.AsNoTracking().Where(i => i.WorkspaceId == ws.Id && i.Kind == ImprovementKind.Action).ToListAsync(ct);

    /// <summary>Every evaluated touchpoint on the grid, or those of one quadrant, the most in need of attention first.</summary>
    private static async Task<Ok<Page<GridPoint>>> GetGridPoints(CurrentWorkspace ws, WaymarkDb db, string? quadrant, int? page, int? pageSize, CancellationToken ct)
    {
        var inQuadrant = Filters.Enum<Quadrant>(quadrant, "quadrant");
        Paging.Validate(page, pageSize);
        var touchpoints = await db.Touchpoints.AsNoTracking().Where(t => t.WorkspaceId == ws.Id).ToListAsync(ct);
        var kept = await ScoreKeeper.ReadAsync(db, ws.Id, null, ct);
        var points = ImportancePerformanceGrid.PointsOf(touchpoints, touchpoints.ToDictionary(t => t.Id, t => kept.GetValueOrDefault(t.Id)?.Overall))
            .Where(p => inQuadrant is null || p.Quadrant == inQuadrant).ToList();
        return TypedResults.Ok(points.ToPage(page, pageSize));
    }

    /// <summary>The domain's rule over this workspace's touchpoints, journeys (with their flagged steps only) and improvements.</summary>
    private static async Task<UnaddressedMoments> FindUnaddressedAsync(WaymarkDb db, CurrentWorkspace ws, IReadOnlyList<Touchpoint> touchpoints,
        IReadOnlyList<Improvement> improvements, CancellationToken ct)
    {
        var journeys = await db.Journeys.AsNoTracking().Where(j => j.WorkspaceId == ws.Id)
            .Include(j => j.Stages).ThenInclude(s => s.Steps.Where(step => step.IsPainPoint || step.IsMomentOfTruth)).AsSplitQuery()
            .OrderBy(j => j.Name).ToListAsync(ct);
        return UnaddressedMoments.Find(touchpoints, journeys, improvements);
    }

    public static Quadrant QuadrantOf(int relevance, double score) => (relevance >= ImportantFromRelevance, score >= GoodFromScore) switch
    {
        (true, false) => Quadrant.ConcentrateHere,
        (true, true) => Quadrant.KeepUpTheGoodWork,
        (false, false) => Quadrant.LowPriority,
        (false, true) => Quadrant.PossibleOverkill,
    };

    /// <summary>
    /// The overall score at the end of each of the last <see cref="TrendMonths"/> calendar months, the current month last,
    /// each computed exactly like the current score but from the evaluations dated up to that day. Only what can differ
    /// from today's kept scores is read: for each touchpoint and persona evaluated after the first of those days, its
    /// evaluations since then and those of its latest day before (found through the touchpoint, persona and date index). So the
    /// read grows with the last months' evaluations, not with the years of history behind them.
    /// </summary>
    private static async Task<List<TrendPoint>> TrendAsync(WaymarkDb db, CurrentWorkspace ws, IReadOnlyList<Touchpoint> touchpoints,
        ILookup<Guid, LatestEvaluations> kept, IReadOnlyDictionary<Guid, double?> scores, DateOnly today, CancellationToken ct)
    {
        var thisMonth = new DateOnly(today.Year, today.Month, 1);
        var ends = Enumerable.Range(0, TrendMonths).Reverse().Select(back => thisMonth.AddMonths(-back).AddMonths(1).AddDays(-1)).ToList();
        var first = ends[0];
        var since = await db.Evaluations.AsNoTracking()
            .Where(e => e.WorkspaceId == ws.Id && e.TouchpointId != null && e.EvaluatedOn > first)
            .Select(e => new { TouchpointId = e.TouchpointId!.Value, e.PersonaId, e.EvaluatedOn, e.Score, Gap = e.ExperienceLevel - e.ExpectationLevel })
            .ToListAsync(ct);
        // Persona and no persona apart, so each compares with = or IS NULL and finds its day through the
        // (touchpoint, persona, date) index; a nullable = nullable comparison would need an OR that no index serves.
        var movingPairs = db.KeptScores.Where(k => k.WorkspaceId == ws.Id && k.EvaluatedOn > first);
        var before = since.Count == 0 ? [] : await (
                from k in movingPairs.Where(k => k.PersonaId != null)
                let latest = db.Evaluations.Where(e => e.TouchpointId == k.TouchpointId && e.PersonaId == k.PersonaKey && e.EvaluatedOn <= first)
                    .Max(e => (DateOnly?)e.EvaluatedOn)
                from e in db.Evaluations
                where e.TouchpointId == k.TouchpointId && e.PersonaId == k.PersonaKey && e.EvaluatedOn == latest
                select new { k.TouchpointId, e.PersonaId, e.EvaluatedOn, e.Score, Gap = e.ExperienceLevel - e.ExpectationLevel })
            .Concat(
                from k in movingPairs.Where(k => k.PersonaId == null)
                let latest = db.Evaluations.Where(e => e.TouchpointId == k.TouchpointId && e.PersonaId == null && e.EvaluatedOn <= first)
                    .Max(e => (DateOnly?)e.EvaluatedOn)
                from e in db.Evaluations
                where e.TouchpointId == k.TouchpointId && e.PersonaId == null && e.EvaluatedOn == latest
                select new { k.TouchpointId, e.PersonaId, e.EvaluatedOn, e.Score, Gap = e.ExperienceLevel - e.ExpectationLevel })
            .ToListAsync(ct);
        var moving = since.Concat(before)
            .GroupBy(e => e.TouchpointId)
            .ToDictionary(g => g.Key, g => new MovingScore(kept[g.Key].Where(k => k.EvaluatedOn <= first).ToList(),
                g.Select(e => new EvaluationScore(e.PersonaId, e.EvaluatedOn, e.Score, e.Gap))));
        return ends.Select(end =>
        {
            var score = MeanOf(touchpoints.Select(t => moving.TryGetValue(t.Id, out var m) ? m.On(end) : scores[t.Id]));
            return new TrendPoint(end.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture), end, score);
        }).ToList();
    }

    /// <summary>
    /// A touchpoint's score as of any day on or after the trend's first: its personas evaluated since that first day from
    /// the evaluations read (each day's worked out once, for all the month ends), the others from their kept latest
    /// evaluations, which are dated on or before it.
    /// </summary>
    private sealed class MovingScore(IReadOnlyList<LatestEvaluations> unmoved, IEnumerable<EvaluationScore> read)
    {
        private readonly List<List<LatestEvaluations>> _daysByPersona = read
            .GroupBy(e => e.PersonaId)
            .Select(persona => persona.GroupBy(e => e.EvaluatedOn).Select(day => LatestEvaluations.Of(day).Single()).OrderBy(d => d.EvaluatedOn).ToList())
            .ToList();

        public double? On(DateOnly end)
        {
            var latest = new List<LatestEvaluations>(unmoved);
            foreach (var days in _daysByPersona)
                for (var i = days.Count - 1; i >= 0; i--)
                    if (days[i].EvaluatedOn <= end) { latest.Add(days[i]); break; }
            return CurrentScore.FromLatest(latest).Overall;
        }
    }

    private static GroupScore Group(Guid id, string name, IEnumerable<Touchpoint> members, IReadOnlyDictionary<Guid, double?> scores)
    {
        var list = members.Select(t => scores[t.Id]).ToList();
        return new GroupScore(id, name, MeanOf(list), list.Count, list.Count(s => s is not null));
    }

    private static double? MeanOf(IEnumerable<double?> scores)
    {
        var known = scores.Where(s => s is not null).Select(s => s!.Value).ToList();
        return known.Count == 0 ? null : Math.Round(known.Average(), 2);
    }
}
