using Waymark.Web.Live;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.JSInterop;
using MudBlazor;
using Waymark.Domain.Improvements;
using Waymark.Domain.Journeys;
using Waymark.Web.Components.Services;
using Waymark.Web.Components.Shared;
using Waymark.Web.Features;
using Waymark.Web.Features.Evidence;
using Waymark.Web.Features.Journeys;
using Waymark.Web.Features.Touchpoints;
using Waymark.Web.Features.Journeys.Layout;
using Waymark.Web.Infrastructure;

namespace Waymark.Web.Components.Pages.Journeys;

/// <summary>
/// The journey map editor. Every change is saved at once through a use case of <c>Features/Journeys</c> (which announces it
/// to the other open copies of the map through <see cref="MapChanges"/>) and kept in the session's <see cref="MapHistory"/>
/// to be undone and redone.
/// </summary>
public partial class JourneyMap : WorkspacePage, IDisposable
{
    private static IReadOnlyDictionary<string, string> LaneNames => Wording.LaneNames;

    [Parameter] public Guid Id { get; set; }
    [SupplyParameterFromQuery(Name = "step")] public Guid? StepQuery { get; set; }
    [Inject] private OpenMaps Maps { get; set; } = default!;
    [Inject] private Microsoft.JSInterop.IJSRuntime JS { get; set; } = default!;
    [Inject] private SharedEvidence SharedEvidence { get; set; } = default!;
    [Inject] private TimeProvider Clock { get; set; } = default!;

    private MapView? _view;
    private bool _missing;
    private IDisposable? _watch;
    private Guid _watched;
    /// <summary>The editor's pick lists, read when a step is opened.</summary>
    private EditorLists? _lists;
    private bool _busy;
    private readonly MapHistory _history = new();
    private bool _showHistory;
    private bool _showLanes;

    // The step editor: its own copy of the step and the version it was read at.
    private Guid? _selected;
    private StepForm? _form;
    private int _formVersion;
    private string? _conflict;
    private string _actionTitle = "";
    private Guid? _actionOwner;
    private DateOnly? _actionDue;
    private ImprovementKind _newKind = ImprovementKind.Action;

    // The editor's touchpoint finder, and what the editor last said about saving.
    private string _tpSearch = "";
    private Guid? _tpChannel;
    private string? _saved;
    // Where the focus goes after the next render: into the editor, back to a step, into a new stage's name.
    private bool _focusEditor;
    private Guid? _focusStep;
    private Guid? _focusStage;

    private bool _confirmDelete;
    private double _zoom = 1;
    /// <summary>The zoom steps of the − and + buttons; "Fit to screen" may land between them.</summary>
    public static readonly double[] ZoomLevels = [0.25, 0.33, 0.5, 0.67, 0.8, 0.9, 1, 1.1, 1.25, 1.5];

    private Guid? _renaming;
    private string _stageName = "";
    private Guid? _dragStep;
    private Guid? _dragStage;

    // The evidence lane: the period chosen on this page and what the stored events say for it (shared with the other pages of the map).
    private int _evidenceDays = EvidenceWords.DefaultDays;
    private Waymark.Web.Features.Evidence.Evidence? _evidence;
    private bool _showDiscovered;
    /// <summary>The channels a discovered touchpoint can be adopted into, read when an editor opens the list.</summary>
    private IReadOnlyList<ChannelItem> _channels = [];

    /// <summary>Where the map's columns, stages, lanes and emotion curve go, as in its SVG.</summary>
    private MapLayout? _layout;

    protected override async Task LoadAsync()
    {
        if (_watch is null || _watched != Id)
        {
            _watch?.Dispose();
            _watch = Maps.Watch(Id, Workspace!, Data, InvokeAsync, ShowChange);
            _watched = Id;
        }
        await ReloadAsync();
        if (StepQuery is { } s && _view?.Step(s) is not null && _selected is null) await Select(s);
    }

    private async Task ReloadAsync()
    {
        Show(await Maps.ViewAsync(Data, Workspace!, Id));
        await LoadEvidenceAsync();
    }

