using Waymark.Analytics.Conformance;
using Waymark.Analytics.Metrics;
using Waymark.Analytics.Reporting;
using Waymark.Analytics.Tests.Support;
using static Waymark.Analytics.Tests.Support.Some;

namespace Waymark.Analytics.Tests;

/// <summary>Partials written to bytes and read back (as they are kept per day in the database) report and merge as the originals.</summary>
public class PartialSerializationTests
{
    private static readonly string[] Funnel = ["web", "call"];
    private static readonly DesignedJourney Map = new()
    {
        Name = "Service",
        Stages =
        [
            new DesignedStage { Name = "Look", Steps = [new DesignedStep { Name = "Web", Touchpoints = ["web"] }] },
            new DesignedStage { Name = "Ask", Steps = [new DesignedStep { Name = "Call", Touchpoints = ["call"] }, new DesignedStep { Name = "Chat", Touchpoints = ["chat"] }] },
        ],
    };

    private static PartialResult RoundTrip(PartialResult partial)
    {
        var bytes = partial.ToBytes();
        partial.Dispose();
        return PartialResult.FromBytes(bytes);
    }

    [Fact]
    public void A_partial_read_back_reports_exactly_as_the_one_written()
    {
        var options = new AnalysisOptions { Funnel = Funnel, Journey = Map, InactivityGap = TimeSpan.FromHours(1) };
        var original = ReportJson.Serialize(JourneyAnalyzer.Analyze(ServiceLog(), options));
        using var read = RoundTrip(JourneyAnalyzer.AnalyzePartial(ServiceLog(), options));
        Assert.Equal(original, ReportJson.Serialize(JourneyAnalyzer.ToReport(read)));
        Assert.NotNull(JourneyAnalyzer.ToReport(read).Conformance);
    }

    [Fact]
    public void A_service_contact_definition_and_a_log_without_durations_survive_the_round_trip()
    {
        var definition = new ServiceContactDefinition { Touchpoints = ["call"], Channels = ["phone"], ResolvedOutcomes = ["fixed"] };
        var options = new AnalysisOptions { ServiceContacts = definition, Metrics = Metric.All & ~Metric.JourneyDurations };
        var original = ReportJson.Serialize(JourneyAnalyzer.Analyze(ServiceLog(), options));
        using var read = RoundTrip(JourneyAnalyzer.AnalyzePartial(ServiceLog(), options));
        Assert.Equal(definition, read.ServiceContacts);
        var report = JourneyAnalyzer.ToReport(read);
        Assert.Null(report.JourneyDuration);
        Assert.Equal(original, ReportJson.Serialize(report));
    }

    [Fact]
    public void Partials_read_back_merge_exactly_into_the_whole_result()
    {
        for (var seed = 0; seed < 400; seed++)
        {
            var random = new Random(seed);
            var events = RandomLogs.Events(random);
            // A third with sub-second times for some customers: partials in seconds and in ticks are written and merged.
            if (seed % 3 == 1) events = RandomLogs.WithSubSecondTimes(events, random, c => c is "cust-1" or "cust-4");
            var options = new AnalysisOptions { Funnel = Funnel, Journey = Map, Parallelism = 1, InactivityGap = TimeSpan.FromHours(1) };
            var whole = ReportJson.Serialize(JourneyAnalyzer.Analyze(RandomLogs.Build(events, new Random(seed)), options));

            var valued = RandomLogs.Build(events, new Random(seed));
            var k = random.Next(1, 5);
            PartialResult? merged = null;
            foreach (var part in events.GroupBy(e => Math.Abs(e.Customer.GetHashCode()) % k).OrderBy(_ => random.Next()))
            {
                var partial = RoundTrip(JourneyAnalyzer.AnalyzePartial(RandomLogs.BuildFrom(valued, part.Select(e => e.Customer).ToHashSet()), options));
                if (merged is null) merged = partial;
                else merged.Merge(partial);
            }
            Assert.True(whole == ReportJson.Serialize(JourneyAnalyzer.ToReport(merged!)), $"seed {seed}");
            merged!.Dispose();
        }
    }

    [Fact]
    public void Bytes_that_are_not_a_kept_result_are_refused()
    {
        var e = Assert.Throws<InvalidDataException>(() => PartialResult.FromBytes([1, 2, 3, 4, 5]));
        Assert.Contains("not a kept analysis result", e.Message);
    }
}
