using Waymark.Web.Features.Evidence;

namespace Waymark.Web.Tests.Evidence;

/// <summary>Under a steady feed of events the background works months out again spaced by its own cost.</summary>
public sealed class AnalyticsRefreshSpacingTests
{
    [Theory]
    [InlineData(0.0, 30)]
    [InlineData(1.5, 30)]
    [InlineData(3.0, 30)]
    [InlineData(6.0, 60)]
    [InlineData(45.0, 450)]
    public void A_steady_feed_is_worked_out_at_most_every_half_minute_or_ten_times_the_last_works_length(double workSeconds, double waitSeconds)
    {
        Assert.Equal(TimeSpan.FromSeconds(waitSeconds), EventAnalyticsRefresh.LongestWaitAfter(TimeSpan.FromSeconds(workSeconds)));
    }
}
