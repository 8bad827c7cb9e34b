using Waymark.Domain.Journeys;

namespace Waymark.Web.Features.Journeys;

public sealed record NewStage(string? Name, Guid? PhaseId = null);

/// <summary>Creates a journey; <c>stages</c> creates stages at once, <c>fromPhases</c> one stage per workspace phase in order.</summary>
public sealed record CreateJourneyRequest(
    string Name, JourneyScenario Scenario = JourneyScenario.InitialPurchase, string? Description = null, string? CustomScenario = null,
    Guid? PersonaId = null, JourneyState State = JourneyState.Current, IReadOnlyList<NewStage>? Stages = null, bool FromPhases = false);

public sealed record JourneyRequest(
    string Name, JourneyScenario Scenario = JourneyScenario.InitialPurchase, string? Description = null, string? CustomScenario = null,
    Guid? PersonaId = null, JourneyState State = JourneyState.Current, int? Version = null);

public sealed record LanesRequest(IReadOnlyList<string>? Lanes, int? Version = null);

/// <summary>A copy of a map; what is left out is taken from the original ("… (future state)" when only the state changes).</summary>
public sealed record CopyJourneyRequest(string? Name = null, JourneyState? State = null, Guid? PersonaId = null);

/// <summary>What the map's header edits: its name and description, persona and state.</summary>
public sealed record JourneyHeader(string Name, string? Description, Guid? PersonaId, JourneyState State)
{
    public static JourneyHeader Of(JourneyMapResponse map) => new(map.Name, map.Description, map.PersonaId, map.State);
}
