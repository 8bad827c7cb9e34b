using Microsoft.EntityFrameworkCore;
using Waymark.Domain.Common;
using Waymark.Domain.Evaluations;
using Waymark.Domain.Journeys;
using Waymark.Storage;
using Waymark.Web.Infrastructure;

namespace Waymark.Web.Features.Journeys;

/// <summary>An evaluation that went with a removed step, as <c>GET evaluations?stepId=</c> showed it; it comes back with its id.</summary>
public sealed record RestoredEvaluation(
    Guid Id, int Score, DateOnly EvaluatedOn, Guid? PersonaId = null, EvaluationSource Source = EvaluationSource.Workshop,
    string? Expectation = null, string? Experience = null, int? ExpectationLevel = null, int? ExperienceLevel = null,
    string? Evaluator = null, string? Comment = null, DateTimeOffset? RecordedAt = null);

/// <summary>
/// A removed step as it was read before the removal: its id, content and position, the KPIs and insights, ideas and
/// actions that pointed at it (they stayed, unlinked) and its evaluations (they went with it).
/// </summary>
public sealed record RestoredStep(
    Guid Id, string Action, string? ThoughtsAndMotivation = null, string? Questions = null, string? Obstacles = null, int Emotion = 0,
    IReadOnlyList<Guid>? TouchpointIds = null, Guid? BackstageDepartmentId = null, int? WaitingMinutes = null,
    bool IsMomentOfTruth = false, bool IsPainPoint = false, bool IsBrandSuccessPoint = false, string? Notes = null, int? Position = null,
    IReadOnlyList<Guid>? KpiIds = null, IReadOnlyList<Guid>? ImprovementIds = null, IReadOnlyList<RestoredEvaluation>? Evaluations = null)
{
    public StepContent ToContent() => new(Action, ThoughtsAndMotivation, Questions, Obstacles, Emotion, TouchpointIds, BackstageDepartmentId,
        WaitingMinutes, IsMomentOfTruth, IsPainPoint, IsBrandSuccessPoint, Notes);
}

/// <summary>A removed stage with its steps; the steps come back in the order of their positions.</summary>
public sealed record RestoredStage(Guid Id, string Name, string? Description = null, Guid? PhaseId = null, int? Position = null, IReadOnlyList<RestoredStep>? Steps = null);

/// <summary>
/// Puts removed stages and steps back with the ids they had and with everything that pointed at them, so an undone
/// removal leaves no KPI, action or evaluation behind. All is checked before anything changes; the caller saves.
/// </summary>
public static class Restores
{
    /// <summary>Reads steps the way a restore takes them back; call it before removing them.</summary>
    public static async Task<List<RestoredStep>> CaptureAsync(WaymarkDb db, CurrentWorkspace ws, IReadOnlyList<Step> steps, CancellationToken ct)
    {
        var ids = steps.Select(s => s.Id).ToList();
        var kpis = (await db.Kpis.AsNoTracking().Where(k => k.WorkspaceId == ws.Id && k.StepId != null && ids.Contains(k.StepId.Value))
            .Select(k => new { k.Id, StepId = k.StepId!.Value }).ToListAsync(ct)).ToLookup(k => k.StepId, k => k.Id);
        var improvements = (await db.Improvements.AsNoTracking().Where(i => i.WorkspaceId == ws.Id && i.StepId != null && ids.Contains(i.StepId.Value))
            .Select(i => new { i.Id, StepId = i.StepId!.Value }).ToListAsync(ct)).ToLookup(i => i.StepId, i => i.Id);
        var evaluations = (await db.Evaluations.AsNoTracking().Where(e => e.WorkspaceId == ws.Id && e.StepId != null && ids.Contains(e.StepId.Value))
            .ToListAsync(ct)).ToLookup(e => e.StepId!.Value);
        return steps.Select(s => new RestoredStep(
            s.Id, s.Action, s.ThoughtsAndMotivation, s.Questions, s.Obstacles, s.Emotion, s.TouchpointIds, s.BackstageDepartmentId,
            s.WaitingMinutes, s.IsMomentOfTruth, s.IsPainPoint, s.IsBrandSuccessPoint, s.Notes, s.Position,
            kpis[s.Id].ToList(), improvements[s.Id].ToList(),
            evaluations[s.Id].OrderBy(e => e.RecordedAt).Select(e => new RestoredEvaluation(
                e.Id, e.Score, e.EvaluatedOn, e.PersonaId, e.Source, e.Expectation, e.Experience, e.ExpectationLevel, e.ExperienceLevel,
                e.Evaluator, e.Comment, e.RecordedAt)).ToList())).ToList();
    }

