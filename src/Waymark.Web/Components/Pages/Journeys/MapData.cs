using Microsoft.EntityFrameworkCore;
using Waymark.Domain.Improvements;
using Waymark.Domain.Journeys;
using Waymark.Domain.Organisation;
using Waymark.Domain.Touchpoints;
using Waymark.Storage;
using Waymark.Web.Components.Services;
using Waymark.Web.Features.Journeys;
using Waymark.Web.Features.Journeys.Layout;
using Waymark.Web.Infrastructure;

namespace Waymark.Web.Components.Pages.Journeys;

public sealed record NamedItem(Guid Id, string Name);
public sealed record ChannelItem(Guid Id, string Name, ChannelKind Kind);
public sealed record TouchpointItem(Guid Id, string Name, Guid ChannelId);

/// <summary>Whether a header change was saved, and the map as it is now (null when it is gone).</summary>
public sealed record HeaderSaved(bool Saved, JourneyMapResponse? Now);

/// <summary>
/// Everything the map shows, loaded in a fixed handful of queries whatever the size of the map. Read-only: one view is
/// shared by every page that has the map open (see <see cref="OpenMaps"/>), with its <see cref="Layout"/> worked out once.
/// </summary>
public sealed record MapView(
    JourneyMapResponse Map,
    IReadOnlyList<NamedItem> Departments,
    IReadOnlyList<NamedItem> Personas,
    IReadOnlyDictionary<Guid, List<StepKpi>> KpisByStep,
    IReadOnlyDictionary<Guid, List<StepImprovement>> ImprovementsByStep,
    NamedItem? OtherState = null)
{
    public MapLayout Layout { get; } = MapLayout.Of(Map);
    public IEnumerable<StepResponse> Steps => Map.Stages.SelectMany(s => s.Steps);
    public StepResponse? Step(Guid id) => Steps.FirstOrDefault(s => s.Id == id);
}

/// <summary>
/// What the step editor chooses from: the workspace's channels and touchpoints, and its people as owners. Loaded when an
/// editor opens rather than with the map, since a large workspace has thousands of touchpoints and most pages only look.
/// </summary>
public sealed record EditorLists(IReadOnlyList<ChannelItem> Channels, IReadOnlyList<TouchpointItem> Touchpoints, IReadOnlyList<NamedItem> People);

/// <summary>Reads a journey map for the map page; its changes are the use cases of <c>Features/Journeys</c> (<see cref="JourneyChanges"/>, <see cref="StageChanges"/>, <see cref="StepChanges"/>).</summary>
public static class MapData
{
    public static async Task<MapView?> LoadAsync(UiData data, CurrentWorkspace ws, Guid journeyId, CancellationToken ct = default)
    {
        await using var db = data.Open();
        var journey = await db.Journeys.AsNoTracking().Include(j => j.Stages).ThenInclude(s => s.Steps).AsSplitQuery()
            .FirstOrDefaultAsync(j => j.Id == journeyId && j.WorkspaceId == ws.Id, ct);
        if (journey is null) return null;
        var map = await JourneyMaps.ToResponseAsync(db, ws, journey, ct);
        var stepIds = journey.OrderedSteps.Select(s => s.Id).ToList();
        var departments = await db.Departments.AsNoTracking().Where(d => d.WorkspaceId == ws.Id).OrderBy(d => d.Name)
            .Select(d => new NamedItem(d.Id, d.Name)).ToListAsync(ct);
        var people = await db.People.AsNoTracking().Where(p => p.WorkspaceId == ws.Id).OrderBy(p => p.Name)
            .Select(p => new NamedItem(p.Id, p.Name)).ToListAsync(ct);
        var personas = await db.Personas.AsNoTracking().Where(p => p.WorkspaceId == ws.Id).OrderBy(p => p.Name)
            .Select(p => new NamedItem(p.Id, p.Name)).ToListAsync(ct);
        var kpisByStep = await StepLaneItems.KpisAsync(db, ws, stepIds, ct);
        var owners = people.ToDictionary(p => p.Id, p => p.Name);
        var improvements = await StepLaneItems.ImprovementsAsync(db, ws, stepIds, owners, data.Today, ct);
        return new MapView(map, departments, personas, kpisByStep, improvements, await OtherStateAsync(db, ws, journey, ct));
    }

    public static async Task<EditorLists> EditorListsAsync(UiData data, CurrentWorkspace ws, CancellationToken ct = default)
    {
        await using var db = data.Open();
        var channels = await db.Channels.AsNoTracking().Where(c => c.WorkspaceId == ws.Id).OrderBy(c => c.Name)
            .Select(c => new ChannelItem(c.Id, c.Name, c.Kind)).ToListAsync(ct);
        var touchpoints = await db.Touchpoints.AsNoTracking().Where(t => t.WorkspaceId == ws.Id).OrderBy(t => t.Name)
            .Select(t => new TouchpointItem(t.Id, t.Name, t.ChannelId)).ToListAsync(ct);
        var people = await db.People.AsNoTracking().Where(p => p.WorkspaceId == ws.Id).OrderBy(p => p.Name)
            .Select(p => new NamedItem(p.Id, p.Name)).ToListAsync(ct);
        return new EditorLists(channels, touchpoints, people);
    }

    /// <summary>
    /// The map of the same journey in the other state: same scenario and persona, the other state, and either a name that
    /// contains this one's or is contained in it ("Purchase" and its copy "Purchase (future state)"), or else the only such
    /// map while this one is the only one of its state (two pairs of maps for one scenario and persona are not guessed at).
    /// </summary>
    public static async Task<NamedItem?> OtherStateAsync(WaymarkDb db, CurrentWorkspace ws, Journey journey, CancellationToken ct = default)
    {
        var alike = await db.Journeys.AsNoTracking()
            .Where(j => j.WorkspaceId == ws.Id && j.Id != journey.Id && j.Scenario == journey.Scenario
                        && j.CustomScenario == journey.CustomScenario && j.PersonaId == journey.PersonaId)
            .Select(j => new { j.Id, j.Name, j.State }).ToListAsync(ct);
        var others = alike.Where(j => j.State != journey.State).Select(j => new NamedItem(j.Id, j.Name)).OrderBy(j => j.Name, StringComparer.OrdinalIgnoreCase).ToList();
        bool Related(NamedItem j) => j.Name.StartsWith(journey.Name, StringComparison.OrdinalIgnoreCase) || journey.Name.StartsWith(j.Name, StringComparison.OrdinalIgnoreCase);
        return others.FirstOrDefault(Related) ?? (others.Count == 1 && alike.All(j => j.State != journey.State) ? others[0] : null);
    }

    public static StepContent ContentOf(StepResponse s) => new(s.Action, s.ThoughtsAndMotivation, s.Questions, s.Obstacles, s.Emotion,
        s.TouchpointIds, s.BackstageDepartmentId, s.WaitingMinutes, s.IsMomentOfTruth, s.IsPainPoint, s.IsBrandSuccessPoint, s.Notes);
}
