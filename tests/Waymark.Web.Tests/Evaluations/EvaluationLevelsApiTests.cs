using System.Net.Http.Json;
using Waymark.Web.Tests.Support;

namespace Waymark.Web.Tests.Evaluations;

public sealed class EvaluationLevelsApiTests(WaymarkApiFactory factory) : ApiTest(factory)
{
    [Fact]
    public async Task A_level_off_the_scale_is_named_in_words_with_the_scale_and_the_value()
    {
        var (channel, _) = await CreateChannel();
        var touchpoint = (await PostOk($"{Api}/touchpoints", new { name = "Hotline", category = "supportChannels", channelId = channel })).GetProperty("id").GetGuid();

        var problem = await Problem(await Client.PostAsJsonAsync($"{Api}/evaluations",
            new { touchpointId = touchpoint, score = 5, evaluatedOn = "2026-03-01", expectationLevel = 8, experienceLevel = 0 }, WaymarkApiFactory.Json), 400);

        Assert.Equal(["experienceLevel"], ErrorFields(problem));
        Assert.Equal("The experience level must be between 1 (very low) and 10 (very high); 0 is outside.", problem.GetProperty("errors").GetProperty("experienceLevel")[0].GetString());
    }
}
