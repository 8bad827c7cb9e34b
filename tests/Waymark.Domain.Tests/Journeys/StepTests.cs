using Waymark.Domain.Journeys;
using Waymark.Domain.Tests.Support;

namespace Waymark.Domain.Tests.Journeys;

public class StepTests
{
    private static Step Add(StepContent content)
    {
        var journey = Some.Journey("Purchase");
        return journey.AddStep(journey.Stage("Purchase").Id, content);
    }

    [Theory]
    [InlineData(-3)]
    [InlineData(0)]
    [InlineData(3)]
    public void An_emotion_from_minus_3_to_plus_3_is_accepted(int emotion)
    {
        Assert.Equal(emotion, Add(Some.Step(emotion: emotion)).Emotion);
    }

    [Theory]
    [InlineData(-4)]
    [InlineData(4)]
    public void An_emotion_outside_minus_3_to_plus_3_is_rejected(int emotion)
    {
        var ex = Rule.Broken("emotion", () => Add(Some.Step(emotion: emotion)));

        Assert.Contains("between -3 and 3", ex.Message);
    }

    [Fact]
    public void A_step_needs_an_action_of_at_most_500_characters()
    {
        Rule.Broken("action", () => Add(Some.Step(" ")));
        Rule.Broken("action", () => Add(Some.Step(Some.Text(501))));
        Assert.Equal("Calls the hotline", Add(Some.Step(" Calls the hotline ")).Action);
    }

    [Fact]
    public void Text_fields_have_their_length_limits()
    {
        Rule.Broken("thoughtsAndMotivation", () => Add(Some.Step() with { ThoughtsAndMotivation = Some.Text(2001) }));
        Rule.Broken("questions", () => Add(Some.Step() with { Questions = Some.Text(2001) }));
        Rule.Broken("obstacles", () => Add(Some.Step() with { Obstacles = Some.Text(2001) }));
        Rule.Broken("notes", () => Add(Some.Step() with { Notes = Some.Text(4001) }));
    }

    [Fact]
    public void Waiting_time_cannot_be_negative()
    {
        Rule.Broken("waitingMinutes", () => Add(Some.Step() with { WaitingMinutes = -1 }));
        Assert.Equal(0, Add(Some.Step() with { WaitingMinutes = 0 }).WaitingMinutes);
    }

    [Fact]
    public void Touchpoints_used_are_kept_once()
    {
        var hotline = Some.Id();

        Assert.Equal([hotline], Add(Some.Step() with { TouchpointIds = [hotline, Guid.Empty, hotline] }).TouchpointIds);
    }

    [Fact]
    public void A_step_can_be_changed_after_it_was_added()
    {
        var step = Add(Some.Step("Visits", emotion: 1));

        step.Apply(Some.Step("Complains", emotion: -2, isPainPoint: true));

        Assert.Equal("Complains", step.Action);
        Assert.Equal(-2, step.Emotion);
        Assert.True(step.IsPainPoint);
    }
}
