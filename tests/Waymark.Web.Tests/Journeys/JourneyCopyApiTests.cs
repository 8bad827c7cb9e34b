using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Waymark.Web.Tests.Support;

namespace Waymark.Web.Tests.Journeys;

public sealed class JourneyCopyApiTests(WaymarkApiFactory factory) : JourneyApiTest(factory)
{
    [Fact]
    public async Task The_future_state_starts_as_a_copy_of_the_current_map_with_new_ids()
    {
        var current = await BuildMap(("Report", ["Calls the hotline", "Sends photos"]), ("Fix", ["Technician repairs the TV"]));
        var response = await Client.PostAsJsonAsync($"{Journeys}/{IdOf(current)}/copy", new { state = "future" });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var future = await response.Content.ReadFromJsonAsync<JsonElement>(WaymarkApiFactory.Json);
        Assert.Equal($"{Journeys}/{IdOf(future)}", response.Headers.Location!.OriginalString);
        Assert.NotEqual(IdOf(current), IdOf(future));
        Assert.Equal("First TV purchase (future state)", future.GetProperty("name").GetString());
        Assert.Equal("future", future.GetProperty("state").GetString());
        Assert.Equal(Layout(current), Layout(future));
        Assert.Empty(Stages(future).Select(IdOf).Intersect(Stages(current).Select(IdOf)));

        // The original map is unchanged and both are listed.
        Assert.Equal(Layout(current), Layout(await GetOk($"{Journeys}/{IdOf(current)}")));
        Assert.Equal(2, (await GetOk(Journeys)).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task A_copy_takes_a_name_and_persona_of_its_own_and_refuses_unknown_ones()
    {
        var map = await BuildMap(("Buy", ["Orders online"]));
        var named = await PostOk($"{Journeys}/{IdOf(map)}/copy", new { name = "  Orders online, for Paula  " });
        Assert.Equal("Orders online, for Paula", named.GetProperty("name").GetString());
        var copy = await PostOk($"{Journeys}/{IdOf(map)}/copy", new { });
        Assert.Equal("First TV purchase (copy)", copy.GetProperty("name").GetString());
        Assert.Equal(["personaId"], ErrorFields(await Problem(await Client.PostAsJsonAsync($"{Journeys}/{IdOf(map)}/copy", new { personaId = Guid.NewGuid() }), 400)));
        await Problem(await Client.PostAsJsonAsync($"{Journeys}/{Guid.NewGuid()}/copy", new { }), 404);
    }
}
