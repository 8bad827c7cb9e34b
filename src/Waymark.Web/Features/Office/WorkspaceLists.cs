using Microsoft.EntityFrameworkCore;
using Waymark.Domain.Common;
using Waymark.Domain.Evaluations;
using Waymark.Domain.Improvements;
using Waymark.Domain.Kpis;
using Waymark.Storage;
using Waymark.Web.Features.Touchpoints;
using Waymark.Web.Infrastructure;
using static Waymark.Web.Features.Office.ColumnKind;

namespace Waymark.Web.Features.Office;

/// <summary>
/// The workspace's lists as tables for spreadsheets: the touchpoint inventory with current scores and expectation gaps
/// (the domain's <see cref="CurrentScore"/>), evaluations, KPIs with their performance, every KPI measurement, and the
/// actions, insights and ideas. Names stand where the rows hold ids, so a sheet reads without lookups.
/// </summary>
public static class WorkspaceLists
{
    public static readonly string[] Names = ["touchpoints", "evaluations", "kpis", "kpi-measurements", "actions", "insights", "ideas"];

    /// <summary>The list's name as the routes and the CLI spell it, or null when the text names none.</summary>
    public static string? Named(string? text) => Names.FirstOrDefault(n => n.Equals(text?.Trim(), StringComparison.OrdinalIgnoreCase));

    /// <summary>Every list, in <see cref="Names"/> order.</summary>
    public static async Task<IReadOnlyList<ExportList>> AllAsync(WaymarkDb db, CurrentWorkspace ws, DateOnly today, CancellationToken ct)
    {
        var names = await NamesAsync(db, ws, ct);
        var lists = new List<ExportList>();
        foreach (var name in Names) lists.Add(await OneAsync(db, ws, names, name, today, ct));
        return lists;
    }

    /// <summary>One list by its name (<see cref="Names"/>); another name is refused in words.</summary>
    public static async Task<ExportList> OneAsync(WaymarkDb db, CurrentWorkspace ws, string list, DateOnly today, CancellationToken ct)
    {
        var name = Named(list) ?? throw new DomainRuleException("list", $"'{list}' is not a list that can be exported. Use one of: {string.Join(", ", Names)}.");
        return await OneAsync(db, ws, await NamesAsync(db, ws, ct), name, today, ct);
    }

    private static Task<ExportList> OneAsync(WaymarkDb db, CurrentWorkspace ws, Lookups names, string list, DateOnly today, CancellationToken ct) => list switch
    {
        "touchpoints" => TouchpointsAsync(db, ws, names, ct),
        "evaluations" => EvaluationsAsync(db, ws, names, ct),
        "kpis" => KpisAsync(db, ws, names, ct),
        "kpi-measurements" => MeasurementsAsync(db, ws, ct),
        "actions" => ImprovementsAsync(db, ws, names, ImprovementKind.Action, today, ct),
        "insights" => ImprovementsAsync(db, ws, names, ImprovementKind.Insight, today, ct),
        _ => ImprovementsAsync(db, ws, names, ImprovementKind.Idea, today, ct),
    };

    /// <summary>The names rows point to by id; a step is named with its journey.</summary>
    private sealed record Lookups(
        Dictionary<Guid, string> Phases, Dictionary<Guid, string> Channels, Dictionary<Guid, string> Departments, Dictionary<Guid, string> People,
        Dictionary<Guid, string> Personas, Dictionary<Guid, string> Touchpoints, Dictionary<Guid, string> Journeys, Dictionary<Guid, (Guid Journey, string Action)> Steps,
        Dictionary<Guid, string> Kpis)
    {
        public static string? Of(Dictionary<Guid, string> names, Guid? id) => id is { } x ? names.GetValueOrDefault(x) : null;
    }

