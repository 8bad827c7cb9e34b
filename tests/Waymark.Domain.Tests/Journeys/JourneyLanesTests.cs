using Waymark.Domain.Journeys;
using Waymark.Domain.Tests.Support;

namespace Waymark.Domain.Tests.Journeys;

public class JourneyLanesTests
{
    [Fact]
    public void Lanes_chosen_are_shown_in_the_order_given()
    {
        var journey = Some.Journey().ShowLanes([JourneyLanes.Emotion, JourneyLanes.Actions, JourneyLanes.Kpis]);

        Assert.Equal(["emotion", "actions", "kpis"], journey.Lanes);
    }

    [Fact]
    public void No_lanes_at_all_may_be_shown()
    {
        Assert.Empty(Some.Journey().ShowLanes([]).Lanes);
    }

    [Theory]
    [InlineData("touchpoints")]
    [InlineData("Actions")]
    [InlineData("")]
    public void An_unknown_lane_is_rejected_and_named(string lane)
    {
        var journey = Some.Journey();

        var ex = Rule.Broken("lanes", () => journey.ShowLanes([JourneyLanes.Actions, lane]));

        Assert.StartsWith($"'{lane}' is not a lane.", ex.Message);
        Assert.Equal(JourneyLanes.All, journey.Lanes);
    }

    [Fact]
    public void A_lane_can_be_shown_only_once()
    {
        var journey = Some.Journey();

        Rule.Broken("lanes", () => journey.ShowLanes([JourneyLanes.Actions, JourneyLanes.Emotion, JourneyLanes.Actions]));
        Assert.Equal(JourneyLanes.All, journey.Lanes);
    }

    [Fact]
    public void There_are_eleven_lanes_and_all_are_shown_by_default()
    {
        Assert.Equal(11, JourneyLanes.All.Count);
        Assert.Equal(JourneyLanes.All, JourneyLanes.Default);
    }
}
