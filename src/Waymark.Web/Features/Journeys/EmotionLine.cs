using System.Globalization;
using System.Text;

namespace Waymark.Web.Features.Journeys;

/// <summary>How a map draws its emotion curve, on the page and in the SVG alike: −3 at the bottom, +3 at the top, a smooth line through the steps.</summary>
public static class EmotionLine
{
    /// <summary>The height of an emotion −3 … +3 (or an average of them) in a lane <paramref name="height"/> high, 14 clear of its edges.</summary>
    public static double Y(double emotion, double height) => height / 2.0 - emotion * (height / 2.0 - 14) / 3.0;

    /// <summary>
    /// A smooth line through the points that never rises above or dips below the two points it joins (monotone cubic
    /// interpolation, Fritsch–Carlson): between a −2 and a +1 the curve does not pretend a −3 or a +2.
    /// </summary>
    public static string Path(IReadOnlyList<(double X, double Y)> points)
    {
        if (points.Count == 0) return "";
        var n = points.Count;
        var path = new StringBuilder($"M{F(points[0].X)},{F(points[0].Y)}");
        if (n == 1) return path.ToString();
        var slopes = new double[n - 1];
        for (var i = 0; i < n - 1; i++) slopes[i] = (points[i + 1].Y - points[i].Y) / Math.Max(1e-9, points[i + 1].X - points[i].X);
        // The tangent at a point: flat at a peak or a valley, else no steeper than either side (which keeps each piece monotone).
        var tangents = new double[n];
        tangents[0] = slopes[0];
        tangents[n - 1] = slopes[n - 2];
        for (var i = 1; i < n - 1; i++)
        {
            var (before, after) = (slopes[i - 1], slopes[i]);
            if (before * after <= 0) continue;
            var (h0, h1) = (points[i].X - points[i - 1].X, points[i + 1].X - points[i].X);
            var blended = (before * h1 + after * h0) / (h0 + h1);
            tangents[i] = Math.Sign(before) * Math.Min(Math.Min(Math.Abs(before), Math.Abs(after)), Math.Abs(blended));
        }
        for (var i = 0; i < n - 1; i++)
        {
            var (p1, p2) = (points[i], points[i + 1]);
            var third = (p2.X - p1.X) / 3;
            path.Append($" C{F(p1.X + third)},{F(p1.Y + tangents[i] * third)} {F(p2.X - third)},{F(p2.Y - tangents[i + 1] * third)} {F(p2.X)},{F(p2.Y)}");
        }
        return path.ToString();
    }

    /// <summary>The levels of the scale, top to bottom.</summary>
    public static IReadOnlyList<int> Levels { get; } = [3, 2, 1, 0, -1, -2, -3];

    /// <summary>A coordinate as SVG reads it: invariant, at most one decimal.</summary>
    public static string F(double v) => v.ToString("0.#", CultureInfo.InvariantCulture);
}
