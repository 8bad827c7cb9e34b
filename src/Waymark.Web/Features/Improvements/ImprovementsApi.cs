using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Waymark.Domain.Improvements;
using Waymark.Domain.Journeys;
using Waymark.Domain.Kpis;
using Waymark.Domain.Organisation;
using Waymark.Domain.Personas;
using Waymark.Domain.Touchpoints;
using Waymark.Storage;
using Waymark.Web.Features.Kpis;
using Waymark.Web.Infrastructure;

namespace Waymark.Web.Features.Improvements;

/// <summary>Insights, ideas and actions: one implementation mounted at /insights, /ideas and /actions, each seeing only its own kind.</summary>
public static class ImprovementsApi
{
    public sealed record ImprovementRequest(
        string Title,
        string? Description = null,
        Guid? OwnerId = null,
        DateOnly? DueOn = null,
        ImprovementStatus? Status = null,
        Priority? Priority = null,
        int? Impact = null,
        int? Effort = null,
        Guid? TouchpointId = null,
        Guid? JourneyId = null,
        Guid? StepId = null,
        Guid? KpiId = null,
        Guid? PersonaId = null,
        int? Version = null)
    {
        public ImprovementContent ToContent() => new(Title, Description, OwnerId, DueOn, Status ?? ImprovementStatus.Open,
            Priority ?? Domain.Improvements.Priority.Medium, Impact, Effort, TouchpointId, JourneyId, StepId, KpiId, PersonaId);
    }

    public sealed record ImprovementResponse(
        Guid Id,
        ImprovementKind Kind,
        string Title,
        string? Description,
        Guid? OwnerId,
        DateOnly? DueOn,
        ImprovementStatus Status,
        Priority Priority,
        int? Impact,
        int? Effort,
        Guid? TouchpointId,
        Guid? JourneyId,
        Guid? StepId,
        Guid? KpiId,
        Guid? PersonaId,
        DateTimeOffset? CompletedAt,
        bool IsOpen,
        bool IsOverdue,
        int Version)
    {
        public static ImprovementResponse From(Improvement i, DateOnly today) => new(i.Id, i.Kind, i.Title, i.Description, i.OwnerId, i.DueOn,
            i.Status, i.Priority, i.Impact, i.Effort, i.TouchpointId, i.JourneyId, i.StepId, i.KpiId, i.PersonaId, i.CompletedAt,
            i.IsOpen, i.IsOverdue(today), i.Version);
    }

    public static RouteGroupBuilder MapImprovementsApi(this RouteGroupBuilder workspace)
    {
        new Routes(ImprovementKind.Insight, "insight").Map(workspace.MapGroup("/insights").WithTags("Insights"));
        new Routes(ImprovementKind.Idea, "idea").Map(workspace.MapGroup("/ideas").WithTags("Ideas"));
        new Routes(ImprovementKind.Action, "action").Map(workspace.MapGroup("/actions").WithTags("Actions"));
        return workspace;
    }

    /// <summary>Today as the workspace's clock sees it; overdue means open with a due date before today.</summary>
    public static DateOnly Today(TimeProvider time) => DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);

    private sealed class Routes(ImprovementKind kind, string what)
    {
        private string Path => what switch { "insight" => "insights", "idea" => "ideas", _ => "actions" };

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
            var item = await db.Improvements.AsNoTracking().Where(i => i.Kind == kind).FindInAsync(ws, id, what, ct);
            http.SetETag(item.Version);
            return TypedResults.Ok(ImprovementResponse.From(item, Today(time)));
        }

        private async Task<Created<ImprovementResponse>> Create(CurrentWorkspace ws, ImprovementRequest r, WaymarkDb db, TimeProvider time, CancellationToken ct)
        {
            var item = new Improvement(ws.Id, kind, r.ToContent());
            await RequireLinksAsync(db, ws, r, ct);
            db.Improvements.Add(item);
            await db.SaveChangesAsync(ct);
            return TypedResults.Created($"/api/workspaces/{ws.Key}/{Path}/{item.Id}", ImprovementResponse.From(item, Today(time)));
        }

        private async Task<Ok<ImprovementResponse>> Update(CurrentWorkspace ws, Guid id, ImprovementRequest r, WaymarkDb db, TimeProvider time,
            HttpContext http, CancellationToken ct)
        {
            var item = await db.Improvements.Where(i => i.Kind == kind).FindInAsync(ws, id, what, ct);
            item.EnsureVersion(Versions.Expected(http, r.Version));
            await RequireLinksAsync(db, ws, r, ct);
            item.Apply(r.ToContent());
            await db.SaveChangesAsync(ct);
            http.SetETag(item.Version);
            return TypedResults.Ok(ImprovementResponse.From(item, Today(time)));
        }

        private async Task<NoContent> Delete(CurrentWorkspace ws, Guid id, WaymarkDb db, HttpContext http, CancellationToken ct)
        {
            var item = await db.Improvements.Where(i => i.Kind == kind).FindInAsync(ws, id, what, ct);
            if (Versions.Optional(http) is { } v) item.EnsureVersion(v);
            db.Improvements.Remove(item);
            await db.SaveChangesAsync(ct);
            return TypedResults.NoContent();
        }

        private static async Task RequireLinksAsync(WaymarkDb db, CurrentWorkspace ws, ImprovementRequest r, CancellationToken ct)
        {
            await db.RequireAsync<Person>(ws, r.OwnerId, "ownerId", "person", ct);
            await db.RequireAsync<Touchpoint>(ws, r.TouchpointId, "touchpointId", "touchpoint", ct);
            await db.RequireAsync<Journey>(ws, r.JourneyId, "journeyId", "journey", ct);
            await db.RequireStepAsync(ws, r.StepId, r.JourneyId, ct);
            await db.RequireAsync<Kpi>(ws, r.KpiId, "kpiId", "KPI", ct);
            await db.RequireAsync<Persona>(ws, r.PersonaId, "personaId", "persona", ct);
        }
    }
}
