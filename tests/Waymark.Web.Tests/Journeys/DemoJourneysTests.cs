using System.Text.Json;
using Waymark.Web.Tests.Support;

namespace Waymark.Web.Tests.Journeys;

public sealed class JourneysDemoFactory() : WaymarkApiFactory(seedDemo: true);

/// <summary>The demo workspace's maps read back whole, as a UI would draw them.</summary>
public sealed class DemoJourneysTests(JourneysDemoFactory factory) : IClassFixture<JourneysDemoFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    private async Task<JsonElement> Get(string path)
    {
        var response = await _client.GetAsync(path);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"GET {path} answered {(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    [Fact]
    public async Task The_demo_maps_read_back_whole_with_scored_touchpoints_and_their_emotion_curves()
    {
        var list = await Get("/api/workspaces/demo/journeys");
        var summaries = list.GetProperty("items").EnumerateArray().ToArray();
        Assert.Superset(new HashSet<string> { "initialPurchase", "repeatPurchase", "serviceCase" },
            summaries.Select(s => s.GetProperty("scenario").GetString()!).ToHashSet());
        var scoredChips = 0;
        foreach (var summary in summaries)
        {
            var id = summary.GetProperty("id").GetGuid();
            var map = await Get($"/api/workspaces/demo/journeys/{id}");
            var stages = map.GetProperty("stages").EnumerateArray().ToArray();
            var steps = stages.SelectMany(s => s.GetProperty("steps").EnumerateArray()).ToArray();
            Assert.Equal(summary.GetProperty("stageCount").GetInt32(), stages.Length);
            Assert.Equal(summary.GetProperty("stepCount").GetInt32(), steps.Length);
            Assert.Equal(Enumerable.Range(0, stages.Length), stages.Select(s => s.GetProperty("position").GetInt32()));
            foreach (var stage in stages)
                Assert.Equal(Enumerable.Range(0, stage.GetProperty("steps").GetArrayLength()),
                    stage.GetProperty("steps").EnumerateArray().Select(s => s.GetProperty("position").GetInt32()));
            foreach (var step in steps)
                Assert.Equal(step.GetProperty("touchpointIds").EnumerateArray().Select(t => t.GetGuid()),
                    step.GetProperty("touchpoints").EnumerateArray().Select(t => t.GetProperty("id").GetGuid()));
            scoredChips += steps.SelectMany(s => s.GetProperty("touchpoints").EnumerateArray()).Count(c => c.GetProperty("score").ValueKind == JsonValueKind.Number);

            var curve = await Get($"/api/workspaces/demo/journeys/{id}/emotion-curve");
            Assert.Equal(steps.Select(s => s.GetProperty("id").GetGuid()),
                curve.GetProperty("points").EnumerateArray().Select(p => p.GetProperty("stepId").GetGuid()));
            if (steps.Length > 0)
                Assert.Equal(Math.Round(steps.Average(s => s.GetProperty("emotion").GetInt32()), 2), curve.GetProperty("average").GetDouble());
        }
        Assert.True(scoredChips > 0, "the demo's evaluated touchpoints should show a score on the map");
    }
}
