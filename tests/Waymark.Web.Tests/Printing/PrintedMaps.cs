using Waymark.Domain.Journeys;
using Waymark.Domain.Organisation;
using Waymark.Domain.Personas;
using Waymark.Domain.Touchpoints;
using Waymark.Web.Tests.Support;

namespace Waymark.Web.Tests.Printing;

/// <summary>Maps to print: a small one whose names carry what user text may hold, and a wide one with long texts.</summary>
internal static class PrintedMaps
{
    /// <summary>Text a user may type that markup, PDF strings and fonts trip over.</summary>
    public const string Tricky = "<b>Fish & Chips</b> \"quoted\" 'single' 😀🚀";

    public sealed record Seeded(Guid JourneyId, IReadOnlyList<string> Steps);

    public static async Task<Seeded> SmallAsync(WaymarkApiFactory factory, string workspace)
    {
        await using var db = factory.OpenDb();
        var ws = db.Workspaces.Single(w => w.Key == workspace).Id;
        var phone = new Channel(ws, "Phone", ChannelKind.Analog, ChannelReach.Direct);
        db.Channels.Add(phone);
        var hotline = new Touchpoint(ws, new TouchpointProfile($"Hotline {Tricky}", phone.Id, TouchpointCategory.SupportChannels));
        db.Touchpoints.Add(hotline);
        var persona = new Persona(ws, "Tech-savvy Tim");
        db.Personas.Add(persona);
        var journey = new Journey(ws, $"First TV purchase {Tricky}", JourneyScenario.InitialPurchase);
        journey.Describe(journey.Name, null, JourneyScenario.InitialPurchase, null, persona.Id, JourneyState.Current);
        var orient = journey.AddStage("Orientation");
        var buy = journey.AddStage("Purchase");
        string[] steps = ["Compares TVs online", $"Calls the hotline {Tricky}", "Orders the TV"];
        journey.AddStep(orient.Id, new StepContent(steps[0], ThoughtsAndMotivation: "Which size fits the room?", Emotion: 1));
        journey.AddStep(orient.Id, new StepContent(steps[1], Obstacles: $"Long queue {Tricky}", Emotion: -2, TouchpointIds: [hotline.Id], IsPainPoint: true));
        journey.AddStep(buy.Id, new StepContent(steps[2], Emotion: 2, IsMomentOfTruth: true));
        db.Journeys.Add(journey);
        await db.SaveChangesAsync();
        return new Seeded(journey.Id, steps);
    }

    /// <summary>A text of about <paramref name="length"/> characters of words found nowhere else: the step's number, the lane's letter and a count.</summary>
    public static string LongText(int step, char lane, int length)
    {
        var words = new List<string>();
        for (var i = 0; words.Sum(w => w.Length + 1) + $"s{step}{lane}w{i}".Length <= length; i++) words.Add($"s{step}{lane}w{i}");
        return string.Join(' ', words);
    }

    /// <summary>A map of <paramref name="steps"/> steps over four stages, each with a long thought and obstacle.</summary>
    public static async Task<Seeded> WideAsync(WaymarkApiFactory factory, string workspace, int steps, int length)
    {
        await using var db = factory.OpenDb();
        var ws = db.Workspaces.Single(w => w.Key == workspace).Id;
        var journey = new Journey(ws, "Wide map", JourneyScenario.ServiceCase);
        journey.ShowLanes([JourneyLanes.Actions, JourneyLanes.Thoughts, JourneyLanes.Obstacles, JourneyLanes.Emotion]);
        var stages = Enumerable.Range(1, 4).Select(i => journey.AddStage($"Stage {i}")).ToList();
        var names = new List<string>();
        for (var i = 0; i < steps; i++)
        {
            names.Add($"Step name {i}");
            journey.AddStep(stages[i * 4 / steps].Id, new StepContent(names[^1], ThoughtsAndMotivation: LongText(i, 't', length), Obstacles: LongText(i, 'o', length), Emotion: i % 7 - 3));
        }
        db.Journeys.Add(journey);
        await db.SaveChangesAsync();
        return new Seeded(journey.Id, names);
    }
}
