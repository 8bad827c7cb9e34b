using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Waymark.Web.Tests.Kpis;
using Waymark.Web.Tests.Support;

namespace Waymark.Web.Tests.Platform;

/// <summary>Several people and integrations writing at the same moment: every write is stored, none waits out a timeout.</summary>
public sealed class ConcurrentWritesTests(WaymarkApiFactory factory) : ApiTest(factory)
{
    [Fact]
    public async Task Evaluations_posted_by_many_clients_at_once_are_all_stored_and_all_counted_in_the_score()
    {
        var (channel, _) = await CreateChannel("Hotline");
        var touchpoints = Enumerable.Range(0, 4).Select(i => MapSeed.Touchpoint(Factory, Workspace, $"Queue {i}", channel)).ToList();
        var today = DateOnly.FromDateTime(DateTime.UtcNow);

        // Each save reads (stamps, kept scores) before it writes: on SQLite a save that had read could not write once
        // another had committed, and waited out the command timeout.
        var clients = Enumerable.Range(0, 6).Select(_ => Factory.CreateClient()).ToList();
        var started = System.Diagnostics.Stopwatch.StartNew();
        var answers = await Task.WhenAll(clients.Select((client, c) => Task.Run(async () =>
        {
            var statuses = new List<HttpStatusCode>();
            for (var i = 0; i < 15; i++)
                statuses.Add((await client.PostAsJsonAsync($"{Api}/evaluations",
                    new { touchpointId = touchpoints[(c + i) % touchpoints.Count], score = 1 + (c + i) % 10, evaluatedOn = today, source = "survey" })).StatusCode);
            return statuses;
        })));

        Assert.All(answers.SelectMany(a => a), s => Assert.Equal(HttpStatusCode.Created, s));
        Assert.True(started.Elapsed < TimeSpan.FromSeconds(25), $"90 evaluations took {started.Elapsed}: a save waited for a lock it could never get");
        var scores = (await GetOk($"{Api}/touchpoints?pageSize=500")).GetProperty("items").EnumerateArray()
            .Where(t => touchpoints.Contains(t.GetProperty("id").GetGuid()))
            .Select(t => t.GetProperty("score").GetProperty("evaluations").GetInt32()).ToList();
        Assert.Equal(90, scores.Sum());
        Assert.Equal(90, (await GetOk($"{Api}/evaluations?pageSize=1")).GetProperty("total").GetInt32());
    }
}
