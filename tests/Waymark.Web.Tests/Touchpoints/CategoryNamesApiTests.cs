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

    [Fact]
    public async Task The_workspace_export_names_each_category_in_words_too()
    {
        var (channel, _) = await CreateChannel();
        await PostOk($"{Api}/touchpoints", new { name = "Accessory offer", category = "upsellEmails", channelId = channel });

        var doc = await GetOk($"{Api}/export");

        var touchpoint = doc.GetProperty("touchpoints")[0];
        Assert.Equal("upsellEmails", touchpoint.GetProperty("category").GetString());
        Assert.Equal("Upsell e-mails", touchpoint.GetProperty("categoryName").GetString());
    }
}
