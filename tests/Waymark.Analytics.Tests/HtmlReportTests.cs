using Waymark.Analytics.Metrics;
using Waymark.Analytics.Reporting;
using Waymark.Analytics.Tests.Support;
using static Waymark.Analytics.Tests.Support.Some;

namespace Waymark.Analytics.Tests;

public class HtmlReportTests
{
    private const string Evil = "<script>alert('x')</script>\"><img src=x onerror=alert(1)>";

    [Fact]
    public void Every_string_from_the_log_is_escaped_in_the_html_report()
    {
        var log = Log(
            new Row(Evil, 0, Evil, Evil, "unresolved", 2, Model.ScoreKind.Csat),
            new Row(Evil, 5, "call & <b>", "phone", "resolved"),
            new Row("c2", 0, Evil, Evil));
        var html = HtmlReport.Render(JourneyAnalyzer.Analyze(log, new AnalysisOptions { Funnel = [Evil] }), Evil);
        Assert.DoesNotContain("<script>", html);
        Assert.DoesNotContain("<img", html);
        Assert.DoesNotContain("& <b>", html);
        Assert.Contains("&lt;script&gt;", html);
        Assert.Contains("call &amp; &lt;b&gt;", html);
    }

    [Fact]
    public void The_directly_follows_graph_fragment_escapes_the_log_and_is_no_page_of_its_own()
    {
        var log = Log(new Row("c1", 0, Evil, "web"), new Row("c1", 5, "call & <b>", "phone"));
        var html = HtmlReport.DirectlyFollowsGraph(JourneyAnalyzer.Analyze(log));
        Assert.StartsWith("<div class=scroll tabindex=\"0\" role=\"region\" aria-label=", html);
        Assert.DoesNotContain("<script>", html);
        Assert.DoesNotContain("<img", html);
        Assert.DoesNotContain("<html", html);
        Assert.Contains("call &amp; &lt;b&gt;", html);
    }

    [Fact]
    public void With_a_link_for_edges_every_edge_in_the_drawing_and_the_table_leads_to_its_drill_down_escaped()
    {
        var log = Log(new Row("c1", 0, "web", "web"), new Row("c1", 5, "call & <b>", "phone"), new Row("c2", 0, "web", "web"), new Row("c2", 9, "call & <b>", "phone"));
        var html = HtmlReport.DirectlyFollowsGraph(JourneyAnalyzer.Analyze(log), e => $"/w/demo/analytics?drill=edge&of={e.From}&of={e.To}");

        // Once in the drawing (named for screen readers, so the drawing is a group, not an image) and once in the table.
        Assert.Equal(2, html.Split("href=\"/w/demo/analytics?drill=edge&amp;of=web&amp;of=call &amp; &lt;b&gt;\"").Length - 1);
        Assert.Contains("aria-label=\"web → call &amp; &lt;b&gt;: 2 times", html);
        Assert.Contains("role=\"group\" aria-label=\"directly-follows graph\"", html);
        Assert.DoesNotContain("<a", HtmlReport.DirectlyFollowsGraph(JourneyAnalyzer.Analyze(log)));
    }

    [Fact]
    public void A_sankey_of_any_flows_is_drawn_alone_with_its_label_and_names_escaped()
    {
        var html = HtmlReport.SankeyDiagram([new SankeyFlow(1, "phone", Evil, 3), new SankeyFlow(1, "phone", "phone", 1)], "Channel flows");

        Assert.StartsWith("<svg", html);
        Assert.Contains("aria-label=\"Channel flows\"", html);
        Assert.Contains("step 1: phone → phone: 1", html);
        Assert.DoesNotContain("<script>", html);
        Assert.Equal("<p>No flows.</p>", HtmlReport.SankeyDiagram([], "Channel flows"));
    }

    [Fact]
    public void The_html_report_is_self_contained()
    {
        var html = HtmlReport.Render(JourneyAnalyzer.Analyze(ServiceLog()), "Service");
        Assert.DoesNotContain("http://", html.Replace("http://www.w3.org/2000/svg", ""));
        Assert.DoesNotContain("https://", html);
        Assert.DoesNotContain("<script", html);
        Assert.Contains("<svg", html);
        Assert.Contains("Directly-follows graph", html);
        Assert.Contains("Channel switches", html);
    }

    [Fact]
    public void The_json_report_names_its_parts_in_camel_case()
    {
        var json = ReportJson.Serialize(JourneyAnalyzer.Analyze(ServiceLog(), new AnalysisOptions { Journey = new Conformance.DesignedJourney { Stages = [new() { Name = "s", Steps = [new() { Name = "x", Touchpoints = ["call"] }] }] } }));
        foreach (var part in new[] { "\"cases\"", "\"events\"", "\"activities\"", "\"variants\"", "\"dfg\"", "\"medianSeconds\"", "\"p90Seconds\"", "\"channelSwitches\"", "\"kpis\"", "\"conformance\"", "\"share\"" })
            Assert.Contains(part, json);
        Assert.Contains("\"kind\": \"UnexpectedTouchpoint\"", json);
    }

    [Fact]
    public void The_dfg_is_drawn_with_every_edge_and_listed_in_full_in_a_table()
    {
        // browse→call ×3, call→call once (a loop), call→chat once, and chat→browse closes a cycle back to the start.
        var log = Log(
            new Row("c1", 0, "browse"), new Row("c1", 10, "call"), new Row("c1", 20, "call"),
            new Row("c2", 0, "browse"), new Row("c2", 30, "call"), new Row("c2", 90, "chat"), new Row("c2", 95, "browse"),
            new Row("c3", 0, "browse"), new Row("c3", 5, "call"));
        var report = JourneyAnalyzer.Analyze(log);
        var html = HtmlReport.Render(report, "Cycles");
        var svg = html[html.IndexOf("<svg", StringComparison.Ordinal)..html.IndexOf("</svg>", StringComparison.Ordinal)];
        Assert.Equal(report.Dfg.Count, System.Text.RegularExpressions.Regex.Matches(svg, "<path d=\"M[^\"]* C").Count);
        Assert.Equal(3, System.Text.RegularExpressions.Regex.Matches(svg, "<rect ").Count);
        Assert.Contains("browse → call: 3 times, median 10 minutes", svg);
        Assert.Contains("call → call: once", svg);
        Assert.Contains("chat → browse: once, median 5 minutes", svg);
        var table = html[html.IndexOf("<details>", StringComparison.Ordinal)..html.IndexOf("</details>", StringComparison.Ordinal)];
        Assert.Equal(report.Dfg.Count, System.Text.RegularExpressions.Regex.Matches(table, "<tr><td>").Count);
        Assert.Contains("<tr><td>browse</td><td>call</td><td class=n>3</td><td class=n>10 minutes</td>", table);
    }
}