    /// <summary>The map as an SVG file, with the evidence of the period this page shows.</summary>
    private string SvgLink
    {
        get
        {
            var link = $"/api/workspaces/{Uri.EscapeDataString(Ws)}/journeys/{Id}/map.svg";
            if (!ShowsEvidence || _evidence is not { HasEvents: true }) return link;
            var (from, to) = EvidenceWords.Period(_evidenceDays, Data.Today);
            return $"{link}?from={from:yyyy-MM-dd}&to={to:yyyy-MM-dd}";
        }
    }

    private bool ShowsEvidence => Lanes.Contains(JourneyLanes.Evidence);

    private string? EvidenceFreshness => ShowsEvidence && _evidence is { } e ? EvidenceWords.Freshness(e.LastEventAt, Clock.GetUtcNow()) : null;

    /// <summary>Reads the evidence of the chosen period when the map shows its lane: one shared answer per map, period and state of the events.</summary>
    private async Task LoadEvidenceAsync()
    {
        if (_view is null || !ShowsEvidence)
        {
            _evidence = null;
            return;
        }
        var (from, to) = EvidenceWords.Period(_evidenceDays, Data.Today);
        try
        {
            _evidence = await SharedEvidence.OfAsync(Workspace!, Id, from, to);
        }
        catch (NotFoundException)
        {
            // The map was deleted meanwhile; its change shows that.
            _evidence = null;
        }
        catch (Exception e)
        {
            // The map stays usable without its evidence.
            Log.LogWarning(e, "The evidence of the map {JourneyId} could not be read", Id);
            _evidence = null;
        }
    }

    /// <summary>New events were stored in the workspace (told at most every two seconds): the lane shows them.</summary>
    private Task EventsArrivedAsync() => LoadEvidenceAsync();

    private async Task ChoosePeriodAsync(ChangeEventArgs e)
    {
        if (!int.TryParse(e.Value as string, out var days) || EvidenceWords.Periods.All(p => p.Days != days)) return;
        _evidenceDays = days;
        await LoadEvidenceAsync();
    }

    private async Task ToggleDiscoveredAsync()
    {
        _showDiscovered = !_showDiscovered;
        if (_showDiscovered && CanEdit && _channels.Count == 0) _channels = (await MapData.EditorListsAsync(Data, Workspace!)).Channels;
    }

    /// <summary>Adds a touchpoint found in the events to the inventory, with its key as event key, through the touchpoint use case.</summary>
    private async Task<bool> AdoptAsync(DiscoveredTouchpoint found, string name, Guid channelId, Domain.Touchpoints.TouchpointCategory category)
    {
        if (_busy) return false;
        _busy = true;
        try
        {
            var request = new TouchpointRequest(name, channelId, category, EventKey: found.EventKey);
            var added = await TryAsync(() => Data.ChangeAsync(w => TouchpointChanges.CreateAsync(w, Workspace!, request, default)),
                $"“{name}” was added to the inventory with the event key “{found.EventKey}”.");
            if (added) await LoadEvidenceAsync();
            return added;
        }
        finally
        {
            _busy = false;
            // The list asked, not an event of this page: the page redraws itself (the touchpoint leaves the list).
            StateHasChanged();
        }
    }

    private void Show(MapView? view)
    {
        _view = view;
        _missing = view is null;
        _layout = view?.Layout;
        if (view is null) return;
        if (_selected is { } id && view.Step(id) is null) CloseEditor();
    }

    /// <summary>A change made elsewhere, with the map as it is now (read once for all pages that show it).</summary>
    private async Task ShowChange(MapChange change, MapView? view)
    {
        if (change.JourneyId != Id) return;
        Show(view);
        await LoadEvidenceAsync();
        if (_selected is { } s && _view?.Step(s) is { } newer && newer.Version != _formVersion)
            _conflict = "Someone else just changed this step. Saving now would be refused; reopen the step to see their version.";
        Snackbar.Add($"The map was updated by someone else: {change.What}.", Severity.Info);
        StateHasChanged();
    }

    /// <summary>Runs a change and keeps how to undo and redo it, then redraws; answers whether it was made.</summary>
    private async Task<bool> DoAsync(string what, Func<Task> change, Func<Task> undo, Func<Task> redo)
    {
        if (_busy) return false;
        _busy = true;
        try
        {
            var ok = await TryAsync(change);
            if (ok) _history.Record(new MapEdit(what, undo, redo));
            await ReloadAsync();
            return ok;
        }
        finally { _busy = false; }
    }

