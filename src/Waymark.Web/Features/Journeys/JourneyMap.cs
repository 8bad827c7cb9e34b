using Microsoft.EntityFrameworkCore;
using Waymark.Domain.Evaluations;
using Waymark.Domain.Improvements;
using Waymark.Domain.Journeys;
using Waymark.Domain.Organisation;
using Waymark.Storage;
using Waymark.Storage.Scores;
using Waymark.Web.Infrastructure;

namespace Waymark.Web.Features.Journeys;

/// <summary>
/// The whole journey map as the API returns it: header, lanes, ordered stages with their ordered steps, and on each
/// step the touchpoints it uses (name, channel, current score) and its open actions, so a client can draw it in one go.
/// </summary>
public sealed record JourneyMapResponse(
    Guid Id, string Name, string? Description, JourneyScenario Scenario, string? CustomScenario, Guid? PersonaId, JourneyState State,
    IReadOnlyList<string> Lanes, IReadOnlyList<StageResponse> Stages, int Version);

public sealed record StageResponse(Guid Id, string Name, string? Description, Guid? PhaseId, int Position, IReadOnlyList<StepResponse> Steps, int Version);

public sealed record StepResponse(
    Guid Id, Guid StageId, int Position, string Action, string? ThoughtsAndMotivation, string? Questions, string? Obstacles, int Emotion,
    IReadOnlyList<Guid> TouchpointIds, Guid? BackstageDepartmentId, int? WaitingMinutes, bool IsMomentOfTruth, bool IsPainPoint,
    bool IsBrandSuccessPoint, string? Notes, IReadOnlyList<TouchpointChip> Touchpoints, int OpenActions, int Version);

/// <summary>A touchpoint used at a step. <c>score</c> is its current overall score (1–10), <c>personaScore</c> the score for the journey's persona.</summary>
public sealed record TouchpointChip(
    Guid Id, string Name, Guid ChannelId, string Channel, ChannelKind ChannelKind, double? Score, double? PersonaScore, ScoreBand Band);

public static class JourneyMaps
{
    /// <summary>A journey with its stages and steps, tracked for changes; unknown or in another workspace answers 404.</summary>
    public static Task<Journey> LoadAsync(WaymarkDb db, CurrentWorkspace ws, Guid id, CancellationToken ct) =>
        db.Journeys.Include(j => j.Stages).ThenInclude(s => s.Steps).FindInAsync(ws, id, "journey", ct);

    public static Stage StageOf(Journey journey, Guid stageId) =>
        journey.Stages.FirstOrDefault(s => s.Id == stageId)
        ?? throw new NotFoundException($"There is no stage with id {stageId} in the journey '{journey.Name}'.");

    public static Step StepOf(Journey journey, Guid stepId) =>
        journey.Stages.SelectMany(s => s.Steps).FirstOrDefault(s => s.Id == stepId)
        ?? throw new NotFoundException($"There is no step with id {stepId} in the journey '{journey.Name}'.");

    public static async Task<JourneyMapResponse> ToResponseAsync(WaymarkDb db, CurrentWorkspace ws, Journey journey, CancellationToken ct)
    {
        var extras = await StepExtras.LoadAsync(db, ws, journey.PersonaId, journey.OrderedSteps.ToList(), ct);
        return new JourneyMapResponse(
            journey.Id, journey.Name, journey.Description, journey.Scenario, journey.CustomScenario, journey.PersonaId, journey.State,
            journey.Lanes,
            journey.OrderedStages.Select(stage => new StageResponse(
                stage.Id, stage.Name, stage.Description, stage.PhaseId, stage.Position,
                stage.OrderedSteps.Select(extras.ToResponse).ToList(), stage.Version)).ToList(),
            journey.Version);
    }

    public static async Task<StepResponse> ToResponseAsync(WaymarkDb db, CurrentWorkspace ws, Journey journey, Step step, CancellationToken ct) =>
        (await StepExtras.LoadAsync(db, ws, journey.PersonaId, [step], ct)).ToResponse(step);

    /// <summary>What a step shows beyond its own fields: touchpoint chips and open actions, loaded in a few queries for all steps at once.</summary>
    private sealed class StepExtras(IReadOnlyDictionary<Guid, TouchpointChip> chips, IReadOnlyDictionary<Guid, int> openActions)
    {
        public static async Task<StepExtras> LoadAsync(WaymarkDb db, CurrentWorkspace ws, Guid? personaId, IReadOnlyList<Step> steps, CancellationToken ct)
        {
            var touchpointIds = steps.SelectMany(s => s.TouchpointIds).Distinct().ToList();
            var stepIds = steps.Select(s => s.Id).ToList();
            var chips = new Dictionary<Guid, TouchpointChip>();
            if (touchpointIds.Count > 0)
            {
                var touchpoints = await (
                        from t in db.Touchpoints.AsNoTracking()
                        join c in db.Channels.AsNoTracking() on t.ChannelId equals c.Id
                        where t.WorkspaceId == ws.Id && touchpointIds.Contains(t.Id)
                        select new { t.Id, t.Name, t.ChannelId, Channel = c.Name, c.Kind })
                    .ToListAsync(ct);
                var scores = await ScoreKeeper.ReadAsync(db, ws.Id, touchpointIds, ct);
                foreach (var t in touchpoints)
                {
                    var score = scores.GetValueOrDefault(t.Id, CurrentScore.None);
                    var personaScore = personaId is null ? null : score.ByPersona.FirstOrDefault(p => p.PersonaId == personaId)?.Score;
                    chips[t.Id] = new TouchpointChip(t.Id, t.Name, t.ChannelId, t.Channel, t.Kind, score.Overall, personaScore, CurrentScore.BandOf(score.Overall));
                }
            }
            var open = stepIds.Count == 0
                ? new Dictionary<Guid, int>()
                : (await db.Improvements.AsNoTracking()
                        .Where(i => i.WorkspaceId == ws.Id && i.StepId != null && stepIds.Contains(i.StepId.Value) && i.Kind == ImprovementKind.Action
                                    && (i.Status == ImprovementStatus.Open || i.Status == ImprovementStatus.InProgress))
                        .GroupBy(i => i.StepId!.Value)
                        .Select(g => new { StepId = g.Key, Count = g.Count() })
                        .ToListAsync(ct))
                    .ToDictionary(x => x.StepId, x => x.Count);
            return new StepExtras(chips, open);
        }

        public StepResponse ToResponse(Step s) => new(
            s.Id, s.StageId, s.Position, s.Action, s.ThoughtsAndMotivation, s.Questions, s.Obstacles, s.Emotion,
            s.TouchpointIds, s.BackstageDepartmentId, s.WaitingMinutes, s.IsMomentOfTruth, s.IsPainPoint, s.IsBrandSuccessPoint, s.Notes,
            s.TouchpointIds.Where(chips.ContainsKey).Select(id => chips[id]).ToList(),
            openActions.GetValueOrDefault(s.Id), s.Version);
    }
}
