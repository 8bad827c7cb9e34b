using Waymark.Domain.Improvements;
using Waymark.Domain.Journeys;
using Waymark.Domain.Touchpoints;
using Waymark.Domain.Tests.Support;

namespace Waymark.Domain.Tests.Improvements;

public class UnaddressedMomentsTests
{
    private static UnaddressedMoments Find(Touchpoint[]? touchpoints = null, Journey[]? journeys = null, params Improvement[] improvements) =>
        UnaddressedMoments.Find(touchpoints ?? [], journeys ?? [], improvements);

    private static (Journey Journey, Step Step) JourneyWithStep(bool isPainPoint = false, bool isMomentOfTruth = false)
    {
        var journey = Some.Journey("Service");
        var step = journey.AddStep(journey.Stage("Service").Id, Some.Step("Calls the hotline", isPainPoint: isPainPoint, isMomentOfTruth: isMomentOfTruth));
        return (journey, step);
    }

    [Fact]
    public void Nothing_flagged_means_nothing_unaddressed()
    {
        var (journey, _) = JourneyWithStep();

        var found = Find([Some.Touchpoint()], [journey]);

        Assert.Equal(0, found.PainPoints);
        Assert.Equal(0, found.MomentsOfTruth);
        Assert.Empty(found.Items);
    }

    [Fact]
    public void A_touchpoint_pain_point_without_any_action_is_unaddressed()
    {
        var hotline = Some.Touchpoint("Hotline", isPainPoint: true);

        var found = Find([hotline]);

        Assert.Equal(new UnaddressedMoment("touchpoint", hotline.Id, "Hotline", false, true, null), Assert.Single(found.Items));
        Assert.Equal(1, found.PainPoints);
        Assert.Equal(0, found.MomentsOfTruth);
    }

    [Fact]
    public void A_touchpoint_moment_of_truth_without_any_action_is_unaddressed()
    {
        var checkout = Some.Touchpoint("Checkout", isMomentOfTruth: true);

        var found = Find([checkout]);

        Assert.Equal(new UnaddressedMoment("touchpoint", checkout.Id, "Checkout", true, false, null), Assert.Single(found.Items));
        Assert.Equal(0, found.PainPoints);
        Assert.Equal(1, found.MomentsOfTruth);
    }

    [Fact]
    public void A_moment_that_is_both_counts_once_in_each_figure()
    {
        var found = Find([Some.Touchpoint(isPainPoint: true, isMomentOfTruth: true)]);

        Assert.Single(found.Items);
        Assert.Equal(1, found.PainPoints);
        Assert.Equal(1, found.MomentsOfTruth);
    }

    [Theory]
    [InlineData(ImprovementStatus.Open)]
    [InlineData(ImprovementStatus.InProgress)]
    public void A_touchpoint_with_an_open_or_in_progress_action_is_addressed(ImprovementStatus status)
    {
        var hotline = Some.Touchpoint(isPainPoint: true, isMomentOfTruth: true);

        var found = Find([hotline], null, Some.Action(status, touchpointId: hotline.Id));

        Assert.Empty(found.Items);
        Assert.Equal(0, found.PainPoints);
        Assert.Equal(0, found.MomentsOfTruth);
    }

    [Fact]
    public void A_touchpoint_with_only_done_or_discarded_actions_is_unaddressed()
    {
        var hotline = Some.Touchpoint(isPainPoint: true);

        var found = Find([hotline], null,
            Some.Action(ImprovementStatus.Done, touchpointId: hotline.Id),
            Some.Action(ImprovementStatus.Discarded, touchpointId: hotline.Id));

        Assert.Equal(hotline.Id, Assert.Single(found.Items).Id);
    }

    [Fact]
    public void An_idea_or_insight_does_not_address_a_moment()
    {
        var hotline = Some.Touchpoint(isPainPoint: true);
        var insight = new Improvement(Some.WorkspaceId, ImprovementKind.Insight,
            Some.ImprovementContent() with { TouchpointId = hotline.Id, Status = ImprovementStatus.InProgress });

        var found = Find([hotline], null, Some.Idea(touchpointId: hotline.Id), insight);

        Assert.Equal(hotline.Id, Assert.Single(found.Items).Id);
    }

    [Fact]
    public void An_action_on_another_touchpoint_does_not_address_this_one()
    {
        var hotline = Some.Touchpoint("Hotline", isPainPoint: true);
        var shop = Some.Touchpoint("Shop", isPainPoint: true);

        var found = Find([hotline, shop], null, Some.Action(touchpointId: shop.Id));

        Assert.Equal(hotline.Id, Assert.Single(found.Items).Id);
    }

    [Fact]
    public void A_step_pain_point_without_any_action_is_unaddressed_with_its_journey()
    {
        var (journey, step) = JourneyWithStep(isPainPoint: true);

        var found = Find(null, [journey]);

        Assert.Equal(new UnaddressedMoment("step", step.Id, "Calls the hotline", false, true, journey.Id), Assert.Single(found.Items));
        Assert.Equal(1, found.PainPoints);
    }

    [Fact]
    public void A_step_moment_of_truth_without_any_action_is_unaddressed()
    {
        var (journey, step) = JourneyWithStep(isMomentOfTruth: true);

        var found = Find(null, [journey]);

        Assert.Equal(step.Id, Assert.Single(found.Items).Id);
        Assert.Equal(0, found.PainPoints);
        Assert.Equal(1, found.MomentsOfTruth);
    }

    [Theory]
    [InlineData(ImprovementStatus.Open)]
    [InlineData(ImprovementStatus.InProgress)]
    public void A_step_with_an_open_or_in_progress_action_is_addressed(ImprovementStatus status)
    {
        var (journey, step) = JourneyWithStep(isPainPoint: true, isMomentOfTruth: true);

        Assert.Empty(Find(null, [journey], Some.Action(status, stepId: step.Id)).Items);
    }

    [Fact]
    public void A_step_with_only_done_or_discarded_actions_or_ideas_is_unaddressed()
    {
        var (journey, step) = JourneyWithStep(isPainPoint: true);

        var found = Find(null, [journey],
            Some.Action(ImprovementStatus.Done, stepId: step.Id),
            Some.Action(ImprovementStatus.Discarded, stepId: step.Id),
            Some.Idea(stepId: step.Id));

        Assert.Equal(step.Id, Assert.Single(found.Items).Id);
    }

    [Fact]
    public void Touchpoints_come_first_by_name_then_steps_in_map_order()
    {
        var zebra = Some.Touchpoint("Zebra", isPainPoint: true);
        var alpha = Some.Touchpoint("Alpha", isMomentOfTruth: true);
        var quiet = Some.Touchpoint("Middle");
        var journey = Some.Journey("One", "Two");
        journey.AddStep(journey.Stage("Two").Id, Some.Step("later", isPainPoint: true));
        journey.AddStep(journey.Stage("One").Id, Some.Step("earlier", isMomentOfTruth: true));

        var found = Find([zebra, quiet, alpha], [journey]);

        Assert.Equal(["Alpha", "Zebra", "earlier", "later"], found.Items.Select(i => i.Name));
        Assert.Equal(["touchpoint", "touchpoint", "step", "step"], found.Items.Select(i => i.Kind));
        Assert.Equal(2, found.PainPoints);
        Assert.Equal(2, found.MomentsOfTruth);
    }
}
