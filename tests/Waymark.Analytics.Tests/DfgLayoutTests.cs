using Waymark.Analytics.Generation;
using Waymark.Analytics.Metrics;
using Waymark.Analytics.Reading;
using Waymark.Analytics.Reporting;
using Waymark.Analytics.Writing;
using static Waymark.Analytics.Tests.Support.Some;

namespace Waymark.Analytics.Tests;

/// <summary>The directly-follows drawing, checked geometrically: no edge label on a box, none on another label.</summary>
public class DfgLayoutTests
{
    private static void AssertReadable(DfgLayout layout)
    {
        var boxes = layout.Nodes.Select(n => n.Box).ToList();
        var labels = layout.Edges.Where(e => e.LabelBox is not null).Select(e => (e.Label!, e.LabelBox!.Value)).ToList();
        foreach (var (text, box) in labels)
        {
            Assert.DoesNotContain(boxes, b => b.Overlaps(box));
            Assert.True(box.W >= DfgLayout.LabelWidth(text), text);
            Assert.InRange(box.X, 0, layout.Width - box.W);
            Assert.InRange(box.Y, 0, layout.Height - box.H);
        }
        for (var i = 0; i < labels.Count; i++)
            for (var j = i + 1; j < labels.Count; j++)
                Assert.False(labels[i].Item2.Overlaps(labels[j].Item2), $"“{labels[i].Item1}” lies on “{labels[j].Item1}”");
        for (var i = 0; i < boxes.Count; i++)
        {
            Assert.InRange(boxes[i].X + boxes[i].W, 0, layout.Width);
            Assert.InRange(boxes[i].Y + boxes[i].H, 0, layout.Height);
            for (var j = i + 1; j < boxes.Count; j++) Assert.False(boxes[i].Overlaps(boxes[j]));
        }
    }

    [Fact]
    public void The_generated_omnichannel_log_is_drawn_with_no_label_on_a_box_or_another_label()
    {
        var path = Path.Combine(Path.GetTempPath(), $"waymark-dfg-{Guid.NewGuid():N}.csv");
        try
        {
            using (var writer = EventWriters.Create(path)) EventGenerator.Generate(new GeneratorOptions { Customers = 2000, Seed = 3 }, writer);
            var layout = new DfgLayout(JourneyAnalyzer.Analyze(EventLogFiles.Read(path)));
            AssertReadable(layout);
            Assert.True(layout.Edges.Count(e => e.LabelBox is not null) >= 8, "most of the 12 most frequent edges keep their label");
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Random_tangled_logs_are_drawn_with_no_label_on_a_box_or_another_label()
    {
        string[] touchpoints = ["visit", "search", "read-the-reviews", "call", "chat", "email", "order", "pay", "return-label", "complain"];
        for (var seed = 0; seed < 60; seed++)
        {
            var random = new Random(seed);
            var rows = new List<Row>();
            for (var c = 0; c < 40; c++)
            {
                var minute = 0.0;
                for (var e = random.Next(1, 9); e > 0; e--)
                    rows.Add(new Row($"c{c}", minute += random.Next(1, 5000), touchpoints[random.Next(touchpoints.Length)]));
            }
            AssertReadable(new DfgLayout(JourneyAnalyzer.Analyze(Log(rows.ToArray()))));
        }
    }

    [Fact]
    public void A_label_says_the_median_time_in_words()
    {
        var layout = new DfgLayout(JourneyAnalyzer.Analyze(Log(new Row("c1", 0, "order"), new Row("c1", 2880, "deliver"))));
        Assert.Equal("1 · 2 days", Assert.Single(layout.Edges).Label);
    }
}
