using Microsoft.EntityFrameworkCore;
using Waymark.Domain.Evaluations;
using Waymark.Domain.Personas;
using Waymark.Domain.Touchpoints;
using Waymark.Storage;
using Waymark.Web.Infrastructure;

namespace Waymark.Web.Features.Evaluations;

/// <summary>What evaluations refer to must exist in their workspace: the touchpoint, the journey step and the persona.</summary>
internal static class EvaluationReferences
{
    /// <summary>
    /// The touchpoints, steps and personas the evaluations name, checked with one query each; a step belongs to the
    /// workspace through its stage's journey. The index is the evaluation's position in <paramref name="evaluations"/>.
    /// </summary>
    public static async Task<List<(int Index, string Field, string Message)>> ErrorsAsync(
        WaymarkDb db, CurrentWorkspace ws, IReadOnlyList<Evaluation> evaluations, CancellationToken ct)
    {
        var touchpointIds = evaluations.Where(e => e.TouchpointId is not null).Select(e => e.TouchpointId!.Value).Distinct().ToList();
        var stepIds = evaluations.Where(e => e.StepId is not null).Select(e => e.StepId!.Value).Distinct().ToList();
        var personaIds = evaluations.Where(e => e.PersonaId is not null).Select(e => e.PersonaId!.Value).Distinct().ToList();

        var touchpoints = touchpointIds.Count == 0 ? [] : (await db.Set<Touchpoint>().Where(t => t.WorkspaceId == ws.Id && touchpointIds.Contains(t.Id)).Select(t => t.Id).ToListAsync(ct)).ToHashSet();
        var personas = personaIds.Count == 0 ? [] : (await db.Set<Persona>().Where(p => p.WorkspaceId == ws.Id && personaIds.Contains(p.Id)).Select(p => p.Id).ToListAsync(ct)).ToHashSet();
        var steps = stepIds.Count == 0 ? [] : (await db.StepPlaces(ws).Where(p => stepIds.Contains(p.StepId)).Select(p => p.StepId).ToListAsync(ct)).ToHashSet();

        var errors = new List<(int, string, string)>();
        for (var i = 0; i < evaluations.Count; i++)
        {
            var e = evaluations[i];
            // "Meanwhile": in a workshop, someone else may delete the touchpoint while it is being scored.
            if (e.TouchpointId is { } t && !touchpoints.Contains(t)) errors.Add((i, "touchpointId", $"There is no touchpoint with id {t} in this workspace; someone may have deleted it meanwhile."));
            if (e.StepId is { } s && !steps.Contains(s)) errors.Add((i, "stepId", $"There is no journey step with id {s} in this workspace; someone may have deleted it meanwhile."));
            if (e.PersonaId is { } p && !personas.Contains(p)) errors.Add((i, "personaId", $"There is no persona with id {p} in this workspace; someone may have deleted it meanwhile."));
        }
        return errors;
    }
}
