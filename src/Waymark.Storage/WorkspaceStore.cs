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
}
