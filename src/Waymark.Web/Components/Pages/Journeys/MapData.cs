using Microsoft.EntityFrameworkCore;
using Waymark.Domain.Improvements;
using Waymark.Domain.Journeys;
using Waymark.Domain.Kpis;
using Waymark.Domain.Organisation;
using Waymark.Domain.Touchpoints;
using Waymark.Storage;
using Waymark.Web.Components.Services;
using Waymark.Web.Features.Journeys;
using Waymark.Web.Features.Kpis;
using Waymark.Web.Infrastructure;

namespace Waymark.Web.Components.Pages.Journeys;

public sealed record NamedItem(Guid Id, string Name);
public sealed record ChannelItem(Guid Id, string Name, ChannelKind Kind);
public sealed record TouchpointItem(Guid Id, string Name, Guid ChannelId);
public sealed record StepKpi(Guid Id, string Name, string Unit, double? Actual, double? Target, bool? MeetsTarget, KpiTrend Trend);
public sealed record StepImprovement(Guid Id, ImprovementKind Kind, string Title, ImprovementStatus Status, bool Overdue, string? Owner);

/// <summary>Everything the map page shows, loaded in a fixed handful of queries whatever the size of the map.</summary>
public sealed record MapView(
    JourneyMapResponse Map,
    IReadOnlyList<ChannelItem> Channels,
    IReadOnlyList<NamedItem> Departments,
    IReadOnlyList<NamedItem> People,
    IReadOnlyList<NamedItem> Personas,
    IReadOnlyList<TouchpointItem> Touchpoints,
    IReadOnlyDictionary<Guid, List<StepKpi>> KpisByStep,
    IReadOnlyDictionary<Guid, List<StepImprovement>> ImprovementsByStep)
{
    public IEnumerable<StepResponse> Steps => Map.Stages.SelectMany(s => s.Steps);
    public StepResponse? Step(Guid id) => Steps.FirstOrDefault(s => s.Id == id);
}

