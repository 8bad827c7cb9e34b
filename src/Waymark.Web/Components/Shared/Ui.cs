using System.Globalization;
using System.Text.RegularExpressions;
using Waymark.Domain.Evaluations;
using Waymark.Domain.Kpis;

namespace Waymark.Web.Components.Shared;

/// <summary>Wording and colours shared by the pages.</summary>
public static partial class Ui
{
    public static string BandText(ScoreBand band) => band switch
    {
        ScoreBand.FallsShort => "falls short of expectations",
        ScoreBand.Meets => "meets expectations",
        ScoreBand.Exceeds => "exceeds expectations",
        _ => "not evaluated",
    };

    public static string BandColour(ScoreBand band) => band switch
    {
        ScoreBand.FallsShort => "#dc2626",
        ScoreBand.Meets => "#d97706",
        ScoreBand.Exceeds => "#16a34a",
        _ => "#94a3b8",
    };

    public static string EmotionColour(int emotion) => emotion switch
    {
        <= -2 => "#dc2626",
        -1 => "#f97316",
        0 => "#94a3b8",
        1 => "#84cc16",
        _ => "#16a34a",
    };

    /// <summary>The emotion's colour, dark enough for text on white (WCAG AA, at least 4.5:1); the plain colours are for curves and dots.</summary>
    public static string EmotionTextColour(int emotion) => emotion switch
    {
        <= -2 => "#b91c1c",
        -1 => "#c2410c",
        0 => "#475569",
        1 => "#4d7c0f",
        _ => "#15803d",
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

    public static string TrendArrow(KpiTrend t) => t switch { KpiTrend.Improving => "▲", KpiTrend.Worsening => "▼", KpiTrend.Stable => "▶", _ => "·" };
    public static string TrendClass(KpiTrend t) => t switch { KpiTrend.Improving => "wm-good", KpiTrend.Worsening => "wm-bad", _ => "wm-flat" };

    [GeneratedRegex("([A-Z])")]
    private static partial Regex Humps();
}
