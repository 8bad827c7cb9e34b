using Microsoft.EntityFrameworkCore;
using Waymark.Domain.Improvements;
using Waymark.Domain.Journeys;
using Waymark.Domain.Organisation;
using Waymark.Domain.Touchpoints;
using Waymark.Storage;
using Waymark.Web.Components.Services;
using Waymark.Web.Features.Journeys;
using Waymark.Web.Infrastructure;

namespace Waymark.Web.Components.Pages.Journeys;

public sealed record NamedItem(Guid Id, string Name);
public sealed record ChannelItem(Guid Id, string Name, ChannelKind Kind);
public sealed record TouchpointItem(Guid Id, string Name, Guid ChannelId);

/// <summary>What the map's header edits: its name and description, persona and state.</summary>
public sealed record JourneyHeader(string Name, string? Description, Guid? PersonaId, JourneyState State)
{
    public static JourneyHeader Of(JourneyMapResponse map) => new(map.Name, map.Description, map.PersonaId, map.State);
}

/// <summary>Whether a header change was saved, and the map as it is now (null when it is gone).</summary>
public sealed record HeaderSaved(bool Saved, JourneyMapResponse? Now);

/// <summary>A step as it was when removed from its stage, with what pointed at it, so undo can put it all back.</summary>
public sealed record RemovedStep(Guid StageId, RestoredStep Step);