    /// <summary>Puts a removed step back into a stage of the journey, at its position or last.</summary>
    public static async Task<Step> RestoreStepAsync(WaymarkDb db, CurrentWorkspace ws, Journey journey, Guid stageId, RestoredStep step, CancellationToken ct) =>
        (await PutBackAsync(db, ws, journey, stageId, [(step, "", step.Position)], ct))[0];

    /// <summary>Puts a removed stage back at its position (or last) with its steps.</summary>
    public static async Task<Stage> RestoreStageAsync(WaymarkDb db, CurrentWorkspace ws, Journey journey, RestoredStage r, CancellationToken ct)
    {
        await db.RequireAsync<Domain.Organisation.Phase>(ws, r.PhaseId, "phaseId", "phase", ct);
        if (r.Id != Guid.Empty && await StagesOf(db, ws).AnyAsync(id => id == r.Id, ct))
            throw new ConflictException($"There is a stage with id {r.Id} already: a removed stage is restored once.");
        if (r.Id != Guid.Empty && await db.Stages.AnyAsync(s => s.Id == r.Id, ct)) r = r with { Id = Guid.CreateVersion7() };
        var stage = journey.RestoreStage(r.Id, r.Name, r.PhaseId, r.Position);
        stage.Describe(stage.Name, r.Description, stage.PhaseId);
        var steps = (r.Steps ?? []).Select((s, i) => (Step: s, At: $"steps[{i}].", Position: (int?)null))
            .OrderBy(s => s.Step?.Position ?? int.MaxValue).ToList();
        await PutBackAsync(db, ws, journey, stage.Id, steps, ct);
        return stage;
    }