    private static async Task<Lookups> NamesAsync(WaymarkDb db, CurrentWorkspace ws, CancellationToken ct)
    {
        var steps = await (
            from step in db.Steps.AsNoTracking()
            join stage in db.Stages on step.StageId equals stage.Id
            join journey in db.Journeys on stage.JourneyId equals journey.Id
            where journey.WorkspaceId == ws.Id
            select new { step.Id, JourneyId = journey.Id, step.Action }).ToListAsync(ct);
        return new Lookups(
            await db.Phases.AsNoTracking().Where(x => x.WorkspaceId == ws.Id).ToDictionaryAsync(x => x.Id, x => x.Name, ct),
            await db.Channels.AsNoTracking().Where(x => x.WorkspaceId == ws.Id).ToDictionaryAsync(x => x.Id, x => x.Name, ct),
            await db.Departments.AsNoTracking().Where(x => x.WorkspaceId == ws.Id).ToDictionaryAsync(x => x.Id, x => x.Name, ct),
            await db.People.AsNoTracking().Where(x => x.WorkspaceId == ws.Id).ToDictionaryAsync(x => x.Id, x => x.Name, ct),
            await db.Personas.AsNoTracking().Where(x => x.WorkspaceId == ws.Id).ToDictionaryAsync(x => x.Id, x => x.Name, ct),
            await db.Touchpoints.AsNoTracking().Where(x => x.WorkspaceId == ws.Id).ToDictionaryAsync(x => x.Id, x => x.Name, ct),
            await db.Journeys.AsNoTracking().Where(x => x.WorkspaceId == ws.Id).ToDictionaryAsync(x => x.Id, x => x.Name, ct),
            steps.ToDictionary(s => s.Id, s => (s.JourneyId, s.Action)),
            await db.Kpis.AsNoTracking().Where(x => x.WorkspaceId == ws.Id).ToDictionaryAsync(x => x.Id, x => x.Name, ct));
    }

    private static async Task<ExportList> TouchpointsAsync(WaymarkDb db, CurrentWorkspace ws, Lookups names, CancellationToken ct)
    {
        var phaseOrder = await db.Phases.AsNoTracking().Where(p => p.WorkspaceId == ws.Id).ToDictionaryAsync(p => p.Id, p => p.Position, ct);
        var touchpoints = await db.Touchpoints.AsNoTracking().Where(t => t.WorkspaceId == ws.Id).OrderBy(t => t.Name).ThenBy(t => t.Id).ToListAsync(ct);
        var scores = await TouchpointsApi.ScoresAsync(db, ws, touchpoints.Select(t => t.Id).ToList(), wholeWorkspace: true, ct);
        ListColumn[] columns =
        [
            new("Touchpoint", Text, 34), new("Description", Text, 40), new("Category", Text, 22), new("Channel", Text, 20), new("Phases", Text, 28),
            new("Department", Text, 20), new("Owner", Text, 20), new("Relevance (1–5)", Whole, 10), new("Moment of truth", YesNo, 10), new("Pain point", YesNo, 10),
            new("Brand success point", YesNo, 10), new("Current score (1–10)", Number, 12), new("Score band", Text, 26), new("Expectation gap", Number, 12),
            new("Evaluations counted", Whole, 12), new("Latest evaluation", Day, 13), new("Design", Text, 16), new("Tonality", Text, 16),
            new("Reaction time", Text, 16), new("Tags", Text, 24), new("Event key", Text, 20),
        ];
        var rows = touchpoints.Select(t =>
        {
            var score = scores[t.Id];
            return new object?[]
            {
                t.Name, t.Description, t.CategoryName, Lookups.Of(names.Channels, t.ChannelId),
                Joined(t.PhaseIds.OrderBy(p => phaseOrder.GetValueOrDefault(p, int.MaxValue)).Select(p => names.Phases.GetValueOrDefault(p))),
                Lookups.Of(names.Departments, t.DepartmentId), Lookups.Of(names.People, t.OwnerId), t.Relevance,
                t.IsMomentOfTruth, t.IsPainPoint, t.IsBrandSuccessPoint, score.Overall, Wording.BandText(CurrentScore.BandOf(score.Overall)),
                score.ExpectationGap, score.Evaluations, score.ByPersona.Count == 0 ? null : score.ByPersona.Max(p => p.EvaluatedOn),
                Wording.Words(t.DesignCompliance), Wording.Words(t.TonalityCompliance), Wording.Words(t.ReactionTimeCompliance),
                Joined(t.Tags), t.EventKey,
            };
        }).ToList();
        return new ExportList("touchpoints", "Touchpoints", columns, rows);
    }

