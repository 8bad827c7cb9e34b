using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Waymark.Web.Live;
using Waymark.Domain.Journeys;
using Waymark.Web.Components.Services;
using Waymark.Web.Tests.Kpis;
using Waymark.Web.Tests.Support;

namespace Waymark.Web.Tests.LiveUpdates;

/// <summary>A map or board changed through the API redraws in the browsers that have it open, as a change made in a page does.</summary>
public sealed class LiveChangesFromApiTests(WaymarkApiFactory factory) : ApiTest(factory)
{
    [Fact]
    public async Task Steps_kpis_and_actions_changed_through_the_api_are_announced_for_their_journey_only()
    {
        var (journey, steps) = MapSeed.Journey(Factory, Workspace, "Repair", new StepContent("Calls the hotline"));
        var (other, _) = MapSeed.Journey(Factory, Workspace, "Unrelated", new StepContent("Reads a review"));
        var heard = new ConcurrentQueue<MapChange>();
        var boardHeard = new ConcurrentQueue<BoardChange>();
        var changes = Factory.Services.GetRequiredService<MapChanges>();
        var boards = Factory.Services.GetRequiredService<BoardChanges>();
        Task Listen(MapChange c) { heard.Enqueue(c); return Task.CompletedTask; }
        Task ListenToBoard(BoardChange c) { boardHeard.Enqueue(c); return Task.CompletedTask; }
        changes.Changed += Listen;
        boards.Changed += ListenToBoard;
        try
        {
            var kpi = await Client.PostAsJsonAsync($"{Api}/kpis", new { name = "Repair turnaround", unit = "days", direction = "lowerIsBetter", target = 5, journeyId = journey, stepId = steps[0] });
            Assert.Equal(HttpStatusCode.Created, kpi.StatusCode);
            var action = await Client.PostAsJsonAsync($"{Api}/actions", new { title = "Call back within a day", journeyId = journey, stepId = steps[0] });
            Assert.True(action.IsSuccessStatusCode, await action.Content.ReadAsStringAsync());
            await Client.PostAsJsonAsync($"{Api}/kpis", new { name = "Not on a map", unit = "%", direction = "higherIsBetter", target = 80 });

            Assert.Equal(2, heard.Count(c => c.JourneyId == journey));
            Assert.DoesNotContain(heard, c => c.JourneyId == other);
            Assert.All(heard, c => Assert.Equal("api", c.Source));
            Assert.All(heard, c => Assert.Contains(WaymarkApiFactory.OwnerEmail, c.What));
            Assert.Equal(2, heard.Count);
            // The action is on the board of its workspace too (the KPIs are not).
            var workspace = MapSeed.WorkspaceId(Factory, Workspace);
            var board = Assert.Single(boardHeard);
            Assert.Equal(workspace, board.WorkspaceId);
            Assert.Equal("api", board.Source);
        }
        finally
        {
            changes.Changed -= Listen;
            boards.Changed -= ListenToBoard;
        }
    }
}