    private static async Task<List<Step>> PutBackAsync(
        WaymarkDb db, CurrentWorkspace ws, Journey journey, Guid stageId, IReadOnlyList<(RestoredStep Step, string At, int? Position)> steps, CancellationToken ct)
    {
        foreach (var (step, at, _) in steps)
        {
            if (step is null) throw new DomainRuleException(at.TrimEnd('.'), "A step to restore is empty.");
            for (var i = 0; i < (step.Evaluations?.Count ?? 0); i++)
                if (step.Evaluations![i] is null) throw new DomainRuleException($"{at}evaluations[{i}]", "An evaluation to restore is empty.");
        }
        var evaluations = steps.SelectMany(s => (s.Step.Evaluations ?? []).Select((e, i) => (Evaluation: e, At: $"{s.At}evaluations[{i}]."))).ToList();
        var newStepIds = await RequireUnusedAsync(db, steps.Select(s => (s.Step.Id, $"{s.At}id")).ToList(),
            StepsOf(db, ws), db.Steps.Select(s => s.Id), "step", ct);
        var newEvaluationIds = await RequireUnusedAsync(db, evaluations.Select(e => (e.Evaluation.Id, $"{e.At}id")).ToList(),
            db.Evaluations.Where(e => e.WorkspaceId == ws.Id).Select(e => e.Id), db.Evaluations.Select(e => e.Id), "evaluation", ct);
        steps = steps.Select(s => (s.Step with
        {
            Id = newStepIds.GetValueOrDefault(s.Step.Id, s.Step.Id),
            Evaluations = s.Step.Evaluations?.Select(e => e with { Id = newEvaluationIds.GetValueOrDefault(e.Id, e.Id) }).ToList(),
        }, s.At, s.Position)).ToList();

        var links = new Links(db, ws, journey, steps);
        await links.LoadAsync(ct);
        var personaIds = evaluations.Select(e => e.Evaluation.PersonaId).OfType<Guid>().Distinct().ToList();
        var personas = (await db.Personas.Where(p => p.WorkspaceId == ws.Id && personaIds.Contains(p.Id)).Select(p => p.Id).ToListAsync(ct)).ToHashSet();
        var now = DateTimeOffset.UtcNow;

        var restored = new List<Step>();
        foreach (var (step, at, position) in steps)
        {
            var content = step.ToContent();
            await Prefixed(at, () => StepChanges.RequireReferencesAsync(db, ws, content, ct));
            var placed = await Prefixed(at, () => Task.FromResult(journey.RestoreStep(step.Id, stageId, content, position)));
            links.Attach(placed.Id);
            for (var i = 0; i < (step.Evaluations?.Count ?? 0); i++)
            {
                var e = step.Evaluations![i];
                var eAt = $"{at}evaluations[{i}].";
                if (e.PersonaId is { } p && !personas.Contains(p)) throw new DomainRuleException($"{eAt}personaId", $"There is no persona with id {p} in this workspace.");
                if (e.RecordedAt > now) throw new DomainRuleException($"{eAt}recordedAt", "An evaluation cannot have been recorded in the future.");
                var scored = new EvaluationContent(e.Score, e.EvaluatedOn, StepId: placed.Id, PersonaId: e.PersonaId, Source: e.Source,
                    Expectation: e.Expectation, Experience: e.Experience, ExpectationLevel: e.ExpectationLevel, ExperienceLevel: e.ExperienceLevel,
                    Evaluator: e.Evaluator, Comment: e.Comment);
                db.Evaluations.Add(await Prefixed(eAt, () => Task.FromResult(Evaluation.Restored(ws.Id, e.Id, scored, e.RecordedAt ?? now))));
            }
            restored.Add(placed);
        }
        return restored;
    }

    /// <summary>
    /// Ids must be given, each once, and be free in this workspace: a removed item comes back once. An id that another
    /// workspace uses is none of this workspace's business: the item comes back under a new id (returned old → new),
    /// the same success as for a free id, so the answer never tells a stranger that the id exists elsewhere.
    /// </summary>
    private static async Task<Dictionary<Guid, Guid>> RequireUnusedAsync(WaymarkDb db, IReadOnlyList<(Guid Id, string Field)> ids,
        IQueryable<Guid> inWorkspace, IQueryable<Guid> anywhere, string what, CancellationToken ct)
    {
        foreach (var (id, field) in ids)
            if (id == Guid.Empty) throw new DomainRuleException(field, $"A restored {what} needs the id it had.");
        if (ids.GroupBy(x => x.Id).FirstOrDefault(g => g.Count() > 1) is { } twice)
            throw new DomainRuleException(twice.Last().Field, $"The {what} id {twice.Key} is given more than once.");
        var wanted = ids.Select(x => x.Id).ToList();
        if (wanted.Count == 0) return [];
        var taken = await inWorkspace.Where(id => wanted.Contains(id)).ToListAsync(ct);
        if (taken.Count > 0)
            throw new ConflictException($"There is a {what} with id {taken[0]} already: a removed {what} is restored once, and a new one gets a new id.");
        return (await anywhere.Where(id => wanted.Contains(id)).ToListAsync(ct)).ToDictionary(id => id, _ => Guid.CreateVersion7());
    }

    private static IQueryable<Guid> StagesOf(WaymarkDb db, CurrentWorkspace ws) =>
        db.Stages.Where(s => db.Journeys.Any(j => j.Id == s.JourneyId && j.WorkspaceId == ws.Id)).Select(s => s.Id);

