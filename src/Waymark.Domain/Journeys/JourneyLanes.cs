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

    /// <summary>
    /// Lanes Waymark added after maps had lanes chosen: a map whose stored choice does not mention one shows it, as a new
    /// map does. Maps saved before hidden lanes were recorded name only the lanes they show.
    /// </summary>
    public static readonly IReadOnlyList<string> AddedLater = [Evidence];

    /// <summary>Marks a lane hidden by choice in the stored list.</summary>
    private const string HiddenMark = "-";

    /// <summary>The list to store for the lanes shown: them in order, then every other lane marked hidden, so that a lane hidden by choice is told apart from one added later.</summary>
    public static string[] Stored(IReadOnlyList<string> shown) => [.. shown, .. All.Where(l => !shown.Contains(l)).Select(l => HiddenMark + l)];

    /// <summary>The lanes a stored list shows: the lanes it shows, and each lane added later that it does not mention, under the lane it follows in <see cref="All"/>.</summary>
    public static string[] Shown(IReadOnlyList<string> stored)
    {
        var shown = stored.Where(l => !l.StartsWith(HiddenMark, StringComparison.Ordinal)).ToList();
        foreach (var lane in AddedLater.Where(l => !stored.Contains(l) && !stored.Contains(HiddenMark + l)))
        {
            var above = All.TakeWhile(l => l != lane).LastOrDefault(shown.Contains);
            shown.Insert(above is null ? 0 : shown.IndexOf(above) + 1, lane);
        }
        return [.. shown];
    }

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
