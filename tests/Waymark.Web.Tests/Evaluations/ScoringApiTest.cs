using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Waymark.Domain.Common;
using Waymark.Domain.Journeys;
using Waymark.Web.Tests.Support;

namespace Waymark.Web.Tests.Evaluations;

/// <summary>Helpers shared by the persona, touchpoint and evaluation API tests: test data made through the API, raw requests, a second workspace.</summary>
public abstract class ScoringApiTest(WaymarkApiFactory factory) : ApiTest(factory)
{
    protected static Guid IdOf(JsonElement e) => e.GetProperty("id").GetGuid();

    protected async Task<Guid> CreatePersona(string name = "Tech-savvy Tom", object? extra = null) =>
        IdOf(await PostOk($"{Api}/personas", Merge(new { name }, extra)));

    protected async Task<Guid> CreateTouchpoint(Guid channelId, string name = "Hotline call", object? extra = null) =>
        IdOf(await PostOk($"{Api}/touchpoints", Merge(new { name, channelId, category = "supportChannels", relevance = 3 }, extra)));

    protected async Task<Guid> Evaluate(Guid touchpointId, int score, string date, Guid? personaId = null, object? extra = null) =>
        IdOf(await PostOk($"{Api}/evaluations", Merge(new { touchpointId, score, evaluatedOn = date, personaId }, extra)));

    protected async Task<Guid> CreatePerson(string name = "Anna Berg") => IdOf(await PostOk($"{Api}/people", new { name }));

    protected async Task<Guid> CreateDepartment(string name = "Customer service") => IdOf(await PostOk($"{Api}/departments", new { name }));

    /// <summary>A second workspace, to show nothing of it is reachable from the test's own.</summary>
    protected async Task<string> OtherWorkspace()
    {
        var key = "other-" + Guid.NewGuid().ToString("N")[..10];
        await PostOk("/api/workspaces", new { key, name = "Other " + key });
        return $"/api/workspaces/{key}";
    }

    protected async Task<Guid> WorkspaceId()
    {
        await using var db = Factory.OpenDb();
        return await db.Workspaces.Where(w => w.Key == Workspace).Select(w => w.Id).SingleAsync();
    }

    /// <summary>A journey map with one stage and one step using the touchpoints; made in storage since journeys have their own API.</summary>
    protected async Task<(Guid JourneyId, Guid StepId)> CreateJourney(string name, Guid? personaId = null, params Guid[] touchpointIds)
    {
        var wsId = await WorkspaceId();
        await using var db = Factory.OpenDb();
        var journey = new Journey(wsId, name, JourneyScenario.ServiceCase).Describe(name, null, JourneyScenario.ServiceCase, null, personaId, JourneyState.Current);
        var stage = journey.AddStage("Service");
        var step = journey.AddStep(stage.Id, new StepContent("Calls the hotline", TouchpointIds: touchpointIds));
        db.Journeys.Add(journey);
        await db.SaveChangesAsync();
        return (journey.Id, step.Id);
    }

    /// <summary>Rows of this test's workspace (the test class shares one database file between its tests).</summary>
    protected async Task<int> Count<T>(Func<IQueryable<T>, IQueryable<T>>? filter = null) where T : WorkspaceEntity
    {
        var wsId = await WorkspaceId();
        await using var db = Factory.OpenDb();
        var set = db.Set<T>().Where(e => e.WorkspaceId == wsId);
        return await (filter is null ? set : filter(set)).CountAsync();
    }

    protected async Task<HttpResponseMessage> Send(HttpMethod method, string path, object? body = null, string? ifMatch = null, string? rawJson = null)
    {
        var request = new HttpRequestMessage(method, path);
        if (rawJson is not null) request.Content = new StringContent(rawJson, Encoding.UTF8, "application/json");
        else if (body is not null) request.Content = JsonContent.Create(body, options: WaymarkApiFactory.Json);
        if (ifMatch is not null) request.Headers.IfMatch.Add(new EntityTagHeaderValue(ifMatch));
        return await Client.SendAsync(request);
    }

    protected static IReadOnlyList<JsonElement> Items(JsonElement page) => page.GetProperty("items").EnumerateArray().ToList();

    protected static IReadOnlyList<string> Names(JsonElement page) => Items(page).Select(i => i.GetProperty("name").GetString()!).ToList();

    /// <summary>Anonymous objects merged into one JSON object; later values win.</summary>
    protected static Dictionary<string, object?> Merge(object first, object? second)
    {
        var result = new Dictionary<string, object?>();
        foreach (var part in new[] { first, second })
        {
            if (part is null) continue;
            var element = JsonSerializer.SerializeToElement(part, WaymarkApiFactory.Json);
            foreach (var p in element.EnumerateObject()) result[p.Name] = p.Value.Clone();
        }
        return result;
    }
}
