using Microsoft.Extensions.Time.Testing;
using Waymark.Domain.Journeys;
using Waymark.Domain.Tests.Support;

namespace Waymark.Domain.Tests.Journeys;

public class JourneyStructureTests
{
    private static string StageOrder(Journey journey) => string.Join(" ", journey.OrderedStages.Select(s => $"{s.Position}:{s.Name}"));

    private static Journey JourneyWithSteps(out Stage left, out Stage right)
    {
        var journey = Some.Journey("Left", "Right");
        left = journey.Stage("Left");
        right = journey.Stage("Right");
        foreach (var action in new[] { "a", "b", "c", "d" }) journey.AddStep(left.Id, Some.Step(action));
        foreach (var action in new[] { "x", "y" }) journey.AddStep(right.Id, Some.Step(action));
        return journey;
    }

    [Fact]
    public void A_journey_needs_a_name_and_a_known_scenario_and_state()
    {
        Rule.Broken("name", () => new Journey(Some.WorkspaceId, " ", JourneyScenario.ServiceCase));
        Rule.Broken("name", () => new Journey(Some.WorkspaceId, Some.Text(201), JourneyScenario.ServiceCase));
        Rule.Broken("scenario", () => new Journey(Some.WorkspaceId, "Service", (JourneyScenario)42));
        Rule.Broken("state", () => new Journey(Some.WorkspaceId, "Service", JourneyScenario.ServiceCase, (JourneyState)42));
    }

    [Fact]
    public void A_new_journey_shows_all_lanes_and_has_no_stages()
    {
        var journey = new Journey(Some.WorkspaceId, "Service", JourneyScenario.ServiceCase, JourneyState.Future);

        Assert.Equal(JourneyLanes.All, journey.Lanes);
        Assert.Empty(journey.Stages);
        Assert.Equal(JourneyState.Future, journey.State);
        Assert.Null(journey.CustomScenario);
    }

    [Fact]
    public void A_custom_scenario_is_named_custom_until_described()
    {
        var journey = new Journey(Some.WorkspaceId, "Trade fair", JourneyScenario.Custom);

        Assert.Equal("Custom", journey.CustomScenario);
        Rule.Broken("customScenario", () => journey.Describe("Trade fair", null, JourneyScenario.Custom, " ", null, JourneyState.Current));
        Rule.Broken("customScenario", () => journey.Describe("Trade fair", null, JourneyScenario.Custom, Some.Text(101), null, JourneyState.Current));

        journey.Describe("Trade fair", null, JourneyScenario.Custom, "Trade fair visit", null, JourneyState.Current);
        Assert.Equal("Trade fair visit", journey.CustomScenario);
        journey.Describe("Trade fair", null, JourneyScenario.RepeatPurchase, "Trade fair visit", null, JourneyState.Current);
        Assert.Null(journey.CustomScenario);
    }

    [Fact]
    public void Stages_are_added_at_the_end_in_order()
    {
        var journey = Some.Journey("Awareness", "Purchase", "Service");

        Assert.Equal("0:Awareness 1:Purchase 2:Service", StageOrder(journey));
        Assert.All(journey.Stages, s => Assert.Equal(journey.Id, s.JourneyId));
    }

    [Fact]
    public void A_stage_can_be_added_at_a_position()
    {
        var journey = Some.Journey("Awareness", "Service");
        var phase = Some.Id();

        var purchase = journey.AddStage("Purchase", phase, position: 1);

        Assert.Equal("0:Awareness 1:Purchase 2:Service", StageOrder(journey));
        Assert.Equal(phase, purchase.PhaseId);
    }

    [Fact]
    public void A_stage_needs_a_name_of_at_most_100_characters()
    {
        var journey = Some.Journey();

        Rule.Broken("name", () => journey.AddStage(" "));
        Rule.Broken("name", () => journey.AddStage(Some.Text(101)));
        Assert.Empty(journey.Stages);
    }

    [Fact]
    public void Adding_a_stage_at_a_position_outside_the_map_changes_nothing()
    {
        var journey = Some.Journey("Awareness", "Service");

        Rule.Broken("position", () => journey.AddStage("Purchase", position: 5));

        Assert.Equal("0:Awareness 1:Service", StageOrder(journey));
    }

