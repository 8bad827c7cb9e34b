using System.Globalization;
using System.Text.RegularExpressions;
using Waymark.Domain.Evaluations;
using Waymark.Domain.Journeys;

namespace Waymark.Web.Features;

/// <summary>
/// Words for what Waymark shows, the same on the pages, in the map's SVG and in the exports: score bands, emotions, enum values,
/// figures and the map's lanes. Kept outside the components because the files Waymark writes speak them too.
/// </summary>
public static partial class Wording
{
    public static string BandText(ScoreBand band) => band switch
    {
        ScoreBand.FallsShort => "falls short of expectations",
        ScoreBand.Meets => "meets expectations",
        ScoreBand.Exceeds => "exceeds expectations",
        _ => "not evaluated",
    };

    public static string EmotionText(int emotion) => emotion switch
    {
        -3 => "very negative", -2 => "negative", -1 => "slightly negative", 0 => "neutral",
        1 => "slightly positive", 2 => "positive", _ => "very positive",
    };

    public static string Signed(int v) => v > 0 ? $"+{v}" : v.ToString(CultureInfo.InvariantCulture);

    /// <summary>"InProgress" → "In progress", "ECommerce" → "E-commerce".</summary>
    public static string Words(Enum value)
    {
        var s = value.ToString();
        if (s == "ECommerce") return "E-commerce";
        var spaced = Humps().Replace(s, " $1").Trim();
        return spaced.Length == 0 ? s : spaced[0] + spaced[1..].ToLowerInvariant();
    }

    public static string Number(double? v, string format = "0.##") => v is { } x ? x.ToString(format, CultureInfo.InvariantCulture) : "–";

    public static string StateText(JourneyState state) => state == JourneyState.Future ? "Future state" : "Current state";

    /// <summary>The lanes' names, as the map heads them on the page and in its files.</summary>
    public static readonly IReadOnlyDictionary<string, string> LaneNames = new Dictionary<string, string>
    {
        [JourneyLanes.Actions] = "Customer actions",
        [JourneyLanes.Thoughts] = "Thoughts & motivation",
        [JourneyLanes.Questions] = "Questions",
        [JourneyLanes.Obstacles] = "Obstacles",
        [JourneyLanes.Emotion] = "Emotion curve",
        [JourneyLanes.Channels] = "Touchpoints by channel",
        [JourneyLanes.Evidence] = "Evidence from events",
        [JourneyLanes.Backstage] = "Backstage",
        [JourneyLanes.Highlights] = "Highlights",
        [JourneyLanes.Kpis] = "KPIs",
        [JourneyLanes.Improvements] = "Ideas & actions",
    };

    [GeneratedRegex("([A-Z])")]
    private static partial Regex Humps();
}