    private Task UndoAsync() => ReplayAsync(back: true);

    private Task RedoAsync() => ReplayAsync(back: false);

    /// <summary>Undoes or redoes one change; one that someone else's change got in the way of drops out of the history, saying why.</summary>
    private async Task ReplayAsync(bool back)
    {
        if (_busy) return;
        _busy = true;
        try
        {
            if (await (back ? _history.UndoAsync(Run) : _history.RedoAsync(Run)) is null) return;
            await ReloadAsync();
            if (_selected is { } s && _view?.Step(s) is { } step && step.Version != _formVersion) LoadForm(step);
        }
        finally { _busy = false; }

        async Task<bool> Run(MapEdit edit)
        {
            var done = back ? "undone" : "redone";
            return await TryAsync(async () =>
            {
                try { await (back ? edit.UndoAsync() : edit.RedoAsync()); }
                catch (Exception e) when (UiErrors.Message(e) is { } why)
                {
                    throw new ConflictException($"“{edit.Label}” cannot be {done}: {why} It drops out of the history.");
                }
            }, $"{char.ToUpperInvariant(done[0])}{done[1..]}: {edit.Label}.");
        }
    }

    // ---- stages -------------------------------------------------------------------------------

    private async Task AddStageAsync()
    {
        Guid added = default;
        RestoredStage? removed = null;
        await DoAsync("added a stage", async () =>
            {
                added = (await Data.ChangeAsync(w => StageChanges.AddAsync(w, Workspace!, Id, new NewStageRequest("New stage"), default))).Item.Id;
                _renaming = added;
                _stageName = "New stage";
            },
            async () => removed = await Data.ChangeAsync(w => StageUndo.DeleteIfUnchangedAsync(w, Workspace!, Id, added, removed?.Name ?? "New stage", StepIds(removed), default)),
            () => Data.ChangeAsync(w => StageUndo.PutBackAsync(w, Workspace!, Id, removed!, default)));
        // The new stage is last, often beyond the right edge: bring it into view with its name ready to type.
        if (added != default) _focusStage = added;
    }

    private static List<Guid> StepIds(RestoredStage? stage) => stage?.Steps?.Select(s => s.Id).ToList() ?? [];

    private void StartRename(StageResponse stage)
    {
        if (!CanEdit) return;
        _renaming = stage.Id;
        _stageName = stage.Name;
        _focusStage = stage.Id;
    }

    private async Task FinishRename(StageResponse stage)
    {
        if (_renaming != stage.Id) return;
        _renaming = null;
        var name = _stageName.Trim();
        if (name.Length == 0 || name == stage.Name) return;
        var old = stage.Name;
        var renamed = new StageRequest(name, stage.Description, stage.PhaseId, stage.Version);
        await DoAsync($"renamed stage '{old}' to '{name}'", () => Data.ChangeAsync(w => StageChanges.UpdateAsync(w, Workspace!, Id, stage.Id, renamed, default)),
            () => Data.ChangeAsync(w => StageUndo.RenameIfUnchangedAsync(w, Workspace!, Id, stage.Id, name, old, default)),
            () => Data.ChangeAsync(w => StageUndo.RenameIfUnchangedAsync(w, Workspace!, Id, stage.Id, old, name, default)));
    }

    private async Task RenameKey(KeyboardEventArgs e, StageResponse stage)
    {
        if (e.Key == "Enter") await FinishRename(stage);
        else if (e.Key == "Escape") _renaming = null;
    }

    private Task MoveStageAsync(StageResponse stage, int to)
    {
        if (_view is null || to < 0 || to >= _view.Map.Stages.Count || to == stage.Position) return Task.CompletedTask;
        var from = stage.Position;
        return DoAsync($"moved stage '{stage.Name}'", () => Data.ChangeAsync(w => StageChanges.MoveAsync(w, Workspace!, Id, stage.Id, new MoveStageRequest(to), default)),
            () => Data.ChangeAsync(w => StageUndo.MoveBackAsync(w, Workspace!, Id, stage.Id, from, default)),
            () => Data.ChangeAsync(w => StageUndo.MoveBackAsync(w, Workspace!, Id, stage.Id, to, default)));
    }

