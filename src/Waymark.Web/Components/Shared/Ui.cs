using Waymark.Domain.Evaluations;
using Waymark.Domain.Kpis;

namespace Waymark.Web.Components.Shared;

/// <summary>Colours and marks only the pages use; the words they share with the files Waymark writes are in <see cref="Waymark.Web.Features.Wording"/>.</summary>
public static class Ui
{
    public static string BandColour(ScoreBand band) => band switch
    {
        ScoreBand.FallsShort => "#dc2626",
        ScoreBand.Meets => "#d97706",
        ScoreBand.Exceeds => "#16a34a",
        _ => "#94a3b8",
    };

    /// <summary>The emotion's colour, dark enough for text on white (WCAG AA, at least 4.5:1); the map's plain colours (<see cref="Waymark.Web.Features.Journeys.Layout.MapColours.Emotion"/>) are for curves and dots.</summary>
    public static string EmotionTextColour(int emotion) => emotion switch
    {
        <= -2 => "#b91c1c",
        -1 => "#c2410c",
        0 => "#475569",
        1 => "#4d7c0f",
        _ => "#15803d",
    };

    public static string TrendArrow(KpiTrend t) => t switch { KpiTrend.Improving => "▲", KpiTrend.Worsening => "▼", KpiTrend.Stable => "▶", _ => "·" };
    public static string TrendClass(KpiTrend t) => t switch { KpiTrend.Improving => "wm-good", KpiTrend.Worsening => "wm-bad", _ => "wm-flat" };
}