/// <summary>Reads and changes a journey map for the UI, with the same domain rules and version checks as the HTTP API.</summary>
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
        var channels = await db.Channels.AsNoTracking().Where(c => c.WorkspaceId == ws.Id).OrderBy(c => c.Name)
            .Select(c => new ChannelItem(c.Id, c.Name, c.Kind)).ToListAsync(ct);
        var departments = await db.Departments.AsNoTracking().Where(d => d.WorkspaceId == ws.Id).OrderBy(d => d.Name)
            .Select(d => new NamedItem(d.Id, d.Name)).ToListAsync(ct);
        var people = await db.People.AsNoTracking().Where(p => p.WorkspaceId == ws.Id).OrderBy(p => p.Name)
            .Select(p => new NamedItem(p.Id, p.Name)).ToListAsync(ct);
        var personas = await db.Personas.AsNoTracking().Where(p => p.WorkspaceId == ws.Id).OrderBy(p => p.Name)
            .Select(p => new NamedItem(p.Id, p.Name)).ToListAsync(ct);
        var touchpoints = await db.Touchpoints.AsNoTracking().Where(t => t.WorkspaceId == ws.Id).OrderBy(t => t.Name)
            .Select(t => new TouchpointItem(t.Id, t.Name, t.ChannelId)).ToListAsync(ct);
        var kpis = await db.Kpis.AsNoTracking().Where(k => k.WorkspaceId == ws.Id && k.StepId != null && stepIds.Contains(k.StepId.Value)).ToListAsync(ct);
        var kpisByStep = (await KpisApi.WithPerformanceAsync(db, kpis, ct))
            .GroupBy(k => k.StepId!.Value)
            .ToDictionary(g => g.Key, g => g.Select(k => new StepKpi(k.Id, k.Name, k.Unit, k.Performance.Actual, k.Target, k.Performance.MeetsTarget, k.Performance.Trend)).ToList());
        var today = data.Today;
        var owners = people.ToDictionary(p => p.Id, p => p.Name);
        var improvements = (await db.Improvements.AsNoTracking()
                .Where(i => i.WorkspaceId == ws.Id && i.StepId != null && stepIds.Contains(i.StepId.Value) && i.Kind != ImprovementKind.Insight
                            && i.Status != ImprovementStatus.Discarded)
                .ToListAsync(ct))
            .GroupBy(i => i.StepId!.Value)
            .ToDictionary(g => g.Key, g => g.OrderBy(i => i.Kind).ThenBy(i => i.Title)
                .Select(i => new StepImprovement(i.Id, i.Kind, i.Title, i.Status, i.IsOverdue(today), i.OwnerId is { } o ? owners.GetValueOrDefault(o) : null)).ToList());
        return new MapView(map, channels, departments, people, personas, touchpoints, kpisByStep, improvements);
    }

    public static StepContent ContentOf(StepResponse s) => new(s.Action, s.ThoughtsAndMotivation, s.Questions, s.Obstacles, s.Emotion,
        s.TouchpointIds, s.BackstageDepartmentId, s.WaitingMinutes, s.IsMomentOfTruth, s.IsPainPoint, s.IsBrandSuccessPoint, s.Notes);

    /// <summary>Loads the journey tracked, applies a change and saves it; a concurrent save makes this one fail, never overwrite.</summary>
    public static async Task<T> ChangeAsync<T>(UiData data, CurrentWorkspace ws, Guid journeyId, Func<WaymarkDb, Journey, Task<T>> change, CancellationToken ct = default)
    {
        await using var db = data.Open();
        var journey = await JourneyMaps.LoadAsync(db, ws, journeyId, ct);
        var result = await change(db, journey);
        await db.SaveChangesAsync(ct);
        return result;
    }

    public static Task<Guid> AddStageAsync(UiData data, CurrentWorkspace ws, Guid journeyId, string name, Guid? phaseId, int? position) =>
        ChangeAsync(data, ws, journeyId, (_, j) => Task.FromResult(j.AddStage(name, phaseId, position).Id));

    public static Task<int> RenameStageAsync(UiData data, CurrentWorkspace ws, Guid journeyId, Guid stageId, string name, int version) =>
        ChangeAsync(data, ws, journeyId, (_, j) =>
        {
            var stage = JourneyMaps.StageOf(j, stageId);
            stage.EnsureVersion(version);
            stage.Describe(name, stage.Description, stage.PhaseId);
            return Task.FromResult(stage.Version + 1);
        });

    public static Task<bool> MoveStageAsync(UiData data, CurrentWorkspace ws, Guid journeyId, Guid stageId, int position) =>
        ChangeAsync(data, ws, journeyId, (_, j) => { j.MoveStage(stageId, position); return Task.FromResult(true); });

    public static Task<bool> RemoveStageAsync(UiData data, CurrentWorkspace ws, Guid journeyId, Guid stageId, int version) =>
        ChangeAsync(data, ws, journeyId, (_, j) =>
        {
            JourneyMaps.StageOf(j, stageId).EnsureVersion(version);
            j.RemoveStage(stageId);
            return Task.FromResult(true);
        });

    /// <summary>Puts a removed stage back with its steps (as new steps with the same content), for undo.</summary>
    public static Task<Guid> RestoreStageAsync(UiData data, CurrentWorkspace ws, Guid journeyId, StageResponse stage) =>
        ChangeAsync(data, ws, journeyId, async (db, j) =>
        {
            var restored = j.AddStage(stage.Name, stage.PhaseId, Math.Min(stage.Position, j.Stages.Count));
            foreach (var step in stage.Steps) j.AddStep(restored.Id, await CheckedAsync(db, ws, ContentOf(step)));
            return restored.Id;
        });

    public static Task<Guid> AddStepAsync(UiData data, CurrentWorkspace ws, Guid journeyId, Guid stageId, StepContent content, int? position) =>
        ChangeAsync(data, ws, journeyId, async (db, j) =>
        {
            JourneyMaps.StageOf(j, stageId);
            var stage = j.FindStage(stageId);
            return j.AddStep(stageId, await CheckedAsync(db, ws, content), position is { } p ? Math.Min(p, stage.Steps.Count) : null).Id;
        });

    public static Task<bool> UpdateStepAsync(UiData data, CurrentWorkspace ws, Guid journeyId, Guid stepId, StepContent content, int version) =>
        ChangeAsync(data, ws, journeyId, async (db, j) =>
        {
            var step = JourneyMaps.StepOf(j, stepId);
            step.EnsureVersion(version);
            step.Apply(await CheckedAsync(db, ws, content));
            return true;
        });

    public static Task<bool> MoveStepAsync(UiData data, CurrentWorkspace ws, Guid journeyId, Guid stepId, Guid stageId, int position) =>
        ChangeAsync(data, ws, journeyId, (_, j) =>
        {
            JourneyMaps.StepOf(j, stepId);
            JourneyMaps.StageOf(j, stageId);
            j.MoveStep(stepId, stageId, position);
            return Task.FromResult(true);
        });

    public static Task<bool> RemoveStepAsync(UiData data, CurrentWorkspace ws, Guid journeyId, Guid stepId, int version) =>
        ChangeAsync(data, ws, journeyId, (_, j) =>
        {
            JourneyMaps.StepOf(j, stepId).EnsureVersion(version);
            j.RemoveStep(stepId);
            return Task.FromResult(true);
        });

    public static Task<bool> ShowLanesAsync(UiData data, CurrentWorkspace ws, Guid journeyId, IReadOnlyList<string> lanes, int version) =>
        ChangeAsync(data, ws, journeyId, (_, j) =>
        {
            j.EnsureVersion(version);
            j.ShowLanes(lanes);
            return Task.FromResult(true);
        });

    public static Task<bool> DescribeAsync(UiData data, CurrentWorkspace ws, Guid journeyId, Guid? personaId, JourneyState state, int version) =>
        ChangeAsync(data, ws, journeyId, async (db, j) =>
        {
            j.EnsureVersion(version);
            await db.RequireAsync<Domain.Personas.Persona>(ws, personaId, "personaId", "persona", default);
            j.Describe(j.Name, j.Description, j.Scenario, j.CustomScenario, personaId, state);
            return true;
        });

    /// <summary>Touchpoints and the backstage department must be this workspace's.</summary>
    private static async Task<StepContent> CheckedAsync(WaymarkDb db, CurrentWorkspace ws, StepContent content)
    {
        await db.RequireAllAsync<Touchpoint>(ws, content.TouchpointIds?.Where(t => t != Guid.Empty).ToList(), "touchpointIds", "touchpoint", default);
        await db.RequireAsync<Department>(ws, content.BackstageDepartmentId, "backstageDepartmentId", "department", default);
        return content;
    }

    public static async Task<Guid> AddImprovementAsync(UiData data, CurrentWorkspace ws, ImprovementKind kind, ImprovementContent content)
    {
        await using var db = data.Open();
        await db.RequireAsync<Person>(ws, content.OwnerId, "ownerId", "person", default);
        var item = new Improvement(ws.Id, kind, content);
        db.Improvements.Add(item);
        await db.SaveChangesAsync();
        return item.Id;
    }
}
