using System.Text;
using Waymark.Analytics.Reading;
using Waymark.Domain.Events;

namespace Waymark.Analytics.Tests;

/// <summary>Reading events to be stored: in file order, every bad record named, nothing nested, nothing lost.</summary>
public sealed class InteractionEventReaderTests
{
    private static MemoryStream Text(string text) => new(Encoding.UTF8.GetBytes(text));

    [Fact]
    public void Ndjson_objects_may_leave_out_properties_that_later_objects_have()
    {
        var records = InteractionEventReader.ReadNdjson(Text("""
            {"customer":"c-1","time":"2026-11-02T09:00:00Z","touchpoint":"call","channel":"phone"}
            {"customer":"c-1","time":"2026-11-02T09:10:00Z","touchpoint":"survey","channel":"email","score":9,"score_kind":"nps","agentId":"A7"}
            """), new ColumnMapping(), "t").ToList();

        Assert.All(records, r => Assert.Empty(r.Problems));
        Assert.Equal((9f, EventScoreKind.Nps, "A7"), (records[1].Event!.Score!.Value, records[1].Event!.ScoreKind!.Value, records[1].Event!.Agent!));
        Assert.Equal([1L, 2L], records.Select(r => r.Position));
    }

    [Fact]
    public void A_json_object_without_a_required_field_is_refused_on_its_own_line()
    {
        var records = InteractionEventReader.ReadNdjson(Text("""
            {"customer":"c-1","time":"2026-11-02T09:00:00Z","touchpoint":"call"}
            {"customer":"c-1","time":"2026-11-02T09:10:00Z","touchpoint":"chat","channel":"chat"}
            """), new ColumnMapping(), "t").ToList();

        Assert.Equal(("channel", "is empty"), records[0].Problems.Single());
        Assert.Equal("chat", records[1].Event!.Channel);
    }

    [Fact]
    public void A_nested_value_or_broken_json_is_a_problem_of_its_line_and_the_next_lines_are_still_read()
    {
        var records = InteractionEventReader.ReadNdjson(Text("""
            {"customer":"c-1","time":"2026-11-02T09:00:00Z","touchpoint":"call","channel":"phone","extra":{"a":1}}
            {"customer":"c-2",
            {"customer":"c-3","time":"2026-11-02T09:00:00Z","touchpoint":"call","channel":"phone","score":"high"}
            """), new ColumnMapping(), "t").ToList();

        Assert.Equal(["line 1", "line 2", "line 3"], records.Select(r => r.Location));
        Assert.Contains("nested value", records[0].Problems.Single().Problem);
        Assert.Contains("not valid JSON", records[1].Problems.Single().Problem);
        Assert.Equal(("score", "'high' is not a number"), records[2].Problems.Single());
    }

    [Fact]
    public void Json_array_items_are_named_by_their_place_and_a_broken_array_by_its_line()
    {
        var records = InteractionEventReader.ReadJsonArray(Text("""
            [{"customer":"c-1","time":"2026-11-02T09:00:00Z","touchpoint":"call","channel":"phone"},
             {"customer":"","time":"2026-11-02T09:00:00Z","touchpoint":"call","channel":"phone"}]
            """), new ColumnMapping(), "t").ToList();
        Assert.Equal(("item 2", "customer"), (records[1].Location, records[1].Problems.Single().Field));

        var broken = Assert.Throws<EventLogFormatException>(() => InteractionEventReader.ReadJsonArray(Text("[{\"customer\":\"c-1\",\n \"time\" 3}]"), new ColumnMapping(), "t").ToList());
        Assert.Equal("line 2, item 1", broken.Location);
    }

    [Fact]
    public void Unmapped_csv_columns_are_kept_as_attributes_and_a_short_row_is_named()
    {
        var records = InteractionEventReader.ReadCsv(Text("customer,time,touchpoint,channel,queue,\"note, free\"\nc-1,2026-11-02T09:00:00Z,call,phone,billing,\"said \"\"hi\"\"\"\nc-2,2026-11-02\n"),
            new ColumnMapping(), "t").ToList();

        Assert.Equal("""{"queue":"billing","note, free":"said \"hi\""}""", records[0].Event!.Attributes);
        Assert.Equal(("line 3", ""), (records[1].Location, records[1].Problems.Single().Field));
    }

