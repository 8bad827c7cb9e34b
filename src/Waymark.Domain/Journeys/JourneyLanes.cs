using Waymark.Domain.Common;

namespace Waymark.Domain.Journeys;

/// <summary>The swimlanes a journey map can show.</summary>
public static class JourneyLanes
{
    public const string Actions = "actions";
    public const string Thoughts = "thoughts";
    public const string Questions = "questions";
    public const string Obstacles = "obstacles";
    public const string Emotion = "emotion";
    /// <summary>One lane per channel with the touchpoints used at each step.</summary>
    public const string Channels = "channels";
    /// <summary>What the stored interaction events say about each step: journeys reaching it, waits, drop-off, order.</summary>
    public const string Evidence = "evidence";
    public const string Backstage = "backstage";
    /// <summary>Moments of truth, pain points and brand success points.</summary>
    public const string Highlights = "highlights";
    public const string Kpis = "kpis";
    public const string Improvements = "improvements";

    public static readonly IReadOnlyList<string> All =
        [Actions, Thoughts, Questions, Obstacles, Emotion, Channels, Evidence, Backstage, Highlights, Kpis, Improvements];

    public static readonly IReadOnlyList<string> Default = All;

    public static string[] Validate(IEnumerable<string> lanes)
    {
        var list = lanes.ToArray();
        foreach (var lane in list)
            if (!All.Contains(lane))
                throw new DomainRuleException("lanes", $"'{lane}' is not a lane. Lanes are: {string.Join(", ", All)}.");
        if (list.Distinct().Count() != list.Length)
            throw new DomainRuleException("lanes", "Each lane can be shown only once.");
        return list;
    }
}
