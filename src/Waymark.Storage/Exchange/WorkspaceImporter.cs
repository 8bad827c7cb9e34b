using System.Text.Json;
using Waymark.Domain.Common;
using Waymark.Domain.Evaluations;
using Waymark.Domain.Improvements;
using Waymark.Domain.Journeys;
using Waymark.Domain.Kpis;
using Waymark.Domain.Organisation;
using Waymark.Domain.Personas;
using Waymark.Domain.Touchpoints;
using Waymark.Domain.Workspaces;

namespace Waymark.Storage.Exchange;

/// <summary>One thing wrong with an import: where (a JSON path such as <c>touchpoints[3].relevance</c>, and the line when known) and what.</summary>
public sealed record ImportError(string Path, string Message, long? Line = null)
{
    public override string ToString() => Line is { } line ? $"line {line}, {Path}: {Message}" : $"{Path}: {Message}";
}

public sealed class ImportException(IReadOnlyList<ImportError> errors)
    : Exception($"The workspace document cannot be imported; nothing was changed. {errors.Count} problem(s), first: {errors[0]}")
{
    public IReadOnlyList<ImportError> Errors { get; } = errors;
}

/// <summary>
/// Turns a <see cref="WorkspaceDocument"/> into a new workspace's content with new ids. Every item goes through the
/// domain's rules; all problems are collected with their place, and if there is any, nothing is created.
/// </summary>
public sealed class WorkspaceImporter
{
    private const int MaxErrors = 100;
    private readonly List<ImportError> _errors = [];
    private readonly Dictionary<Guid, Guid> _ids = [];
    private readonly Dictionary<Guid, string> _kinds = [];

    public static WorkspaceDocument Parse(string json, JsonSerializerOptions options)
    {
        try
        {
            return JsonSerializer.Deserialize<WorkspaceDocument>(json, options)
                ?? throw new ImportException([new ImportError("$", "The file is empty.")]);
        }
        catch (JsonException e)
        {
            if (RequiredValues.MissingFields(e) is [_, ..] missing)
                throw new ImportException(missing.Select(f => new ImportError(f, "This value is required and was not given.", e.LineNumber + 1)).ToList());
            var path = string.IsNullOrEmpty(e.Path) || e.Path == "$" ? "$" : e.Path.TrimStart('$', '.');
            var message = path == "$" ? "This is not valid JSON: check for a missing comma, quote or bracket." : "This value has the wrong type or format.";
            throw new ImportException([new ImportError(path, message, e.LineNumber + 1)]);
        }
    }

    public static WorkspaceContent Build(WorkspaceDocument document, string key, string? name = null) =>
        new WorkspaceImporter().Create(document, key, name);

