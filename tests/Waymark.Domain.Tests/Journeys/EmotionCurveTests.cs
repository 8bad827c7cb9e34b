using Waymark.Domain.Tests.Support;

namespace Waymark.Domain.Tests.Journeys;

public class EmotionCurveTests
{
    [Fact]
    public void A_journey_without_steps_has_an_empty_curve()
    {
        var curve = Some.Journey("A").EmotionCurve();

        Assert.Empty(curve.Points);
        Assert.Null(curve.Average);
        Assert.Null(curve.Lowest);
        Assert.Null(curve.Highest);
    }

    [Fact]
    public void The_curve_follows_the_map_order_of_stages_and_steps()
    {
        var journey = Some.Journey("First", "Second");
        var first = journey.Stage("First");
        var second = journey.Stage("Second");
        journey.AddStep(second.Id, Some.Step("s1", emotion: 1));
        journey.AddStep(first.Id, Some.Step("f2", emotion: 2));
        journey.AddStep(first.Id, Some.Step("f1", emotion: -1), position: 0);
        journey.MoveStage(second.Id, 0);

        var curve = journey.EmotionCurve();

        Assert.Equal(["s1", "f1", "f2"], curve.Points.Select(p => p.Action));
        Assert.Equal(["Second", "First", "First"], curve.Points.Select(p => p.Stage));
        Assert.Equal([second.Id, first.Id, first.Id], curve.Points.Select(p => p.StageId));
        Assert.Equal([1, -1, 2], curve.Points.Select(p => p.Emotion));
    }

    [Fact]
    public void The_average_is_rounded_to_two_places()
    {
        var journey = Some.Journey("A");
        var stage = journey.Stage("A");
        foreach (var emotion in new[] { 1, 1, 2 }) journey.AddStep(stage.Id, Some.Step(emotion: emotion));

        Assert.Equal(1.33, journey.EmotionCurve().Average);
    }

    [Fact]
    public void The_lowest_and_highest_points_are_the_first_ones_reached()
    {
        var journey = Some.Journey("A", "B");
        var a = journey.Stage("A");
        var b = journey.Stage("B");
        journey.AddStep(a.Id, Some.Step("start", emotion: 0));
        var firstHigh = journey.AddStep(a.Id, Some.Step("first high", emotion: 3));
        var firstLow = journey.AddStep(a.Id, Some.Step("first low", emotion: -2, isPainPoint: true));
        journey.AddStep(b.Id, Some.Step("second low", emotion: -2));
        journey.AddStep(b.Id, Some.Step("second high", emotion: 3, isMomentOfTruth: true));

        var curve = journey.EmotionCurve();

        Assert.Equal(firstLow.Id, curve.Lowest!.StepId);
        Assert.True(curve.Lowest.IsPainPoint);
        Assert.Equal(firstHigh.Id, curve.Highest!.StepId);
        Assert.Equal(0.4, curve.Average);
        Assert.True(curve.Points[^1].IsMomentOfTruth);
    }

    [Fact]
    public void One_step_is_its_own_lowest_and_highest_point()
    {
        var journey = Some.Journey("A");
        journey.AddStep(journey.Stage("A").Id, Some.Step(emotion: -3));

        var curve = journey.EmotionCurve();

        Assert.Same(curve.Lowest, curve.Highest);
        Assert.Equal(-3, curve.Average);
    }
}