    private async Task DeleteStageAsync(StageResponse stage)
    {
        RestoredStage? removed = null;
        await DoAsync($"deleted stage '{stage.Name}'",
            async () => removed = (await Data.ChangeAsync(w => StageChanges.DeleteAsync(w, Workspace!, Id, stage.Id, stage.Version, default))).Item,
            () => Data.ChangeAsync(w => StageUndo.PutBackAsync(w, Workspace!, Id, removed!, default)),
            async () => removed = await Data.ChangeAsync(w => StageUndo.DeleteIfUnchangedAsync(w, Workspace!, Id, stage.Id, removed!.Name, StepIds(removed), default)));
    }

    // ---- steps --------------------------------------------------------------------------------

    private async Task AddStepAsync(StageResponse stage)
    {
        Guid added = default;
        var content = new StepContent("New step");
        RemovedStep? removed = null;
        await DoAsync($"added a step to '{stage.Name}'",
            async () => added = (await Data.ChangeAsync(w => StepChanges.AddAsync(w, Workspace!, Id, stage.Id, NewStepRequest.Of(content), default))).Item.Id,
            async () => removed = await Data.ChangeAsync(w => StepUndo.DeleteIfUnchangedAsync(w, Workspace!, Id, added, removed?.Step.ToContent() ?? content, default)),
            () => Data.ChangeAsync(w => StepUndo.PutBackAsync(w, Workspace!, Id, removed!, default)));
        if (added != default && _view?.Step(added) is not null)
        {
            await Select(added);
            _focusAction = true;
        }
    }

    private bool _focusAction;

    private (StageResponse Stage, int Index)? Earlier(StepResponse step)
    {
        var stages = _view!.Map.Stages;
        var stage = stages.First(s => s.Id == step.StageId);
        if (step.Position > 0) return (stage, step.Position - 1);
        var i = stages.ToList().IndexOf(stage);
        return i > 0 ? (stages[i - 1], stages[i - 1].Steps.Count) : null;
    }

    private (StageResponse Stage, int Index)? Later(StepResponse step)
    {
        var stages = _view!.Map.Stages;
        var stage = stages.First(s => s.Id == step.StageId);
        if (step.Position < stage.Steps.Count - 1) return (stage, step.Position + 1);
        var i = stages.ToList().IndexOf(stage);
        return i < stages.Count - 1 ? (stages[i + 1], 0) : null;
    }

    private async Task MoveStepAsync(StepResponse step, StageResponse to, int index)
    {
        var fromStage = step.StageId;
        var fromIndex = step.Position;
        if (to.Id == fromStage && index == fromIndex) return;
        await DoAsync($"moved step '{step.Action}'", () => Data.ChangeAsync(w => StepChanges.MoveAsync(w, Workspace!, Id, step.Id, new MoveStepRequest(to.Id, index), default)),
            () => Data.ChangeAsync(w => StepUndo.MoveIfUnchangedAsync(w, Workspace!, Id, step.Id, to.Id, fromStage, fromIndex, default)),
            () => Data.ChangeAsync(w => StepUndo.MoveIfUnchangedAsync(w, Workspace!, Id, step.Id, fromStage, to.Id, index, default)));
        await JS.InvokeVoidAsync("waymark.focus", $"[data-move='{step.Id}']");
    }

    private Task MoveEarlier(StepResponse step) => Earlier(step) is { } t ? MoveStepAsync(step, t.Stage, t.Index) : Task.CompletedTask;
    private Task MoveLater(StepResponse step) => Later(step) is { } t ? MoveStepAsync(step, t.Stage, t.Index) : Task.CompletedTask;

    private async Task DeleteStepAsync(StepResponse step)
    {
        if (_selected == step.Id) CloseEditor();
        RemovedStep? removed = null;
        await DoAsync($"deleted step '{step.Action}'",
            async () => removed = (await Data.ChangeAsync(w => StepChanges.DeleteAsync(w, Workspace!, Id, step.Id, step.Version, default))).Item,
            () => Data.ChangeAsync(w => StepUndo.PutBackAsync(w, Workspace!, Id, removed!, default)),
            async () => removed = await Data.ChangeAsync(w => StepUndo.DeleteIfUnchangedAsync(w, Workspace!, Id, step.Id, removed!.Step.ToContent(), default)));
    }

