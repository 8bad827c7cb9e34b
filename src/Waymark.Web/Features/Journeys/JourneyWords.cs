using Waymark.Domain.Journeys;
using Waymark.Storage;

namespace Waymark.Web.Features.Journeys;

/// <summary>How a change of a map's header or lanes is told to the people who have the map open ("renamed the map to 'X'").</summary>
internal static class JourneyWords
{
    public sealed record Header(string Name, string? Description, JourneyScenario Scenario, string? CustomScenario, Guid? PersonaId, JourneyState State);

    public static Header HeaderOf(Journey j) => new(j.Name, j.Description, j.Scenario, j.CustomScenario, j.PersonaId, j.State);

    public static async Task<string> DescribedAsync(WaymarkDb db, Header before, Journey now, CancellationToken ct)
    {
        var changes = new List<string>();
        if (before.Name != now.Name) changes.Add($"renamed the map to '{now.Name}'");
        if (before.Description != now.Description) changes.Add(now.Description is null ? "removed the map's description" : "changed the map's description");
        if (before.Scenario != now.Scenario || before.CustomScenario != now.CustomScenario) changes.Add("changed the map's scenario");
        if (before.PersonaId != now.PersonaId)
            changes.Add(now.PersonaId is { } p && await db.Personas.FindAsync([p], ct) is { } persona ? $"chose the persona '{persona.Name}'" : "removed the persona");
        if (before.State != now.State) changes.Add($"switched to the {now.State.ToString().ToLowerInvariant()} state");
        return changes.Count == 0 ? "saved the map's header unchanged" : string.Join(" and ", changes);
    }

    public static string LanesChanged(IReadOnlyList<string> before, IReadOnlyList<string> now)
    {
        var hidden = before.Except(now).ToList();
        var shown = now.Except(before).ToList();
        if (hidden.Count == 1 && shown.Count == 0) return $"hid the lane '{Name(hidden[0])}'";
        if (shown.Count == 1 && hidden.Count == 0) return $"showed the lane '{Name(shown[0])}'";
        return hidden.Count + shown.Count == 0 ? "reordered the lanes" : "changed the lanes the map shows";
    }

    private static string Name(string lane) => Wording.LaneNames.GetValueOrDefault(lane, lane);
}
