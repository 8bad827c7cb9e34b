using System.Text.Json;
using System.Text.Json.Serialization;
using Waymark.Domain.Journeys;
using Waymark.Domain.Touchpoints;

namespace Waymark.Analytics.Conformance;

/// <summary>
/// A designed journey as the analytics need it: ordered stages, each with ordered steps, each step naming the touchpoint
/// keys (inventory keys) that fulfil it. <see cref="TouchpointMap"/> maps event touchpoint keys to inventory keys;
/// an event key that is not in the map is taken as an inventory key itself.
/// </summary>
public sealed record DesignedJourney
{
    public string Name { get; init; } = "";
    public IReadOnlyList<DesignedStage> Stages { get; init; } = [];
    public IReadOnlyDictionary<string, string> TouchpointMap { get; init; } = new Dictionary<string, string>();

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static DesignedJourney Load(string path)
    {
        try
        {
            var journey = JsonSerializer.Deserialize<DesignedJourney>(File.ReadAllText(path), Json)
                          ?? throw new FormatException($"{path}: the file holds no journey");
            if (journey.Stages.Count == 0) throw new FormatException($"{path}: the journey has no stages");
            return journey;
        }
        catch (JsonException e)
        {
            throw new FormatException($"{path}: line {e.LineNumber + 1}: {e.Message}", e);
        }
    }

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    /// <summary>
    /// The designed journey of a journey map: its stages in order, each step that names touchpoints with the keys
    /// events use for them (a touchpoint's event key, else its name). Steps without touchpoints are left out: no event
    /// can fulfil them, so every real journey would count as skipping them.
    /// </summary>
    public static DesignedJourney FromMap(Journey map, IReadOnlyDictionary<Guid, Touchpoint> touchpoints) => new()
    {
        Name = map.Name,
        Stages = map.OrderedStages
            .Select(stage => new DesignedStage
            {
                Name = stage.Name,
                Steps = stage.OrderedSteps
                    .Select(step => new DesignedStep
                    {
                        Name = step.Action,
                        Touchpoints = step.TouchpointIds.Where(touchpoints.ContainsKey)
                            .Select(id => touchpoints[id].EventKey is { Length: > 0 } key ? key : touchpoints[id].Name)
                            .Distinct(StringComparer.Ordinal).ToList(),
                    })
                    .Where(step => step.Touchpoints.Count > 0)
                    .ToList(),
            })
            .Where(stage => stage.Steps.Count > 0)
            .ToList(),
    };
}

public sealed record DesignedStage
{
    public string Name { get; init; } = "";
    public IReadOnlyList<DesignedStep> Steps { get; init; } = [];
}

public sealed record DesignedStep
{
    public string Name { get; init; } = "";
    public IReadOnlyList<string> Touchpoints { get; init; } = [];
}

[JsonConverter(typeof(JsonStringEnumConverter<DeviationKind>))]
public enum DeviationKind
{
    /// <summary>A step of the map that the journey never fulfilled.</summary>
    SkippedStep,
    /// <summary>A touchpoint the map does not contain at all.</summary>
    UnexpectedTouchpoint,
    /// <summary>A touchpoint of the map met where the map does not expect it, and whose step is fulfilled nowhere else.</summary>
    OutOfOrderStage,
    /// <summary>A touchpoint of a step that another event of the journey fulfils.</summary>
    RepeatedContact,
}

public sealed record Deviation(DeviationKind Kind, string Subject);

/// <summary>The conformance of one journey: cost of the optimal alignment, fitness, and the deviations.</summary>
public sealed record JourneyConformance(string Journey, DateTime Start, int Events, int Cost, double Fitness, IReadOnlyList<Deviation> Deviations);