    // ---- drag and drop ------------------------------------------------------------------------

    private void DragStep(StepResponse step) { _dragStep = step.Id; _dragStage = null; }
    private void DragStage(StageResponse stage) { _dragStage = stage.Id; _dragStep = null; }

    private async Task DropOnStep(StepResponse target)
    {
        if (_dragStep is { } id && id != target.Id && _view?.Step(id) is { } step)
            await MoveStepAsync(step, _view.Map.Stages.First(s => s.Id == target.StageId), target.Position);
        else if (_dragStage is { } stageId && _view?.Map.Stages.FirstOrDefault(s => s.Id == stageId) is { } stage)
            await MoveStageAsync(stage, _view.Map.Stages.First(s => s.Id == target.StageId).Position);
        _dragStep = null;
        _dragStage = null;
    }

    private async Task DropOnStage(StageResponse target)
    {
        if (_dragStep is { } id && _view?.Step(id) is { } step)
            await MoveStepAsync(step, target, step.StageId == target.Id ? target.Steps.Count - 1 : target.Steps.Count);
        else if (_dragStage is { } stageId && stageId != target.Id && _view?.Map.Stages.FirstOrDefault(s => s.Id == stageId) is { } stage)
            await MoveStageAsync(stage, target.Position);
        _dragStep = null;
        _dragStage = null;
    }

    // ---- lanes, persona, state ----------------------------------------------------------------

    private IReadOnlyList<string> Lanes => _view?.Map.Lanes ?? [];

    private Task SetLanes(List<string> lanes, string what)
    {
        var old = Lanes.ToList();
        var shown = new LanesRequest(lanes, _view!.Map.Version);
        return DoAsync(what, () => Data.ChangeAsync(w => JourneyChanges.ShowLanesAsync(w, Workspace!, Id, shown, default)),
            () => Data.ChangeAsync(w => JourneyUndo.ShowLanesIfUnchangedAsync(w, Workspace!, Id, lanes, old, default)),
            () => Data.ChangeAsync(w => JourneyUndo.ShowLanesIfUnchangedAsync(w, Workspace!, Id, old, lanes, default)));
    }

    private Task ToggleLane(string lane)
    {
        var lanes = Lanes.ToList();
        if (lanes.Remove(lane)) return SetLanes(lanes, $"hid the lane '{LaneNames[lane]}'");
        // A lane shown again goes back to its usual place among the shown ones.
        var order = JourneyLanes.All.ToList();
        var at = lanes.FindIndex(l => order.IndexOf(l) > order.IndexOf(lane));
        lanes.Insert(at < 0 ? lanes.Count : at, lane);
        return SetLanes(lanes, $"showed the lane '{LaneNames[lane]}'");
    }

    private Task MoveLane(string lane, int delta)
    {
        var lanes = Lanes.ToList();
        var i = lanes.IndexOf(lane);
        var j = i + delta;
        if (i < 0 || j < 0 || j >= lanes.Count) return Task.CompletedTask;
        (lanes[i], lanes[j]) = (lanes[j], lanes[i]);
        return SetLanes(lanes, $"moved the lane '{LaneNames[lane]}' {(delta < 0 ? "up" : "down")}");
    }

    /// <summary>A change of the header (see <see cref="MapHeader"/>), saved at the version the user read.</summary>
    private async Task<HeaderSaved> DescribeAsync(JourneyHeader from, JourneyHeader to, int version)
    {
        var map = _view!.Map;
        var described = new JourneyRequest(to.Name, map.Scenario, to.Description, map.CustomScenario, to.PersonaId, to.State, version);
        var ok = await DoAsync(HeaderChange(from, to), () => Data.ChangeAsync(w => JourneyChanges.DescribeAsync(w, Workspace!, Id, described, default)),
            () => Data.ChangeAsync(w => JourneyUndo.DescribeIfUnchangedAsync(w, Workspace!, Id, to, from, default)),
            () => Data.ChangeAsync(w => JourneyUndo.DescribeIfUnchangedAsync(w, Workspace!, Id, from, to, default)));
        // The header asked, so this page redraws itself.
        StateHasChanged();
        return new HeaderSaved(ok, _view?.Map);
    }

