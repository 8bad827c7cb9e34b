using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Waymark.Domain.Common;
using Waymark.Domain.Evaluations;
using Waymark.Domain.Personas;
using Waymark.Domain.Touchpoints;
using Waymark.Storage;
using Waymark.Web.Infrastructure;

namespace Waymark.Web.Features.Evaluations;

public static class EvaluationsApi
{
    public const int MaxBatch = 1000;

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

    public sealed record EvaluationResponse(
        Guid Id, Guid? TouchpointId, Guid? StepId, Guid? PersonaId, int Score, string? Expectation, string? Experience,
        int? ExpectationLevel, int? ExperienceLevel, int? Gap, EvaluationSource Source, DateOnly EvaluatedOn,
        string? Evaluator, string? Comment, DateTimeOffset RecordedAt, int Version)
    {
        public static EvaluationResponse From(Evaluation e) => new(
            e.Id, e.TouchpointId, e.StepId, e.PersonaId, e.Score, e.Expectation, e.Experience, e.ExpectationLevel, e.ExperienceLevel, e.Gap,
            e.Source, e.EvaluatedOn, e.Evaluator, e.Comment, e.RecordedAt, e.Version);
    }

    public sealed record BatchResponse(int Count, IReadOnlyList<EvaluationResponse> Items);

    public static RouteGroupBuilder MapEvaluationsApi(this RouteGroupBuilder workspace)
    {
        var group = workspace.MapGroup("/evaluations").WithTags("Evaluations");
        group.MapGet("/", List);
        group.MapGet("/{id:guid}", Get);
        group.MapPost("/", Create);
        group.MapPost("/batch", CreateBatch);
        group.MapPut("/{id:guid}", Update).ProducesProblem(409).ProducesProblem(428);
        group.MapDelete("/{id:guid}", Delete).ProducesProblem(409);
        return group;
    }

    /// <summary>Newest first: by evaluation date, then by when it was recorded.</summary>
    private static async Task<Ok<Page<EvaluationResponse>>> List(
        CurrentWorkspace ws, WaymarkDb db, Guid? touchpointId, Guid? stepId, Guid? personaId, string? source,
        DateOnly? from, DateOnly? to, string? evaluator, int? page, int? pageSize, CancellationToken ct)
    {
        if (from is { } f && to is { } t && f > t) throw new DomainRuleException("to", $"The end date {t:yyyy-MM-dd} lies before the start date {f:yyyy-MM-dd}.");
        var query = db.Evaluations.AsNoTracking().Where(e => e.WorkspaceId == ws.Id);
        if (touchpointId is { } tp) query = query.Where(e => e.TouchpointId == tp);
        if (stepId is { } st) query = query.Where(e => e.StepId == st);
        if (personaId is { } p) query = query.Where(e => e.PersonaId == p);
        if (Filters.Enum<EvaluationSource>(source, "source") is { } s) query = query.Where(e => e.Source == s);
        if (from is { } start) query = query.Where(e => e.EvaluatedOn >= start);
        if (to is { } end) query = query.Where(e => e.EvaluatedOn <= end);
        if (!string.IsNullOrWhiteSpace(evaluator)) query = query.Where(e => e.Evaluator != null && EF.Functions.Like(e.Evaluator.ToLower(), Filters.Like(evaluator), "\\"));
        return TypedResults.Ok(await query.OrderByDescending(e => e.EvaluatedOn).ThenByDescending(e => e.RecordedAt).ThenByDescending(e => e.Id)
            .ToPageAsync(page, pageSize, EvaluationResponse.From, ct));
    }

    private static async Task<Ok<EvaluationResponse>> Get(CurrentWorkspace ws, Guid id, WaymarkDb db, HttpContext http, CancellationToken ct)
    {
        var evaluation = await db.Evaluations.AsNoTracking().FindInAsync(ws, id, "evaluation", ct);
        http.SetETag(evaluation.Version);
        return TypedResults.Ok(EvaluationResponse.From(evaluation));
    }

    private static async Task<Created<EvaluationResponse>> Create(CurrentWorkspace ws, EvaluationRequest r, WaymarkDb db, CancellationToken ct)
    {
        var evaluation = new Evaluation(ws.Id, r.Content());
        var errors = await ReferenceErrorsAsync(db, ws, [evaluation], ct);
        if (errors.Count > 0) throw new DomainRuleException(errors[0].Field, errors[0].Message);
        db.Evaluations.Add(evaluation);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/workspaces/{ws.Key}/evaluations/{evaluation.Id}", EvaluationResponse.From(evaluation));
    }

