using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Waymark.Storage;
using Waymark.Storage.Access;
using Waymark.Web.Infrastructure;

namespace Waymark.Web.Access;

/// <summary>
/// The workspace's audit trail for owners, newest first. Filtering by a journey's id also returns its stages'
/// and steps' changes, so it is the map's change history.
/// </summary>
public static class AuditApi
{
    public sealed record AuditEntryResponse(Guid Id, DateTimeOffset At, ActorKind ActorKind, string ActorId, string ActorName,
        AuditAction Action, string EntityType, string EntityId, Guid? JourneyId, JsonElement? Changes);

    public static RouteGroupBuilder MapAuditApi(this RouteGroupBuilder workspace)
    {
        workspace.MapGet("/audit", List).WithTags("Audit").RequireWorkspaceRole(WorkspaceRole.Owner)
            .WithMetadata(UnchangedReads.BeyondTheWorkspace.Instance);
        return workspace;
    }

    /// <param name="entityId">An entity's id; a journey's id also matches its stages and steps.</param>
    /// <param name="actor">An actor's id (user or token id) or name (e-mail address).</param>
    private static async Task<Ok<Page<AuditEntryResponse>>> List(CurrentWorkspace ws, WaymarkDb db, string? entityType, string? entityId, string? actor,
        DateTimeOffset? from, DateTimeOffset? to, int? page, int? pageSize, CancellationToken ct)
    {
        var query = db.AuditEntries.AsNoTracking().Where(a => a.WorkspaceId == ws.Id);
        if (!string.IsNullOrWhiteSpace(entityType)) query = query.Where(a => a.EntityType.ToLower() == entityType.Trim().ToLower());
        if (!string.IsNullOrWhiteSpace(entityId))
        {
            var id = entityId.Trim();
            query = Guid.TryParse(id, out var journey)
                ? query.Where(a => a.EntityId == id || a.JourneyId == journey)
                : query.Where(a => a.EntityId == id);
        }
        if (!string.IsNullOrWhiteSpace(actor)) query = query.Where(a => a.ActorId == actor || a.ActorName == actor);
        if (from is { } f) query = query.Where(a => a.At >= f);
        if (to is { } t) query = query.Where(a => a.At < t);
        return TypedResults.Ok(await query.OrderByDescending(a => a.At).ThenByDescending(a => a.Id).ToPageAsync(page, pageSize, a =>
            new AuditEntryResponse(a.Id, a.At, a.ActorKind, a.ActorId, a.ActorName, a.Action, a.EntityType, a.EntityId, a.JourneyId,
                a.Changes is null ? null : JsonDocument.Parse(a.Changes).RootElement.Clone()), ct));
    }
}
