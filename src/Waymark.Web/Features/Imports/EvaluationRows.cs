using Microsoft.EntityFrameworkCore;
using Waymark.Domain.Evaluations;
using Waymark.Domain.Personas;
using Waymark.Domain.Touchpoints;
using Waymark.Storage;
using Waymark.Web.Infrastructure;
using Waymark.Web.Features.Evaluations;

namespace Waymark.Web.Features.Imports;

/// <summary>
/// Evaluation rows: a touchpoint's score for a persona (or for all customers) on a day. Evaluations have no name, so a
/// row updates the evaluation of the same touchpoint, persona, day and evaluator, and creates one otherwise: the same
/// sheet imported twice scores nothing twice.
/// </summary>
internal sealed class EvaluationRows : KindRows
{
    private static readonly Dictionary<string, EvaluationSource> Sources = new()
    {
        ["workshop"] = EvaluationSource.Workshop, ["survey"] = EvaluationSource.Survey, ["umfrage"] = EvaluationSource.Survey,
        ["befragung"] = EvaluationSource.Survey, ["interview"] = EvaluationSource.Interview, ["analytics"] = EvaluationSource.Analytics,
        ["analyse"] = EvaluationSource.Analytics, ["webanalyse"] = EvaluationSource.Analytics,
    };

    private NameIndex<Touchpoint> _touchpoints = null!;
    private NameIndex<Persona> _personas = null!;
    private Dictionary<(Guid, Guid?, DateOnly, string), Evaluation> _existing = null!;

    public override ImportKind Kind => ImportKinds.Evaluations;

    public override async Task LoadAsync(WaymarkDb db, CurrentWorkspace ws, CancellationToken ct)
    {
        _touchpoints = new(await db.Touchpoints.AsNoTracking().Where(t => t.WorkspaceId == ws.Id).ToListAsync(ct), t => t.Name,
            "; import the touchpoints first (kind 'touchpoints') or correct the name");
        _personas = new(await db.Personas.AsNoTracking().Where(p => p.WorkspaceId == ws.Id).ToListAsync(ct), p => p.Name,
            "; import the personas first (kind 'personas') or correct the name");
        _existing = (await db.Evaluations.AsNoTracking().Where(e => e.WorkspaceId == ws.Id && e.TouchpointId != null).ToListAsync(ct))
            .GroupBy(e => Key(e.TouchpointId!.Value, e.PersonaId, e.EvaluatedOn, e.Evaluator)).ToDictionary(g => g.Key, g => g.First());
    }

    private static (Guid, Guid?, DateOnly, string) Key(Guid touchpoint, Guid? persona, DateOnly day, string? evaluator) =>
        (touchpoint, persona, day, CellText.Clean(evaluator).ToLowerInvariant());

    public override RowPlan? Plan(ImportRow row, CurrentWorkspace ws)
    {
        var touchpoint = row.Reference("touchpoint", _touchpoints, "touchpoint");
        if (row.Text("touchpoint") is null) row.Missing("touchpoint", "The touchpoint scored");
        var persona = row.Reference("persona", _personas, "persona");
        var score = row.Whole("score", 1, 10);
        if (row.Text("score") is null) row.Missing("score", "The score (1 to 10)");
        var day = row.Date("evaluatedOn");
        if (row.Text("evaluatedOn") is null) row.Missing("evaluatedOn", "The day of the evaluation");
        var source = row.Choice("source", Sources, "workshop, survey, interview or analytics");
        var expectationLevel = row.Whole("expectationLevel", 1, 10);
        var experienceLevel = row.Whole("experienceLevel", 1, 10);
        if (row.Problems.Count > 0) return null;
        var evaluator = row.Text("evaluator");
        _existing.TryGetValue(Key(touchpoint!.Id, persona?.Id, day!.Value, evaluator), out var e);
        var request = new EvaluationRequest(score!.Value, day.Value, touchpoint.Id, null, persona?.Id, source ?? e?.Source ?? EvaluationSource.Workshop,
            row.Text("expectation") ?? e?.Expectation, row.Text("experience") ?? e?.Experience, expectationLevel ?? e?.ExpectationLevel,
            experienceLevel ?? e?.ExperienceLevel, evaluator ?? e?.Evaluator, row.Text("comment") ?? e?.Comment, e?.Version);
        row.Check(() => new Evaluation(ws.Id, request.Content()), f => f switch { "touchpointId" => "touchpoint", "personaId" => "persona", _ => f });
        if (row.Problems.Count > 0) return null;
        var values = Shown(("touchpoint", touchpoint.Name), ("persona", persona?.Name), ("score", request.Score.ToString()), ("evaluatedOn", CellText.Show(request.EvaluatedOn)),
            ("source", request.Source.ToString().ToLowerInvariant()), ("expectation", request.Expectation), ("experience", request.Experience),
            ("expectationLevel", request.ExpectationLevel?.ToString()), ("experienceLevel", request.ExperienceLevel?.ToString()),
            ("evaluator", request.Evaluator), ("comment", request.Comment));
        var updates = e is null ? null : $"the score {e.Score} of {CellText.Show(e.EvaluatedOn)}";
        return new RowPlan(string.Join('|', Key(touchpoint.Id, persona?.Id, day.Value, evaluator)), updates, values,
            e is null
                ? (work, w, ct) => EvaluationChanges.CreateAsync(work, w, request, ct)
                : (work, w, ct) => EvaluationChanges.UpdateAsync(work, w, e.Id, request, ct));
    }
}