    private static async Task<ExportList> EvaluationsAsync(WaymarkDb db, CurrentWorkspace ws, Lookups names, CancellationToken ct)
    {
        var evaluations = await db.Evaluations.AsNoTracking().Where(e => e.WorkspaceId == ws.Id)
            .OrderByDescending(e => e.EvaluatedOn).ThenBy(e => e.RecordedAt).ThenBy(e => e.Id).ToListAsync(ct);
        ListColumn[] columns =
        [
            new("Evaluated on", Day, 13), new("Touchpoint", Text, 30), new("Journey", Text, 28), new("Step", Text, 30), new("Persona", Text, 20),
            new("Score (1–10)", Whole, 10), new("Expectation", Text, 36), new("Expectation level", Whole, 11), new("Experience", Text, 36),
            new("Experience level", Whole, 11), new("Gap", Whole, 8), new("Source", Text, 12), new("Evaluator", Text, 20), new("Comment", Text, 40),
            new("Recorded at (UTC)", Moment, 18),
        ];
        var rows = evaluations.Select(e =>
        {
            var step = e.StepId is { } s && names.Steps.TryGetValue(s, out var found) ? found : ((Guid, string)?)null;
            return new object?[]
            {
                e.EvaluatedOn, Lookups.Of(names.Touchpoints, e.TouchpointId), step is { } st ? names.Journeys.GetValueOrDefault(st.Item1) : null, step?.Item2,
                Lookups.Of(names.Personas, e.PersonaId), e.Score, e.Expectation, e.ExpectationLevel, e.Experience, e.ExperienceLevel, e.Gap,
                Wording.Words(e.Source), e.Evaluator, e.Comment, e.RecordedAt,
            };
        }).ToList();
        return new ExportList("evaluations", "Evaluations", columns, rows);
    }

    private static async Task<ExportList> KpisAsync(WaymarkDb db, CurrentWorkspace ws, Lookups names, CancellationToken ct)
    {
        var kpis = await db.Kpis.AsNoTracking().Where(k => k.WorkspaceId == ws.Id).OrderBy(k => k.Name).ThenBy(k => k.Id).ToListAsync(ct);
        var measurements = (await db.KpiMeasurements.AsNoTracking().Where(m => m.WorkspaceId == ws.Id).ToListAsync(ct)).ToLookup(m => m.KpiId);
        ListColumn[] columns =
        [
            new("KPI", Text, 32), new("Description", Text, 40), new("Unit", Text, 10), new("Direction", Text, 18), new("Target", Number, 10),
            new("Best in class", Number, 12), new("Latest value", Number, 12), new("Measured at (UTC)", Moment, 18), new("Variance vs target", Number, 12),
            new("Target met", YesNo, 10), new("Variance vs best in class", Number, 13), new("Trend", Text, 16), new("Measurements", Whole, 12),
            new("Computed from events", YesNo, 12), new("Touchpoint", Text, 28), new("Journey", Text, 28), new("Channel", Text, 20),
        ];
        var rows = kpis.Select(k =>
        {
            var p = KpiPerformance.Of(k, measurements[k.Id]);
            return new object?[]
            {
                k.Name, k.Description, k.Unit, Wording.Words(k.Direction), k.Target, k.BestInClass, p.Actual, p.MeasuredAt, p.VersusTarget, p.MeetsTarget,
                p.VersusBestInClass, Wording.Words(p.Trend), p.Measurements, k.Binding is not null, Lookups.Of(names.Touchpoints, k.TouchpointId),
                Lookups.Of(names.Journeys, k.JourneyId), Lookups.Of(names.Channels, k.ChannelId),
            };
        }).ToList();
        return new ExportList("kpis", "KPIs", columns, rows);
    }

