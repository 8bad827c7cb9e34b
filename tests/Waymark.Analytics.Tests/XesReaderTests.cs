using System.IO.Compression;
using Waymark.Analytics.Metrics;
using Waymark.Analytics.Reading;
using Waymark.Analytics.Tests.Support;

namespace Waymark.Analytics.Tests;

public class XesReaderTests
{
    [Fact]
    public void Reads_namespaced_typed_and_nested_attributes_written_by_hand()
    {
        var log = XesReader.Read(Paths.TestData("nested-typed.xes"));
        Assert.Equal(4, log.Count);
        // Sorted by time inside the case; the two 09:30 events keep file order; 10:00+01:00 is 09:00 UTC.
        Assert.Equal(["Register <web>", "Call", "Call"], Enumerable.Range(0, 3).Select(log.ActivityOf));
        Assert.Equal(new DateTime(2024, 1, 1, 9, 0, 0, 123, DateTimeKind.Utc), log.TimeOf(0));
        Assert.Equal("case & one", log.CustomerOf(0));
        Assert.Equal("case & one", log.CaseOf(0));
        Assert.Equal("web", log.ChannelOf(0));
        Assert.Equal("phone", log.ChannelOf(1));
        Assert.Equal("12.5", log.AttributeOf(0, "cost"));
        Assert.Equal("true", log.AttributeOf(0, "urgent"));
        Assert.Equal("Main St", log.AttributeOf(0, "address"));
        Assert.Equal("Utrecht", log.AttributeOf(0, "address/city"));
        Assert.Equal("12", log.AttributeOf(0, "address/number"));
        Assert.Equal("new", log.AttributeOf(0, "tags/tag"));
        Assert.Equal("Ann", log.AttributeOf(1, "agent/name"));
        Assert.Equal("2", log.AttributeOf(0, "case:priority"));
        Assert.Null(log.AttributeOf(3, "case:priority"));
        // A time without a zone is UTC.
        Assert.Equal(new DateTime(2024, 1, 2, 8, 0, 0, DateTimeKind.Utc), log.TimeOf(3));
    }

    [Fact]
    public void The_name_and_lifecycle_classifier_joins_them_with_a_plus()
    {
        var log = XesReader.Read(Paths.TestData("nested-typed.xes"), new ReadOptions { Classifier = ActivityClassifier.NameAndLifecycle });
        Assert.Equal(["Register <web>+complete", "Call+start", "Call+complete", "Call"], Enumerable.Range(0, 4).Select(log.ActivityOf));
    }

    [Fact]
    public void Reads_gzip_compressed_xes()
    {
        var gz = Path.Combine(Path.GetTempPath(), $"waymark-{Guid.NewGuid():N}.xes.gz");
        try
        {
            using (var output = File.Create(gz))
            using (var zip = new GZipStream(output, CompressionLevel.Fastest))
            using (var input = File.OpenRead(Paths.TestData("nested-typed.xes")))
                input.CopyTo(zip);
            var log = EventLogFiles.Read(gz);
            Assert.Equal(4, log.Count);
            Assert.Equal(2, JourneyAnalyzer.Analyze(log).Cases);
        }
        finally
        {
            File.Delete(gz);
        }
    }

    [Fact]
    public void A_wrong_typed_value_stops_the_read_naming_trace_event_and_field()
    {
        var e = Assert.Throws<EventLogFormatException>(() => XesReader.Read(Paths.TestData("bad-int.xes")));
        Assert.Equal("bad-int.xes", e.File);
        Assert.Contains("trace 2, event 1", e.Location);
        Assert.Contains("line 10", e.Location);
        Assert.Equal("attempts", e.Field);
        Assert.Contains("'three' is not a valid int", e.Message);
    }

    [Fact]
    public void Tied_and_unordered_timestamps_sort_stably_inside_a_case()
    {
        const string xes = """
            <log><trace><string key="concept:name" value="t"/>
              <event><string key="concept:name" value="c"/><date key="time:timestamp" value="2024-01-01T00:00:02Z"/></event>
              <event><string key="concept:name" value="a"/><date key="time:timestamp" value="2024-01-01T00:00:01Z"/></event>
              <event><string key="concept:name" value="b"/><date key="time:timestamp" value="2024-01-01T00:00:01Z"/></event>
            </trace></log>
            """;
        var log = XesReader.Read(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(xes)), new ReadOptions { SourceName = "inline" });
        Assert.Equal(["a", "b", "c"], Enumerable.Range(0, 3).Select(log.ActivityOf));
    }

    [Fact]
    public void A_file_that_is_not_a_log_is_refused()
    {
        var e = Assert.Throws<EventLogFormatException>(() =>
            XesReader.Read(new MemoryStream("<html><body/></html>"u8.ToArray()), new ReadOptions { SourceName = "page.xes" }));
        Assert.Contains("not <log>", e.Message);
    }
}

public class ProMStyleXesTests
{
    [Fact]
    public void A_prom_style_log_reads_with_customers_cases_lists_and_scores()
    {
        var log = XesReader.Read(Paths.TestData("prom-style.xes"));
        Assert.Equal(3, log.Count);
        Assert.Equal("Jane", log.CustomerOf(0));
        Assert.Equal(["T-100", "T-100", "T-101"], Enumerable.Range(0, 3).Select(i => log.CaseOf(i)));
        Assert.Equal("TRUE", log.AttributeOf(0, "case:vip"));
        Assert.Equal("B-2", log.AttributeOf(0, "case:products/sku"));
        Assert.Equal(new DateTime(2010, 12, 30, 9, 12, 0, 500, DateTimeKind.Utc), log.TimeOf(1));
        Assert.Equal((9f, Model.ScoreKind.Nps), (log.ScoreOf(1), log.ScoreKindOf(1)));
        Assert.Equal(300f, log.DurationOf(2));

        // Per customer, Jane's two cases form one journey; per case, two.
        var byCustomer = JourneyAnalyzer.Analyze(log);
        Assert.Equal(1, byCustomer.Cases);
        Assert.Equal(["order", "order", "complain"], byCustomer.Variants[0].Activities);
        var byCase = JourneyAnalyzer.Analyze(XesReader.Read(Paths.TestData("prom-style.xes"), new ReadOptions { JourneyKey = Model.JourneyKey.Case }));
        Assert.Equal(2, byCase.Cases);
        Assert.Equal(new NpsStats(1, 1, 0, 0, 100), byCase.Kpis.Nps);
    }
}
