using Waymark.Analytics.Generation;
using Waymark.Analytics.Metrics;
using Waymark.Analytics.Reading;
using Waymark.Analytics.Reporting;
using Waymark.Analytics.Writing;

namespace Waymark.Analytics.Tests;

public class WriterRoundTripTests
{
    private static string Generated(string extension, int customers = 300)
    {
        var path = Path.Combine(Path.GetTempPath(), $"waymark-{Guid.NewGuid():N}{extension}");
        using var writer = EventWriters.Create(path);
        EventGenerator.Generate(new GeneratorOptions { Customers = customers, Seed = 3 }, writer);
        return path;
    }

    [Theory]
    [InlineData(".ndjson")]
    [InlineData(".xes")]
    [InlineData(".parquet")]
    public void Every_format_written_reads_back_to_the_same_report_as_csv(string extension)
    {
        var csv = Generated(".csv");
        var other = Generated(extension);
        try
        {
            var options = new AnalysisOptions { Journey = EventGenerator.DesignedJourney };
            var expected = ReportJson.Serialize(JourneyAnalyzer.Analyze(EventLogFiles.Read(csv), options));
            var actual = ReportJson.Serialize(JourneyAnalyzer.Analyze(EventLogFiles.Read(other), options));
            Assert.Equal(expected, actual);
        }
        finally
        {
            File.Delete(csv);
            File.Delete(other);
        }
    }

    [Fact]
    public void A_log_written_as_csv_reads_back_event_for_event()
    {
        var csv = Generated(".csv", 50);
        var copy = Path.ChangeExtension(csv, ".copy.csv");
        try
        {
            var log = EventLogFiles.Read(csv);
            EventWriters.Write(log, copy);
            var again = EventLogFiles.Read(copy);
            Assert.Equal(log.Count, again.Count);
            for (var i = 0; i < log.Count; i++)
            {
                Assert.Equal((log.CustomerOf(i), log.TimeOf(i), log.ActivityOf(i), log.ChannelOf(i), log.OutcomeOf(i)),
                    (again.CustomerOf(i), again.TimeOf(i), again.ActivityOf(i), again.ChannelOf(i), again.OutcomeOf(i)));
                Assert.Equal(log.ScoreOf(i), again.ScoreOf(i));
                Assert.Equal(log.WaitingOf(i), again.WaitingOf(i));
            }
        }
        finally
        {
            File.Delete(csv);
            File.Delete(copy);
        }
    }

    [Fact]
    public void The_csv_writer_defuses_formulas_and_quotes_separators()
    {
        var text = new StringWriter();
        using (var w = new CsvEventWriter(text))
            w.Write(new EventRecord("=HYPERLINK(\"x\")", null, new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc).Ticks, "a,b", "", "", float.NaN, Model.ScoreKind.None, float.NaN, float.NaN));
        Assert.Contains("\"'=HYPERLINK(\"\"x\"\")\"", text.ToString());
        Assert.Contains("\"a,b\"", text.ToString());
    }

    [Fact]
    public void The_generator_is_deterministic_for_a_seed_and_follows_its_map_mostly()
    {
        var a = Generated(".csv", 500);
        var b = Generated(".csv", 500);
        try
        {
            Assert.Equal(File.ReadAllText(a), File.ReadAllText(b));
            var r = JourneyAnalyzer.Analyze(EventLogFiles.Read(a), new AnalysisOptions { Journey = EventGenerator.DesignedJourney });
            Assert.Equal(500, r.Cases);
            Assert.InRange(r.Conformance!.AverageFitness, 0.5, 0.95);
            Assert.True(r.ChannelSwitches.Switches > 0);
            Assert.True(r.Kpis.Escalations.Count > 0);
            Assert.NotNull(r.Kpis.Nps);
            Assert.Contains(r.Conformance.Deviations, d => d.Kind == Conformance.DeviationKind.UnexpectedTouchpoint);
        }
        finally
        {
            File.Delete(a);
            File.Delete(b);
        }
    }
}