    private static IQueryable<Guid> StepsOf(WaymarkDb db, CurrentWorkspace ws)
    {
        var stages = StagesOf(db, ws);
        return db.Steps.Where(s => stages.Contains(s.StageId)).Select(s => s.Id);
    }

    /// <summary>The KPIs and insights, ideas and actions to point at the restored steps again.</summary>
    private sealed class Links(WaymarkDb db, CurrentWorkspace ws, Journey journey, IReadOnlyList<(RestoredStep Step, string At, int? Position)> steps)
    {
        private readonly Dictionary<Guid, List<Action<Guid>>> _attach = [];

        public async Task LoadAsync(CancellationToken ct)
        {
            var kpiIds = Named(s => s.KpiIds, "kpiIds", "KPI");
            var improvementIds = Named(s => s.ImprovementIds, "improvementIds", "insight, idea or action");
            var wantedKpis = kpiIds.Keys.ToList();
            var wantedImprovements = improvementIds.Keys.ToList();
            var kpis = await db.Kpis.Where(k => k.WorkspaceId == ws.Id && wantedKpis.Contains(k.Id)).ToListAsync(ct);
            var improvements = await db.Improvements.Where(i => i.WorkspaceId == ws.Id && wantedImprovements.Contains(i.Id)).ToListAsync(ct);
            Check(kpiIds, kpis.ToDictionary(k => k.Id, k => (k.Name, k.StepId, k.JourneyId, (Action<Guid>)k.LinkToStep)), "KPI");
            Check(improvementIds, improvements.ToDictionary(i => i.Id, i => (i.Title, i.StepId, i.JourneyId, (Action<Guid>)i.LinkToStep)), "insight, idea or action");
        }

        public void Attach(Guid stepId)
        {
            foreach (var link in _attach.GetValueOrDefault(stepId) ?? []) link(stepId);
        }

        /// <summary>Each id with the step it is for and where it was given; one item cannot point at two steps.</summary>
        private Dictionary<Guid, (Guid StepId, string Field)> Named(Func<RestoredStep, IReadOnlyList<Guid>?> ids, string field, string what)
        {
            var named = new Dictionary<Guid, (Guid, string)>();
            foreach (var (step, at, _) in steps)
            foreach (var id in (ids(step) ?? []).Distinct())
                if (!named.TryAdd(id, (step.Id, $"{at}{field}")))
                    throw new DomainRuleException($"{at}{field}", $"The {what} {id} is named for more than one step; it can point at one.");
            return named;
        }

        private void Check(Dictionary<Guid, (Guid StepId, string Field)> named, Dictionary<Guid, (string Name, Guid? StepId, Guid? JourneyId, Action<Guid> Link)> found, string what)
        {
            foreach (var (id, (stepId, field)) in named)
            {
                if (!found.TryGetValue(id, out var item))
                    throw new DomainRuleException(field, $"There is no {what} with id {id} in this workspace.");
                // Someone pointed it elsewhere since the step was removed: that decision is newer and stands.
                if (item.StepId is { } other && other != stepId)
                    throw new ConflictException($"'{item.Name}' points at another step since this one was removed; the step is not restored. Restore it without that link, or move the link by hand.");
                if (item.JourneyId is { } j && j != journey.Id)
                    throw new ConflictException($"'{item.Name}' belongs to another journey since this step was removed; the step is not restored. Restore it without that link, or move the link by hand.");
                if (!_attach.TryGetValue(stepId, out var list)) _attach[stepId] = list = [];
                list.Add(item.Link);
            }
        }
    }

    /// <summary>Runs a step of the restore and names a broken rule's field by its place in the request, e.g. <c>steps[1].action</c>.</summary>
    private static async Task<T> Prefixed<T>(string at, Func<Task<T>> run)
    {
        try { return await run(); }
        catch (DomainRuleException e) when (at.Length > 0) { throw new DomainRuleException(at + e.Field, e.Message); }
    }

    private static Task Prefixed(string at, Func<Task> run) => Prefixed(at, async () => { await run(); return true; });
}
