using Waymark.Domain.Evaluations;

namespace Waymark.Web.Features.Journeys.Layout;

/// <summary>
/// How a score band looks wherever a map is drawn: the page's chip class (waymark.css paints <c>.wm-band-*</c> in these
/// colours) and the fill, ink and border a file draws with, with the score range its legend names.
/// </summary>
public sealed record BandColours(ScoreBand Band, string Range, string Fill, string Ink, string Border)
{
    public string CssClass => $"wm-band-{Band}";
}

/// <summary>The colours of a journey map: score bands and emotions, one answer for the page and every file drawn from it.</summary>
public static class MapColours
{
    private static readonly BandColours FallsShort = new(ScoreBand.FallsShort, "< 5", "#fde8e8", "#b91c1c", "#f5b5b5");
    private static readonly BandColours Meets = new(ScoreBand.Meets, "5–7.4", "#fef3c7", "#92400e", "#f3d27a");
    private static readonly BandColours Exceeds = new(ScoreBand.Exceeds, "≥ 7.5", "#dcfce7", "#166534", "#98dbb0");
    private static readonly BandColours NotEvaluated = new(ScoreBand.NotEvaluated, "–", "#eef1f5", "#4a5665", "#d9dee5");

    /// <summary>The bands in the order a legend lists them: worst first, not evaluated last.</summary>
    public static IReadOnlyList<BandColours> Legend { get; } = [FallsShort, Meets, Exceeds, NotEvaluated];

    public static BandColours Of(ScoreBand band) => band switch
    {
        ScoreBand.FallsShort => FallsShort,
        ScoreBand.Meets => Meets,
        ScoreBand.Exceeds => Exceeds,
        _ => NotEvaluated,
    };

    /// <summary>A score's band (<see cref="CurrentScore.BandOf"/>: below 5, below 7.5, from 7.5) and how it looks.</summary>
    public static BandColours OfScore(double? score) => Of(CurrentScore.BandOf(score));

    /// <summary>The colour of an emotion −3 … +3 for the curve's points and the editor's scale.</summary>
    public static string Emotion(int emotion) => emotion switch
    {
        <= -2 => "#dc2626",
        -1 => "#f97316",
        0 => "#94a3b8",
        1 => "#84cc16",
        _ => "#16a34a",
    };
}
