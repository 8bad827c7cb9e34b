namespace Waymark.Analytics.Tests.Support;

/// <summary>
/// A deliberately simple reference for the engine: lists of records, LINQ, a full sort per quantile.
/// Slow and obviously right is the point.
/// </summary>
internal static class ReferenceAnalyzer
{
    public sealed record Event(string Customer, long Ticks, string Activity, string Channel, string Outcome, int FilePosition);

    public sealed record Result(
        int Cases,
        Dictionary<string, long> Variants,
        Dictionary<(string, string), (long Count, double Median, double P90)> Dfg,
        Dictionary<(string, string), long> ChannelPairs,
        Dictionary<string, long> Activities,
        long Repeats,
        long RepeatJourneys,
        long ContactJourneys,
        long FirstContactResolved,
        long[] Funnel);

    public static Result Analyze(IReadOnlyList<Event> events, TimeSpan? gap, TimeSpan repeatWindow, string[] funnel)
    {
        var journeys = new List<List<Event>>();
        foreach (var customer in events.GroupBy(e => e.Customer))
        {
            var ordered = customer.OrderBy(e => e.Ticks).ThenBy(e => e.FilePosition).ToList();
            var current = new List<Event>();
            foreach (var e in ordered)
            {
                if (current.Count > 0 && gap is { } g && e.Ticks - current[^1].Ticks > g.Ticks)
                {
                    journeys.Add(current);
                    current = [];
                }
                current.Add(e);
            }
            journeys.Add(current);
        }

        var variants = journeys.GroupBy(j => string.Join("\u0001", j.Select(e => e.Activity))).ToDictionary(g => g.Key, g => (long)g.Count());
        var transitions = journeys.SelectMany(j => j.Zip(j.Skip(1))).ToList();
        var dfg = transitions.GroupBy(t => (t.First.Activity, t.Second.Activity)).ToDictionary(
            g => g.Key,
            g =>
            {
                var seconds = g.Select(t => (t.Second.Ticks - t.First.Ticks) / (double)TimeSpan.TicksPerSecond).Order().ToList();
                return ((long)seconds.Count, Quantile(seconds, 0.5), Quantile(seconds, 0.9));
            });
        var channelPairs = transitions.GroupBy(t => (t.First.Channel, t.Second.Channel)).ToDictionary(g => g.Key, g => (long)g.Count());
        var activities = events.GroupBy(e => e.Activity).ToDictionary(g => g.Key, g => (long)g.Count());
        // Service contacts by the default definition: the events whose outcome is a contact outcome.
        long repeats = 0, repeatJourneys = 0, contactJourneys = 0, firstContactResolved = 0;
        foreach (var j in journeys)
        {
            var contacts = j.Where(e => e.Outcome is "resolved" or "unresolved").ToList();
            if (contacts.Count == 0) continue;
            contactJourneys++;
            if (contacts[0].Outcome == "resolved") firstContactResolved++;
            var n = contacts.Zip(contacts.Skip(1)).Count(p => p.Second.Ticks - p.First.Ticks <= repeatWindow.Ticks);
            repeats += n;
            if (n > 0) repeatJourneys++;
        }
        var reached = new long[funnel.Length];
        foreach (var j in journeys)
        {
            var k = 0;
            foreach (var e in j)
                if (k < funnel.Length && e.Activity == funnel[k]) k++;
            for (var i = 0; i < k; i++) reached[i]++;
        }
        return new Result(journeys.Count, variants, dfg, channelPairs, activities, repeats, repeatJourneys, contactJourneys, firstContactResolved, reached);
    }

    private static double Quantile(List<double> sorted, double p)
    {
        var h = (sorted.Count - 1) * p;
        var lo = (int)Math.Floor(h);
        var hi = Math.Min(lo + 1, sorted.Count - 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }
}
