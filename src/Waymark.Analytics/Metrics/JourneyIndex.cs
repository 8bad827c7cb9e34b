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
        var time = log.Time;
        var gapTicks = gap is { } g ? g.Ticks : long.MaxValue;
        // Two passes (count, then fill) so the index is allocated once at its exact size.
        if (log.CustomerRuns is { } runs)
        {
            var count = 0;
            Runs(runs, time, gapTicks, _ => count++);
            var starts = new int[count + 1];
            var at = 0;
            Runs(runs, time, gapTicks, i => starts[at++] = i);
            starts[count] = n;
            return starts;
        }
        else
        {
            var key = log.SortedBy == JourneyKey.Case ? log.Case! : log.Customer!;
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

    /// <summary>Calls <paramref name="start"/> with the first event of each journey, customer run by customer run.</summary>
    private static void Runs(int[] runs, long[] time, long gapTicks, Action<int> start)
    {
        for (var k = 0; k + 1 < runs.Length; k++)
        {
            int s = runs[k], e = runs[k + 1];
            if (s == e) continue;
            start(s);
            if (gapTicks == long.MaxValue) continue;
            for (var i = s + 1; i < e; i++)
                if (time[i] - time[i - 1] > gapTicks) start(i);
        }
    }
}