    private WorkspaceContent Create(WorkspaceDocument doc, string key, string? name)
    {
        if (doc.Format != WorkspaceDocument.FormatName)
            Fail("format", $"This is not a Waymark workspace document (format should be '{WorkspaceDocument.FormatName}').");
        if (doc.FormatVersion is < 1 or > WorkspaceDocument.CurrentFormatVersion)
            Fail("formatVersion", $"Format version {doc.FormatVersion} is not supported; this Waymark reads version 1 to {WorkspaceDocument.CurrentFormatVersion}.");
        ThrowIfFailed();

        var workspace = Try("workspace", () => new Workspace(key, name ?? doc.Workspace?.Name ?? "", doc.Workspace?.Description));
        ThrowIfFailed();
        var content = new WorkspaceContent(workspace!);
        var ws = workspace!.Id;

        Each(doc.Phases, "phases", (p, i) => Register(p.Id, "phases", i, "phase",
            new Phase(ws, p.Name, i).Describe(p.Name, p.Description), content.Phases, x => x.Id));
        Each(doc.Channels, "channels", (c, i) => Register(c.Id, "channels", i, "channel",
            new Channel(ws, c.Name, c.Kind, c.Reach).Describe(c.Name, c.Kind, c.Reach, c.Description), content.Channels, x => x.Id));
        Each(doc.Departments, "departments", (d, i) => Register(d.Id, "departments", i, "department",
            new Department(ws, d.Name).Describe(d.Name, d.Description, d.Bottlenecks, d.Delays, d.InternalProblems), content.Departments, x => x.Id));
        Each(doc.People, "people", (p, i) => Register(p.Id, "people", i, "person",
            new Person(ws, p.Name).Describe(p.Name, p.Role, p.Email, Ref(p.DepartmentId, "department", $"people[{i}].departmentId")), content.People, x => x.Id));
        Each(doc.Personas, "personas", (p, i) => Register(p.Id, "personas", i, "persona",
            new Persona(ws, p.Name).Describe(new PersonaProfile(p.Name, p.Initials, p.PictureUrl, p.Quote, p.Description, p.AgeBand, p.Occupation,
                p.IncomeBand, p.Location, p.Household, p.Goals, p.Needs, p.Frustrations, p.PurchasingBehaviour, p.OnlineAffinity,
                Refs(p.PreferredChannelIds, "channel", $"personas[{i}].preferredChannelIds"), p.ShareOfCustomers)), content.Personas, x => x.Id));
        Each(doc.Touchpoints, "touchpoints", (t, i) => Register(t.Id, "touchpoints", i, "touchpoint",
            new Touchpoint(ws, new TouchpointProfile(t.Name, Ref(t.ChannelId, "channel", $"touchpoints[{i}].channelId") ?? Guid.Empty, t.Category,
                t.Relevance, t.Description, t.CustomCategory, Refs(t.PhaseIds, "phase", $"touchpoints[{i}].phaseIds"),
                Ref(t.DepartmentId, "department", $"touchpoints[{i}].departmentId"), Ref(t.OwnerId, "person", $"touchpoints[{i}].ownerId"),
                t.IsMomentOfTruth, t.IsPainPoint, t.IsBrandSuccessPoint, t.DesignCompliance, t.TonalityCompliance, t.ReactionTimeCompliance,
                t.Tags, t.EventKey)), content.Touchpoints, x => x.Id));
        Each(doc.Journeys, "journeys", (j, i) => AddJourney(ws, j, i, content));
        Each(doc.Kpis, "kpis", (k, i) => AddKpi(ws, k, i, content));
        Each(doc.Evaluations, "evaluations", (e, i) =>
        {
            var at = $"evaluations[{i}]";
            content.Evaluations.Add(new Evaluation(ws, new EvaluationContent(e.Score, e.EvaluatedOn,
                Ref(e.TouchpointId, "touchpoint", $"{at}.touchpointId"), Ref(e.StepId, "step", $"{at}.stepId"),
                Ref(e.PersonaId, "persona", $"{at}.personaId"), e.Source, e.Expectation, e.Experience, e.ExpectationLevel,
                e.ExperienceLevel, e.Evaluator, e.Comment)));
        });
        Each(doc.Improvements, "improvements", (m, i) =>
        {
            var at = $"improvements[{i}]";
            content.Improvements.Add(new Improvement(ws, m.Kind, new ImprovementContent(m.Title, m.Description,
                Ref(m.OwnerId, "person", $"{at}.ownerId"), m.DueOn, m.Status, m.Priority, m.Impact, m.Effort,
                Ref(m.TouchpointId, "touchpoint", $"{at}.touchpointId"), Ref(m.JourneyId, "journey", $"{at}.journeyId"),
                Ref(m.StepId, "step", $"{at}.stepId"), Ref(m.KpiId, "kpi", $"{at}.kpiId"), Ref(m.PersonaId, "persona", $"{at}.personaId"))));
        });
        if (doc.ServiceContacts is { } contacts)
            content.ServiceContacts = Try("serviceContacts", () => new Domain.Events.ServiceContactSetting(ws)
                .Define(contacts.Touchpoints, contacts.Channels, contacts.ResolvedOutcomes, contacts.UnresolvedOutcomes));
        if (doc.EventMapping is { } eventMapping)
            content.EventMapping = Try("eventMapping", () => new Domain.Events.EventColumnMapping(ws).Define(eventMapping));
        ThrowIfFailed();
        return content;
    }

    private void AddJourney(Guid ws, JourneyDoc j, int i, WorkspaceContent content)
    {
        var at = $"journeys[{i}]";
        var journey = new Journey(ws, j.Name, j.Scenario, j.State)
            .Describe(j.Name, j.Description, j.Scenario, j.CustomScenario, Ref(j.PersonaId, "persona", $"{at}.personaId"), j.State);
        if (j.Lanes is not null) Try($"{at}.lanes", () => journey.ShowLanes(j.Lanes));
        Remember(j.Id, journey.Id, "journey", at);
        foreach (var (s, si) in (j.Stages ?? []).Select((s, si) => (s, si)))
        {
            var stageAt = $"{at}.stages[{si}]";
            var stage = Try(stageAt, () => journey.AddStage(s.Name, Ref(s.PhaseId, "phase", $"{stageAt}.phaseId")).Describe(s.Name, s.Description, Ref(s.PhaseId, "phase", $"{stageAt}.phaseId")));
            if (stage is null) continue;
            Remember(s.Id, stage.Id, "stage", stageAt);
            foreach (var (p, pi) in (s.Steps ?? []).Select((p, pi) => (p, pi)))
            {
                var stepAt = $"{stageAt}.steps[{pi}]";
                var step = Try(stepAt, () => journey.AddStep(stage.Id, new StepContent(p.Action, p.ThoughtsAndMotivation, p.Questions, p.Obstacles,
                    p.Emotion, Refs(p.TouchpointIds, "touchpoint", $"{stepAt}.touchpointIds"),
                    Ref(p.BackstageDepartmentId, "department", $"{stepAt}.backstageDepartmentId"), p.WaitingMinutes,
                    p.IsMomentOfTruth, p.IsPainPoint, p.IsBrandSuccessPoint, p.Notes)));
                if (step is not null) Remember(p.Id, step.Id, "step", stepAt);
            }
        }
        content.Journeys.Add(journey);
    }

