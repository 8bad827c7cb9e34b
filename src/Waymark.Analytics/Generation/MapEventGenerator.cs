using Waymark.Analytics.Conformance;
using Waymark.Analytics.Model;
using Waymark.Analytics.Writing;

namespace Waymark.Analytics.Generation;

/// <summary>
/// Synthetic journeys through a team's own map: customers walk its steps in order, each step by one or more of the
/// step's touchpoints (its event keys, in the touchpoint's channel), with the deviations real logs show — a step left
/// out, a drop-out, two neighbouring steps swapped, a return to a step already done, now and then a touchpoint of the
/// workspace that the map does not use. Analysing the log against the same map therefore gives meaningful conformance.
/// Deterministic for a seed; customers one after the other, each customer's events in time order.
/// </summary>
public static class MapEventGenerator
{
    /// <param name="map">The map to follow (touchpoints named by event key, as <see cref="DesignedJourney.FromMap"/> gives them).</param>
    /// <param name="channels">The channel of each touchpoint key (the map's, and others of the workspace used as off-map contacts).</param>
    public static long Generate(DesignedJourney map, IReadOnlyDictionary<string, string> channels, GeneratorOptions options, IEventWriter writer,
        Action<long, long>? progress = null)
    {
        var steps = map.Stages.SelectMany(s => s.Steps).Where(s => s.Touchpoints.Count > 0).Select(s => s.Touchpoints.ToArray()).ToList();
        if (steps.Count == 0) throw new InvalidOperationException($"The map '{map.Name}' has no step with a touchpoint, so no event could follow it.");
        var onMap = steps.SelectMany(s => s).ToHashSet(StringComparer.Ordinal);
        var offMap = channels.Keys.Where(k => !onMap.Contains(k)).Order(StringComparer.Ordinal).ToArray();
        var random = new Random(options.Seed);
        var spanTicks = TimeSpan.FromDays(options.Days).Ticks;
        var buffer = new List<EventRecord>(64);
        long events = 0;
        for (var c = 0; c < options.Customers; c++)
        {
            if (options.MaxEvents is { } max && events >= max) break;
            buffer.Clear();
            Customer(random, $"C{c + 1:D7}", options.Start.Ticks + (long)(random.NextDouble() * spanTicks), steps, offMap, channels, buffer);
            foreach (var e in buffer) writer.Write(e);
            events += buffer.Count;
            if (progress is not null && (c & 0x3FFF) == 0) progress(c, events);
        }
        return events;
    }

    private static void Customer(Random r, string id, long start, List<string[]> steps, string[] offMap,
        IReadOnlyDictionary<string, string> channels, List<EventRecord> into)
    {
        var t = start;
        var order = Enumerable.Range(0, steps.Count).ToList();
        if (order.Count > 1 && r.NextDouble() < 0.04)
        {
            var i = r.Next(order.Count - 1);
            (order[i], order[i + 1]) = (order[i + 1], order[i]);
        }
        var done = new List<int>();
        // Chances per step, so that a whole journey deviates about as often whatever the map's length.
        var perStep = 1.0 / steps.Count;
        void Emit(string touchpoint, float score = float.NaN, ScoreKind kind = ScoreKind.None)
        {
            var waiting = r.NextDouble() < 0.3 ? (float)Math.Round(-Math.Log(1 - r.NextDouble()) * 600) : float.NaN;
            var handling = r.NextDouble() < 0.3 ? (float)Math.Round(120 + r.NextDouble() * 600) : float.NaN;
            into.Add(new EventRecord(id, null, t, touchpoint, channels.GetValueOrDefault(touchpoint, ""), "", score, kind, handling, waiting));
        }
        foreach (var step in order)
        {
            if (done.Count > 0) t += TimeSpan.FromHours(-Math.Log(1 - r.NextDouble()) * 30 + 0.05).Ticks;
            if (offMap.Length > 0 && r.NextDouble() < 0.10 * perStep)
            {
                Emit(offMap[r.Next(offMap.Length)]);
                t += TimeSpan.FromMinutes(20 + r.Next(600)).Ticks;
            }
            if (r.NextDouble() < 0.15 * perStep) continue; // a step left out
            // Most customers use one of the step's touchpoints; some use several, in any order.
            var touchpoints = steps[step].OrderBy(_ => r.Next()).ToList();
            var used = r.NextDouble() < 0.7 ? 1 : r.Next(1, touchpoints.Count + 1);
            foreach (var tp in touchpoints.Take(used))
            {
                if (r.NextDouble() < 0.15) Emit(tp, r.Next(1, 6), ScoreKind.Csat); // a CSAT answer after the contact
                else Emit(tp);
                t += TimeSpan.FromMinutes(1 + r.Next(90)).Ticks;
            }
            done.Add(step);
            if (done.Count > 1 && r.NextDouble() < 0.10 * perStep)
            {
                // Back to a step already done (a question after the purchase, a second look).
                var again = steps[done[r.Next(done.Count - 1)]];
                t += TimeSpan.FromHours(1 + r.Next(48)).Ticks;
                Emit(again[r.Next(again.Length)]);
            }
            if (done.Count < order.Count && r.NextDouble() < 0.10 * perStep) break; // drop-out
        }
        if (into.Count == 0) Emit(steps[0][0]);
    }
}
