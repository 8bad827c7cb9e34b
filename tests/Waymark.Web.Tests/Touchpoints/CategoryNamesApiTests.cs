using Waymark.Web.Tests.Support;

namespace Waymark.Web.Tests.Touchpoints;

public sealed class CategoryNamesApiTests(WaymarkApiFactory factory) : ApiTest(factory)
{
    [Theory]
    [InlineData("upsellEmails", "Upsell e-mails")]
    [InlineData("selfService", "Self-service")]
    [InlineData("pointOfSale", "Point of sale")]
    public async Task A_touchpoint_carries_its_category_in_words_beside_the_code(string category, string words)
    {
        var (channel, _) = await CreateChannel();

        var created = await PostOk($"{Api}/touchpoints", new { name = "Accessory offer", category, channelId = channel });

        Assert.Equal(category, created.GetProperty("category").GetString());
        Assert.Equal(words, created.GetProperty("categoryName").GetString());
    }
}
