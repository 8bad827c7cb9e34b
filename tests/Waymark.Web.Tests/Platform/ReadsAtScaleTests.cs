using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Waymark.Domain.Evaluations;
using Waymark.Storage;
using Waymark.Web.Tests.Support;
using Waymark.Web.Tests.Touchpoints;

namespace Waymark.Web.Tests.Platform;

/// <summary>Reads that do not grow with the workspace's history, and unchanged reads answered with 304.</summary>
public sealed class ReadsAtScaleTests(DemoFactory factory) : IClassFixture<DemoFactory>
{
    private const string Api = "/api/workspaces/demo";

    /// <summary>
    /// The SQL commands of one read, computed afresh (no answer kept from before); a list of parameters counts as one,
    /// as EF Core writes as many parameters as there are values in a list.
    /// </summary>
    private static async Task<IReadOnlyList<string>> CommandsOf(HttpClient client, CommandLog log, string path)
    {
        log.Clear();
        var response = await client.GetAsync(path);
        Assert.True(response.IsSuccessStatusCode, $"GET {path} answered {(int)response.StatusCode}");
        return log.Texts.Select(t => System.Text.RegularExpressions.Regex.Replace(t, @"@\w+(\s*,\s*@\w+)*", "@list")).ToList();
    }

    [Fact]
    public async Task A_map_its_drawing_the_dashboard_and_the_touchpoint_list_run_the_same_queries_after_years_more_evaluations()
    {
        var log = new CommandLog();
        await using var app = factory.WithWebHostBuilder(b =>
        {
            b.UseSetting("Waymark:KeepUnchangedReads", "false");
            b.ConfigureTestServices(s => s.ConfigureDbContext<WaymarkDb>((_, o) => o.AddInterceptors(log)));
        });
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Add("Cookie", factory.CookieFor(WaymarkApiFactory.OwnerEmail, ownDemo: true));
        var journey = (await client.GetFromJsonAsync<JsonElement>($"{Api}/journeys?pageSize=500")).GetProperty("items")[0].GetProperty("id").GetGuid();
        string[] reads = [$"{Api}/journeys/{journey}", $"{Api}/journeys/{journey}/map.svg", $"{Api}/dashboard", $"{Api}/touchpoints?pageSize=500"];
        var before = new List<IReadOnlyList<string>>();
        foreach (var read in reads) before.Add(await CommandsOf(client, log, read));

        // Five more years of evaluations on every touchpoint of the workspace, some of them this month.
        await using (var db = factory.OpenDb())
        {
            var ws = await db.Workspaces.Where(w => w.Key == "demo").Select(w => w.Id).SingleAsync();
            var touchpoints = await db.Touchpoints.Where(t => t.WorkspaceId == ws).Select(t => t.Id).ToListAsync();
            var today = DateOnly.FromDateTime(DateTime.UtcNow);
            var rng = new Random(3);
            db.Evaluations.AddRange(Enumerable.Range(0, 6000).Select(i => new Evaluation(ws, new EvaluationContent(
                rng.Next(1, 11), today.AddDays(-rng.Next(0, 1826)), TouchpointId: touchpoints[i % touchpoints.Count]))));
            await db.SaveChangesAsync();
        }

        for (var i = 0; i < reads.Length; i++)
        {
            var after = await CommandsOf(client, log, reads[i]);
            Assert.Equal(before[i], after);
        }
        // Current scores come from the kept scores; only the dashboard's trend reads dated evaluations, and only their score columns.
        foreach (var read in reads.Take(2).Append(reads[3]))
            Assert.DoesNotContain(await CommandsOf(client, log, read), c => c.Contains("FROM \"evaluations\"") || c.Contains("FROM evaluations"));
    }

