using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Waymark.Domain.Common;
using Waymark.Domain.Evaluations;
using Waymark.Storage;
using Waymark.Web.Infrastructure;

namespace Waymark.Web.Features.Evaluations;

public static partial class EvaluationsApi
{
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

    private static async Task<Created<EvaluationResponse>> Create(CurrentWorkspace ws, EvaluationRequest r, Work work, CancellationToken ct)
    {
        var evaluation = await EvaluationChanges.CreateAsync(work, ws, r, ct);
        return TypedResults.Created($"/api/workspaces/{ws.Key}/evaluations/{evaluation.Id}", EvaluationResponse.From(evaluation));
    }

    /// <summary>All or nothing: if any item is wrong the answer names each wrong field as <c>items[3].score</c> and nothing is stored.</summary>
    private static async Task<Created<BatchResponse>> CreateBatch(CurrentWorkspace ws, BatchRequest request, Work work, CancellationToken ct)
    {
        var stored = await EvaluationChanges.CreateBatchAsync(work, ws, request, ct);
        return TypedResults.Created($"/api/workspaces/{ws.Key}/evaluations", new BatchResponse(stored.Count, stored.Select(EvaluationResponse.From).ToList()));
    }

    private static async Task<Ok<EvaluationResponse>> Update(CurrentWorkspace ws, Guid id, EvaluationRequest r, Work work, HttpContext http, CancellationToken ct)
    {
        var evaluation = await EvaluationChanges.UpdateAsync(work, ws, id, r with { Version = Versions.Expected(http, r.Version) }, ct);
        http.SetETag(evaluation.Version);
        return TypedResults.Ok(EvaluationResponse.From(evaluation));
    }

    private static async Task<NoContent> Delete(CurrentWorkspace ws, Guid id, Work work, HttpContext http, CancellationToken ct)
    {
        await EvaluationChanges.DeleteAsync(work, ws, id, Versions.Optional(http), ct);
        return TypedResults.NoContent();
    }
}
