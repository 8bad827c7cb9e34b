using Waymark.Domain.Evaluations;
using Waymark.Domain.Improvements;
using Waymark.Domain.Journeys;
using Waymark.Domain.Kpis;
using Waymark.Domain.Organisation;
using Waymark.Domain.Personas;
using Waymark.Domain.Touchpoints;

namespace Waymark.Domain.Workspaces;

/// <summary>Everything one workspace holds, as plain lists: what a demo builds, an import creates and storage saves in one go.</summary>
public sealed class WorkspaceContent(Workspace workspace)
{
    public Workspace Workspace { get; } = workspace;
    public List<Phase> Phases { get; } = [];
    public List<Channel> Channels { get; } = [];
    public List<Department> Departments { get; } = [];
    public List<Person> People { get; } = [];
    public List<Persona> Personas { get; } = [];
    public List<Touchpoint> Touchpoints { get; } = [];
    public List<Journey> Journeys { get; } = [];
    public List<Evaluation> Evaluations { get; } = [];
    public List<Kpi> Kpis { get; } = [];
    public List<KpiMeasurement> Measurements { get; } = [];
    public List<Improvement> Improvements { get; } = [];
    /// <summary>The workspace's own definition of service contacts; null when it uses the built-in one.</summary>
    public Events.ServiceContactSetting? ServiceContacts { get; set; }
    /// <summary>The workspace's saved column mapping for the events it is sent; null: the usual field names.</summary>
    public Events.EventColumnMapping? EventMapping { get; set; }
}
