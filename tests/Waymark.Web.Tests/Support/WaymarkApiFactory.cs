using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Waymark.Storage;
using Waymark.Web;

namespace Waymark.Web.Tests.Support;

/// <summary>The real application on its own SQLite file, without the demo workspace unless a subclass asks for it.</summary>
public class WaymarkApiFactory : WebApplicationFactory<Program>
{
    private readonly bool _seedDemo;

    public WaymarkApiFactory() : this(seedDemo: false) { }

    protected WaymarkApiFactory(bool seedDemo) => _seedDemo = seedDemo;

    private readonly string _file = Path.Combine(Path.GetTempPath(), $"waymark-test-{Guid.NewGuid():N}.db");

    public static readonly JsonSerializerOptions Json = CreateJson();

    private static JsonSerializerOptions CreateJson()
    {
        var json = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        WaymarkWebApp.Configure(json);
        return json;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.UseSetting("Waymark:Database", _file);
        builder.UseSetting("Waymark:SeedDemo", _seedDemo ? "true" : "false");
    }

    /// <summary>A fresh DbContext on the same file, to check what really got stored.</summary>
    public WaymarkDb OpenDb() => StorageSetup.CreateDb(new StorageOptions { SqliteFile = _file });

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var f in new[] { _file, _file + "-wal", _file + "-shm" })
            if (File.Exists(f)) File.Delete(f);
    }
}

/// <summary>A fresh empty workspace per test class instance: tests in a class never see each other's data.</summary>
public abstract class ApiTest : IClassFixture<WaymarkApiFactory>, IAsyncLifetime
{
    protected ApiTest(WaymarkApiFactory factory)
    {
        Factory = factory;
        Client = factory.CreateClient();
    }

    protected WaymarkApiFactory Factory { get; }
    protected HttpClient Client { get; }
    protected string Workspace { get; private set; } = "";
    protected string Api => $"/api/workspaces/{Workspace}";

    public async Task InitializeAsync()
    {
        var key = "ws-" + Guid.NewGuid().ToString("N")[..12];
        var response = await Client.PostAsJsonAsync("/api/workspaces", new { key, name = "Test " + key }, WaymarkApiFactory.Json);
        response.EnsureSuccessStatusCode();
        Workspace = key;
    }

    public Task DisposeAsync() => Task.CompletedTask;

    protected async Task<JsonElement> PostOk(string path, object body)
    {
        var response = await Client.PostAsJsonAsync(path, body, WaymarkApiFactory.Json);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"POST {path} answered {(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    protected async Task<JsonElement> GetOk(string path)
    {
        var response = await Client.GetAsync(path);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"GET {path} answered {(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    protected async Task<JsonElement> PutOk(string path, object body)
    {
        var response = await Client.PutAsJsonAsync(path, body, WaymarkApiFactory.Json);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"PUT {path} answered {(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>Sends a request expected to fail and returns its ProblemDetails, checking the status.</summary>
    protected async Task<JsonElement> Problem(HttpResponseMessage response, int status)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True((int)response.StatusCode == status, $"expected {status}, got {(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(text).RootElement.Clone();
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("detail").GetString()));
        return problem;
    }

    /// <summary>The field names a validation problem points at.</summary>
    protected static IReadOnlyList<string> ErrorFields(JsonElement problem) =>
        problem.TryGetProperty("errors", out var errors) ? errors.EnumerateObject().Select(e => e.Name).ToList() : [];

    protected async Task<(Guid Id, string Name)> CreateChannel(string name = "Phone hotline", string kind = "analog")
    {
        var channel = await PostOk($"{Api}/channels", new { name, kind, reach = "direct" });
        return (channel.GetProperty("id").GetGuid(), name);
    }

    protected async Task<IReadOnlyList<Guid>> PhaseIds()
    {
        var phases = await GetOk($"{Api}/phases");
        return phases.GetProperty("items").EnumerateArray().Select(p => p.GetProperty("id").GetGuid()).ToList();
    }
}