    [Fact]
    public void Ndjson_read_from_bytes_takes_escapes_blanks_line_breaks_and_attributes_as_a_text_reader_would()
    {
        var body = "\uFEFF{\"customer\":\" c-1 \",\"time\":\"2026-11-02T09:00:00Z\",\"touchpoint\":\"call\",\"channel\":\"ph\\u006fne\",\"vip\":true,\"queue\":7,\"note\":\"\"}\r\n"
                   + "\r\n"
                   + "{\"customer\":\"c-2\",\"time\":\" 2026-11-02T10:00:00+01:00 \",\"touchpoint\":\"chat\",\"channel\":\"chat\",\"handling\":\" 12.5 \",\"waiting\":3e1,\"re\\u0067ion\":\"north\"}\r"
                   + "{\"customer\":\"c-3\",\"time\":\"2026-11-02T11:00:00Z\",\"touchpoint\":\"call\",\"channel\":\"phone\",\"lost\":{\"a\":1}}\n"
                   + "{\"customer\":\"c-4\",\"time\":\"2026-11-02T12:00:00Z\",\"touchpoint\":\"call\",\"channel\":\"phone\",\"handling\":\"long\"}";
        var records = InteractionEventReader.ReadNdjson(new MemoryStream(Encoding.UTF8.GetBytes(body)), new ColumnMapping(), "t").ToList();

        Assert.Equal(["line 1", "line 3", "line 4", "line 5"], records.Select(r => r.Location));
        var first = records[0].Event!;
        Assert.Equal(("c-1", "phone", """{"vip":"true","queue":"7"}"""), (first.Customer, first.Channel, first.Attributes));
        var second = records[1].Event!;
        Assert.Equal((new DateTime(2026, 11, 2, 9, 0, 0, DateTimeKind.Utc), 12.5f, 30f), (second.At, second.HandlingSeconds!.Value, second.WaitingSeconds!.Value));
        Assert.Equal("""{"region":"north"}""", second.Attributes);
        Assert.Contains("nested value", records[2].Problems.Single().Problem);
        // The bad line's property is no column: the next event keeps no 'lost' attribute and is read as before.
        Assert.Equal(("handling", "'long' is not a number of seconds"), records[3].Problems.Single());
    }

    [Fact]
    public void Ndjson_read_from_a_stream_in_pieces_gives_the_same_events_as_from_memory()
    {
        var lines = Enumerable.Range(0, 3000).Select(i =>
            $$"""{"event_id":"e-{{i}}","customer":"c-{{i % 7}}","time":"2026-11-02T09:{{i % 60:00}}:00Z","touchpoint":"call","channel":"phone","agent":"a-{{i % 3}}"}""");
        var bytes = Encoding.UTF8.GetBytes(string.Join("\r\n", lines));
        var fromMemory = InteractionEventReader.ReadNdjson(new MemoryStream(bytes), new ColumnMapping(), "t").ToList();
        var fromStream = InteractionEventReader.ReadNdjson(new BufferedStream(new MemoryStream(bytes), 1000), new ColumnMapping(), "t").ToList();

        Assert.Equal(3000, fromStream.Count(r => r.Event is not null));
        Assert.Equal(fromMemory.Select(r => (r.Location, r.Event)), fromStream.Select(r => (r.Location, r.Event)));
    }

    [Fact]
    public void An_attributes_column_holding_a_json_object_is_read_as_the_attributes_and_other_text_there_stays_one_attribute()
    {
        var csv = InteractionEventReader.ReadCsv(Text("""
            customer,time,touchpoint,channel,queue,attributes
            c-1,2026-11-02T09:00:00Z,call,phone,billing,"{""device"":""iPhone"",""note"":""a, b""}"
            c-2,2026-11-02T09:00:00Z,call,phone,,see notes
            """), new ColumnMapping(), "t").ToList();
        var ndjson = InteractionEventReader.ReadNdjson(Text("""
            {"customer":"c-1","time":"2026-11-02T09:00:00Z","touchpoint":"call","channel":"phone","attributes":{"device":"iPhone","note":"a, b"}}
            {"customer":"c-2","time":"2026-11-02T09:00:00Z","touchpoint":"call","channel":"phone","attributes":{"deep":{"x":1}}}
            """), new ColumnMapping(), "t").ToList();

        Assert.Equal("""{"queue":"billing","device":"iPhone","note":"a, b"}""", csv[0].Event!.Attributes);
        Assert.Equal("""{"attributes":"see notes"}""", csv[1].Event!.Attributes);
        Assert.Equal("""{"device":"iPhone","note":"a, b"}""", ndjson[0].Event!.Attributes);
        // A nested object is not expanded: it is kept whole, as the text it was.
        Assert.Equal("""{"attributes":"{\"deep\":{\"x\":1}}"}""", ndjson[1].Event!.Attributes);
    }

    [Fact]
    public void A_default_channel_is_given_to_events_that_name_none_and_a_file_without_channel_column_then_reads()
    {
        var records = InteractionEventReader.ReadCsv(Text("customer,time,touchpoint\nc-1,2026-11-02T09:00:00Z,call\n"),
            new ColumnMapping { DefaultChannel = "phone" }, "t").ToList();

        Assert.Equal("phone", records.Single().Event!.Channel);
        var refused = Assert.Throws<EventLogFormatException>(() => InteractionEventReader.ReadCsv(Text("customer,time,touchpoint\nc-1,2026-11-02T09:00:00Z,call\n"), new ColumnMapping(), "t").ToList());
        Assert.Equal("channel", refused.Field);
    }
}
