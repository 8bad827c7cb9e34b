using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Waymark.Domain.Evaluations;
using Waymark.Domain.Journeys;
using Waymark.Domain.Personas;
using Waymark.Domain.Touchpoints;
using Waymark.Web.Tests.Support;

namespace Waymark.Web.Tests.Kpis;

/// <summary>
/// Builds map content (touchpoints, journeys, evaluations, personas) straight through the domain into the test database,
/// so the KPI, improvement and dashboard tests do not depend on other features' endpoints.
/// </summary>
internal static class MapSeed
{
    public static Guid WorkspaceId(WaymarkApiFactory factory, string key)
    {
        using var db = factory.OpenDb();
        return db.Workspaces.Single(w => w.Key == key).Id;
    }

    public static Guid Touchpoint(WaymarkApiFactory factory, string key, string name, Guid channelId, int relevance = 3,
        IReadOnlyList<Guid>? phaseIds = null, bool painPoint = false, bool momentOfTruth = false)
    {
        using var db = factory.OpenDb();
        var tp = new Touchpoint(WorkspaceId(factory, key), new TouchpointProfile(name, channelId, TouchpointCategory.SupportChannels, relevance,
            PhaseIds: phaseIds, IsPainPoint: painPoint, IsMomentOfTruth: momentOfTruth));
        db.Touchpoints.Add(tp);
        db.SaveChanges();
        return tp.Id;
    }

    /// <summary>A journey with one stage and the given steps; returns the journey and its step ids in order.</summary>
    public static (Guid JourneyId, IReadOnlyList<Guid> StepIds) Journey(WaymarkApiFactory factory, string key, string name, params StepContent[] steps)
    {
        using var db = factory.OpenDb();
        var journey = new Journey(WorkspaceId(factory, key), name, JourneyScenario.ServiceCase);
        var stage = journey.AddStage("Usage/Service");
        var ids = steps.Select(s => journey.AddStep(stage.Id, s).Id).ToList();
        db.Journeys.Add(journey);
        db.SaveChanges();
        return (journey.Id, ids);
    }

    public static void Evaluate(WaymarkApiFactory factory, string key, Guid touchpointId, int score, DateOnly on, Guid? personaId = null)
    {
        using var db = factory.OpenDb();
        db.Evaluations.Add(new Evaluation(WorkspaceId(factory, key), new EvaluationContent(score, on, TouchpointId: touchpointId, PersonaId: personaId)));
        db.SaveChanges();
    }

    public static Guid Persona(WaymarkApiFactory factory, string key, string name)
    {
        using var db = factory.OpenDb();
        var persona = new Persona(WorkspaceId(factory, key), name);
        db.Personas.Add(persona);
        db.SaveChanges();
        return persona.Id;
    }

    /// <summary>Another workspace, to show nothing crosses over.</summary>
    public static async Task<string> OtherWorkspace(HttpClient client)
    {
        var key = "other-" + Guid.NewGuid().ToString("N")[..10];
        (await client.PostAsJsonAsync("/api/workspaces", new { key, name = "Other " + key }, WaymarkApiFactory.Json)).EnsureSuccessStatusCode();
        return key;
    }

    public static StringContent Raw(string json) => new(json, Encoding.UTF8, "application/json");

    public static Task<HttpResponseMessage> PostJson(this HttpClient client, string path, object body) =>
        client.PostAsJsonAsync(path, body, WaymarkApiFactory.Json);

    public static Task<HttpResponseMessage> PutJson(this HttpClient client, string path, object body) =>
        client.PutAsJsonAsync(path, body, WaymarkApiFactory.Json);

    public static async Task<HttpResponseMessage> DeleteWithVersion(this HttpClient client, string path, int version)
    {
        using var request = new HttpRequestMessage(HttpMethod.Delete, path);
        request.Headers.TryAddWithoutValidation("If-Match", $"\"{version}\"");
        return await client.SendAsync(request);
    }

    /// <summary>A client of the same app and database whose clock stands still on <paramref name="today"/>.</summary>
    public static HttpClient ClientAt(WaymarkApiFactory factory, DateOnly today) =>
        factory.WithWebHostBuilder(b => b.ConfigureTestServices(s =>
                s.AddSingleton<TimeProvider>(new FixedClock(new DateTimeOffset(today.ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero)))))
            .CreateClient();

    public static IReadOnlyList<JsonElement> Items(this JsonElement page) => page.GetProperty("items").EnumerateArray().ToList();

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
