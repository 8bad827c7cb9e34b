using Waymark.Web.Tests.Support;

namespace Waymark.Web.Tests.Touchpoints;

public sealed class DemoFactory() : WaymarkApiFactory(seedDemo: true);

/// <summary>The persona, touchpoint and evaluation endpoints over the realistic demo workspace.</summary>
public class DemoScoringTests(DemoFactory factory) : IClassFixture<DemoFactory>
{
    private readonly HttpClient _client = factory.CreateClient();
    private const string Api = "/api/workspaces/demo";

    private async Task<System.Text.Json.JsonElement> Get(string path)
    {
        var response = await _client.GetAsync(path);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"GET {path} answered {(int)response.StatusCode}: {text}");
        return System.Text.Json.JsonDocument.Parse(text).RootElement.Clone();
    }

    [Fact]
    public async Task Most_demo_touchpoints_carry_a_score_and_the_worst_come_first_when_sorted_by_score()
    {
        var page = await Get($"{Api}/touchpoints?sort=score&pageSize=500");
        var items = page.GetProperty("items").EnumerateArray().ToList();
        Assert.True(items.Count >= 40);
        var scores = items.Select(i => i.GetProperty("score").GetProperty("overall")).Where(s => s.ValueKind == System.Text.Json.JsonValueKind.Number).Select(s => s.GetDouble()).ToList();
        Assert.True(scores.Count > items.Count / 2);
        Assert.Equal(scores.Order(), scores);
    }

    [Fact]
    public async Task The_demo_matrix_covers_every_default_phase()
    {
        var matrix = await Get($"{Api}/touchpoints/matrix");
        var phaseIds = matrix.GetProperty("phases").EnumerateArray().Select(p => p.GetProperty("id").GetGuid()).ToList();
        var usedPhases = matrix.GetProperty("cells").EnumerateArray().Where(c => c.GetProperty("phaseId").ValueKind != System.Text.Json.JsonValueKind.Null)
            .Select(c => c.GetProperty("phaseId").GetGuid()).ToHashSet();
        Assert.Equal(5, phaseIds.Count);
        Assert.All(phaseIds, p => Assert.Contains(p, usedPhases));
    }

    [Fact]
    public async Task Demo_personas_show_their_journeys_and_evaluations_list_newest_first()
    {
        var personas = (await Get($"{Api}/personas")).GetProperty("items").EnumerateArray().ToList();
        Assert.True(personas.Count >= 3);
        var withJourneys = 0;
        foreach (var p in personas)
            withJourneys += (await Get($"{Api}/personas/{p.GetProperty("id").GetGuid()}")).GetProperty("journeys").GetArrayLength() > 0 ? 1 : 0;
        Assert.True(withJourneys >= 1);

        var dates = (await Get($"{Api}/evaluations?pageSize=500")).GetProperty("items").EnumerateArray().Select(e => e.GetProperty("evaluatedOn").GetString()!).ToList();
        Assert.NotEmpty(dates);
        Assert.Equal(dates.OrderDescending(StringComparer.Ordinal), dates);
    }
}
