using Waymark.Analytics.Conformance;
using Waymark.Analytics.Metrics;
using Waymark.Analytics.Reporting;
using Waymark.Analytics.Tests.Support;

namespace Waymark.Analytics.Tests;

/// <summary>Properties checked on thousands of small random logs.</summary>
public class ReferenceModelTests
{
    private static readonly string[] Funnel = ["web", "call", "chat"];

    [Fact]
    public void The_engine_agrees_with_the_simple_reference_on_3000_random_logs()
    {
        for (var seed = 0; seed < 3000; seed++)
        {
            var random = new Random(seed);
            var events = RandomLogs.Events(random);
            // A quarter of the logs have sub-second times, so the DFG files ticks rather than whole seconds.
            if (seed % 4 == 1) events = RandomLogs.WithSubSecondTimes(events, random);
            TimeSpan? gap = random.Next(3) == 0 ? TimeSpan.FromMinutes(random.Next(1, 120)) : null;
            var window = TimeSpan.FromMinutes(random.Next(0, 300));
            var expected = ReferenceAnalyzer.Analyze(events, gap, window, Funnel);
            var actual = JourneyAnalyzer.Analyze(RandomLogs.Build(events),
                new AnalysisOptions { InactivityGap = gap, RepeatWindow = window, Funnel = Funnel, Parallelism = random.Next(1, 4) });

            var context = $"seed {seed}";
            Assert.True(expected.Cases == actual.Cases, context);
            Assert.Equal(expected.Variants.OrderBy(kv => kv.Key, StringComparer.Ordinal),
                actual.Variants.Select(v => KeyValuePair.Create(string.Join("\u0001", v.Activities), v.Count)).OrderBy(kv => kv.Key, StringComparer.Ordinal));
            Assert.True(actual.Variants.Zip(actual.Variants.Skip(1)).All(p => p.First.Count >= p.Second.Count), context);
            Assert.Equal(expected.Dfg.Count, actual.Dfg.Count);
            foreach (var e in actual.Dfg)
            {
                var (count, median, p90) = expected.Dfg[(e.From, e.To)];
                Assert.True(count == e.Count && Math.Abs(median - e.MedianSeconds) < 1e-6 && Math.Abs(p90 - e.P90Seconds) < 1e-6,
                    $"{context}: {e} vs {(count, median, p90)}");
            }
            Assert.Equal(expected.ChannelPairs.OrderBy(kv => kv.Key),
                actual.ChannelSwitches.Matrix.Select(c => KeyValuePair.Create((c.From, c.To), c.Count)).OrderBy(kv => kv.Key));
            Assert.Equal(expected.Activities.OrderBy(kv => kv.Key, StringComparer.Ordinal),
                actual.Activities.Select(a => KeyValuePair.Create(a.Name, a.Count)).OrderBy(kv => kv.Key, StringComparer.Ordinal));
            Assert.True(expected.Repeats == actual.RepeatContacts.Total, context);
            Assert.True(expected.RepeatJourneys == actual.RepeatContacts.RepeatJourneys, context);
            Assert.True(expected.ContactJourneys == actual.Kpis.FirstContactResolution.ContactJourneys, context);
            Assert.True(expected.FirstContactResolved == actual.Kpis.FirstContactResolution.FirstContactResolved, context);
            Assert.Equal(expected.Funnel, actual.Funnel!.Steps.Select(s => s.Reached));
        }
    }

    private static readonly DesignedJourney Map = new()
    {
        Stages =
        [
            new DesignedStage { Name = "Look", Steps = [new DesignedStep { Name = "Web", Touchpoints = ["web"] }] },
            new DesignedStage { Name = "Ask", Steps = [new DesignedStep { Name = "Call", Touchpoints = ["call"] }, new DesignedStep { Name = "Chat", Touchpoints = ["chat"] }] },
        ],
    };

    [Fact]
    public void Cutting_the_log_into_customer_partitions_and_merging_gives_exactly_the_whole_result()
    {
        for (var seed = 0; seed < 1500; seed++)
        {
            var random = new Random(seed);
            var events = RandomLogs.Events(random);
            // A third of the logs have sub-second times for some customers: partials in seconds and in ticks then merge.
            if (seed % 3 == 1) events = RandomLogs.WithSubSecondTimes(events, random, c => c is "cust-1" or "cust-4");
            var options = new AnalysisOptions { Funnel = Funnel, Journey = Map, Parallelism = 1, InactivityGap = seed % 2 == 0 ? TimeSpan.FromHours(1) : null };
            var whole = ReportJson.Serialize(JourneyAnalyzer.Analyze(RandomLogs.Build(events, new Random(seed)), options));

            // The same events with the same per-event values, split by customer into k separately read logs.
            var valued = RandomLogs.Build(events, new Random(seed));
            var k = random.Next(1, 5);
            var parts = events.GroupBy(e => Math.Abs(e.Customer.GetHashCode()) % k).ToList();
            PartialResult? merged = null;
            foreach (var part in parts.OrderBy(_ => random.Next()))
            {
                var partLog = RandomLogs.BuildFrom(valued, part.Select(e => e.Customer).ToHashSet());
                var partial = JourneyAnalyzer.AnalyzePartial(partLog, options);
                if (merged is null) merged = partial;
                else merged.Merge(partial);
            }
            var combined = ReportJson.Serialize(JourneyAnalyzer.ToReport(merged!));
            Assert.True(whole == combined, $"seed {seed}:\n{whole}\n---\n{combined}");

            // And the in-process parallel path (partitions of one log) gives the same.
            var parallel = ReportJson.Serialize(JourneyAnalyzer.Analyze(RandomLogs.Build(events, new Random(seed)), options with { Parallelism = 3 }));
            Assert.True(whole == parallel, $"seed {seed} (parallel)");
        }
    }
}
