using Waymark.Analytics.Conformance;
using Waymark.Analytics.Metrics;
using Waymark.Analytics.Tests.Support;

namespace Waymark.Analytics.Tests;

public class ConformanceTests
{
    private static readonly DesignedJourney Map = new()
    {
        Name = "Service",
        Stages =
        [
            new DesignedStage { Name = "Search", Steps = [new DesignedStep { Name = "Look it up", Touchpoints = ["browse"] }] },
            new DesignedStage { Name = "Contact", Steps = [new DesignedStep { Name = "Call us", Touchpoints = ["call"] }] },
            new DesignedStage { Name = "Resolve", Steps = [new DesignedStep { Name = "Chat follow-up", Touchpoints = ["chat", "email"] }] },
        ],
    };

    private static (int Cost, double Fitness, IReadOnlyList<Deviation> Deviations) Check(params string[] journey) =>
        new ConformanceChecker(Map).Check(journey);

    [Fact]
    public void A_journey_that_follows_the_map_has_fitness_one()
    {
        Assert.Equal((0, 1.0), (Check("browse", "call", "chat").Cost, Check("browse", "call", "chat").Fitness));
        Assert.Equal(0, Check("browse", "call", "email").Cost); // any touchpoint of the step fulfils it
    }

    [Fact]
    public void A_skipped_step_costs_one_model_move()
    {
        var r = Check("browse", "call");
        Assert.Equal(1, r.Cost);
        Assert.Equal(1 - 1.0 / 5, r.Fitness, 12);
        Assert.Equal([new Deviation(DeviationKind.SkippedStep, "Chat follow-up")], r.Deviations);
    }

    [Fact]
    public void A_touchpoint_the_map_does_not_contain_lowers_fitness()
    {
        var r = Check("browse", "tweet", "call", "chat");
        Assert.Equal(1, r.Cost);
        Assert.Equal(1 - 1.0 / 7, r.Fitness, 12);
        Assert.Equal([new Deviation(DeviationKind.UnexpectedTouchpoint, "tweet")], r.Deviations);
    }

    [Fact]
    public void Coming_back_to_a_step_after_leaving_it_is_a_repeated_contact()
    {
        var r = Check("browse", "call", "chat", "call");
        Assert.Equal(1, r.Cost);
        Assert.Equal(1 - 1.0 / 7, r.Fitness, 12);
        Assert.Equal([new Deviation(DeviationKind.RepeatedContact, "call")], r.Deviations);
    }

    [Fact]
    public void The_same_touchpoint_twice_in_a_row_stays_in_its_step()
    {
        Assert.Equal(0, Check("browse", "call", "call", "chat").Cost);
    }

    [Fact]
    public void Stages_in_the_wrong_order_are_one_out_of_order_deviation_not_a_skip()
    {
        var r = Check("call", "browse", "chat");
        Assert.Equal(2, r.Cost); // one log move and one model move
        Assert.Equal(1 - 2.0 / 6, r.Fitness, 12);
        var d = Assert.Single(r.Deviations);
        Assert.Equal(DeviationKind.OutOfOrderStage, d.Kind);
    }

    [Fact]
    public void Only_unknown_touchpoints_give_fitness_by_the_worst_case()
    {
        var r = Check("x", "y");
        Assert.Equal(5, r.Cost);
        Assert.Equal(0, r.Fitness);
    }

    [Fact]
    public void The_touchpoint_map_translates_event_keys_to_inventory_keys()
    {
        var mapped = Map with { TouchpointMap = new Dictionary<string, string> { ["web-search"] = "browse" } };
        Assert.Equal(0, new ConformanceChecker(mapped).Check(["web-search", "call", "chat"]).Cost);
    }

    [Fact]
    public void The_log_gets_a_conformance_rate_average_fitness_and_most_common_deviations()
    {
        var r = JourneyAnalyzer.Analyze(Some.ServiceLog(), new AnalysisOptions { Journey = Map }).Conformance!;
        // c1 fits (1); c2 skips chat (0.8); c3 calls twice in a row, one visit to "Call us", and skips chat (1 − 1/6);
        // c4 skips browse and chat (0.5).
        Assert.Equal(4, r.Journeys);
        Assert.Equal(0.25, r.ConformanceRate);
        Assert.Equal((1 + 0.8 + (1 - 1.0 / 6) + 0.5) / 4, r.AverageFitness, 12);
        Assert.Equal(new DeviationCount(DeviationKind.SkippedStep, "Chat follow-up", 3), r.Deviations[0]);
        Assert.DoesNotContain(r.Deviations, d => d.Kind == DeviationKind.RepeatedContact);
        Assert.Contains(new DeviationCount(DeviationKind.SkippedStep, "Look it up", 1), r.Deviations);
        Assert.Equal("c4", r.WorstJourneys[0].Journey);
        Assert.Equal(1, r.FitnessHistogram[10]);
    }

    [Fact]
    public void Each_step_counts_the_journeys_that_fulfilled_it_in_place()
    {
        // c1 follows the map; c2 skips the chat; c3 calls before browsing (out of order: the optimal alignment keeps
        // "call" in place and moves the browse, so "Look it up" is not fulfilled in place); c4 only chats.
        var log = Some.Log(
            new Some.Row("c1", 0, "browse"), new Some.Row("c1", 1, "call"), new Some.Row("c1", 2, "chat"),
            new Some.Row("c2", 0, "browse"), new Some.Row("c2", 1, "call"),
            new Some.Row("c3", 0, "call"), new Some.Row("c3", 1, "browse"),
            new Some.Row("c4", 0, "email"));
        var report = JourneyAnalyzer.Analyze(log, new AnalysisOptions { Journey = Map }).Conformance!;
        Assert.Equal(
            [new StepFulfilment("Search", "Look it up", 2, 0.5), new StepFulfilment("Contact", "Call us", 3, 0.75), new StepFulfilment("Resolve", "Chat follow-up", 2, 0.5)],
            report.StepFulfilment);
    }
}
