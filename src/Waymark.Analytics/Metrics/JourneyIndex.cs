using Waymark.Analytics.Model;

namespace Waymark.Analytics.Metrics;

/// <summary>
/// Journey reconstruction: the log is already sorted by key and time, so a journey is a run of events with the same
/// key, cut again wherever two consecutive events are more than the inactivity gap apart.
/// </summary>
internal static class JourneyIndex
{
    /// <summary>Start offsets of the journeys, with the event count appended (length = journeys + 1).</summary>
    public static int[] Build(EventLog log, TimeSpan? gap)
    {
        var n = log.Count;
        var key = log.SortedBy == JourneyKey.Case ? log.Case! : log.Customer;
        var time = log.Time;
        var gapTicks = gap is { } g ? g.Ticks : long.MaxValue;
        // Two passes (count, then fill) so the index is allocated once at its exact size.
        var count = 0;
        for (var i = 0; i < n; i++)
            if (i == 0 || key[i] != key[i - 1] || time[i] - time[i - 1] > gapTicks) count++;
        var starts = new int[count + 1];
        var at = 0;
        for (var i = 0; i < n; i++)
            if (i == 0 || key[i] != key[i - 1] || time[i] - time[i - 1] > gapTicks) starts[at++] = i;
        starts[count] = n;
        return starts;
    }
}
