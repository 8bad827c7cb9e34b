using System.Text;
using Waymark.Analytics.Metrics;
using Waymark.Analytics.Model;
using static Waymark.Analytics.Tests.Support.Some;

namespace Waymark.Analytics.Tests;

/// <summary>The compact parts of the log: the string pools and the customer runs that replace a column per event.</summary>
public class EventLogLayoutTests
{
    [Fact]
    public void String_pool_gives_dense_ids_in_order_of_first_appearance_and_finds_them_again()
    {
        var pool = new StringPool();
        // Past the cached strings and through several table growths, with values that share prefixes.
        var values = Enumerable.Range(0, 20_000).Select(i => i % 3 == 0 ? $"C{i:D7}" : $"customer-{i}-é").ToArray();
        for (var i = 0; i < values.Length; i++) Assert.Equal(i, pool.GetOrAdd(values[i]));
        Assert.Equal(values.Length, pool.Count);
        for (var i = values.Length - 1; i >= 0; i -= 7)
        {
            Assert.Equal(i, pool.GetOrAdd(values[i].AsSpan()));
            Assert.Equal(i, pool.GetOrAddUtf8(Encoding.UTF8.GetBytes(values[i])));
            Assert.True(pool.TryGet(values[i], out var id));
            Assert.Equal(i, id);
            Assert.Equal(values[i], pool[i]);
            Assert.Equal(values[i], pool.Chars(i).ToString());
        }
        Assert.Equal(values.Length, pool.Count);
        Assert.False(pool.TryGet("C0000001", out _));
        Assert.Equal(values, pool.Values);
        Assert.Throws<ArgumentOutOfRangeException>(() => pool[values.Length]);
    }

    [Fact]
    public void String_pool_keeps_the_empty_string_and_long_values_apart()
    {
        var pool = new StringPool();
        var longValue = new string('x', 1000) + "ü";
        Assert.Equal(0, pool.GetOrAdd(""));
        Assert.Equal(1, pool.GetOrAddUtf8(Encoding.UTF8.GetBytes(longValue)));
        Assert.Equal(2, pool.GetOrAdd(longValue[..^1]));
        Assert.Equal(0, pool.GetOrAdd(ReadOnlySpan<char>.Empty));
        Assert.Equal(1, pool.GetOrAdd(longValue));
        Assert.Equal(["", longValue, longValue[..^1]], pool.Values);
    }

    [Fact]
    public void A_log_sorted_by_customer_keeps_customer_runs_and_answers_every_events_customer()
    {
        // Customers interleaved in the file; "ghost" is in the pool without an event (a skipped record leaves that).
        var b = new EventLogBuilder();
        b.Pools.Customers.GetOrAdd("ghost");
        b.Add("c2", Start.AddMinutes(5), "call");
        b.Add("c1", Start.AddMinutes(1), "browse");
        b.Add("c2", Start.AddMinutes(2), "browse");
        b.Add("c3", Start, "chat");
        b.Add("c1", Start.AddMinutes(3), "call");
        var log = b.Build();
        Assert.Null(log.Customer);
        Assert.Equal([0, 0, 2, 4, 5], log.CustomerRuns!);
        Assert.Equal(["c2", "c2", "c1", "c1", "c3"], Enumerable.Range(0, log.Count).Select(log.CustomerOf));
        Assert.Equal(["browse", "call", "browse", "call", "chat"], Enumerable.Range(0, log.Count).Select(log.ActivityOf));
        Assert.Throws<ArgumentOutOfRangeException>(() => log.CustomerOf(5));
        var report = JourneyAnalyzer.Analyze(log);
        Assert.Equal(3, report.Cases);
    }

    [Fact]
    public void Inactivity_gap_cuts_journeys_inside_a_customer_run()
    {
        // c1: 0, 10 min, then 3 days later 2 events; c2: one event. A one-day gap makes three journeys of c1's four events.
        var log = Log(
            new Row("c1", 0, "browse"), new Row("c1", 10, "call"),
            new Row("c2", 5, "call"),
            new Row("c1", 3 * 24 * 60, "browse"), new Row("c1", 3 * 24 * 60 + 1, "call"), new Row("c1", 6 * 24 * 60, "chat"));
        Assert.Equal(2, JourneyAnalyzer.Analyze(log).Cases);
        var cut = JourneyAnalyzer.Analyze(log, new AnalysisOptions { InactivityGap = TimeSpan.FromDays(1) });
        Assert.Equal(4, cut.Cases);
        Assert.Equal(3, cut.Variants.Count);
        Assert.Equal(["browse", "call"], cut.Variants[0].Activities);
        Assert.Equal(2, cut.Variants[0].Count);
    }

    [Fact]
    public void A_log_sorted_by_case_keeps_the_customer_of_every_event()
    {
        var log = Log(JourneyKey.Case,
            new Row("c1", 0, "browse", Case: "k2"), new Row("c2", 1, "call", Case: "k1"), new Row("c1", 2, "chat", Case: "k2"));
        Assert.NotNull(log.Customer);
        Assert.Null(log.CustomerRuns);
        Assert.Equal(["c1", "c1", "c2"], Enumerable.Range(0, log.Count).Select(log.CustomerOf));
        Assert.Equal(["k2", "k2", "k1"], Enumerable.Range(0, log.Count).Select(log.CaseOf));
    }

    [Fact]
    public void A_partial_reports_again_and_again_until_disposed_then_refuses_instead_of_reading_freed_memory()
    {
        var partial = JourneyAnalyzer.AnalyzePartial(ServiceLog(), new AnalysisOptions());
        var first = JourneyAnalyzer.ToReport(partial);
        var again = JourneyAnalyzer.ToReport(partial);
        Assert.Equal(first.Dfg, again.Dfg);
        Assert.Equal(first.JourneyDuration, again.JourneyDuration);
        Assert.Equal(1200, first.Dfg.Single(e => e.From == "browse" && e.To == "call").MedianSeconds, 6);

        partial.Dispose();
        partial.Dispose();
        var refused = Record.Exception(() => JourneyAnalyzer.ToReport(partial));
        Assert.IsType<ObjectDisposedException>(refused is AggregateException a ? a.InnerExceptions[0] : refused);
    }
}
