using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Waymark.Domain.Evaluations;
using Waymark.Domain.Improvements;
using Waymark.Domain.Personas;
using Waymark.Domain.Touchpoints;
using Waymark.Web.Tests.Support;

namespace Waymark.Web.Tests.Journeys;

/// <summary>Helpers for the journey map tests: building maps through the API, seeding what other features own straight into the database.</summary>
public abstract class JourneyApiTest(WaymarkApiFactory factory) : ApiTest(factory)
{
    protected string Journeys => $"{Api}/journeys";

    protected async Task<JsonElement> CreateJourney(string name = "First TV purchase", object? stages = null, bool fromPhases = false, string scenario = "initialPurchase") =>
        await PostOk(Journeys, new { name, scenario, stages, fromPhases });

    /// <summary>A journey with the given stage names, each holding the given step actions.</summary>
    protected async Task<JsonElement> BuildMap(params (string Stage, string[] Steps)[] layout)
    {
        var map = await CreateJourney(stages: layout.Select(l => new { name = l.Stage }).ToArray());
        var id = IdOf(map);
        foreach (var (stage, steps) in layout)
        {
            var stageId = StageId(map, stage);
            foreach (var action in steps)
                map = await PostOk($"{Journeys}/{id}/stages/{stageId}/steps", new { action, emotion = 0 });
        }
        return map;
    }

    protected static Guid IdOf(JsonElement e) => e.GetProperty("id").GetGuid();
    protected static int VersionOf(JsonElement e) => e.GetProperty("version").GetInt32();

    protected static JsonElement[] Stages(JsonElement map) => map.GetProperty("stages").EnumerateArray().ToArray();

    protected static Guid StageId(JsonElement map, string name) => IdOf(Stages(map).Single(s => s.GetProperty("name").GetString() == name));

    protected static JsonElement StepNamed(JsonElement map, string action) =>
        Stages(map).SelectMany(s => s.GetProperty("steps").EnumerateArray()).Single(s => s.GetProperty("action").GetString() == action);

    protected static Guid StepId(JsonElement map, string action) => IdOf(StepNamed(map, action));

    /// <summary>Stage names in map order, each with its step actions in order, e.g. "Awareness: see ad, read review".</summary>
    protected static string[] Layout(JsonElement map) =>
        Stages(map).Select(s => $"{s.GetProperty("name").GetString()}: {string.Join(", ", s.GetProperty("steps").EnumerateArray().Select(x => x.GetProperty("action").GetString()))}").ToArray();

    /// <summary>Positions must always be 0..n-1 for stages and for the steps of every stage.</summary>
    protected static void AssertDense(JsonElement map)
    {
        Assert.Equal(Enumerable.Range(0, Stages(map).Length), Stages(map).Select(s => s.GetProperty("position").GetInt32()));
        foreach (var stage in Stages(map))
        {
            var steps = stage.GetProperty("steps").EnumerateArray().ToArray();
            Assert.Equal(Enumerable.Range(0, steps.Length), steps.Select(s => s.GetProperty("position").GetInt32()));
            Assert.All(steps, s => Assert.Equal(IdOf(stage), s.GetProperty("stageId").GetGuid()));
        }
    }

    protected async Task<HttpResponseMessage> Send(HttpMethod method, string path, object? body = null, int? ifMatch = null)
    {
        var request = new HttpRequestMessage(method, path);
        if (body is not null) request.Content = JsonContent.Create(body, options: WaymarkApiFactory.Json);
        if (ifMatch is { } v) request.Headers.TryAddWithoutValidation("If-Match", $"\"{v}\"");
        return await Client.SendAsync(request);
    }

    protected async Task<HttpResponseMessage> SendRaw(HttpMethod method, string path, string json) =>
        await Client.SendAsync(new HttpRequestMessage(method, path) { Content = new StringContent(json, Encoding.UTF8, "application/json") });

    protected async Task<Guid> WorkspaceId()
    {
        await using var db = Factory.OpenDb();
        return await db.Workspaces.Where(w => w.Key == Workspace).Select(w => w.Id).SingleAsync();
    }

    /// <summary>A second workspace, to show nothing leaks across: its key and id.</summary>
    protected async Task<(string Key, Guid Id)> OtherWorkspace()
    {
        var key = "other-" + Guid.NewGuid().ToString("N")[..10];
        await PostOk("/api/workspaces", new { key, name = "Other " + key });
        await using var db = Factory.OpenDb();
        return (key, await db.Workspaces.Where(w => w.Key == key).Select(w => w.Id).SingleAsync());
    }

    /// <summary>A touchpoint stored directly (the touchpoint API is another feature), in the given workspace or this one.</summary>
    protected async Task<Guid> SeedTouchpoint(string name, Guid channelId, Guid? workspaceId = null)
    {
        await using var db = Factory.OpenDb();
        var touchpoint = new Touchpoint(workspaceId ?? await WorkspaceId(), new TouchpointProfile(name, channelId, TouchpointCategory.SupportChannels));
        db.Touchpoints.Add(touchpoint);
        await db.SaveChangesAsync();
        return touchpoint.Id;
    }

    protected async Task<Guid> ForeignPhase(Guid workspaceId)
    {
        await using var db = Factory.OpenDb();
        return await db.Phases.Where(p => p.WorkspaceId == workspaceId).Select(p => p.Id).FirstAsync();
    }

    protected async Task<Guid> SeedPersona(string name, Guid? workspaceId = null)
    {
        await using var db = Factory.OpenDb();
        var persona = new Persona(workspaceId ?? await WorkspaceId(), name);
        db.Personas.Add(persona);
        await db.SaveChangesAsync();
        return persona.Id;
    }

    protected async Task SeedEvaluation(Guid touchpointId, int score, DateOnly on, Guid? personaId = null)
    {
        await using var db = Factory.OpenDb();
        db.Evaluations.Add(new Evaluation(await WorkspaceId(), new EvaluationContent(score, on, TouchpointId: touchpointId, PersonaId: personaId)));
        await db.SaveChangesAsync();
    }

    protected async Task SeedImprovement(ImprovementKind kind, ImprovementStatus status, Guid stepId)
    {
        await using var db = Factory.OpenDb();
        var ws = await WorkspaceId();
        var owner = new Waymark.Domain.Organisation.Person(ws, "Petra Owner");
        db.People.Add(owner);
        db.Improvements.Add(new Improvement(ws, kind, new ImprovementContent("Shorten the hotline queue", OwnerId: owner.Id, Status: status, StepId: stepId)));
        await db.SaveChangesAsync();
    }

    protected async Task<int> CountSteps()
    {
        await using var db = Factory.OpenDb();
        var ws = await WorkspaceId();
        return await (from step in db.Steps join stage in db.Stages on step.StageId equals stage.Id join j in db.Journeys on stage.JourneyId equals j.Id
                      where j.WorkspaceId == ws select step).CountAsync();
    }

    protected async Task<int> CountStages()
    {
        await using var db = Factory.OpenDb();
        var ws = await WorkspaceId();
        return await (from stage in db.Stages join j in db.Journeys on stage.JourneyId equals j.Id where j.WorkspaceId == ws select stage).CountAsync();
    }
}
