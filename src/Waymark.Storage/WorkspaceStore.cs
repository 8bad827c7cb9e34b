using Microsoft.EntityFrameworkCore;
using Waymark.Domain.Workspaces;

namespace Waymark.Storage;

public static class WorkspaceStore
{
    /// <summary>Saves a whole workspace in one transaction: all of it or, when anything fails, nothing.</summary>
    public static async Task AddAsync(WaymarkDb db, WorkspaceContent content, CancellationToken ct = default)
    {
        db.Workspaces.Add(content.Workspace);
        db.Phases.AddRange(content.Phases);
        db.Channels.AddRange(content.Channels);
        db.Departments.AddRange(content.Departments);
        db.People.AddRange(content.People);
        db.Personas.AddRange(content.Personas);
        db.Touchpoints.AddRange(content.Touchpoints);
        db.Journeys.AddRange(content.Journeys);
        db.Evaluations.AddRange(content.Evaluations);
        db.Kpis.AddRange(content.Kpis);
        db.KpiMeasurements.AddRange(content.Measurements);
        db.Improvements.AddRange(content.Improvements);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// Deletes a workspace and all it holds in one transaction, dependants first: references between
    /// a workspace's own rows would otherwise block the database's cascade halfway.
    /// </summary>
    public static async Task DeleteAsync(WaymarkDb db, Guid workspaceId, CancellationToken ct = default)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.Improvements.Where(e => e.WorkspaceId == workspaceId).ExecuteDeleteAsync(ct);
        await db.KpiMeasurements.Where(e => e.WorkspaceId == workspaceId).ExecuteDeleteAsync(ct);
        await db.Kpis.Where(e => e.WorkspaceId == workspaceId).ExecuteDeleteAsync(ct);
        await db.Evaluations.Where(e => e.WorkspaceId == workspaceId).ExecuteDeleteAsync(ct);
        await db.Journeys.Where(e => e.WorkspaceId == workspaceId).ExecuteDeleteAsync(ct);
        await db.Touchpoints.Where(e => e.WorkspaceId == workspaceId).ExecuteDeleteAsync(ct);
        await db.Personas.Where(e => e.WorkspaceId == workspaceId).ExecuteDeleteAsync(ct);
        await db.People.Where(e => e.WorkspaceId == workspaceId).ExecuteDeleteAsync(ct);
        await db.Departments.Where(e => e.WorkspaceId == workspaceId).ExecuteDeleteAsync(ct);
        await db.Channels.Where(e => e.WorkspaceId == workspaceId).ExecuteDeleteAsync(ct);
        await db.Phases.Where(e => e.WorkspaceId == workspaceId).ExecuteDeleteAsync(ct);
        await db.Workspaces.Where(w => w.Id == workspaceId).ExecuteDeleteAsync(ct);
        await transaction.CommitAsync(ct);
    }
}
