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
/// <para>
/// With <see cref="GeneratorOptions.ServiceContacts"/>, every event at a service touchpoint is a contact with an outcome
/// (resolved or unresolved), a waiting and a handling time, and a CSAT answer that follows the outcome; an unresolved
/// contact is mostly followed by another one within a day or two, at the same touchpoint or in another service channel.
/// With <see cref="GeneratorOptions.NpsSurveys"/>, the survey touchpoints carry an NPS answer that falls with every
/// unresolved contact the customer had. Without them, nothing of this happens and a seed gives the same log as ever.
/// </para>
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
        var extras = Extras.Of(options, channels);
        long events = 0;
        for (var c = 0; c < options.Customers; c++)
        {
            if (options.MaxEvents is { } max && events >= max) break;
            buffer.Clear();
            Customer(random, $"C{c + 1:D7}", options.Start.Ticks + (long)(random.NextDouble() * spanTicks), steps, offMap, channels, buffer, extras);
            foreach (var e in buffer) writer.Write(e);
            events += buffer.Count;
            if (progress is not null && (c & 0x3FFF) == 0) progress(c, events);
        }
        return events;
    }

    private static void Customer(Random r, string id, long start, List<string[]> steps, string[] offMap,
        IReadOnlyDictionary<string, string> channels, List<EventRecord> into, Extras? extras)
    {
        var t = start;
        var unresolved = 0;
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
            if (extras is not null && extras.Contact(r, id, ref t, touchpoint, !float.IsNaN(score), ref unresolved, into)) return;
            if (extras is not null && extras.Surveys.Contains(touchpoint)) (score, kind) = (extras.Nps(r, unresolved), ScoreKind.Nps);
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

    /// <summary>Service contacts and surveys, when the options ask for them.</summary>
    private sealed class Extras
    {
        private readonly IReadOnlyDictionary<string, ServiceContactProfile> _contacts;
        private readonly IReadOnlyDictionary<string, string> _channels;
        private readonly string[] _contactKeys;
        private readonly long _start, _span;

        private Extras(GeneratorOptions options, IReadOnlyDictionary<string, string> channels)
        {
            _contacts = options.ServiceContacts ?? new Dictionary<string, ServiceContactProfile>();
            _channels = channels;
            // Another service channel a customer may try: only those of the workspace (whose channel is known).
            _contactKeys = _contacts.Keys.Where(channels.ContainsKey).Order(StringComparer.Ordinal).ToArray();
            Surveys = options.NpsSurveys?.ToHashSet(StringComparer.Ordinal) ?? [];
            (_start, _span) = (options.Start.Ticks, Math.Max(1, TimeSpan.FromDays(options.Days).Ticks));
        }

        public HashSet<string> Surveys { get; }

        public static Extras? Of(GeneratorOptions options, IReadOnlyDictionary<string, string> channels) =>
            options.ServiceContacts is null && options.NpsSurveys is null ? null : new Extras(options, channels);

        /// <summary>
        /// Writes the contact (and the repeat contacts an unresolved one brings) when the touchpoint is a service
        /// contact; false, writing nothing, when it is not.
        /// </summary>
        public bool Contact(Random r, string customer, ref long t, string touchpoint, bool answersCsat, ref int unresolved, List<EventRecord> into)
        {
            if (!_contacts.TryGetValue(touchpoint, out var profile)) return false;
            for (var attempt = 0; ; attempt++)
            {
                var progress = Math.Clamp((double)(t - _start) / _span, 0, 1);
                var resolved = r.NextDouble() < Along(profile.ResolvesFrom, profile.ResolvesTo, progress);
                var waiting = (float)Math.Round(-Math.Log(1 - r.NextDouble()) * Along(profile.WaitingFrom, profile.WaitingTo, progress));
                var handling = (float)Math.Round(profile.HandlingSeconds * (0.5 + r.NextDouble()));
                // Satisfied callers mostly give 4 or 5, those left with their problem 1 to 3.
                var csat = answersCsat ? (resolved ? r.Next(4, 6) : r.Next(1, 4)) : float.NaN;
                into.Add(new EventRecord(customer, null, t, touchpoint, _channels.GetValueOrDefault(touchpoint, ""), resolved ? "resolved" : "unresolved",
                    csat, answersCsat ? ScoreKind.Csat : ScoreKind.None, handling, waiting));
                t += TimeSpan.FromSeconds(waiting + handling).Ticks;
                if (resolved) return true;
                unresolved++;
                // Most try again within a day or two, up to three times: often the same way, now and then in another service channel.
                if (attempt == 2 || r.NextDouble() >= 0.8) return true;
                t += TimeSpan.FromHours(-Math.Log(1 - r.NextDouble()) * 20 + 0.5).Ticks;
                if (r.NextDouble() >= 0.6 && _contactKeys.Length > 0) touchpoint = _contactKeys[r.Next(_contactKeys.Length)];
                profile = _contacts[touchpoint];
                answersCsat = r.NextDouble() < 0.15;
            }
        }

        /// <summary>An NPS answer (0–10): most customers are promoters or passives, each unresolved contact costs about a point.</summary>
        public float Nps(Random r, int unresolved)
        {
            var normal = Math.Sqrt(-2 * Math.Log(1 - r.NextDouble())) * Math.Cos(2 * Math.PI * r.NextDouble());
            return (float)Math.Clamp(Math.Round(9.2 - 1.2 * unresolved + 1.5 * normal), 0, 10);
        }

        private static double Along(double from, double to, double progress) => from + (to - from) * progress;
    }
}