    [Fact]
    public void Moving_a_stage_renumbers_all_stages_without_gaps()
    {
        var journey = Some.Journey("A", "B", "C", "D");

        journey.MoveStage(journey.Stage("A").Id, 2);
        Assert.Equal("0:B 1:C 2:A 3:D", StageOrder(journey));

        journey.MoveStage(journey.Stage("D").Id, 0);
        Assert.Equal("0:D 1:B 2:C 3:A", StageOrder(journey));
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(3)]
    public void A_stage_cannot_be_moved_outside_the_map(int index)
    {
        var journey = Some.Journey("A", "B", "C");

        Rule.Broken("position", () => journey.MoveStage(journey.Stage("A").Id, index));
        Assert.Equal("0:A 1:B 2:C", StageOrder(journey));
    }

    [Fact]
    public void Removing_a_stage_removes_its_steps_and_renumbers_the_others()
    {
        var journey = Some.Journey("A", "B", "C");
        var step = journey.AddStep(journey.Stage("B").Id, Some.Step("inside B"));

        journey.RemoveStage(journey.Stage("B").Id);

        Assert.Equal("0:A 1:C", StageOrder(journey));
        Rule.Broken("stepId", () => journey.FindStep(step.Id));
    }

    [Fact]
    public void Steps_are_appended_to_their_stage_in_order()
    {
        var journey = JourneyWithSteps(out var left, out var right);

        Assert.Equal("a b c d", left.Actions());
        Assert.Equal([0, 1, 2, 3], left.Positions());
        Assert.Equal("x y", right.Actions());
        Assert.All(left.Steps, s => Assert.Equal(left.Id, s.StageId));
        Assert.Equal("a b c d x y", string.Join(" ", journey.OrderedSteps.Select(s => s.Action)));
    }

    [Fact]
    public void A_step_can_be_added_at_a_position()
    {
        var journey = JourneyWithSteps(out var left, out _);

        journey.AddStep(left.Id, Some.Step("new"), position: 1);

        Assert.Equal("a new b c d", left.Actions());
        Assert.Equal([0, 1, 2, 3, 4], left.Positions());
    }

    [Fact]
    public void Adding_a_step_at_a_position_outside_the_stage_changes_nothing()
    {
        var journey = JourneyWithSteps(out var left, out _);

        Rule.Broken("position", () => journey.AddStep(left.Id, Some.Step("new"), position: 9));

        Assert.Equal("a b c d", left.Actions());
        Assert.Equal([0, 1, 2, 3], left.Positions());
    }

    [Fact]
    public void Moving_a_step_forward_within_its_stage_keeps_positions_without_gaps()
    {
        var journey = JourneyWithSteps(out var left, out _);
        var d = left.Steps.Single(s => s.Action == "d");

        journey.MoveStep(d.Id, left.Id, 1);

        Assert.Equal("a d b c", left.Actions());
        Assert.Equal([0, 1, 2, 3], left.Positions());
        Assert.Equal(4, left.Steps.Count);
    }

    [Fact]
    public void Moving_a_step_backward_within_its_stage_to_the_end_keeps_positions_without_gaps()
    {
        var journey = JourneyWithSteps(out var left, out _);
        var a = left.Steps.Single(s => s.Action == "a");

        journey.MoveStep(a.Id, left.Id, 3);

        Assert.Equal("b c d a", left.Actions());
        Assert.Equal([0, 1, 2, 3], left.Positions());
    }

    [Fact]
    public void Moving_a_step_to_another_stage_renumbers_both_stages_without_gaps()
    {
        var journey = JourneyWithSteps(out var left, out var right);
        var b = left.Steps.Single(s => s.Action == "b");

        journey.MoveStep(b.Id, right.Id, 1);

        Assert.Equal("a c d", left.Actions());
        Assert.Equal([0, 1, 2], left.Positions());
        Assert.Equal("x b y", right.Actions());
        Assert.Equal([0, 1, 2], right.Positions());
        Assert.Equal(right.Id, b.StageId);
        Assert.Same(b, journey.FindStep(b.Id));
    }