    private static async Task<ExportList> MeasurementsAsync(WaymarkDb db, CurrentWorkspace ws, CancellationToken ct)
    {
        var kpis = await db.Kpis.AsNoTracking().Where(k => k.WorkspaceId == ws.Id).ToDictionaryAsync(k => k.Id, ct);
        var measurements = await db.KpiMeasurements.AsNoTracking().Where(m => m.WorkspaceId == ws.Id).ToListAsync(ct);
        ListColumn[] columns =
        [
            new("KPI", Text, 32), new("Measured at (UTC)", Moment, 18), new("Value", Number, 12), new("Unit", Text, 10), new("Direction", Text, 18),
            new("Target", Number, 10), new("Best in class", Number, 12), new("Source", Text, 12), new("Note", Text, 40),
        ];
        var rows = measurements.Where(m => kpis.ContainsKey(m.KpiId))
            .OrderBy(m => kpis[m.KpiId].Name).ThenBy(m => m.MeasuredAt).ThenBy(m => m.RecordedAt).ThenBy(m => m.Id)
            .Select(m =>
            {
                var k = kpis[m.KpiId];
                return new object?[] { k.Name, m.MeasuredAt, m.Value, k.Unit, Wording.Words(k.Direction), k.Target, k.BestInClass, Wording.Words(m.Source), m.Note };
            }).ToList();
        return new ExportList("kpi-measurements", "KPI measurements", columns, rows);
    }

    private static async Task<ExportList> ImprovementsAsync(WaymarkDb db, CurrentWorkspace ws, Lookups names, ImprovementKind kind, DateOnly today, CancellationToken ct)
    {
        var items = await db.Improvements.AsNoTracking().Where(i => i.WorkspaceId == ws.Id && i.Kind == kind).ToListAsync(ct);
        var noun = Wording.Words(kind);
        ListColumn[] columns =
        [
            new(noun, Text, 36), new("Description", Text, 44), new("Status", Text, 12), new("Priority", Text, 10), new("Owner", Text, 20),
            new("Due on", Day, 12), new("Overdue", YesNo, 9), new("Impact (1–5)", Whole, 10), new("Effort (1–5)", Whole, 10), new("Touchpoint", Text, 28),
            new("Journey", Text, 28), new("Step", Text, 30), new("KPI", Text, 28), new("Persona", Text, 20), new("Completed at (UTC)", Moment, 18),
        ];
        var rows = items.OrderBy(i => i.IsOpen ? 0 : 1).ThenBy(i => i.DueOn is null ? 1 : 0).ThenBy(i => i.DueOn).ThenBy(i => i.Title).ThenBy(i => i.Id)
            .Select(i => new object?[]
            {
                i.Title, i.Description, Wording.Words(i.Status), Wording.Words(i.Priority), Lookups.Of(names.People, i.OwnerId), i.DueOn, i.IsOverdue(today),
                i.Impact, i.Effort, Lookups.Of(names.Touchpoints, i.TouchpointId), Lookups.Of(names.Journeys, i.JourneyId),
                i.StepId is { } s && names.Steps.TryGetValue(s, out var step) ? step.Action : null, Lookups.Of(names.Kpis, i.KpiId),
                Lookups.Of(names.Personas, i.PersonaId), i.CompletedAt,
            }).ToList();
        return new ExportList(kind switch { ImprovementKind.Action => "actions", ImprovementKind.Insight => "insights", _ => "ideas" },
            kind switch { ImprovementKind.Action => "Actions", ImprovementKind.Insight => "Insights", _ => "Ideas" }, columns, rows);
    }

    private static string? Joined(IEnumerable<string?> parts)
    {
        var text = string.Join(", ", parts.Where(p => !string.IsNullOrEmpty(p)));
        return text.Length == 0 ? null : text;
    }
}
