using System.Net;
using System.Text.Json;
using Waymark.Web.Tests.Exchange;

namespace Waymark.Web.Tests.Platform;

public sealed class PlatformTests(DemoFactory factory) : IClassFixture<DemoFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task Health_answers_healthy_when_the_database_is_reachable()
    {
        var response = await _client.GetAsync("/health");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_openapi_document_describes_the_workspace_resources()
    {
        var doc = JsonDocument.Parse(await _client.GetStringAsync("/openapi/v1.json")).RootElement;
        var paths = doc.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Contains("/api/workspaces", paths);
        Assert.Contains("/api/workspaces/{workspace}/channels", paths);
        Assert.Contains("/api/workspaces/{workspace}/export", paths);
        Assert.Contains("/api/workspaces/import", paths);
    }

    [Fact]
    public async Task The_home_page_links_to_a_readable_api_reference()
    {
        var home = await _client.GetStringAsync("/");
        Assert.Contains("href=\"/api-reference\"", home);
        var reference = await _client.GetAsync("/api-reference");
        Assert.Equal(HttpStatusCode.OK, reference.StatusCode);
        Assert.Contains("text/html", reference.Content.Headers.ContentType!.ToString());
        // The reference page works offline: its script is served by Waymark itself.
        var script = await _client.GetAsync("/api-reference/scalar.js");
        Assert.Equal(HttpStatusCode.OK, script.StatusCode);
        Assert.True((await script.Content.ReadAsByteArrayAsync()).Length > 100_000);
    }

    [Fact]
    public async Task An_empty_database_gets_the_demo_workspace_on_first_start()
    {
        var list = JsonDocument.Parse(await _client.GetStringAsync("/api/workspaces")).RootElement;
        Assert.Contains(list.GetProperty("items").EnumerateArray(), w => w.GetProperty("key").GetString() == "demo");
    }
}