    private void AddKpi(Guid ws, KpiDoc k, int i, WorkspaceContent content)
    {
        var at = $"kpis[{i}]";
        var kpi = new Kpi(ws, new KpiDefinition(k.Name, k.Unit, k.Direction, k.Target, k.BestInClass, k.Description,
            Ref(k.TouchpointId, "touchpoint", $"{at}.touchpointId"), Ref(k.StepId, "step", $"{at}.stepId"),
            Ref(k.JourneyId, "journey", $"{at}.journeyId"), Ref(k.ChannelId, "channel", $"{at}.channelId"), k.ComputedFrom,
            k.ValidMinimum, k.ValidMaximum));
        Remember(k.Id, kpi.Id, "kpi", at);
        if (k.Binding is { } b)
            Try($"{at}.binding", () =>
            {
                kpi.Bind(new KpiEventBinding(b.Measure, b.Grain, b.Touchpoint, b.ToTouchpoint, b.Channel, Ref(b.JourneyId, "journey", $"{at}.binding.journeyId")));
                return 0;
            });
        content.Kpis.Add(kpi);
        foreach (var (m, mi) in (k.Measurements ?? []).Select((m, mi) => (m, mi)))
            Try($"{at}.measurements[{mi}]", () => { content.Measurements.Add(kpi.Measure(m.Value, m.MeasuredAt, m.Source, m.Note)); return 0; });
    }

    private void Each<T>(List<T>? items, string list, Action<T, int> create)
    {
        if (items is null) return;
        for (var i = 0; i < items.Count && _errors.Count < MaxErrors; i++)
        {
            if (items[i] is null) { Fail($"{list}[{i}]", "An entry is empty."); continue; }
            var at = $"{list}[{i}]";
            Try(at, () => { create(items[i], i); return 0; });
        }
    }

    private void Register<T>(Guid oldId, string list, int i, string kind, T created, List<T> into, Func<T, Guid> id)
    {
        Remember(oldId, id(created), kind, $"{list}[{i}]");
        into.Add(created);
    }

    private void Remember(Guid oldId, Guid newId, string kind, string at)
    {
        if (oldId == Guid.Empty) { Fail($"{at}.id", "Every item needs an id so others can refer to it."); return; }
        if (!_ids.TryAdd(oldId, newId)) { Fail($"{at}.id", $"The id {oldId} is used twice in the document."); return; }
        _kinds[oldId] = kind;
    }

    private Guid? Ref(Guid? oldId, string kind, string at)
    {
        if (oldId is null || oldId == Guid.Empty) return null;
        if (_ids.TryGetValue(oldId.Value, out var id) && _kinds[oldId.Value] == kind) return id;
        Fail(at, $"Refers to {oldId}, which is no {kind} earlier in the document.");
        return null;
    }

    private Guid[]? Refs(Guid[]? oldIds, string kind, string at) =>
        oldIds?.Select((id, n) => Ref(id, kind, $"{at}[{n}]")).Where(id => id is not null).Select(id => id!.Value).ToArray();

    private T? Try<T>(string at, Func<T> create) where T : class?
    {
        try { return create(); }
        catch (DomainRuleException e) { Fail(e.Field.Length == 0 ? at : $"{at}.{e.Field}", e.Message); return null; }
    }

    private int Try(string at, Func<int> create)
    {
        try { return create(); }
        catch (DomainRuleException e) { Fail(e.Field.Length == 0 ? at : $"{at}.{e.Field}", e.Message); return 0; }
    }

    private void Fail(string path, string message)
    {
        if (_errors.Count < MaxErrors) _errors.Add(new ImportError(path, message));
    }

    private void ThrowIfFailed()
    {
        if (_errors.Count > 0) throw new ImportException(_errors);
    }
}