/// <summary>Everything the map page shows, loaded in a fixed handful of queries whatever the size of the map.</summary>
public sealed record MapView(
    JourneyMapResponse Map,
    IReadOnlyList<ChannelItem> Channels,
    IReadOnlyList<NamedItem> Departments,
    IReadOnlyList<NamedItem> People,
    IReadOnlyList<NamedItem> Personas,
    IReadOnlyList<TouchpointItem> Touchpoints,
    IReadOnlyDictionary<Guid, List<StepKpi>> KpisByStep,
    IReadOnlyDictionary<Guid, List<StepImprovement>> ImprovementsByStep,
    NamedItem? OtherState = null)
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
        var kpisByStep = await StepLaneItems.KpisAsync(db, ws, stepIds, ct);
        var owners = people.ToDictionary(p => p.Id, p => p.Name);
        var improvements = await StepLaneItems.ImprovementsAsync(db, ws, stepIds, owners, data.Today, ct);
        return new MapView(map, channels, departments, people, personas, touchpoints, kpisByStep, improvements,
            await OtherStateAsync(db, ws, journey, ct));
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

    /// <summary>Starts the map of the other state as a copy of this one (as "Start future state" on the list does) and answers its id.</summary>
    public static async Task<Guid> StartOtherStateAsync(UiData data, CurrentWorkspace ws, JourneyMapResponse map)
    {
        await using var db = data.Open();
        var state = map.State == JourneyState.Current ? JourneyState.Future : JourneyState.Current;
        return (await JourneysApi.CopyAsync(db, ws, map.Id, new JourneysApi.CopyJourneyRequest(State: state), default)).Id;
    }

    /// <summary>Deletes the map the way the API does, at the version the user read.</summary>
    public static async Task DeleteAsync(UiData data, CurrentWorkspace ws, Guid journeyId, int version)
    {
        await using var db = data.Open();
        await JourneysApi.DeleteAsync(db, ws, journeyId, version, default);
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

    /// <summary>Undo and redo of a rename: renames the stage if it still has the name <paramref name="from"/>.</summary>
    public static Task<bool> RenameStageIfUnchangedAsync(UiData data, CurrentWorkspace ws, Guid journeyId, Guid stageId, string from, string to) =>
        ChangeAsync(data, ws, journeyId, (_, j) =>
        {
            var stage = j.Stages.FirstOrDefault(s => s.Id == stageId) ?? throw Gone($"the stage '{from}'");
            Unchanged(stage.Name == from.Trim(), $"the stage '{stage.Name}'");
            stage.Describe(to, stage.Description, stage.PhaseId);
            return Task.FromResult(true);
        });

    /// <summary>Moves a stage; a position past the end (the map lost stages since) puts it last.</summary>
    public static Task<bool> MoveStageAsync(UiData data, CurrentWorkspace ws, Guid journeyId, Guid stageId, int position) =>
        ChangeAsync(data, ws, journeyId, (_, j) =>
        {
            JourneyMaps.StageOf(j, stageId);
            j.MoveStage(stageId, Math.Clamp(position, 0, j.Stages.Count - 1));
            return Task.FromResult(true);
        });

    /// <summary>Removes a stage with its steps and answers all of it as it was, for undo.</summary>
    public static Task<RestoredStage> RemoveStageAsync(UiData data, CurrentWorkspace ws, Guid journeyId, Guid stageId, int version) =>
        ChangeAsync(data, ws, journeyId, async (db, j) =>
        {
            var stage = JourneyMaps.StageOf(j, stageId);
            stage.EnsureVersion(version);
            return await RemoveAsync(db, ws, j, stage);
        });

    /// <summary>Removes a stage again (redo, or undoing its addition) if it still has the name and the steps this session left it with.</summary>
    public static Task<RestoredStage> RemoveStageIfUnchangedAsync(UiData data, CurrentWorkspace ws, Guid journeyId, Guid stageId, string name, IReadOnlyList<Guid> stepIds) =>
        ChangeAsync(data, ws, journeyId, async (db, j) =>
        {
            var stage = j.Stages.FirstOrDefault(s => s.Id == stageId) ?? throw Gone($"the stage '{name}'");
            Unchanged(stage.Name == name.Trim() && stage.Steps.Select(s => s.Id).Order().SequenceEqual(stepIds.Order()), $"the stage '{name}'");
            return await RemoveAsync(db, ws, j, stage);
        });

    private static async Task<RestoredStage> RemoveAsync(WaymarkDb db, CurrentWorkspace ws, Journey journey, Stage stage)
    {
        var removed = new RestoredStage(stage.Id, stage.Name, stage.Description, stage.PhaseId, stage.Position,
            await Restores.CaptureAsync(db, ws, stage.OrderedSteps.ToList(), default));
        journey.RemoveStage(stage.Id);
        return removed;
    }

    /// <summary>Puts a removed stage back with its id, its steps with theirs and what pointed at them.</summary>
    public static Task<Guid> RestoreStageAsync(UiData data, CurrentWorkspace ws, Guid journeyId, RestoredStage stage) =>
        ChangeAsync(data, ws, journeyId, async (db, j) =>
        {
            var at = stage with { Position = Math.Min(stage.Position ?? j.Stages.Count, j.Stages.Count) };
            return (await Restores.RestoreStageAsync(db, ws, j, at, default)).Id;
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

    /// <summary>Undo and redo of a step edit: changes the step from one content to the other if it still reads <paramref name="from"/>.</summary>
    public static Task<bool> UpdateStepIfUnchangedAsync(UiData data, CurrentWorkspace ws, Guid journeyId, Guid stepId, StepContent from, StepContent to) =>
        ChangeAsync(data, ws, journeyId, async (db, j) =>
        {
            var step = j.Stages.SelectMany(s => s.Steps).FirstOrDefault(s => s.Id == stepId) ?? throw Gone($"the step '{from.Action}'");
            Unchanged(Same(step.Content, from), $"the step '{step.Action}'");
            step.Apply(await CheckedAsync(db, ws, to));
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

    /// <summary>Undo and redo of a move: moves the step on if it is still in the stage this session put it in.</summary>
    public static Task<bool> MoveStepIfUnchangedAsync(UiData data, CurrentWorkspace ws, Guid journeyId, Guid stepId, Guid expectedStageId, Guid stageId, int position) =>
        ChangeAsync(data, ws, journeyId, (_, j) =>
        {
            var step = j.Stages.SelectMany(s => s.Steps).FirstOrDefault(s => s.Id == stepId) ?? throw Gone("the step");
            Unchanged(step.StageId == expectedStageId, $"the step '{step.Action}'", "moved");
            var to = j.Stages.FirstOrDefault(s => s.Id == stageId) ?? throw Gone($"the stage the step '{step.Action}' was in");
            j.MoveStep(stepId, stageId, Math.Min(position, to.Id == step.StageId ? to.Steps.Count - 1 : to.Steps.Count));
            return Task.FromResult(true);
        });

    /// <summary>Removes a step and answers it as it was, with what pointed at it, for undo.</summary>
    public static Task<RemovedStep> RemoveStepAsync(UiData data, CurrentWorkspace ws, Guid journeyId, Guid stepId, int version) =>
        ChangeAsync(data, ws, journeyId, async (db, j) =>
        {
            var step = JourneyMaps.StepOf(j, stepId);
            step.EnsureVersion(version);
            return await RemoveAsync(db, ws, j, step);
        });

    /// <summary>Removes a step again (redo, or undoing its addition) if it still reads as this session left it.</summary>
    public static Task<RemovedStep> RemoveStepIfUnchangedAsync(UiData data, CurrentWorkspace ws, Guid journeyId, Guid stepId, StepContent content) =>
        ChangeAsync(data, ws, journeyId, async (db, j) =>
        {
            var step = j.Stages.SelectMany(s => s.Steps).FirstOrDefault(s => s.Id == stepId) ?? throw Gone($"the step '{content.Action}'");
            Unchanged(Same(step.Content, content), $"the step '{step.Action}'");
            return await RemoveAsync(db, ws, j, step);
        });

    private static async Task<RemovedStep> RemoveAsync(WaymarkDb db, CurrentWorkspace ws, Journey journey, Step step)
    {
        var removed = new RemovedStep(step.StageId, (await Restores.CaptureAsync(db, ws, [step], default))[0]);
        journey.RemoveStep(step.Id);
        return removed;
    }

    /// <summary>Puts a removed step back with its id and what pointed at it, where it was (or last, when its stage got shorter).</summary>
    public static Task<Guid> RestoreStepAsync(UiData data, CurrentWorkspace ws, Guid journeyId, RemovedStep removed) =>
        ChangeAsync(data, ws, journeyId, async (db, j) =>
        {
            var stage = j.Stages.FirstOrDefault(s => s.Id == removed.StageId) ?? throw Gone($"the stage of the step '{removed.Step.Action}'");
            var step = removed.Step with { Position = Math.Min(removed.Step.Position ?? stage.Steps.Count, stage.Steps.Count) };
            return (await Restores.RestoreStepAsync(db, ws, j, stage.Id, step, default)).Id;
        });

    public static Task<bool> ShowLanesAsync(UiData data, CurrentWorkspace ws, Guid journeyId, IReadOnlyList<string> lanes, int version) =>
        ChangeAsync(data, ws, journeyId, (_, j) =>
        {
            j.EnsureVersion(version);
            j.ShowLanes(lanes);
            return Task.FromResult(true);
        });

    /// <summary>Undo and redo of a lane change: shows <paramref name="to"/> if the map still shows <paramref name="from"/>.</summary>
    public static Task<bool> ShowLanesIfUnchangedAsync(UiData data, CurrentWorkspace ws, Guid journeyId, IReadOnlyList<string> from, IReadOnlyList<string> to) =>
        ChangeAsync(data, ws, journeyId, (_, j) =>
        {
            Unchanged(j.Lanes.SequenceEqual(from), "the lanes");
            j.ShowLanes(to);
            return Task.FromResult(true);
        });

    /// <summary>Names, describes and sets persona and state of the map at the version the user read.</summary>
    public static Task<bool> DescribeAsync(UiData data, CurrentWorkspace ws, Guid journeyId, JourneyHeader header, int version) =>
        ChangeAsync(data, ws, journeyId, async (db, j) =>
        {
            j.EnsureVersion(version);
            await db.RequireAsync<Domain.Personas.Persona>(ws, header.PersonaId, "personaId", "persona", default);
            j.Describe(header.Name, header.Description, j.Scenario, j.CustomScenario, header.PersonaId, header.State);
            return true;
        });

    /// <summary>
    /// Undo and redo of a header change: sets the fields that differ between <paramref name="from"/> and <paramref name="to"/>,
    /// if they still read <paramref name="from"/>; what someone else changed in the other fields stays.
    /// </summary>
    public static Task<bool> DescribeIfUnchangedAsync(UiData data, CurrentWorkspace ws, Guid journeyId, JourneyHeader from, JourneyHeader to) =>
        ChangeAsync(data, ws, journeyId, async (db, j) =>
        {
            var name = from.Name.Trim() != to.Name.Trim();
            var description = from.Description != to.Description;
            var persona = from.PersonaId != to.PersonaId;
            var state = from.State != to.State;
            Unchanged((!name || j.Name == from.Name.Trim()) && (!description || j.Description == from.Description)
                && (!persona || j.PersonaId == from.PersonaId) && (!state || j.State == from.State), "the map's header");
            if (persona) await db.RequireAsync<Domain.Personas.Persona>(ws, to.PersonaId, "personaId", "persona", default);
            j.Describe(name ? to.Name : j.Name, description ? to.Description : j.Description, j.Scenario, j.CustomScenario,
                persona ? to.PersonaId : j.PersonaId, state ? to.State : j.State);
            return true;
        });

    /// <summary>Two step contents say the same; the domain trims the action, and touchpoints are a set.</summary>
    public static bool Same(StepContent a, StepContent b) =>
        a with { Action = a.Action.Trim(), TouchpointIds = null } == b with { Action = b.Action.Trim(), TouchpointIds = null }
        && (a.TouchpointIds ?? []).ToHashSet().SetEquals(b.TouchpointIds ?? []);

    /// <summary>Undo and redo change something back only if it is still as this session left it: never over someone else's change.</summary>
    private static void Unchanged(bool unchanged, string what, string how = "changed")
    {
        if (!unchanged) throw new ConflictException($"Someone else {how} {what} since, so it is left as they made it.");
    }

    private static ConflictException Gone(string what) => new($"Someone else removed {what} since, so there is nothing to change back.");

    /// <summary>Touchpoints and the backstage department must be this workspace's.</summary>
    private static async Task<StepContent> CheckedAsync(WaymarkDb db, CurrentWorkspace ws, StepContent content)
    {
        await db.RequireAllAsync<Touchpoint>(ws, content.TouchpointIds?.Where(t => t != Guid.Empty).ToList(), "touchpointIds", "touchpoint", default);
        await db.RequireAsync<Department>(ws, content.BackstageDepartmentId, "backstageDepartmentId", "department", default);
        return content;
    }
}