    private string HeaderChange(JourneyHeader from, JourneyHeader to)
    {
        var changes = new List<string>();
        if (from.Name != to.Name) changes.Add($"renamed the map to '{to.Name}'");
        if (from.Description != to.Description) changes.Add(to.Description is null ? "removed the map's description" : "changed the map's description");
        if (from.PersonaId != to.PersonaId)
            changes.Add(_view?.Personas.FirstOrDefault(p => p.Id == to.PersonaId) is { } p ? $"chose the persona '{p.Name}'" : "removed the persona");
        if (from.State != to.State) changes.Add($"switched to the {to.State.ToString().ToLowerInvariant()} state");
        return string.Join(" and ", changes);
    }

    // ---- step editor --------------------------------------------------------------------------

    private async Task Select(Guid stepId)
    {
        if (_view?.Step(stepId) is null) return;
        _lists = await MapData.EditorListsAsync(Data, Workspace!);
        if (_view?.Step(stepId) is not { } step) return;
        _selected = stepId;
        _conflict = null;
        _saved = null;
        LoadForm(step);
        _focusEditor = true;
    }

    private void LoadForm(StepResponse step)
    {
        _form = StepForm.From(step);
        _formVersion = step.Version;
    }

    private void CloseEditor()
    {
        _selected = null;
        _form = null;
        _lists = null;
        _conflict = null;
        _saved = null;
    }

    /// <summary>Closes the editor and gives the focus back to the step it was opened from.</summary>
    private void CloseEditorToStep()
    {
        _focusStep = _selected;
        CloseEditor();
    }

    private void EditorKey(KeyboardEventArgs e)
    {
        if (e.Key == "Escape") CloseEditorToStep();
    }

    private bool TouchpointMatches(TouchpointItem t) =>
        _tpSearch.Trim() is not { Length: > 0 } q || t.Name.Contains(q, StringComparison.CurrentCultureIgnoreCase);

    private async Task SaveStepAsync()
    {
        if (_form is null || _selected is not { } id || _view?.Step(id) is not { } before) return;
        var content = _form.ToContent();
        var oldContent = MapData.ContentOf(before);
        var version = _formVersion;
        var edited = StepRequest.Of(content, version);
        var ok = await DoAsync($"edited step '{content.Action}'", () => Data.ChangeAsync(w => StepChanges.UpdateAsync(w, Workspace!, Id, id, edited, default)),
            () => Data.ChangeAsync(w => StepUndo.UpdateIfUnchangedAsync(w, Workspace!, Id, id, content, oldContent, default)),
            () => Data.ChangeAsync(w => StepUndo.UpdateIfUnchangedAsync(w, Workspace!, Id, id, oldContent, content, default)));
        if (_view?.Step(id) is { } after)
        {
            if (ok)
            {
                LoadForm(after);
                _conflict = null;
                _saved = "Step saved.";
            }
            else if (after.Version != version)
            {
                // Someone saved first: show their version, keep nothing of ours silently.
                LoadForm(after);
                _conflict = $"Someone else saved this step first (version {after.Version}). Their version is shown now; apply your change again if it still matters.";
            }
        }
    }

    private void ToggleTouchpoint(Guid touchpointId, bool on)
    {
        if (_form is null) return;
        _form.TouchpointIds.Remove(touchpointId);
        if (on) _form.TouchpointIds.Add(touchpointId);
    }

