using Microsoft.EntityFrameworkCore;

namespace Waymark.Storage.Exchange;

/// <summary>Reads a workspace into a <see cref="WorkspaceDocument"/>, every list in an order fixed by content, not by id.</summary>
public static class WorkspaceExporter
{
    public static async Task<WorkspaceDocument> ExportAsync(WaymarkDb db, Guid workspaceId, CancellationToken ct = default)
    {
        var workspace = await db.Workspaces.AsNoTracking().SingleAsync(w => w.Id == workspaceId, ct);
        var phases = await db.Phases.AsNoTracking().Where(x => x.WorkspaceId == workspaceId).OrderBy(p => p.Position).ToListAsync(ct);
        var channels = (await db.Channels.AsNoTracking().Where(x => x.WorkspaceId == workspaceId).ToListAsync(ct))
            .OrderBy(c => c.Name, StringComparer.Ordinal).ThenBy(c => c.Kind).ThenBy(c => c.Reach).ThenBy(c => c.Description, StringComparer.Ordinal).ToList();
        var departments = (await db.Departments.AsNoTracking().Where(x => x.WorkspaceId == workspaceId).ToListAsync(ct))
            .OrderBy(d => d.Name, StringComparer.Ordinal).ThenBy(d => d.Description, StringComparer.Ordinal).ToList();
        var order = new Ordinals();
        order.Add(phases.Select(p => p.Id));
        order.Add(channels.Select(c => c.Id));
        order.Add(departments.Select(d => d.Id));
        var people = (await db.People.AsNoTracking().Where(x => x.WorkspaceId == workspaceId).ToListAsync(ct))
            .OrderBy(p => p.Name, StringComparer.Ordinal).ThenBy(p => p.Email, StringComparer.Ordinal).ThenBy(p => order.Of(p.DepartmentId)).ToList();
        order.Add(people.Select(p => p.Id));
        var personas = (await db.Personas.AsNoTracking().Where(x => x.WorkspaceId == workspaceId).ToListAsync(ct))
            .OrderBy(p => p.Name, StringComparer.Ordinal).ThenBy(p => p.Description, StringComparer.Ordinal).ToList();
        order.Add(personas.Select(p => p.Id));
        var touchpoints = (await db.Touchpoints.AsNoTracking().Where(x => x.WorkspaceId == workspaceId).ToListAsync(ct))
            .OrderBy(t => t.Name, StringComparer.Ordinal).ThenBy(t => order.Of(t.ChannelId)).ThenBy(t => t.Description, StringComparer.Ordinal).ThenBy(t => t.EventKey, StringComparer.Ordinal).ToList();
        order.Add(touchpoints.Select(t => t.Id));
        var journeys = (await db.Journeys.AsNoTracking().Include(j => j.Stages).ThenInclude(s => s.Steps).Where(x => x.WorkspaceId == workspaceId).ToListAsync(ct))
            .OrderBy(j => j.Name, StringComparer.Ordinal).ThenBy(j => j.State).ThenBy(j => j.Scenario).ThenBy(j => order.Of(j.PersonaId)).ToList();
        order.Add(journeys.Select(j => j.Id));
        order.Add(journeys.SelectMany(j => j.OrderedStages).Select(s => s.Id));
        order.Add(journeys.SelectMany(j => j.OrderedSteps).Select(s => s.Id));
        var kpis = (await db.Kpis.AsNoTracking().Where(x => x.WorkspaceId == workspaceId).ToListAsync(ct))
            .OrderBy(k => k.Name, StringComparer.Ordinal).ThenBy(k => k.Unit, StringComparer.Ordinal).ThenBy(k => order.Of(k.TouchpointId)).ThenBy(k => order.Of(k.JourneyId)).ToList();
        order.Add(kpis.Select(k => k.Id));
        var measurements = (await db.KpiMeasurements.AsNoTracking().Where(x => x.WorkspaceId == workspaceId).ToListAsync(ct))
            .ToLookup(m => m.KpiId);
        var evaluations = (await db.Evaluations.AsNoTracking().Where(x => x.WorkspaceId == workspaceId).ToListAsync(ct))
            .OrderBy(e => order.Of(e.TouchpointId ?? e.StepId)).ThenBy(e => order.Of(e.PersonaId)).ThenBy(e => e.EvaluatedOn)
            .ThenBy(e => e.Score).ThenBy(e => e.Evaluator, StringComparer.Ordinal).ThenBy(e => e.Comment, StringComparer.Ordinal)
            .ThenBy(e => e.Expectation, StringComparer.Ordinal).ThenBy(e => e.Source).ToList();
        var improvements = (await db.Improvements.AsNoTracking().Where(x => x.WorkspaceId == workspaceId).ToListAsync(ct))
            .OrderBy(i => i.Kind).ThenBy(i => i.Title, StringComparer.Ordinal).ThenBy(i => i.DueOn).ThenBy(i => order.Of(i.TouchpointId ?? i.StepId)).ToList();
        var contacts = await db.ServiceContactSettings.AsNoTracking().FirstOrDefaultAsync(s => s.WorkspaceId == workspaceId, ct);
        var mapping = await db.EventColumnMappings.AsNoTracking().Where(m => m.WorkspaceId == workspaceId).Select(m => m.Mapping).FirstOrDefaultAsync(ct);

        return new WorkspaceDocument
        {
            Workspace = new WorkspaceInfo(workspace.Key, workspace.Name, workspace.Description),
            Phases = phases.Select(p => new PhaseDoc(p.Id, p.Name, p.Description)).ToList(),
            Channels = channels.Select(c => new ChannelDoc(c.Id, c.Name, c.Kind, c.Reach, c.Description)).ToList(),
            Departments = departments.Select(d => new DepartmentDoc(d.Id, d.Name, d.Description, d.Bottlenecks, d.Delays, d.InternalProblems)).ToList(),
            People = people.Select(p => new PersonDoc(p.Id, p.Name, p.Role, p.Email, p.DepartmentId)).ToList(),
            Personas = personas.Select(p => new PersonaDoc(p.Id, p.Name, p.Initials, p.PictureUrl, p.Quote, p.Description, p.AgeBand, p.Occupation,
                p.IncomeBand, p.Location, p.Household, p.Goals, p.Needs, p.Frustrations, p.PurchasingBehaviour, p.OnlineAffinity,
                p.PreferredChannelIds, p.ShareOfCustomers)).ToList(),
            Touchpoints = touchpoints.Select(t => new TouchpointDoc(t.Id, t.Name, t.Description, t.Category, t.CustomCategory, t.ChannelId, t.PhaseIds,
                t.DepartmentId, t.OwnerId, t.Relevance, t.IsMomentOfTruth, t.IsPainPoint, t.IsBrandSuccessPoint, t.DesignCompliance,
                t.TonalityCompliance, t.ReactionTimeCompliance, t.Tags, t.EventKey, t.CategoryName)).ToList(),
            Journeys = journeys.Select(j => new JourneyDoc(j.Id, j.Name, j.Description, j.Scenario, j.CustomScenario, j.PersonaId, j.State, j.Lanes,
                j.OrderedStages.Select(s => new StageDoc(s.Id, s.Name, s.Description, s.PhaseId,
                    s.OrderedSteps.Select(p => new StepDoc(p.Id, p.Action, p.ThoughtsAndMotivation, p.Questions, p.Obstacles, p.Emotion, p.TouchpointIds,
                        p.BackstageDepartmentId, p.WaitingMinutes, p.IsMomentOfTruth, p.IsPainPoint, p.IsBrandSuccessPoint, p.Notes)).ToList())).ToList())).ToList(),
            Evaluations = evaluations.Select(e => new EvaluationDoc(e.TouchpointId, e.StepId, e.PersonaId, e.Score, e.Expectation, e.Experience,
                e.ExpectationLevel, e.ExperienceLevel, e.Source, e.EvaluatedOn, e.Evaluator, e.Comment)).ToList(),
            Kpis = kpis.Select(k => new KpiDoc(k.Id, k.Name, k.Description, k.Unit, k.Direction, k.Target, k.BestInClass, k.TouchpointId, k.StepId,
                k.JourneyId, k.ChannelId, k.ComputedFrom,
                measurements[k.Id].OrderBy(m => m.MeasuredAt).ThenBy(m => m.Value).ThenBy(m => m.Source)
                    .Select(m => new MeasurementDoc(m.Value, m.MeasuredAt, m.Source, m.Note)).ToList(),
                k.ValidMinimum, k.ValidMaximum,
                k.Binding is { } b ? new KpiBindingDoc(b.Measure, b.Grain, b.Touchpoint, b.ToTouchpoint, b.Channel, b.JourneyId) : null)).ToList(),
            Improvements = improvements.Select(i => new ImprovementDoc(i.Kind, i.Title, i.Description, i.OwnerId, i.DueOn, i.Status, i.Priority,
                i.Impact, i.Effort, i.TouchpointId, i.JourneyId, i.StepId, i.KpiId, i.PersonaId)).ToList(),
            ServiceContacts = contacts is null ? null
                : new ServiceContactsDoc(contacts.Touchpoints, contacts.Channels, contacts.ResolvedOutcomes, contacts.UnresolvedOutcomes),
            EventMapping = mapping,
        };
    }

    /// <summary>Position of an id in export order, so references sort the same after an import gave new ids.</summary>
    private sealed class Ordinals
    {
        private readonly Dictionary<Guid, int> _index = [];

        public void Add(IEnumerable<Guid> ids)
        {
            foreach (var id in ids) _index.TryAdd(id, _index.Count);
        }

        public int Of(Guid? id) => id is { } v && _index.TryGetValue(v, out var i) ? i : -1;
    }
}
