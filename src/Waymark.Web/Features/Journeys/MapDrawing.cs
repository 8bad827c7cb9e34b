using Microsoft.EntityFrameworkCore;
using Waymark.Domain.Journeys;
using Waymark.Storage;
using Waymark.Web.Infrastructure;

namespace Waymark.Web.Features.Journeys;

/// <summary>
/// Everything a drawing of a journey map shows, loaded up front so that <see cref="MapSvg"/> only lays it out (<see cref="Layout.MapLayout"/>) and draws: the map with its
/// touchpoint chips (current score and band), the persona's name, department names and each step's KPIs and ideas and actions.
/// </summary>
public sealed record MapDrawing(
    JourneyMapResponse Map,
    string? Persona,
    IReadOnlyDictionary<Guid, string> Departments,
    IReadOnlyDictionary<Guid, List<StepKpi>> KpisByStep,
    IReadOnlyDictionary<Guid, List<StepImprovement>> ImprovementsByStep,
    DateOnly Today)
{
    /// <summary>What the stored events say about the map, for its evidence lane; without it (or without events) the lane is left out, as on the page.</summary>
    public Evidence.JourneyEvidence? Evidence { get; init; }

    /// <summary>The workspace's name, for the foot of a printed map.</summary>
    public string? Workspace { get; init; }

    /// <summary>Loads a map of the workspace in a fixed handful of queries whatever its size; unknown or in another workspace answers 404.</summary>
    public static async Task<MapDrawing> LoadAsync(WaymarkDb db, CurrentWorkspace ws, Guid journeyId, DateOnly today, CancellationToken ct)
    {
        var journey = await db.Journeys.AsNoTracking().Include(j => j.Stages).ThenInclude(s => s.Steps).AsSplitQuery()
            .FindInAsync(ws, journeyId, "journey", ct);
        var map = await JourneyMaps.ToResponseAsync(db, ws, journey, ct);
        var stepIds = journey.OrderedSteps.Select(s => s.Id).ToList();
        var persona = journey.PersonaId is { } p
            ? await db.Personas.AsNoTracking().Where(x => x.WorkspaceId == ws.Id && x.Id == p).Select(x => x.Name).FirstOrDefaultAsync(ct)
            : null;
        var departments = await db.Departments.AsNoTracking().Where(d => d.WorkspaceId == ws.Id).ToDictionaryAsync(d => d.Id, d => d.Name, ct);
        var owners = await db.People.AsNoTracking().Where(x => x.WorkspaceId == ws.Id).ToDictionaryAsync(x => x.Id, x => x.Name, ct);
        return new MapDrawing(map, persona, departments,
            await StepLaneItems.KpisAsync(db, ws, stepIds, ct),
            await StepLaneItems.ImprovementsAsync(db, ws, stepIds, owners, today, ct),
            today) { Workspace = ws.Name };
    }
}
