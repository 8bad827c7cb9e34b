using System.Collections.Concurrent;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Waymark.Domain.Journeys;
using Waymark.Web.Live;
using Waymark.Web.Tests.Kpis;
using Waymark.Web.Tests.Support;

namespace Waymark.Web.Tests.LiveUpdates;

/// <summary>Steps added, edited, moved and deleted through the API redraw the maps that have their journey open, and no other.</summary>
public sealed class LiveStepChangesFromApiTests(WaymarkApiFactory factory) : ApiTest(factory)
{
    [Fact]
    public async Task Step_changes_through_the_api_are_announced_for_their_journey_only_in_words_that_name_who_and_what()
    {
        var (journey, steps) = MapSeed.Journey(Factory, Workspace, "Repair", new StepContent("Calls the hotline"));
        var (other, _) = MapSeed.Journey(Factory, Workspace, "Unrelated", new StepContent("Reads a review"));
        var map = $"{Api}/journeys/{journey}";
        var stage = (await GetOk(map)).GetProperty("stages")[0].GetProperty("id").GetGuid();
        var heard = new ConcurrentQueue<MapChange>();
        var changes = Factory.Services.GetRequiredService<MapChanges>();
        Task Listen(MapChange c) { heard.Enqueue(c); return Task.CompletedTask; }
        changes.Changed += Listen;
        try
        {
            await PostOk($"{map}/stages/{stage}/steps", new { action = "Waits for the engineer" });
            var version = (await GetOk($"{map}/steps/{steps[0]}")).GetProperty("version").GetInt32();
            await PutOk($"{map}/steps/{steps[0]}", new { action = "Calls the hotline twice", emotion = -2, version });
            await PostOk($"{map}/steps/{steps[0]}/move", new { stageId = stage, position = 1 });
            Assert.Equal(HttpStatusCode.OK, (await Client.DeleteAsync($"{map}/steps/{steps[0]}")).StatusCode);
        }
        finally
        {
            changes.Changed -= Listen;
        }

        Assert.DoesNotContain(heard, c => c.JourneyId == other);
        Assert.All(heard, c => Assert.Equal((journey, "api"), (c.JourneyId, c.Source)));
        var owner = WaymarkApiFactory.OwnerEmail;
        Assert.Equal([
            $"{owner} added the step 'Waits for the engineer' to the stage 'Usage/Service'",
            $"{owner} edited the step 'Calls the hotline twice'",
            $"{owner} moved the step 'Calls the hotline twice'",
            $"{owner} deleted the step 'Calls the hotline twice'",
        ], heard.Select(c => c.What));
    }
}
