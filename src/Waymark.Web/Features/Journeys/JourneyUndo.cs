using Waymark.Domain.Journeys;
using Waymark.Domain.Personas;
using Waymark.Storage.Access;
using Waymark.Web.Infrastructure;

namespace Waymark.Web.Features.Journeys;

/// <summary>Undo and redo of the map page for the map's header and lanes: the change back, made only over what this session left.</summary>
public static class JourneyUndo
{
    /// <summary>
    /// Sets the header fields that differ between <paramref name="from"/> and <paramref name="to"/>, if they still read
    /// <paramref name="from"/>; what someone else changed in the other fields stays.
    /// </summary>
    public static async Task<Journey> DescribeIfUnchangedAsync(Work work, CurrentWorkspace ws, Guid id, JourneyHeader from, JourneyHeader to, CancellationToken ct)
    {
        await work.AllowAsync(ws, WorkspaceRole.Editor, ct);
        var j = await JourneyMaps.LoadAsync(work.Db, ws, id, ct);
        var name = from.Name.Trim() != to.Name.Trim();
        var description = from.Description != to.Description;
        var persona = from.PersonaId != to.PersonaId;
        var state = from.State != to.State;
        Unchanged.Require((!name || j.Name == from.Name.Trim()) && (!description || j.Description == from.Description)
            && (!persona || j.PersonaId == from.PersonaId) && (!state || j.State == from.State), "the map's header");
        if (persona) await work.Db.RequireAsync<Persona>(ws, to.PersonaId, "personaId", "persona", ct);
        var before = JourneyWords.HeaderOf(j);
        j.Describe(name ? to.Name : j.Name, description ? to.Description : j.Description, j.Scenario, j.CustomScenario,
            persona ? to.PersonaId : j.PersonaId, state ? to.State : j.State);
        work.Announce(j.Id, await JourneyWords.DescribedAsync(work.Db, before, j, ct));
        await work.SaveAsync(ct);
        return j;
    }

    /// <summary>Shows <paramref name="to"/> if the map still shows <paramref name="from"/>.</summary>
    public static async Task<Journey> ShowLanesIfUnchangedAsync(Work work, CurrentWorkspace ws, Guid id, IReadOnlyList<string> from, IReadOnlyList<string> to, CancellationToken ct)
    {
        await work.AllowAsync(ws, WorkspaceRole.Editor, ct);
        var j = await JourneyMaps.LoadAsync(work.Db, ws, id, ct);
        Unchanged.Require(j.Lanes.SequenceEqual(from), "the lanes");
        j.ShowLanes(to);
        work.Announce(j.Id, JourneyWords.LanesChanged(from, j.Lanes));
        await work.SaveAsync(ct);
        return j;
    }
}
