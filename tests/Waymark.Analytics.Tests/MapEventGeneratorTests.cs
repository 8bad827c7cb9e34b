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

    [Fact]
    public void Without_service_contacts_or_surveys_the_log_is_what_it_always_was()
    {
        var sink = new Collect();
        MapEventGenerator.Generate(Map, Channels, new GeneratorOptions { Customers = 500, Seed = 5 }, sink);
        var text = string.Join('\n', sink.Events.Select(e => $"{e.Customer}|{e.TimeTicks}|{e.Activity}|{e.Channel}|{e.Outcome}|{e.Score}|{e.ScoreKind}|{e.Duration}|{e.Waiting}"));
        var hash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text)));
        // Pinned before service contacts and surveys were added: logs made with earlier seeds stay the same.
        Assert.Equal("226953b4e1a45396fd74abede5859a8e47a961ac7e747666b4dfbe7f3d1361df", hash);
    }

    [Fact]
    public void Service_contacts_get_outcomes_and_times_and_surveys_an_nps_answer_that_falls_with_unresolved_contacts()
    {
        var options = new GeneratorOptions
        {
            Customers = 3000, Seed = 7,
            ServiceContacts = new Dictionary<string, ServiceContactProfile>
            {
                ["call-hotline"] = new(0.5, 0.9, 600, 120, 300),
                ["courier"] = new(0.7, 0.7, 60, 60, 120),
            },
            NpsSurveys = ["mail-shipped"],
        };
        var sink = new Collect();
        MapEventGenerator.Generate(Map, Channels, options, sink);

        var contacts = sink.Events.Where(e => e.Activity is "call-hotline" or "courier").ToList();
        Assert.All(contacts, e => Assert.Contains(e.Outcome, new[] { "resolved", "unresolved" }));
        Assert.All(contacts, e => Assert.True(e.Waiting >= 0 && e.Duration > 0));
        Assert.All(sink.Events.Where(e => e.Activity is not ("call-hotline" or "courier")), e => Assert.Equal("", e.Outcome));
        Assert.All(sink.Events.Where(e => e.Activity == "mail-shipped"), e => Assert.Equal(ScoreKind.Nps, e.ScoreKind));
        // The hotline gets better over the period: more of its contacts resolve in the second half than in the first.
        var middle = options.Start.AddDays(options.Days / 2.0).Ticks;
        double Resolved(IEnumerable<EventRecord> es) => es.Count(e => e.Outcome == "resolved") / (double)es.Count();
        var hotline = contacts.Where(e => e.Activity == "call-hotline").ToList();
        Assert.True(Resolved(hotline.Where(e => e.TimeTicks >= middle)) > Resolved(hotline.Where(e => e.TimeTicks < middle)) + 0.1);
        // Customers left with an unresolved contact answer the survey lower.
        var troubled = sink.Events.Where(e => e.Outcome == "unresolved").Select(e => e.Customer).ToHashSet();
        var answers = sink.Events.Where(e => e.ScoreKind == ScoreKind.Nps).ToList();
        Assert.True(answers.Where(e => !troubled.Contains(e.Customer)).Average(e => e.Score) > answers.Where(e => troubled.Contains(e.Customer)).Average(e => e.Score) + 0.8);

        var again = new Collect();
        MapEventGenerator.Generate(Map, Channels, options, again);
        Assert.Equal(sink.Events, again.Events);
    }
}