    private async Task AddImprovementAsync()
    {
        if (_selected is not { } stepId || string.IsNullOrWhiteSpace(_actionTitle)) return;
        var request = new Features.Improvements.ImprovementRequest(_actionTitle.Trim(), OwnerId: _actionOwner, DueOn: _actionDue, JourneyId: Id, StepId: stepId);
        var kind = _newKind;
        if (await TryAsync(() => Data.ChangeAsync(work => Features.Improvements.ImprovementChanges.CreateAsync(work, Workspace!, kind, request, default)), $"{Wording.Words(kind)} added to the step."))
        {
            _actionTitle = "";
            _actionDue = null;
            await ReloadAsync();
        }
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (_focusAction || _focusEditor)
        {
            // An editor starts in the customer action; a viewer, whose fields are disabled, on the editor's heading.
            var target = CanEdit ? "#step-action" : "#editor-title";
            _focusAction = _focusEditor = false;
            await JS.InvokeVoidAsync("waymark.focus", target);
        }
        if (_focusStep is { } step)
        {
            _focusStep = null;
            await JS.InvokeVoidAsync("waymark.focus", $"[data-open-step='{step}']");
        }
        if (_focusStage is { } stage)
        {
            _focusStage = null;
            await JS.InvokeVoidAsync("waymark.scrollIntoView", $"[data-stage-id='{stage}']");
            await JS.InvokeVoidAsync("waymark.focus", $"#stage-name-{stage}");
        }
    }

    private async Task SkipToMapAsync()
    {
        var first = _layout?.FirstStep?.Step;
        await JS.InvokeVoidAsync("waymark.focus", first is null ? "#map" : $"[data-open-step='{first.Id}']");
    }

    // ---- the map as a whole: zoom, the other state, deletion -------------------------------------

    private string ZoomText => $"{Math.Round(_zoom * 100)} %";

    private string ZoomStyle => _zoom == 1 ? "" : $"zoom:{_zoom.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture)};";

    private void ZoomBy(int direction)
    {
        var next = direction > 0 ? ZoomLevels.Where(z => z > _zoom + 0.001).DefaultIfEmpty(ZoomLevels[^1]).First()
            : ZoomLevels.Where(z => z < _zoom - 0.001).DefaultIfEmpty(ZoomLevels[0]).Last();
        _zoom = next;
    }

    /// <summary>Zooms so that the whole map fits the scroll area (never beyond 100 %, never below the smallest step).</summary>
    private async Task FitAsync()
    {
        var fit = await JS.InvokeAsync<double>("waymark.fitScale", "#map", ".wm-map");
        if (fit > 0) _zoom = Math.Clamp(Math.Floor(fit * 100) / 100, ZoomLevels[0], 1);
    }

    private async Task StartOtherStateAsync()
    {
        if (_view is null) return;
        var map = _view.Map;
        Guid id = default;
        var state = map.State == JourneyState.Current ? JourneyState.Future : JourneyState.Current;
        var other = state.ToString().ToLowerInvariant();
        if (await TryAsync(async () => id = (await Data.ChangeAsync(w => JourneyChanges.CopyAsync(w, Workspace!, map.Id, new CopyJourneyRequest(State: state), default))).Id,
                $"The {other} state of '{map.Name}' was started from this map."))
            Nav.NavigateTo(Link($"journeys/{id}"));
    }

    private async Task DeleteMapAsync()
    {
        if (_view is null || _busy) return;
        var map = _view.Map;
        _busy = true;
        try
        {
            if (await TryAsync(() => Data.ChangeAsync(w => JourneyChanges.DeleteAsync(w, Workspace!, Id, map.Version, default)), $"The map '{map.Name}' was deleted."))
            {
                Nav.NavigateTo(Link("journeys"));
                return;
            }
            _confirmDelete = false;
            await ReloadAsync();
        }
        finally { _busy = false; }
    }

    private static string Count(int n, string noun) => $"{n} {noun}{(n == 1 ? "" : "s")}";

    // ---- drawing ------------------------------------------------------------------------------

    private static string GridTemplate(MapLayout layout) =>
        $"grid-template-columns: var(--wm-lane-w) repeat({layout.GridColumns}, {MapLayout.ColumnWidth}px) {MapLayout.ColumnWidth / 2}px;";

    // ---- what the map's parts (MapStageRow, MapStepRow, MapLaneRow, LaneHead) ask of the page -----------------
    // They name stages and steps by id: a part that did not render again since a change still holds the older objects.

    /// <summary>
    /// Runs what a part of the map asked for and redraws the page, as an event of the page itself would (the event
    /// belongs to the part, which renders again only when what it shows changed).
    /// </summary>
    internal async Task Act(Func<Task> action)
    {
        var task = action();
        StateHasChanged();
        await task;
        StateHasChanged();
    }

