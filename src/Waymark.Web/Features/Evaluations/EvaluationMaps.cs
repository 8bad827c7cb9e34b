using Microsoft.EntityFrameworkCore;
using Waymark.Domain.Evaluations;
using Waymark.Storage;
using Waymark.Web.Infrastructure;

namespace Waymark.Web.Features.Evaluations;

/// <summary>The journey maps a score shows on: every map with a step that shows the scored touchpoint, and the map of a scored step.</summary>
internal static class EvaluationMaps
{
    public static async Task AnnounceAsync(Work work, CurrentWorkspace ws, IReadOnlyCollection<Evaluation> evaluations, string did, CancellationToken ct)
    {
        foreach (var journey in await JourneysShowingAsync(work.Db, ws, evaluations, ct)) work.Announce(journey, did);
    }

    /// <summary>What was scored, in words: "'Hotline'" or "the step 'Calls the hotline'".</summary>
    public static async Task<string> WhatAsync(WaymarkDb db, Evaluation e, CancellationToken ct)
    {
        if (e.TouchpointId is { } t && await db.Touchpoints.AsNoTracking().Where(x => x.Id == t).Select(x => x.Name).FirstOrDefaultAsync(ct) is { } name)
            return $"'{name}'";
        if (e.StepId is { } s && await db.Steps.AsNoTracking().Where(x => x.Id == s).Select(x => x.Action).FirstOrDefaultAsync(ct) is { } action)
            return $"the step '{action}'";
        return "a touchpoint";
    }

    private static async Task<List<Guid>> JourneysShowingAsync(WaymarkDb db, CurrentWorkspace ws, IReadOnlyCollection<Evaluation> evaluations, CancellationToken ct)
    {
        var touchpointIds = evaluations.Where(e => e.TouchpointId is not null).Select(e => e.TouchpointId!.Value).ToHashSet();
        var stepIds = evaluations.Where(e => e.StepId is not null).Select(e => e.StepId!.Value).ToHashSet();
        if (touchpointIds.Count == 0 && stepIds.Count == 0) return [];
        // A step's touchpoints are one column, so they are matched here rather than in the query.
        var steps = await (
            from step in db.Steps.AsNoTracking()
            join stage in db.Stages on step.StageId equals stage.Id
            join journey in db.Journeys on stage.JourneyId equals journey.Id
            where journey.WorkspaceId == ws.Id
            select new { JourneyId = journey.Id, StepId = step.Id, step.TouchpointIds }).ToListAsync(ct);
        return steps.Where(s => stepIds.Contains(s.StepId) || s.TouchpointIds.Any(touchpointIds.Contains)).Select(s => s.JourneyId).Distinct().ToList();
    }
}
