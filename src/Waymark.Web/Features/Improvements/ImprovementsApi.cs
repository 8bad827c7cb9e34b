using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Waymark.Domain.Improvements;
using Waymark.Storage;
using Waymark.Web.Features.Kpis;
using Waymark.Web.Infrastructure;

namespace Waymark.Web.Features.Improvements;

/// <summary>Insights, ideas and actions: one implementation mounted at /insights, /ideas and /actions, each seeing only its own kind.</summary>
public static partial class ImprovementsApi
{
    public static RouteGroupBuilder MapImprovementsApi(this RouteGroupBuilder workspace)
    {
        new Routes(ImprovementKind.Insight).Map(workspace.MapGroup("/insights").WithTags("Insights"));
        new Routes(ImprovementKind.Idea).Map(workspace.MapGroup("/ideas").WithTags("Ideas"));
        new Routes(ImprovementKind.Action).Map(workspace.MapGroup("/actions").WithTags("Actions"));
        return workspace;
    }

    /// <summary>Today as the workspace's clock sees it; overdue means open with a due date before today.</summary>
    public static DateOnly Today(TimeProvider time) => DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);

    private sealed class Routes(ImprovementKind kind)
    {
        private string Path => ImprovementChanges.Noun(kind) + "s";

        public void Map(RouteGroupBuilder group)
        {
            group.MapGet("/", List);
            group.MapGet("/{id:guid}", Get);
            group.MapPost("/", Create);
            group.MapPut("/{id:guid}", Update).ProducesProblem(409).ProducesProblem(428);
            group.MapDelete("/{id:guid}", Delete).ProducesProblem(409);
        }

        /// <summary>Sorted by due date (undated last), then priority (critical first).</summary>
        private async Task<Ok<Page<ImprovementResponse>>> List(CurrentWorkspace ws, WaymarkDb db, TimeProvider time, string? status, Guid? ownerId,
            string? priority, Guid? touchpointId, Guid? stepId, Guid? journeyId, string? overdue, int? page, int? pageSize, CancellationToken ct)
        {
            var today = Today(time);
            var wantOverdue = KpisApi.ParseBool(overdue, "overdue");
            var query = db.Improvements.AsNoTracking().Where(i => i.WorkspaceId == ws.Id && i.Kind == kind);
            if (Filters.Enum<ImprovementStatus>(status, "status") is { } s) query = query.Where(i => i.Status == s);
            if (Filters.Enum<Priority>(priority, "priority") is { } p) query = query.Where(i => i.Priority == p);
            if (ownerId is { } o) query = query.Where(i => i.OwnerId == o);
            if (touchpointId is { } t) query = query.Where(i => i.TouchpointId == t);
            if (stepId is { } st) query = query.Where(i => i.StepId == st);
            if (journeyId is { } j) query = query.Where(i => i.JourneyId == j);
            query = query
                .OrderBy(i => i.DueOn == null).ThenBy(i => i.DueOn)
                .ThenByDescending(i => i.Priority == Priority.Critical ? 3 : i.Priority == Priority.High ? 2 : i.Priority == Priority.Medium ? 1 : 0)
                .ThenBy(i => i.Title).ThenBy(i => i.Id);
            if (wantOverdue is null)
                return TypedResults.Ok(await query.ToPageAsync(page, pageSize, i => ImprovementResponse.From(i, today), ct));
            // Overdue is the domain's rule (Improvement.IsOverdue), applied to the filtered items before paging.
            var all = await query.ToListAsync(ct);
            return TypedResults.Ok(all.Where(i => i.IsOverdue(today) == wantOverdue).Select(i => ImprovementResponse.From(i, today)).ToList()
                .ToPage(page, pageSize));
        }

        private async Task<Ok<ImprovementResponse>> Get(CurrentWorkspace ws, Guid id, WaymarkDb db, TimeProvider time, HttpContext http, CancellationToken ct)
        {
            var item = await db.Improvements.AsNoTracking().Where(i => i.Kind == kind).FindInAsync(ws, id, ImprovementChanges.Noun(kind), ct);
            http.SetETag(item.Version);
            return TypedResults.Ok(ImprovementResponse.From(item, Today(time)));
        }

        private async Task<Created<ImprovementResponse>> Create(CurrentWorkspace ws, ImprovementRequest r, Work work, TimeProvider time, CancellationToken ct)
        {
            var item = await ImprovementChanges.CreateAsync(work, ws, kind, r, ct);
            return TypedResults.Created($"/api/workspaces/{ws.Key}/{Path}/{item.Id}", ImprovementResponse.From(item, Today(time)));
        }

        private async Task<Ok<ImprovementResponse>> Update(CurrentWorkspace ws, Guid id, ImprovementRequest r, Work work, TimeProvider time,
            HttpContext http, CancellationToken ct)
        {
            var item = await ImprovementChanges.UpdateAsync(work, ws, kind, id, r with { Version = Versions.Expected(http, r.Version) }, ct);
            http.SetETag(item.Version);
            return TypedResults.Ok(ImprovementResponse.From(item, Today(time)));
        }

        private async Task<NoContent> Delete(CurrentWorkspace ws, Guid id, Work work, HttpContext http, CancellationToken ct)
        {
            await ImprovementChanges.DeleteAsync(work, ws, kind, id, Versions.Optional(http), ct);
            return TypedResults.NoContent();
        }
    }
}
