using System.Numerics;

namespace Waymark.Analytics.Metrics;

/// <summary>
/// Exact quantiles with linear interpolation between closest ranks (Hyndman–Fan type 7, the default of numpy,
/// R and DuckDB's quantile_cont): h = (n − 1)·p, q = x[⌊h⌋] + (h − ⌊h⌋)·(x[⌊h⌋+1] − x[⌊h⌋]).
/// Uses selection, not a full sort; reorders the span.
/// </summary>
internal static class Quantiles
{
    public static double Of(Span<long> values, double p)
    {
        if (values.IsEmpty) return double.NaN;
        var h = (values.Length - 1) * p;
        var lo = (int)Math.Floor(h);
        var a = Select(values, lo);
        if (lo + 1 >= values.Length || h == lo) return a;
        // The (lo+1)-th smallest is the minimum of what selection left above lo.
        var b = long.MaxValue;
        foreach (var v in values[(lo + 1)..]) if (v < b) b = v;
        return a + (h - lo) * (b - a);
    }

    /// <summary>
    /// The same quantile, in ticks, of durations held as whole seconds: the selected values are scaled to ticks before
    /// interpolating, so the result is bit for bit the one <see cref="Of"/> gives on the durations in ticks.
    /// </summary>
    public static double OfSeconds(Span<int> seconds, double p)
    {
        if (seconds.IsEmpty) return double.NaN;
        var h = (seconds.Length - 1) * p;
        var lo = (int)Math.Floor(h);
        var a = Select(seconds, lo) * TimeSpan.TicksPerSecond;
        if (lo + 1 >= seconds.Length || h == lo) return a;
        var bs = int.MaxValue;
        foreach (var v in seconds[(lo + 1)..]) if (v < bs) bs = v;
        var b = bs * TimeSpan.TicksPerSecond;
        return a + (h - lo) * (b - a);
    }

    /// <summary>Places the k-th smallest at index k (everything before is ≤, after is ≥) and returns it.</summary>
    public static T Select<T>(Span<T> s, int k) where T : struct, INumber<T>
    {
        int left = 0, right = s.Length - 1;
        while (right > left)
        {
            if (right - left < 16)
            {
                for (var i = left + 1; i <= right; i++)
                {
                    var v = s[i];
                    var j = i - 1;
                    while (j >= left && s[j] > v) { s[j + 1] = s[j]; j--; }
                    s[j + 1] = v;
                }
                return s[k];
            }
            var mid = left + (right - left) / 2;
            if (s[mid] < s[left]) (s[mid], s[left]) = (s[left], s[mid]);
            if (s[right] < s[left]) (s[right], s[left]) = (s[left], s[right]);
            if (s[right] < s[mid]) (s[right], s[mid]) = (s[mid], s[right]);
            var pivot = s[mid];
            int i2 = left, j2 = right;
            while (i2 <= j2)
            {
                while (s[i2] < pivot) i2++;
                while (s[j2] > pivot) j2--;
                if (i2 <= j2)
                {
                    (s[i2], s[j2]) = (s[j2], s[i2]);
                    i2++;
                    j2--;
                }
            }
            if (k <= j2) right = j2;
            else if (k >= i2) left = i2;
            else return s[k];
        }
        return s[k];
    }
}
