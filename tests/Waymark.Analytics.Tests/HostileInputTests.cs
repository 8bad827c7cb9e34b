using System.Text;
using Waymark.Analytics.Reading;
using Waymark.Analytics.Tests.Support;

namespace Waymark.Analytics.Tests;

/// <summary>
/// Files shaped to take a reader down (deep nesting, huge records, garbage): each must end in an
/// <see cref="EventLogFormatException"/> that says what is wrong, never in a stack overflow or a foreign exception.
/// </summary>
public class HostileInputTests
{
    [Fact]
    public void A_310_kB_xes_file_with_10000_nested_attributes_is_refused_with_a_clear_error()
    {
        var bytes = Some.DeeplyNestedXes(10_000);
        Assert.InRange(bytes.Length, 300_000, 330_000);
        var e = Assert.Throws<EventLogFormatException>(() => XesReader.Read(new MemoryStream(bytes), new ReadOptions { SourceName = "nested.xes" }));
        Assert.Equal("nested.xes", e.File);
        Assert.Contains("trace 1, event 1", e.Location);
        Assert.Equal("lvl", e.Field);
        Assert.Contains("nested more than 100 levels deep", e.Problem);
    }

    [Fact]
    public void Xes_attributes_nested_up_to_the_limit_are_read()
    {
        var log = XesReader.Read(new MemoryStream(Some.DeeplyNestedXes(XesParser.MaxNesting)), new ReadOptions { SourceName = "nested.xes" });
        Assert.Equal(1, log.Count);
        Assert.Equal("1", log.AttributeOf(0, "lvl"));
    }

    [Fact]
    public void An_ndjson_line_nested_10000_deep_is_refused_naming_the_line()
    {
        var nested = new string('[', 10_000) + new string(']', 10_000);
        var text = "{\"customer\":\"c1\",\"time\":\"2024-01-01T00:00:00Z\",\"touchpoint\":\"a\"}\n"
                   + "{\"customer\":\"c1\",\"time\":\"2024-01-01T00:01:00Z\",\"touchpoint\":\"b\",\"extra\":" + nested + "}\n";
        var e = Assert.Throws<EventLogFormatException>(() => NdjsonEventReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(text)), new ReadOptions { SourceName = "deep.ndjson" }));
        Assert.Equal("line 2", e.Location);
        Assert.Contains("nested more than 64 levels deep", e.Problem);
    }

    [Fact]
    public void A_csv_record_of_several_megabytes_is_refused_naming_its_line()
    {
        var text = "customer,time,touchpoint\nc1,2024-01-01T00:00:00Z,a\n\"" + new string('x', 3_000_000) + "\",2024-01-01T00:01:00Z,b\n";
        var e = Assert.Throws<EventLogFormatException>(() => CsvEventReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(text)), new ReadOptions { SourceName = "huge.csv" }));
        Assert.Equal("huge.csv", e.File);
        Assert.Equal("line 3", e.Location);
        Assert.Contains("longer than", e.Problem);
    }

    [Fact]
    public void A_parquet_file_whose_schema_nests_100000_levels_deep_is_refused_with_a_clear_error()
    {
        var e = Assert.Throws<EventLogFormatException>(() => ParquetEventReader.Read(new MemoryStream(Some.DeeplyNestedParquet(100_000)), new ReadOptions { SourceName = "deep.parquet" }));
        Assert.Equal("the schema", e.Location);
        Assert.Contains("nested more than 64 levels deep", e.Problem);
    }

    [Fact]
    public void A_parquet_schema_within_the_limit_passes_the_check_and_reaches_the_column_mapping()
    {
        // The hand-made file has one column "x" and no row group: the mapping then misses the customer column.
        var e = Assert.Throws<EventLogFormatException>(() => ParquetEventReader.Read(new MemoryStream(Some.DeeplyNestedParquet(3)), new ReadOptions { SourceName = "shallow.parquet" }));
        Assert.DoesNotContain("nested", e.Problem);
    }

    [Fact]
    public void A_file_named_parquet_that_is_not_one_is_refused_with_a_clear_error()
    {
        var e = Assert.Throws<EventLogFormatException>(() => ParquetEventReader.Read(new MemoryStream("customer,time\nc1,x\n"u8.ToArray()), new ReadOptions { SourceName = "events.parquet" }));
        Assert.Equal("events.parquet", e.File);
        Assert.Contains("not a Parquet file", e.Problem);
    }
}
