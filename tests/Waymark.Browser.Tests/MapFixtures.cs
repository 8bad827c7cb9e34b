using Microsoft.EntityFrameworkCore;
using Waymark.Domain.Journeys;

namespace Waymark.Browser.Tests;

internal static class MapFixtures
{
    /// <summary>A small map in the demo workspace, made straight in the database: stages A and B, steps one, two, three.</summary>
    public static async Task<Guid> SmallJourneyAsync(WaymarkServer server, string name)
    {
        await using var db = server.OpenDb();
        var ws = await db.Workspaces.SingleAsync(w => w.Key == "demo");
        var journey = new Journey(ws.Id, name, JourneyScenario.RepeatPurchase);
        var a = journey.AddStage("Stage A");
        var b = journey.AddStage("Stage B");
        journey.AddStep(a.Id, new StepContent("one", ThoughtsAndMotivation: "thinking one", Emotion: 1));
        journey.AddStep(a.Id, new StepContent("two", Emotion: -2));
        journey.AddStep(b.Id, new StepContent("three", Emotion: 2));
        db.Journeys.Add(journey);
        await db.SaveChangesAsync();
        return journey.Id;
    }
}
