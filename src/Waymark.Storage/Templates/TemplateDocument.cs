using Waymark.Storage.Exchange;

namespace Waymark.Storage.Templates;

/// <summary>What of a workspace a template keeps: its structure, and nothing the team recorded in it or who it is.</summary>
public static class TemplateDocument
{
    /// <summary>
    /// The export without evaluations, KPI measurements, insights, ideas and actions, people (and so touchpoint owners) and the
    /// event settings; named as the template, so a workspace made from it starts with the template's title and description.
    /// </summary>
    public static WorkspaceDocument Structure(WorkspaceDocument export, string name, string title, string? description) => export with
    {
        Workspace = new WorkspaceInfo(name, title, description),
        People = [],
        Touchpoints = export.Touchpoints.Select(t => t with { OwnerId = null }).ToList(),
        Evaluations = [],
        Kpis = export.Kpis.Select(k => k with { Measurements = [] }).ToList(),
        Improvements = [],
        ServiceContacts = null,
        EventMapping = null,
    };
}