    [Fact]
    public async Task An_unchanged_read_is_answered_304_until_anything_in_the_workspace_changes_and_then_shows_the_change()
    {
        var client = factory.CreateClient();
        var first = await client.GetAsync($"{Api}/touchpoints?pageSize=500&sort=name");
        first.EnsureSuccessStatusCode();
        var etag = first.Headers.ETag;
        Assert.NotNull(etag);
        Assert.True(etag!.IsWeak);

        var again = new HttpRequestMessage(HttpMethod.Get, $"{Api}/touchpoints?pageSize=500&sort=name");
        again.Headers.IfNoneMatch.Add(etag);
        var notModified = await client.SendAsync(again);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        Assert.Empty(await notModified.Content.ReadAsByteArrayAsync());

        // Another address, or another person, has an ETag of its own.
        var other = await client.GetAsync($"{Api}/touchpoints?pageSize=500&sort=relevance");
        Assert.NotEqual(etag, other.Headers.ETag);

        var touchpoint = (await first.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("items")[0];
        var id = touchpoint.GetProperty("id").GetGuid();
        var created = await client.PostAsJsonAsync($"{Api}/evaluations",
            new { touchpointId = id, score = 1, evaluatedOn = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(1), source = "workshop" });
        created.EnsureSuccessStatusCode();

        var afterChange = new HttpRequestMessage(HttpMethod.Get, $"{Api}/touchpoints?pageSize=500&sort=name");
        afterChange.Headers.IfNoneMatch.Add(etag);
        var changed = await client.SendAsync(afterChange);
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.NotEqual(etag, changed.Headers.ETag);
        var now = (await changed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("items").EnumerateArray().Single(t => t.GetProperty("id").GetGuid() == id);
        Assert.NotEqual(touchpoint.GetProperty("score").GetRawText(), now.GetProperty("score").GetRawText());
    }

    [Theory]
    [InlineData("br")]
    [InlineData("gzip")]
    public async Task A_client_that_accepts_compression_gets_the_same_answer_compressed_and_kept_compressed(string encoding)
    {
        var client = factory.CreateClient();
        var plain = await client.GetAsync($"{Api}/touchpoints?pageSize=500&sort=score");
        plain.EnsureSuccessStatusCode();
        Assert.Empty(plain.Content.Headers.ContentEncoding);
        var text = await plain.Content.ReadAsStringAsync();

        async Task<HttpResponseMessage> Compressed()
        {
            var request = new HttpRequestMessage(HttpMethod.Get, $"{Api}/touchpoints?pageSize=500&sort=score");
            request.Headers.AcceptEncoding.ParseAdd(encoding);
            var response = await client.SendAsync(request);
            response.EnsureSuccessStatusCode();
            return response;
        }
        var first = await Compressed();
        Assert.Equal([encoding], first.Content.Headers.ContentEncoding);
        var bytes = await first.Content.ReadAsByteArrayAsync();
        Assert.True(bytes.Length * 4 < System.Text.Encoding.UTF8.GetByteCount(text), $"{bytes.Length} compressed bytes for {text.Length} characters");
        await using var unpacked = encoding == "br"
            ? (Stream)new System.IO.Compression.BrotliStream(new MemoryStream(bytes), System.IO.Compression.CompressionMode.Decompress)
            : new System.IO.Compression.GZipStream(new MemoryStream(bytes), System.IO.Compression.CompressionMode.Decompress);
        Assert.Equal(text, await new StreamReader(unpacked).ReadToEndAsync());

        // Sent again from what was kept, compressed as it was: the same bytes, with the age of the kept answer.
        var again = await Compressed();
        Assert.Equal([encoding], again.Content.Headers.ContentEncoding);
        Assert.NotNull(again.Headers.Age);
        Assert.Equal(bytes, await again.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task The_api_reference_page_that_is_rewritten_for_accessibility_reaches_a_client_that_accepts_compression_whole()
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/api-reference/");
        request.Headers.AcceptEncoding.ParseAdd("gzip, deflate, br");
        var response = await factory.CreateClient().SendAsync(request);
        response.EnsureSuccessStatusCode();
        Assert.Empty(response.Content.Headers.ContentEncoding);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("<html lang=\"en\">", html);
        Assert.Contains("<script src=\"/api-reference-a11y.js\" defer></script></head>", html);
    }

    [Fact]
    public async Task A_kept_answer_is_only_given_to_its_own_caller_and_never_to_someone_who_may_not_read()
    {
        var owner = factory.CreateClient();
        var mine = await owner.GetAsync($"{Api}/dashboard");
        mine.EnsureSuccessStatusCode();

        var stranger = factory.ClientAs("stranger@waymark.test");
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"{Api}/dashboard")).StatusCode);

        await factory.GrantAsync("demo", "viewer@waymark.test", Waymark.Storage.Access.WorkspaceRole.Viewer);
        var viewer = factory.ClientAs("viewer@waymark.test");
        var theirs = await viewer.GetAsync($"{Api}/dashboard");
        theirs.EnsureSuccessStatusCode();
        Assert.NotEqual(mine.Headers.ETag, theirs.Headers.ETag);
        // The members list shows accounts, which change outside the workspace: never kept, no workspace ETag.
        var members = await owner.GetAsync($"{Api}/members");
        members.EnsureSuccessStatusCode();
        Assert.Null(members.Headers.ETag);
    }
}