    /// <summary>
    /// All or nothing: every item is checked first; if any is wrong the answer names each wrong field as
    /// <c>items[3].score</c> and nothing is stored.
    /// </summary>
    private static async Task<Results<Created<BatchResponse>, ValidationProblem>> CreateBatch(CurrentWorkspace ws, BatchRequest request, WaymarkDb db, CancellationToken ct)
    {
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
        var referenceErrors = await ReferenceErrorsAsync(db, ws, evaluations.Select(x => x.Evaluation).ToList(), ct);
        errors.AddRange(referenceErrors.Select(e => ($"items[{evaluations[e.Index].Index}].{e.Field}", $"Item {evaluations[e.Index].Index}: {e.Message}")));

        if (errors.Count > 0)
        {
            var byField = errors.GroupBy(e => e.Field).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray());
            return TypedResults.ValidationProblem(byField,
                title: "The request is not valid",
                detail: $"{byField.Count} problem(s) in {items.Count} evaluation(s); none were stored. First: {errors[0].Message}");
        }
        db.Evaluations.AddRange(evaluations.Select(x => x.Evaluation));
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/workspaces/{ws.Key}/evaluations",
            new BatchResponse(evaluations.Count, evaluations.Select(x => EvaluationResponse.From(x.Evaluation)).ToList()));
    }

    private static async Task<Ok<EvaluationResponse>> Update(CurrentWorkspace ws, Guid id, EvaluationRequest r, WaymarkDb db, HttpContext http, CancellationToken ct)
    {
        var evaluation = await db.Evaluations.FindInAsync(ws, id, "evaluation", ct);
        evaluation.EnsureVersion(Versions.Expected(http, r.Version));
        evaluation.Apply(r.Content());
        var errors = await ReferenceErrorsAsync(db, ws, [evaluation], ct);
        if (errors.Count > 0) throw new DomainRuleException(errors[0].Field, errors[0].Message);
        await db.SaveChangesAsync(ct);
        http.SetETag(evaluation.Version);
        return TypedResults.Ok(EvaluationResponse.From(evaluation));
    }

    private static async Task<NoContent> Delete(CurrentWorkspace ws, Guid id, WaymarkDb db, HttpContext http, CancellationToken ct)
    {
        var evaluation = await db.Evaluations.FindInAsync(ws, id, "evaluation", ct);
        if (Versions.Optional(http) is { } v) evaluation.EnsureVersion(v);
        db.Evaluations.Remove(evaluation);
        await db.SaveChangesAsync(ct);
        return TypedResults.NoContent();
    }

    /// <summary>
    /// The touchpoints, steps and personas the evaluations name, checked to exist in this workspace with one query
    /// each; a step belongs to the workspace through its stage's journey.
    /// </summary>
    private static async Task<List<(int Index, string Field, string Message)>> ReferenceErrorsAsync(
        WaymarkDb db, CurrentWorkspace ws, IReadOnlyList<Evaluation> evaluations, CancellationToken ct)
    {
        var touchpointIds = evaluations.Where(e => e.TouchpointId is not null).Select(e => e.TouchpointId!.Value).Distinct().ToList();
        var stepIds = evaluations.Where(e => e.StepId is not null).Select(e => e.StepId!.Value).Distinct().ToList();
        var personaIds = evaluations.Where(e => e.PersonaId is not null).Select(e => e.PersonaId!.Value).Distinct().ToList();

        var touchpoints = touchpointIds.Count == 0 ? [] : (await db.Set<Touchpoint>().Where(t => t.WorkspaceId == ws.Id && touchpointIds.Contains(t.Id)).Select(t => t.Id).ToListAsync(ct)).ToHashSet();
        var personas = personaIds.Count == 0 ? [] : (await db.Set<Persona>().Where(p => p.WorkspaceId == ws.Id && personaIds.Contains(p.Id)).Select(p => p.Id).ToListAsync(ct)).ToHashSet();
        var steps = stepIds.Count == 0 ? [] : (await db.StepPlaces(ws).Where(p => stepIds.Contains(p.StepId)).Select(p => p.StepId).ToListAsync(ct)).ToHashSet();

        var errors = new List<(int, string, string)>();
        for (var i = 0; i < evaluations.Count; i++)
        {
            var e = evaluations[i];
            if (e.TouchpointId is { } t && !touchpoints.Contains(t)) errors.Add((i, "touchpointId", $"There is no touchpoint with id {t} in this workspace."));
            if (e.StepId is { } s && !steps.Contains(s)) errors.Add((i, "stepId", $"There is no journey step with id {s} in this workspace."));
            if (e.PersonaId is { } p && !personas.Contains(p)) errors.Add((i, "personaId", $"There is no persona with id {p} in this workspace."));
        }
        return errors;
    }
}