    internal Task Act(Action action) => Act(() => { action(); return Task.CompletedTask; });

    internal bool LaneTools => CanEdit && !_busy;
    internal Task LaneMove(string lane, int delta) => MoveLane(lane, delta);
    internal Task LaneToggle(string lane) => ToggleLane(lane);

    /// <summary>The name being typed for the stage being renamed.</summary>
    internal string StageName { get => _stageName; set => _stageName = value; }

    private StageResponse? StageOf(Guid id) => _view?.Map.Stages.FirstOrDefault(s => s.Id == id);

    internal Task Open(Guid stepId) => Select(stepId);
    internal void DragStage(Guid stageId) { if (StageOf(stageId) is { } stage) DragStage(stage); }
    internal void DragStep(Guid stepId) { if (_view?.Step(stepId) is { } step) DragStep(step); }
    internal Task DropOnStage(Guid stageId) => StageOf(stageId) is { } stage ? DropOnStage(stage) : Task.CompletedTask;
    internal Task DropOnStep(Guid stepId) => _view?.Step(stepId) is { } step ? DropOnStep(step) : Task.CompletedTask;
    internal void StartRename(Guid stageId) { if (StageOf(stageId) is { } stage) StartRename(stage); }
    internal Task FinishRename(Guid stageId) => StageOf(stageId) is { } stage ? FinishRename(stage) : Task.CompletedTask;
    internal Task RenameKey(KeyboardEventArgs e, Guid stageId) => StageOf(stageId) is { } stage ? RenameKey(e, stage) : Task.CompletedTask;
    internal Task MoveStage(Guid stageId, int delta) => StageOf(stageId) is { } stage ? MoveStageAsync(stage, stage.Position + delta) : Task.CompletedTask;
    internal Task AddStep(Guid stageId) => StageOf(stageId) is { } stage ? AddStepAsync(stage) : Task.CompletedTask;
    internal Task DeleteStage(Guid stageId) => StageOf(stageId) is { } stage ? DeleteStageAsync(stage) : Task.CompletedTask;
    internal Task MoveStep(Guid stepId, int delta) => _view?.Step(stepId) is { } step ? (delta < 0 ? MoveEarlier(step) : MoveLater(step)) : Task.CompletedTask;
    internal Task DeleteStep(Guid stepId) => _view?.Step(stepId) is { } step ? DeleteStepAsync(step) : Task.CompletedTask;
    internal bool HasEarlier(StepResponse step) => Earlier(step) is not null;
    internal bool HasLater(StepResponse step) => Later(step) is not null;

    public void Dispose()
    {
        _watch?.Dispose();
    }
}

/// <summary>The editable copy of a step in the editor panel.</summary>
public sealed class StepForm
{
    public string Action { get; set; } = "";
    public string? Thoughts { get; set; }
    public string? Questions { get; set; }
    public string? Obstacles { get; set; }
    public int Emotion { get; set; }
    public List<Guid> TouchpointIds { get; set; } = [];
    public Guid? BackstageDepartmentId { get; set; }
    public int? WaitingMinutes { get; set; }
    public bool IsMomentOfTruth { get; set; }
    public bool IsPainPoint { get; set; }
    public bool IsBrandSuccessPoint { get; set; }
    public string? Notes { get; set; }

    public static StepForm From(StepResponse s) => new()
    {
        Action = s.Action, Thoughts = s.ThoughtsAndMotivation, Questions = s.Questions, Obstacles = s.Obstacles, Emotion = s.Emotion,
        TouchpointIds = [.. s.TouchpointIds], BackstageDepartmentId = s.BackstageDepartmentId, WaitingMinutes = s.WaitingMinutes,
        IsMomentOfTruth = s.IsMomentOfTruth, IsPainPoint = s.IsPainPoint, IsBrandSuccessPoint = s.IsBrandSuccessPoint, Notes = s.Notes,
    };

    public StepContent ToContent() => new(Action, Blank(Thoughts), Blank(Questions), Blank(Obstacles), Emotion, TouchpointIds,
        BackstageDepartmentId, WaitingMinutes, IsMomentOfTruth, IsPainPoint, IsBrandSuccessPoint, Blank(Notes));

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s;
}
