using Microsoft.EntityFrameworkCore;
using Waymark.Domain.Evaluations;
using Waymark.Storage;
using Waymark.Storage.Scores;
using Waymark.Web.Infrastructure;

namespace Waymark.Web.Features.Touchpoints;

/// <summary>Reads of touchpoints that the API and the pages share: current scores, the matrix, where a touchpoint is used.</summary>
public static partial class TouchpointsApi
{
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

    internal static IQueryable<Evaluation> EvaluationsOf(WaymarkDb db, CurrentWorkspace ws, Guid touchpointId) =>
        db.Evaluations.AsNoTracking().Where(e => e.WorkspaceId == ws.Id && e.TouchpointId == touchpointId);

    /// <summary>
    /// Current scores of the given touchpoints, read from the scores storage keeps (one small row per touchpoint and
    /// persona), so the cost follows the number of touchpoints, not their history. <paramref name="wholeWorkspace"/> reads
    /// the workspace's rows without a list of ids, for when most touchpoints are wanted anyway.
    /// </summary>
    internal static async Task<Dictionary<Guid, CurrentScore>> ScoresAsync(WaymarkDb db, CurrentWorkspace ws, IReadOnlyList<Guid> touchpointIds, bool wholeWorkspace, CancellationToken ct)
    {
        if (touchpointIds.Count == 0) return [];
        var kept = await ScoreKeeper.ReadAsync(db, ws.Id, wholeWorkspace ? null : touchpointIds, ct);
        return touchpointIds.Distinct().ToDictionary(id => id, id => kept.GetValueOrDefault(id, CurrentScore.None));
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
