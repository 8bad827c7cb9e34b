using System.Globalization;

namespace Waymark.Analytics.Reporting;

/// <summary>Durations in the words a CX manager reads: "45 seconds", "12 minutes", "5.5 hours", "2 days".</summary>
public static class Durations
{
    public static string Words(double seconds)
    {
        if (double.IsNaN(seconds)) return "–";
        if (seconds < 60) return Unit(seconds, "second");
        if (seconds < 7200) return Unit(seconds / 60, "minute");
        if (seconds < 172_800) return Unit(seconds / 3600, "hour");
        return Unit(seconds / 86_400, "day");
    }

    public static string Words(TimeSpan span) => Words(span.TotalSeconds);

    public static string Minutes(int minutes) => Words(minutes * 60.0);

    private static string Unit(double value, string unit)
    {
        var rounded = Math.Round(value, value < 10 ? 1 : 0, MidpointRounding.AwayFromZero);
        var text = rounded.ToString("0.#", CultureInfo.InvariantCulture);
        return rounded == 1 ? $"1 {unit}" : $"{text} {unit}s";
    }
}
