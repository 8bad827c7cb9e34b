using Microsoft.EntityFrameworkCore;
using Waymark.Domain.Common;
using Waymark.Domain.Evaluations;
using Waymark.Storage.Access;
using Waymark.Web.Infrastructure;

namespace Waymark.Web.Features.Evaluations;

/// <summary>One score of a touchpoint or step, as a workshop, a survey or an interview gave it.</summary>
public sealed record EvaluationRequest(
    int Score, DateOnly EvaluatedOn, Guid? TouchpointId = null, Guid? StepId = null, Guid? PersonaId = null,
    EvaluationSource Source = EvaluationSource.Workshop, string? Expectation = null, string? Experience = null,
    int? ExpectationLevel = null, int? ExperienceLevel = null, string? Evaluator = null, string? Comment = null, int? Version = null)
{
    public EvaluationContent Content() => new(
        Score, EvaluatedOn, TouchpointId, StepId, PersonaId, Source, Expectation, Experience, ExpectationLevel, ExperienceLevel, Evaluator, Comment);
}

/// <summary>A workshop's scores, stored all together or not at all.</summary>
public sealed record BatchRequest(IReadOnlyList<EvaluationRequest?>? Items);

/// <summary>Every change to evaluations (scoring), for the HTTP API, the workshop scoring page and the CLI alike.</summary>
public static class EvaluationChanges
{
    public const int MaxBatch = 1000;

    public static async Task<Evaluation> CreateAsync(Work work, CurrentWorkspace ws, EvaluationRequest r, CancellationToken ct)
    {
        await work.AllowAsync(ws, WorkspaceRole.Editor, ct);
        var evaluation = new Evaluation(ws.Id, r.Content());
        Refuse(await EvaluationReferences.ErrorsAsync(work.Db, ws, [evaluation], ct));
        work.Db.Evaluations.Add(evaluation);
        await EvaluationMaps.AnnounceAsync(work, ws, [evaluation], $"scored {await EvaluationMaps.WhatAsync(work.Db, evaluation, ct)} {evaluation.Score}", ct);
        await SaveAsync(work, ws, [evaluation], Refuse, ct);
        return evaluation;
    }

    /// <summary>
    /// All or nothing: every item is checked first; if any is wrong the refusal names each wrong field as
    /// <c>items[3].score</c> and nothing is stored.
    /// </summary>
    public static async Task<IReadOnlyList<Evaluation>> CreateBatchAsync(Work work, CurrentWorkspace ws, BatchRequest request, CancellationToken ct)
    {
        await work.AllowAsync(ws, WorkspaceRole.Editor, ct);
        var items = request.Items ?? [];
        if (items.Count == 0) throw new DomainRuleException("items", "Send at least one evaluation in 'items'.");
        if (items.Count > MaxBatch) throw new DomainRuleException("items", $"A batch may hold at most {MaxBatch} evaluations; this one has {items.Count}. Split it up.");

        var errors = new List<(string Field, string Message)>();
        var evaluations = new List<(int Index, Evaluation Evaluation)>();
        for (var i = 0; i < items.Count; i++)
        {
            if (items[i] is not { } item)
            {
                errors.Add(($"items[{i}]", $"Item {i} is empty."));
                continue;
            }
            try { evaluations.Add((i, new Evaluation(ws.Id, item.Content()))); }
            catch (DomainRuleException e) { errors.Add(($"items[{i}].{e.Field}", $"Item {i}: {e.Message}")); }
        }
        var stored = evaluations.Select(x => x.Evaluation).ToList();
        void RefuseItems(IReadOnlyList<(int Index, string Field, string Message)> referenceErrors)
        {
            errors.AddRange(referenceErrors.Select(e => ($"items[{evaluations[e.Index].Index}].{e.Field}", $"Item {evaluations[e.Index].Index}: {e.Message}")));
            if (errors.Count == 0) return;
            var byField = errors.GroupBy(e => e.Field).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray());
            throw new InvalidItemsException(
                $"{Count.Of(byField.Count, "problem")} in {Count.Of(items.Count, "evaluation")}; none were stored. First: {errors[0].Message}", byField);
        }
        RefuseItems(await EvaluationReferences.ErrorsAsync(work.Db, ws, stored, ct));
        work.Db.Evaluations.AddRange(stored);
        await EvaluationMaps.AnnounceAsync(work, ws, stored, $"recorded {Count.Of(stored.Count, "score")}", ct);
        await SaveAsync(work, ws, stored, RefuseItems, ct);
        return stored;
    }

    public static async Task<Evaluation> UpdateAsync(Work work, CurrentWorkspace ws, Guid id, EvaluationRequest r, CancellationToken ct)
    {
        await work.AllowAsync(ws, WorkspaceRole.Editor, ct);
        var evaluation = await work.Db.Evaluations.FindInAsync(ws, id, "evaluation", ct);
        evaluation.EnsureVersion(Versions.Required(r.Version));
        // The maps that showed it before the change redraw too.
        await EvaluationMaps.AnnounceAsync(work, ws, [evaluation], $"changed a score of {await EvaluationMaps.WhatAsync(work.Db, evaluation, ct)}", ct);
        evaluation.Apply(r.Content());
        Refuse(await EvaluationReferences.ErrorsAsync(work.Db, ws, [evaluation], ct));
        await EvaluationMaps.AnnounceAsync(work, ws, [evaluation], $"changed a score of {await EvaluationMaps.WhatAsync(work.Db, evaluation, ct)}", ct);
        await SaveAsync(work, ws, [evaluation], Refuse, ct);
        return evaluation;
    }

    public static async Task DeleteAsync(Work work, CurrentWorkspace ws, Guid id, int? version, CancellationToken ct)
    {
        await work.AllowAsync(ws, WorkspaceRole.Editor, ct);
        var evaluation = await work.Db.Evaluations.FindInAsync(ws, id, "evaluation", ct);
        if (version is { } v) evaluation.EnsureVersion(v);
        work.Db.Evaluations.Remove(evaluation);
        await EvaluationMaps.AnnounceAsync(work, ws, [evaluation], $"deleted a score of {await EvaluationMaps.WhatAsync(work.Db, evaluation, ct)}", ct);
        await work.SaveAsync(ct);
    }

    private static void Refuse(IReadOnlyList<(int Index, string Field, string Message)> errors)
    {
        if (errors.Count > 0) throw new DomainRuleException(errors[0].Field, errors[0].Message);
    }

    /// <summary>
    /// Saves the scores. When what they refer to was deleted between the check and the save (a touchpoint deleted
    /// while a workshop scores it), the database refuses them, and the refusal says so as the check would have.
    /// </summary>
    private static async Task SaveAsync(Work work, CurrentWorkspace ws, IReadOnlyList<Evaluation> evaluations,
        Action<IReadOnlyList<(int Index, string Field, string Message)>> refuse, CancellationToken ct)
    {
        try
        {
            await work.SaveAsync(ct);
        }
        catch (DbUpdateException e) when (e is not DbUpdateConcurrencyException)
        {
            refuse(await EvaluationReferences.ErrorsAsync(work.Db, ws, evaluations, ct));
            throw;
        }
    }
}