    [Fact]
    public void A_step_can_be_moved_to_the_end_of_another_stage()
    {
        var journey = JourneyWithSteps(out var left, out var right);
        var a = left.Steps.Single(s => s.Action == "a");

        journey.MoveStep(a.Id, right.Id, 2);

        Assert.Equal("b c d", left.Actions());
        Assert.Equal("x y a", right.Actions());
        Assert.Equal([0, 1, 2], right.Positions());
    }

    [Fact]
    public void A_step_can_be_moved_into_an_empty_stage()
    {
        var journey = JourneyWithSteps(out var left, out _);
        var empty = journey.AddStage("Empty");
        var c = left.Steps.Single(s => s.Action == "c");

        journey.MoveStep(c.Id, empty.Id, 0);

        Assert.Equal("c", empty.Actions());
        Assert.Equal([0], empty.Positions());
        Assert.Equal("a b d", left.Actions());
        Assert.Equal([0, 1, 2], left.Positions());
    }

    [Fact]
    public void Moving_a_step_to_a_position_outside_the_stage_changes_nothing()
    {
        var journey = JourneyWithSteps(out var left, out var right);
        var b = left.Steps.Single(s => s.Action == "b");

        Rule.Broken("position", () => journey.MoveStep(b.Id, right.Id, 3));
        Rule.Broken("position", () => journey.MoveStep(b.Id, left.Id, 4));

        Assert.Equal("a b c d", left.Actions());
        Assert.Equal("x y", right.Actions());
        Assert.Same(b, journey.FindStep(b.Id));
    }

    [Fact]
    public void Removing_a_step_renumbers_the_rest_of_its_stage()
    {
        var journey = JourneyWithSteps(out var left, out var right);

        journey.RemoveStep(left.Steps.Single(s => s.Action == "b").Id);

        Assert.Equal("a c d", left.Actions());
        Assert.Equal([0, 1, 2], left.Positions());
        Assert.Equal("x y", right.Actions());
    }

    [Fact]
    public void Stages_and_steps_of_another_journey_are_not_found()
    {
        var journey = JourneyWithSteps(out var left, out _);
        var other = JourneyWithSteps(out var foreignStage, out _);
        var foreignStep = foreignStage.Steps[0];
        var ownStep = left.Steps[0];

        Rule.Broken("stageId", () => journey.FindStage(foreignStage.Id));
        Rule.Broken("stepId", () => journey.FindStep(foreignStep.Id));
        Rule.Broken("stageId", () => journey.AddStep(foreignStage.Id, Some.Step()));
        Rule.Broken("stageId", () => journey.MoveStage(foreignStage.Id, 0));
        Rule.Broken("stageId", () => journey.RemoveStage(foreignStage.Id));
        Rule.Broken("stepId", () => journey.MoveStep(foreignStep.Id, left.Id, 0));
        Rule.Broken("stageId", () => journey.MoveStep(ownStep.Id, foreignStage.Id, 0));
        Rule.Broken("stepId", () => journey.RemoveStep(foreignStep.Id));

        Assert.Equal("a b c d", left.Actions());
        Assert.Equal("a b c d", foreignStage.Actions());
        Assert.Equal(2, other.Stages.Count);
    }

    [Fact]
    public void A_structural_change_moves_the_map_changed_time()
    {
        var clock = new FakeTimeProvider(Some.Instant);
        var journey = JourneyWithSteps(out var left, out var right).UsingClock(clock);
        var step = left.Steps[0];
        var changes = new Action[]
        {
            () => journey.AddStage("New"),
            () => journey.MoveStage(right.Id, 0),
            () => journey.AddStep(left.Id, Some.Step()),
            () => journey.MoveStep(step.Id, right.Id, 0),
            () => journey.RemoveStep(step.Id),
            () => journey.ShowLanes([JourneyLanes.Actions]),
            () => journey.RemoveStage(left.Id),
        };

        foreach (var change in changes)
        {
            clock.Advance(TimeSpan.FromMinutes(1));
            change();
            Assert.Equal(clock.GetUtcNow(), journey.MapChangedAt);
        }
    }
}
