using Waymark.Analytics.Conformance;
using Waymark.Analytics.Generation;
using Waymark.Analytics.Metrics;
using Waymark.Analytics.Model;
using Waymark.Analytics.Writing;

namespace Waymark.Analytics.Tests;

public class MapEventGeneratorTests
{
    private static readonly DesignedJourney Map = new()
    {
        Name = "Order",
        Stages =
        [
            new DesignedStage { Name = "Find", Steps = [new DesignedStep { Name = "Browse", Touchpoints = ["shop-home"] }] },
            new DesignedStage { Name = "Buy", Steps = [new DesignedStep { Name = "Order", Touchpoints = ["shop-cart", "shop-pay"] }] },
            new DesignedStage { Name = "Get", Steps = [new DesignedStep { Name = "Receive", Touchpoints = ["mail-shipped", "app-track", "courier"] }] },
        ],
    };

    private static readonly Dictionary<string, string> Channels = new()
    {
        ["shop-home"] = "Web shop", ["shop-cart"] = "Web shop", ["shop-pay"] = "Web shop", ["mail-shipped"] = "E-mail",
        ["app-track"] = "App", ["courier"] = "Delivery", ["call-hotline"] = "Phone",
    };

    private sealed class Collect : IEventWriter
    {
        public List<EventRecord> Events { get; } = [];
        public void Write(in EventRecord e) => Events.Add(e);
        public void Dispose() { }
    }

    [Fact]
    public void The_events_use_the_workspaces_keys_and_channels_and_mostly_follow_the_map()
    {
        var sink = new Collect();
        var count = MapEventGenerator.Generate(Map, Channels, new GeneratorOptions { Customers = 2000, Seed = 5 }, sink);

        Assert.Equal(count, sink.Events.Count);
        Assert.All(sink.Events, e => Assert.Equal(Channels[e.Activity], e.Channel));
        Assert.Contains(sink.Events, e => e.Activity == "call-hotline"); // now and then a contact off the map
        // Some customers use several touchpoints of a step, one after the other.
        Assert.Contains(sink.Events.GroupBy(e => e.Customer), g => g.Count(e => e.Activity is "mail-shipped" or "app-track" or "courier") >= 2);

        var builder = new EventLogBuilder();
        foreach (var e in sink.Events) builder.Add(e.Customer, new DateTime(e.TimeTicks, DateTimeKind.Utc), e.Activity, e.Channel, null, e.Score, e.ScoreKind, e.Duration, e.Waiting, null);
        var conformance = JourneyAnalyzer.Analyze(builder.Build(JourneyKey.Customer), new AnalysisOptions { Journey = Map }).Conformance!;
        Assert.InRange(conformance.ConformanceRate, 0.5, 0.9);
        Assert.InRange(conformance.AverageFitness, 0.85, 0.99);
    }

    [Fact]
    public void The_same_seed_gives_the_same_log()
    {
        var a = new Collect();
        var b = new Collect();
        MapEventGenerator.Generate(Map, Channels, new GeneratorOptions { Customers = 50, Seed = 9 }, a);
        MapEventGenerator.Generate(Map, Channels, new GeneratorOptions { Customers = 50, Seed = 9 }, b);
        Assert.Equal(a.Events, b.Events);
    }
}
