using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Waymark.Storage;
using Waymark.Storage.Exchange;
using Waymark.Storage.Templates;
using Waymark.Web.Features.Workspaces;

namespace Waymark.Web.Features.Templates;

/// <summary>How much a template brings, so a person can tell a skeleton from a full model before choosing it.</summary>
public sealed record TemplateCounts(int Phases, int Channels, int Departments, int Touchpoints, int Personas, int Journeys, int Kpis)
{
    public static TemplateCounts Of(WorkspaceDocument d) =>
        new(d.Phases.Count, d.Channels.Count, d.Departments.Count, d.Touchpoints.Count, d.Personas.Count, d.Journeys.Count, d.Kpis.Count);

    /// <summary>"36 touchpoints, 2 personas, 1 map, 10 KPIs", as the workspaces page and the command line show it.</summary>
    public override string ToString() =>
        $"{Count.Of(Touchpoints, "touchpoint")}, {Count.Of(Personas, "persona")}, {Count.Of(Journeys, "map")}, {Count.Of(Kpis, "KPI")}";
}

/// <summary>A template offered for a new workspace: built in (<see cref="CreatedBy"/> null) or saved by someone of the organisation.</summary>
public sealed record TemplateSummary(string Name, string Title, string? Description, bool BuiltIn, TemplateCounts Counts,
    string? CreatedBy = null, string? CreatedByName = null, DateTimeOffset? CreatedAt = null);

/// <summary>The built-in templates and the organisation's, read the same way by the API, the workspaces page and the command line.</summary>
public static class TemplateCatalog
{
    private static readonly ConcurrentDictionary<string, WorkspaceDocument> BuiltIn = new(StringComparer.Ordinal);

    public static async Task<IReadOnlyList<TemplateSummary>> ListAsync(WaymarkDb db, CancellationToken ct)
    {
        var builtIn = BuiltInTemplates.Names.Select(n => (Name: n, Document: BuiltInDocument(n)!))
            .Select(t => new TemplateSummary(t.Name, t.Document.Workspace.Name, t.Document.Workspace.Description, true, TemplateCounts.Of(t.Document)))
            .OrderBy(t => t.Title, StringComparer.CurrentCulture);
        var saved = (await db.WorkspaceTemplates.AsNoTracking().ToListAsync(ct))
            .Select(t => new TemplateSummary(t.Name, t.Title, t.Description, false, TemplateCounts.Of(Parse(t.Document)), t.CreatedBy, t.CreatedByName, t.CreatedAt))
            .OrderBy(t => t.Title, StringComparer.CurrentCulture);
        return builtIn.Concat(saved).ToList();
    }

    /// <summary>The document of the template called <paramref name="name"/>; null when there is none.</summary>
    public static async Task<WorkspaceDocument?> DocumentAsync(WaymarkDb db, string name, CancellationToken ct)
    {
        if (BuiltInDocument(name) is { } builtIn) return builtIn;
        var saved = await db.WorkspaceTemplates.AsNoTracking().Where(t => t.Name == name).Select(t => t.Document).FirstOrDefaultAsync(ct);
        return saved is null ? null : Parse(saved);
    }

    public static bool IsBuiltIn(string name) => BuiltInTemplates.Names.Contains(name);

    // Built-in documents never change while the server runs: each is read once.
    private static WorkspaceDocument? BuiltInDocument(string name) =>
        IsBuiltIn(name) ? BuiltIn.GetOrAdd(name, n => Parse(BuiltInTemplates.Document(n)!)) : null;

    private static WorkspaceDocument Parse(string json) => WorkspaceImporter.Parse(json, WorkspaceChanges.Json);
}
