using System.Text;
using Waymark.Analytics.Metrics;
using Waymark.Analytics.Model;
using Waymark.Analytics.Reading;

namespace Waymark.Analytics.Tests;

public class CsvReaderTests
{
    private static EventLog Read(string csv, ReadOptions? options = null) =>
        CsvEventReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(csv)), (options ?? new ReadOptions()) with { SourceName = "events.csv" });

    [Fact]
    public void Reads_the_usual_columns_by_name()
    {
        var log = Read("""
            customer,time,touchpoint,channel,outcome,score,score_kind,duration,waiting,note
            c1,2024-01-01T10:00:00Z,call,phone,resolved,4,csat,120,30,"first, with comma"
            c1,2024-01-01T09:00:00+01:00,browse,web,,,,,,
            """);
        Assert.Equal(2, log.Count);
        Assert.Equal(["browse", "call"], new[] { log.ActivityOf(0), log.ActivityOf(1) });
        Assert.Equal(new DateTime(2024, 1, 1, 8, 0, 0, DateTimeKind.Utc), log.TimeOf(0));
        Assert.Equal(("phone", "resolved", 4f, ScoreKind.Csat, 120f, 30f),
            (log.ChannelOf(1), log.OutcomeOf(1), log.ScoreOf(1), log.ScoreKindOf(1), log.DurationOf(1), log.WaitingOf(1)));
        Assert.True(float.IsNaN(log.ScoreOf(0)));
        Assert.Equal("first, with comma", log.AttributeOf(1, "note"));
    }

    [Fact]
    public void A_column_mapping_names_the_headers_time_format_and_zone()
    {
        var mapping = ColumnMapping.Parse("customer=Kunde,time=Zeit,activity=Kontakt,timeFormat=dd.MM.yyyy HH:mm,timeZone=Europe/Berlin");
        var log = Read("""
            Kunde;Zeit;Kontakt
            k1;01.07.2024 12:00;Anruf
            """, new ReadOptions { Mapping = mapping });
        Assert.Equal("Anruf", log.ActivityOf(0));
        Assert.Equal(new DateTime(2024, 7, 1, 10, 0, 0, DateTimeKind.Utc), log.TimeOf(0)); // CEST is UTC+2
    }

    [Fact]
    public void A_bad_record_stops_the_read_with_line_and_field()
    {
        var e = Assert.Throws<EventLogFormatException>(() => Read("""
            customer,time,activity,score
            c1,2024-01-01T10:00:00Z,call,4
            c1,2024-13-01T10:00:00Z,call,4
            """));
        Assert.Equal("events.csv", e.File);
        Assert.Equal("line 3", e.Location);
        Assert.Equal("time", e.Field);
    }

    [Fact]
    public void Bad_records_can_be_skipped_and_counted()
    {
        var log = Read("""
            customer,time,activity,score
            c1,2024-01-01T10:00:00Z,call,4
            c1,2024-01-01T11:00:00Z,call,four
            ,2024-01-01T11:00:00Z,call,4
            c2,2024-01-01T11:00:00Z,call,5
            """, new ReadOptions { SkipBadRecords = true });
        Assert.Equal(2, log.Count);
        Assert.Equal(2, log.SkippedRecords);
        Assert.Contains(log.Warnings, w => w.Contains("line 3") && w.Contains("'score'"));
    }

    [Fact]
    public void A_missing_required_column_is_named()
    {
        var e = Assert.Throws<EventLogFormatException>(() => Read("who,time,activity\nc1,2024-01-01T10:00:00Z,x\n"));
        Assert.Equal("customer", e.Field);
    }

    [Fact]
    public void Name_and_lifecycle_classifier_reads_a_lifecycle_column()
    {
        var log = Read("case:concept:name,concept:name,lifecycle:transition,time:timestamp\n1,A,START,2024-01-01 10:00:00\n1,A,COMPLETE,2024-01-01 10:05:00\n",
            new ReadOptions { Classifier = ActivityClassifier.NameAndLifecycle });
        Assert.Equal(["A+START", "A+COMPLETE"], JourneyAnalyzer.Analyze(log).Variants[0].Activities);
    }
}

public class NdjsonReaderTests
{
    [Fact]
    public void Reads_ndjson_and_names_the_line_of_a_bad_record()
    {
        const string text = """
            {"customer":"a","time":"2024-01-01T10:00:00Z","touchpoint":"call","channel":"phone","score":4,"score_kind":"csat"}
            {"customer":"a","time":"2024-01-01T11:00:00Z","touchpoint":"chat","channel":"chat","score":null,"score_kind":null}
            """;
        var log = NdjsonEventReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(text)), new ReadOptions { SourceName = "e.ndjson" });
        Assert.Equal(2, log.Count);
        Assert.Equal((4f, ScoreKind.Csat), (log.ScoreOf(0), log.ScoreKindOf(0)));
        var e = Assert.Throws<EventLogFormatException>(() => NdjsonEventReader.Read(
            new MemoryStream(Encoding.UTF8.GetBytes(text + "\n{\"customer\":\"b\",\"time\":\"yesterday\",\"touchpoint\":\"x\"}\n")), new ReadOptions { SourceName = "e.ndjson" }));
        Assert.Equal(("line 3", "time"), (e.Location, e.Field));
        var broken = Assert.Throws<EventLogFormatException>(() => NdjsonEventReader.Read(
            new MemoryStream(Encoding.UTF8.GetBytes(text + "\n{\"customer\": \n")), new ReadOptions { SourceName = "e.ndjson" }));
        Assert.Equal("line 3", broken.Location);
    }
}
