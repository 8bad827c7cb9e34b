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

    [Fact]
    public void A_lane_list_saved_before_the_evidence_lane_existed_shows_it_under_the_channels()
    {
        string[] before = [JourneyLanes.Actions, JourneyLanes.Emotion, JourneyLanes.Channels, JourneyLanes.Kpis];

        Assert.Equal(["actions", "emotion", "channels", "evidence", "kpis"], JourneyLanes.Shown(before));
        Assert.Equal(["evidence", "kpis"], JourneyLanes.Shown([JourneyLanes.Kpis]));
    }

    [Fact]
    public void The_evidence_lane_hidden_by_choice_stays_hidden_also_on_a_copy()
    {
        var journey = Some.Journey().ShowLanes([JourneyLanes.Actions, JourneyLanes.Channels]);

        Assert.Equal(["actions", "channels"], journey.Lanes);
        Assert.Contains("-evidence", JourneyLanes.Stored(journey.Lanes));
        Assert.Equal(["actions", "channels"], journey.CopyAs("Copy", journey.State, null).Lanes);
        Assert.Equal(JourneyLanes.All, Some.Journey().ShowLanes(JourneyLanes.All).Lanes);
    }
}
