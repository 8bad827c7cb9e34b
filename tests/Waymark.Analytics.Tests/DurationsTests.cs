using Waymark.Analytics.Reporting;

namespace Waymark.Analytics.Tests;

public class DurationsTests
{
    [Theory]
    [InlineData(2880, "2 days")]
    [InlineData(1440, "24 hours")]
    [InlineData(4320, "3 days")]
    [InlineData(1, "1 minute")]
    [InlineData(90, "90 minutes")]
    [InlineData(150, "2.5 hours")]
    [InlineData(60 * 30, "30 hours")]
    public void Waiting_minutes_read_in_words(int minutes, string words) => Assert.Equal(words, Durations.Minutes(minutes));

    [Fact]
    public void Seconds_read_as_seconds_and_nothing_as_a_dash()
    {
        Assert.Equal("45 seconds", Durations.Words(45));
        Assert.Equal("1 second", Durations.Words(1));
        Assert.Equal("–", Durations.Words(double.NaN));
    }
}
