using System.Globalization;
using System.Text;

namespace Waymark.Web.Features.Journeys;

/// <summary>How a map draws its emotion curve, on the page and in the SVG alike: −3 at the bottom, +3 at the top, a smooth line through the steps.</summary>
public static class EmotionLine
{
    /// <summary>The height of an emotion −3 … +3 (or an average of them) in a lane <paramref name="height"/> high, 14 clear of its edges.</summary>
    public static double Y(double emotion, double height) => height / 2.0 - emotion * (height / 2.0 - 14) / 3.0;

    /// <summary>A smooth line through the points (Catmull–Rom turned into cubic Béziers).</summary>
    public static string Path(IReadOnlyList<(double X, double Y)> points)
    {
        if (points.Count == 0) return "";
        var path = new StringBuilder($"M{F(points[0].X)},{F(points[0].Y)}");
        for (var i = 0; i < points.Count - 1; i++)
        {
            var p0 = points[Math.Max(0, i - 1)];
            var p1 = points[i];
            var p2 = points[i + 1];
            var p3 = points[Math.Min(points.Count - 1, i + 2)];
            path.Append($" C{F(p1.X + (p2.X - p0.X) / 6)},{F(p1.Y + (p2.Y - p0.Y) / 6)} {F(p2.X - (p3.X - p1.X) / 6)},{F(p2.Y - (p3.Y - p1.Y) / 6)} {F(p2.X)},{F(p2.Y)}");
        }
        return path.ToString();
    }

    /// <summary>A coordinate as SVG reads it: invariant, at most one decimal.</summary>
    public static string F(double v) => v.ToString("0.#", CultureInfo.InvariantCulture);
}
