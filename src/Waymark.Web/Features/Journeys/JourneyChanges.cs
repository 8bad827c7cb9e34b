using Microsoft.EntityFrameworkCore;
using Waymark.Domain.Common;
using Waymark.Domain.Journeys;
using Waymark.Domain.Personas;
using Waymark.Storage.Access;
using Waymark.Web.Infrastructure;

namespace Waymark.Web.Features.Journeys;

/// <summary>Every change to a journey map as a whole, for the HTTP API, the journey pages and the CLI alike. Stages and steps: <see cref="StageChanges"/>, <see cref="StepChanges"/>.</summary>
public static class JourneyChanges
{
    public static async Task<Journey> CreateAsync(Work work, CurrentWorkspace ws, CreateJourneyRequest r, CancellationToken ct)
    {
        await work.AllowAsync(ws, WorkspaceRole.Editor, ct);
        var db = work.Db;
        var journey = new Journey(ws.Id, r.Name, r.Scenario, r.State).Describe(r.Name, r.Description, r.Scenario, r.CustomScenario, r.PersonaId, r.State);
        await db.RequireAsync<Persona>(ws, r.PersonaId, "personaId", "persona", ct);
        if (r.FromPhases && r.Stages is { Count: > 0 })
            throw new DomainRuleException("fromPhases", "Give either a list of stages or fromPhases, not both.");
        var phases = await db.Phases.AsNoTracking().Where(p => p.WorkspaceId == ws.Id).OrderBy(p => p.Position).ToListAsync(ct);
        if (r.FromPhases)
            foreach (var phase in phases) journey.AddStage(phase.Name, phase.Id);
        for (var i = 0; i < (r.Stages?.Count ?? 0); i++)
        {
            var s = r.Stages![i] ?? throw new DomainRuleException($"stages[{i}]", "A stage needs a name or a phaseId.");
            var phase = s.PhaseId is { } pid
                ? phases.FirstOrDefault(p => p.Id == pid) ?? throw new DomainRuleException($"stages[{i}].phaseId", $"There is no phase with id {pid} in this workspace.")
                : null;
            try { journey.AddStage(string.IsNullOrWhiteSpace(s.Name) && phase is not null ? phase.Name : s.Name!, phase?.Id); }
            catch (DomainRuleException e) { throw new DomainRuleException($"stages[{i}].{e.Field}", e.Message); }
        }
        db.Journeys.Add(journey);
        await work.SaveAsync(ct);
        return journey;
    }

    /// <summary>Saves a copy of the map (see <see cref="Journey.CopyAs"/>).</summary>
    public static async Task<Journey> CopyAsync(Work work, CurrentWorkspace ws, Guid id, CopyJourneyRequest r, CancellationToken ct)
    {
        await work.AllowAsync(ws, WorkspaceRole.Editor, ct);
        var db = work.Db;
        var original = await db.Journeys.AsNoTracking().Include(j => j.Stages).ThenInclude(s => s.Steps).FindInAsync(ws, id, "journey", ct);
        var state = r.State ?? original.State;
        var persona = r.PersonaId ?? original.PersonaId;
        await db.RequireAsync<Persona>(ws, persona, "personaId", "persona", ct);
        var name = string.IsNullOrWhiteSpace(r.Name)
            ? original.Name + (state != original.State ? $" ({(state == JourneyState.Future ? "future" : "current")} state)" : " (copy)")
            : r.Name.Trim();
        var copy = original.CopyAs(name, state, persona);
        db.Journeys.Add(copy);
        await work.SaveAsync(ct);
        return copy;
    }

    /// <summary>Names and describes the map, sets its scenario, persona and state, at the version the caller read.</summary>
    public static async Task<Journey> DescribeAsync(Work work, CurrentWorkspace ws, Guid id, JourneyRequest r, CancellationToken ct)
    {
        await work.AllowAsync(ws, WorkspaceRole.Editor, ct);
        var journey = await JourneyMaps.LoadAsync(work.Db, ws, id, ct);
        journey.EnsureVersion(Versions.Required(r.Version));
        await work.Db.RequireAsync<Persona>(ws, r.PersonaId, "personaId", "persona", ct);
        var before = JourneyWords.HeaderOf(journey);
        journey.Describe(r.Name, r.Description, r.Scenario, r.CustomScenario, r.PersonaId, r.State);
        work.Announce(journey.Id, await JourneyWords.DescribedAsync(work.Db, before, journey, ct));
        await work.SaveAsync(ct);
        return journey;
    }

    /// <summary>Chooses the lanes the map shows, top to bottom.</summary>
    public static async Task<Journey> ShowLanesAsync(Work work, CurrentWorkspace ws, Guid id, LanesRequest r, CancellationToken ct)
    {
        await work.AllowAsync(ws, WorkspaceRole.Editor, ct);
        var journey = await JourneyMaps.LoadAsync(work.Db, ws, id, ct);
        journey.EnsureVersion(Versions.Required(r.Version));
        var before = journey.Lanes.ToList();
        journey.ShowLanes(r.Lanes ?? throw new DomainRuleException("lanes", "Lanes are required: the list of lanes to show, top to bottom."));
        work.Announce(journey.Id, JourneyWords.LanesChanged(before, journey.Lanes));
        await work.SaveAsync(ct);
        return journey;
    }

    /// <summary>Deletes the map with its stages, steps and step evaluations; KPIs and actions that pointed at it stay, unlinked.</summary>
    public static async Task DeleteAsync(Work work, CurrentWorkspace ws, Guid id, int? version, CancellationToken ct)
    {
        await work.AllowAsync(ws, WorkspaceRole.Editor, ct);
        var journey = await JourneyMaps.LoadAsync(work.Db, ws, id, ct);
        if (version is { } v) journey.EnsureVersion(v);
        work.Db.Journeys.Remove(journey);
        work.Announce(journey.Id, "deleted the map");
        await work.SaveAsync(ct);
    }
}
