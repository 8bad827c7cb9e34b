using Waymark.Analytics.Conformance;
using Waymark.Analytics.Metrics;
using Waymark.Analytics.Tests.Support;

namespace Waymark.Analytics.Tests;

/// <summary>
/// Steps with one, two and three touchpoints: a step is fulfilled by one visit (any of its touchpoints, any order, one
/// after the other); only coming back to it after another step of the map is a repeat. Worked by hand in docs/analytics.md.
/// </summary>
public class StepVisitConformanceTests
{
    private static readonly DesignedJourney Map = new()
    {
        Name = "Order",
        Stages =
        [
            new DesignedStage { Name = "Find", Steps = [new DesignedStep { Name = "Browse", Touchpoints = ["browse"] }] },
            new DesignedStage { Name = "Buy", Steps = [new DesignedStep { Name = "Order", Touchpoints = ["cart", "pay"] }] },
            new DesignedStage { Name = "Get", Steps = [new DesignedStep { Name = "Receive", Touchpoints = ["ship-mail", "track", "deliver"] }] },
        ],
    };

    private static (int Cost, double Fitness, IReadOnlyList<Deviation> Deviations) Check(params string[] journey) =>
        new ConformanceChecker(Map).Check(journey);

    [Fact]
    public void Every_touchpoint_of_every_step_in_the_maps_order_follows_the_map_exactly()
    {
        var r = Check("browse", "cart", "pay", "ship-mail", "track", "deliver");
        Assert.Equal((0, 1.0), (r.Cost, r.Fitness));
        Assert.Empty(r.Deviations);
    }

    [Fact]
    public void Within_a_step_any_of_its_touchpoints_in_any_order_fulfil_it()
    {
        Assert.Equal(0, Check("browse", "pay", "cart", "deliver", "ship-mail").Cost);
        Assert.Equal(0, Check("browse", "cart", "track").Cost);
    }

    [Fact]
    public void A_touchpoint_of_a_step_after_the_next_step_began_is_a_repeat()
    {
        // Order is left for Receive (track), then pay comes back to it: one log move; n = 4, K = 3.
        var r = Check("browse", "cart", "track", "pay");
        Assert.Equal(1, r.Cost);
        Assert.Equal(1 - 1.0 / 7, r.Fitness, 12);
        Assert.Equal([new Deviation(DeviationKind.RepeatedContact, "pay")], r.Deviations);
    }

    [Fact]
    public void Coming_back_to_a_one_touchpoint_step_is_a_repeat()
    {
        var r = Check("browse", "cart", "pay", "browse", "deliver");
        Assert.Equal(1, r.Cost);
        Assert.Equal(1 - 1.0 / 8, r.Fitness, 12);
        Assert.Equal([new Deviation(DeviationKind.RepeatedContact, "browse")], r.Deviations);
    }

    [Fact]
    public void A_touchpoint_off_the_map_costs_one_but_does_not_end_the_visit_to_a_step()
    {
        var r = Check("browse", "cart", "tweet", "pay", "deliver");
        Assert.Equal(1, r.Cost);
        Assert.Equal(1 - 1.0 / 8, r.Fitness, 12);
        Assert.Equal([new Deviation(DeviationKind.UnexpectedTouchpoint, "tweet")], r.Deviations);
    }

    [Fact]
    public void A_step_done_before_the_one_before_it_is_out_of_order()
    {
        // browse, (track out of order), cart + pay fulfil Order, Receive not fulfilled in place: 2 of n + K = 7.
        var r = Check("browse", "track", "cart", "pay");
        Assert.Equal(2, r.Cost);
        Assert.Equal(1 - 2.0 / 7, r.Fitness, 12);
        Assert.Equal([new Deviation(DeviationKind.OutOfOrderStage, "track (Get)")], r.Deviations);
    }

    [Fact]
    public void A_log_where_everyone_passes_every_touchpoint_in_order_conforms_fully_and_every_step_is_in_place()
    {
        var rows = new List<Some.Row>();
        foreach (var customer in new[] { "c1", "c2", "c3" })
        {
            var t = 0;
            foreach (var tp in new[] { "browse", "cart", "pay", "ship-mail", "track", "deliver" }) rows.Add(new Some.Row(customer, t++, tp));
        }
        var report = JourneyAnalyzer.Analyze(Some.Log(rows.ToArray()), new AnalysisOptions { Journey = Map }).Conformance!;
        Assert.Equal(1.0, report.ConformanceRate);
        Assert.Equal(1.0, report.AverageFitness);
        Assert.Empty(report.Deviations);
        Assert.All(report.StepFulfilment, s => Assert.Equal(3, s.Fulfilled));
    }

    /// <summary>
    /// The checker's cost equals the definition's, found by trying every labelling of every event (a step, or not
    /// matched) on 4,000 random short journeys: matched events follow the map's order, each step's events form one
    /// visit (nothing but touchpoints off the map between its first and last), cost = unmatched events + steps with none.
    /// </summary>
    [Fact]
    public void The_cost_is_the_least_over_all_labellings_of_the_events()
    {
        string[] pool = ["browse", "cart", "pay", "ship-mail", "track", "deliver", "tweet"];
        var steps = Map.Stages.SelectMany(s => s.Steps).Select(s => s.Touchpoints.ToHashSet()).ToArray();
        var checker = new ConformanceChecker(Map);
        var random = new Random(7);
        for (var run = 0; run < 4000; run++)
        {
            var journey = Enumerable.Range(0, random.Next(0, 7)).Select(_ => pool[random.Next(pool.Length)]).ToArray();
            Assert.True(BruteForce(journey, steps) == checker.Check(journey).Cost, string.Join(",", journey));
        }
    }

    private static int BruteForce(string[] journey, HashSet<string>[] steps)
    {
        var n = journey.Length;
        var k = steps.Length;
        var labels = new int[n]; // -1 unmatched, else a step
        var best = int.MaxValue;
        var total = (int)Math.Pow(k + 1, n);
        for (var code = 0; code < total; code++)
        {
            var c = code;
            for (var i = 0; i < n; i++) { labels[i] = c % (k + 1) - 1; c /= k + 1; }
            if (!Valid()) continue;
            var cost = labels.Count(l => l < 0) + Enumerable.Range(0, k).Count(j => !labels.Contains(j));
            best = Math.Min(best, cost);
        }
        return best;

        bool Valid()
        {
            var last = -1;
            for (var i = 0; i < n; i++)
            {
                if (labels[i] < 0) continue;
                if (!steps[labels[i]].Contains(journey[i]) || labels[i] < last) return false;
                last = labels[i];
            }
            for (var j = 0; j < k; j++)
            {
                var first = Array.IndexOf(labels, j);
                if (first < 0) continue;
                var end = Array.LastIndexOf(labels, j);
                for (var i = first; i <= end; i++)
                    if (labels[i] != j && steps.Any(s => s.Contains(journey[i]))) return false;
            }
            return true;
        }
    }
}
