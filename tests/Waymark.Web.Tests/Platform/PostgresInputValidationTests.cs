using Microsoft.AspNetCore.Hosting;
using Npgsql;
using Waymark.Web.Tests.Support;

namespace Waymark.Web.Tests.Platform;

/// <summary>
/// The application on PostgreSQL of WAYMARK_TEST_POSTGRES (test.sh starts one; fails without it), in a database of its
/// own that is dropped afterwards. PostgreSQL cannot store U+0000 and used to answer 409 "name already taken".
/// </summary>
public sealed class PostgresApiFactory : WaymarkApiFactory
{
    private readonly string _database = $"waymark_input_{Guid.NewGuid():N}";

    private static string Server =>
        Environment.GetEnvironmentVariable("WAYMARK_TEST_POSTGRES")
        ?? throw new InvalidOperationException("WAYMARK_TEST_POSTGRES is not set: run the tests with ./test.sh, which starts a throwaway PostgreSQL.");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Waymark:Postgres", new NpgsqlConnectionStringBuilder(Server) { Database = _database }.ToString());
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        NpgsqlConnection.ClearAllPools();
        using var admin = new NpgsqlConnection(Server);
        admin.Open();
        using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_database}\" WITH (FORCE)", admin);
        drop.ExecuteNonQuery();
    }
}

public sealed class PostgresInputValidationTests(PostgresApiFactory factory) : IClassFixture<PostgresApiFactory>, IAsyncLifetime
{
    private readonly HttpClient _client = factory.CreateClient();
    private string _api = "";

    public async Task InitializeAsync()
    {
        var key = "pg-" + Guid.NewGuid().ToString("N")[..10];
        (await _client.PostAsync("/api/workspaces", Json($$"""{ "key": "{{key}}", "name": "Postgres {{key}}" }"""))).EnsureSuccessStatusCode();
        _api = $"/api/workspaces/{key}";
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private static StringContent Json(string json) => new(json, System.Text.Encoding.UTF8, "application/json");

    [Fact]
    public async Task A_NUL_in_a_name_is_refused_naming_the_field_as_on_SQLite_and_the_name_stays_free()
    {
        var response = await _client.PostAsync($"{_api}/channels", Json("""{ "name": "Chat\u0000bot", "kind": "digital", "reach": "direct" }"""));
        var text = await response.Content.ReadAsStringAsync();
        Assert.True((int)response.StatusCode == 400, text);
        Assert.Contains("\"name\"", text);
        Assert.Contains("control character (U+0000)", text);

        var description = await _client.PostAsync($"{_api}/channels", Json("""{ "name": "Chat", "kind": "digital", "reach": "direct", "description": "a\u0000b" }"""));
        Assert.Equal(400, (int)description.StatusCode);
        Assert.Contains("\"description\"", await description.Content.ReadAsStringAsync());

        var clean = await _client.PostAsync($"{_api}/channels", Json("""{ "name": "Chat bot", "kind": "digital", "reach": "direct" }"""));
        Assert.Equal(201, (int)clean.StatusCode);
    }
}
