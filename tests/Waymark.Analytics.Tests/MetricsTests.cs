using Waymark.Analytics.Metrics;
using Waymark.Analytics.Tests.Support;
using static Waymark.Analytics.Tests.Support.Some;

namespace Waymark.Analytics.Tests;

/// <summary>Every metric on the service log of Some.ServiceLog, against values worked out by hand (see comments).</summary>
public class MetricsTests
{
    private static readonly AnalysisReport Report = JourneyAnalyzer.Analyze(ServiceLog(), new AnalysisOptions { Funnel = ["browse", "call", "chat"] });

    [Fact]
    public void Counts_cases_events_and_activities()
    {
        Assert.Equal(4, Report.Cases);
        Assert.Equal(9, Report.Events);
        Assert.Equal([new("call", 5), new("browse", 3), new("chat", 1)], Report.Activities);
        Assert.Equal([new("browse", 3), new("call", 1)], Report.StartActivities);
        Assert.Equal([new("call", 3), new("chat", 1)], Report.EndActivities);
    }

    [Fact]
    public void Variants_are_the_ordered_sequences_most_frequent_first_then_by_name()
    {
        var v = Report.Variants;
        Assert.Equal(4, v.Count);
        Assert.Equal(["browse", "call"], v[0].Activities);
        Assert.Equal(["browse", "call", "call"], v[1].Activities);
        Assert.Equal(["browse", "call", "chat"], v[2].Activities);
        Assert.Equal(["call"], v[3].Activities);
        Assert.All(v, x => { Assert.Equal(1, x.Count); Assert.Equal(0.25, x.Share); });
    }

    [Fact]
    public void Dfg_has_counts_and_interpolated_median_and_p90_transition_times()
    {
        // browse→call after 10, 20 and 30 minutes: median 20 min; p90 at rank 1.8 = 20 + 0.8 × 10 = 28 min.
        var e = Report.Dfg.Single(x => x.From == "browse" && x.To == "call");
        Assert.Equal(3, e.Count);
        Assert.Equal(1200, e.MedianSeconds, 6);
        Assert.Equal(1680, e.P90Seconds, 6);
        var chat = Report.Dfg.Single(x => x.From == "call" && x.To == "chat");
        Assert.Equal((1, 3600.0, 3600.0), (chat.Count, chat.MedianSeconds, chat.P90Seconds));
        var again = Report.Dfg.Single(x => x.From == "call" && x.To == "call");
        Assert.Equal((1, 600.0), (again.Count, again.MedianSeconds));
        Assert.Equal(3, Report.Dfg.Count);
        Assert.Equal("browse", Report.Dfg[0].From);
    }

    [Fact]
    public void Channel_switch_matrix_counts_rates_and_triggers()
    {
        var s = Report.ChannelSwitches;
        // Pairs: web→phone ×3, phone→chat, phone→phone. Four are switches out of five.
        Assert.Equal(4, s.Switches);
        Assert.Equal(0.8, s.SwitchRate, 9);
        Assert.Equal(["chat", "phone", "web"], s.Channels);
        Assert.Equal(new ChannelCell("phone", "chat", 1, 0.5), s.Matrix.Single(c => c.From == "phone" && c.To == "chat"));
        Assert.Equal(new ChannelCell("phone", "phone", 1, 0.5), s.Matrix.Single(c => c.From == "phone" && c.To == "phone"));
        Assert.Equal(new ChannelCell("web", "phone", 3, 1.0), s.Matrix.Single(c => c.From == "web"));
        Assert.Equal([new("browse", 3), new("call", 1)], s.Triggers);
    }

    [Fact]
    public void Sankey_flows_by_step_position()
    {
        Assert.Equal([new SankeyFlow(1, "browse", "call", 3), new SankeyFlow(2, "call", "call", 1), new SankeyFlow(2, "call", "chat", 1)], Report.Sankey);
    }

    [Fact]
    public void Repeat_contacts_within_the_window()
    {
        // Service contacts (calls and chats with an outcome) in every journey; c1's chat 60 minutes after its call and
        // c3's second call 10 minutes after the first are repeats: 2 of 4 journeys.
        Assert.Equal(2, Report.RepeatContacts.Total);
        Assert.Equal((4L, 2L), (Report.RepeatContacts.ContactJourneys, Report.RepeatContacts.RepeatJourneys));
        Assert.Equal(0.5, Report.RepeatContacts.Rate);
        Assert.Equal([new("call", 1), new("chat", 1)], Report.RepeatContacts.ByTouchpoint);
        var shortWindow = JourneyAnalyzer.Analyze(ServiceLog(), new AnalysisOptions { RepeatWindow = TimeSpan.FromMinutes(5) });
        Assert.Equal(0, shortWindow.RepeatContacts.Total);
    }

    [Fact]
    public void Waiting_and_handling_times_per_touchpoint_and_channel()
    {
        var call = Report.Times.ByTouchpoint.Single(t => t.Name == "call");
        Assert.Equal(new TimeRow("call", 5, 2, 90, 5, 170), call);
        Assert.Equal(new TimeRow("chat", 1, 1, 30, 1, 120), Report.Times.ByTouchpoint.Single(t => t.Name == "chat"));
        Assert.Equal(new TimeRow("browse", 3, 0, null, 0, null), Report.Times.ByTouchpoint.Single(t => t.Name == "browse"));
        Assert.Equal(new TimeRow("phone", 5, 2, 90, 5, 170), Report.Times.ByChannel.Single(t => t.Name == "phone"));
    }

    [Fact]
    public void Funnel_counts_journeys_reaching_each_step_in_order_and_the_drop_off()
    {
        var f = Report.Funnel!.Steps;
        Assert.Equal(new FunnelStep("browse", 3, 1, 0.25), f[0]);
        Assert.Equal(new FunnelStep("call", 3, 0, 0), f[1]);
        Assert.Equal("chat", f[2].Touchpoint);
        Assert.Equal((1L, 2L), (f[2].Reached, f[2].DropOff));
        Assert.Equal(2.0 / 3, f[2].DropOffRate, 9);
    }

    [Fact]
    public void Csat_nps_and_ces_from_scored_events()
    {
        var k = Report.Kpis;
        Assert.Equal(3, k.Csat!.Count);
        Assert.Equal(11.0 / 3, k.Csat.Mean, 9);
        Assert.Equal([0, 0, 1, 0, 1, 1, 0, 0, 0, 0, 0], k.Csat.Distribution);
        // NPS answers 9 (promoter) and 3 (detractor): 100 × (1 − 1) / 2 = 0.
        Assert.Equal(new NpsStats(2, 1, 0, 1, 0), k.Nps);
        Assert.Null(k.Ces);
        var call = k.ByTouchpoint.Single(t => t.Touchpoint == "call");
        Assert.Equal(3.5, call.Csat!.Mean);
        Assert.Equal(2, call.Nps!.Count);
        Assert.Equal(4, k.ByTouchpoint.Single(t => t.Touchpoint == "chat").Csat!.Mean);
    }

    [Fact]
    public void Nps_is_promoters_minus_detractors_in_percent()
    {
        var log = Log(
            new Row("a", 0, "survey", Score: 10, Kind: Model.ScoreKind.Nps),
            new Row("b", 0, "survey", Score: 9, Kind: Model.ScoreKind.Nps),
            new Row("c", 0, "survey", Score: 8, Kind: Model.ScoreKind.Nps),
            new Row("d", 0, "survey", Score: 6, Kind: Model.ScoreKind.Nps),
            new Row("e", 0, "survey", Score: 2, Kind: Model.ScoreKind.Ces));
        var k = JourneyAnalyzer.Analyze(log).Kpis;
        Assert.Equal(new NpsStats(4, 2, 1, 1, 25), k.Nps);
        Assert.Equal((1L, 2.0), (k.Ces!.Count, k.Ces.Mean));
    }

    [Fact]
    public void First_contact_resolution_handling_time_and_escalations()
    {
        var k = Report.Kpis;
        // Journeys with a service contact: all four, each resolved in the end; the first contact resolved it for c2 and c4.
        Assert.Equal(new FcrStats(4, 4, 2, 0.5), k.FirstContactResolution);
        Assert.Equal([new ChannelAht("chat", 1, 120), new ChannelAht("phone", 5, 170)], k.AverageHandlingTimeByChannel);
        // The only switch after an unresolved contact: c1's call → chat; phone has two outgoing transitions.
        Assert.Equal([new ChannelCell("phone", "chat", 1, 0.5)], k.Escalations);
    }

    [Fact]
    public void Journey_durations_median_p90_and_mean()
    {
        // 0, 20, 40, 70 minutes: median 30 min, p90 at rank 2.7 = 40 + 0.7 × 30 = 61 min, mean 32.5 min.
        Assert.Equal(new DurationStats(1800, 3660, 1950), Report.JourneyDuration);
    }

    [Fact]
    public void An_inactivity_gap_splits_a_customers_events_into_journeys()
    {
        var log = Log(
            new Row("a", 0, "x"), new Row("a", 60, "y"), new Row("a", 60 * 24 * 10, "x"), new Row("b", 0, "y"));
        Assert.Equal(2, JourneyAnalyzer.Analyze(log).Cases);
        var split = JourneyAnalyzer.Analyze(log, new AnalysisOptions { InactivityGap = TimeSpan.FromDays(2) });
        Assert.Equal(3, split.Cases);
        Assert.Equal([new DfgEdge("x", "y", 1, 3600, 3600)], split.Dfg);
    }

    [Fact]
    public void Journeys_by_case_group_a_customers_events_by_their_case_id()
    {
        var log = Log(Model.JourneyKey.Case,
            new Row("a", 0, "x", Case: "1"), new Row("a", 1, "y", Case: "2"), new Row("a", 2, "z", Case: "1"));
        var r = JourneyAnalyzer.Analyze(log);
        Assert.Equal(2, r.Cases);
        Assert.Equal(["x", "z"], r.Variants[0].Activities);
    }

    [Fact]
    public void Tied_timestamps_keep_file_order()
    {
        var log = Log(new Row("a", 5, "second-in-time"), new Row("a", 1, "first"), new Row("a", 5, "tie-later-in-file"));
        Assert.Equal(["first", "second-in-time", "tie-later-in-file"], JourneyAnalyzer.Analyze(log).Variants[0].Activities);
    }

    [Fact]
    public void Only_the_requested_metrics_are_computed()
    {
        var r = JourneyAnalyzer.Analyze(ServiceLog(), new AnalysisOptions { Metrics = Metric.Dfg });
        Assert.Equal(3, r.Dfg.Count);
        Assert.Empty(r.Variants);
        Assert.Empty(r.ChannelSwitches.Matrix);
    }
}
