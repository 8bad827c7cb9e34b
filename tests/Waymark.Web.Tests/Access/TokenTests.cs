using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Waymark.Storage;
using Waymark.Storage.Access;
using Waymark.Web.Tests.Support;

namespace Waymark.Web.Tests.Access;

public sealed class TokenTests(WaymarkApiFactory factory) : ApiTest(factory)
{
    private async Task<(Guid Id, string Secret)> CreateToken(string role = "editor", DateTimeOffset? expiresAt = null)
    {
        var created = await PostOk($"{Api}/tokens", new { name = "call centre", role, expiresAt });
        return (created.GetProperty("details").GetProperty("id").GetGuid(), created.GetProperty("token").GetString()!);
    }

    [Fact]
    public async Task An_owner_creates_a_token_that_is_shown_once_and_stored_only_as_its_hash()
    {
        var (id, secret) = await CreateToken();
        Assert.StartsWith("wm_", secret);
        Assert.True(secret.Length >= 40);

        var listed = (await GetOk($"{Api}/tokens")).EnumerateArray().Single(t => t.GetProperty("id").GetGuid() == id);
        Assert.Equal("call centre", listed.GetProperty("name").GetString());
        Assert.Equal("editor", listed.GetProperty("role").GetString());
        Assert.StartsWith(listed.GetProperty("prefix").GetString()!, secret, StringComparison.Ordinal);
        Assert.DoesNotContain(secret, listed.GetRawText());

        await using var db = Factory.OpenDb();
        var stored = await db.ApiTokens.SingleAsync(t => t.Id == id);
        Assert.Equal(ApiToken.HashOf(secret), stored.Hash);
        Assert.NotEqual(secret, stored.Hash);
        // Nowhere in the database: not in the tokens table, nor in the audit trail.
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        foreach (var table in new[] { "api_tokens", "audit_entries" })
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT * FROM {table}";
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
                for (var i = 0; i < reader.FieldCount; i++)
                    Assert.DoesNotContain(secret, reader.GetValue(i)?.ToString() ?? "");
        }
    }

    [Fact]
    public async Task A_token_acts_in_its_own_workspace_with_its_own_role_and_records_its_last_use()
    {
        var (id, secret) = await CreateToken("editor");
        var machine = Factory.TokenClient(secret);
        Assert.Equal(HttpStatusCode.Created, (await machine.PostAsJsonAsync($"{Api}/channels", new { name = "Chat", kind = "digital", reach = "direct" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await machine.GetAsync($"{Api}/tokens")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await machine.PostAsJsonAsync("/api/workspaces", new { name = "Not for machines" })).StatusCode);
        var other = await MapSeedWorkspace();
        Assert.Equal(HttpStatusCode.NotFound, (await machine.GetAsync($"/api/workspaces/{other}/channels")).StatusCode);
        var visible = await machine.GetFromJsonAsync<JsonElement>("/api/workspaces");
        Assert.Equal([Workspace], visible.GetProperty("items").EnumerateArray().Select(w => w.GetProperty("key").GetString()));

        await using var db = Factory.OpenDb();
        Assert.NotNull((await db.ApiTokens.SingleAsync(t => t.Id == id)).LastUsedAt);
        var audit = await db.AuditEntries.Where(a => a.EntityType == "Channel" && a.ActorId == id.ToString()).ToListAsync();
        Assert.Single(audit);
        Assert.Equal(ActorKind.Token, audit[0].ActorKind);
    }

    private async Task<string> MapSeedWorkspace()
    {
        var key = "other-" + Guid.NewGuid().ToString("N")[..8];
        await PostOk("/api/workspaces", new { key, name = "Other" });
        return key;
    }

    [Fact]
    public async Task A_revoked_token_is_refused_with_401_from_then_on()
    {
        var (id, secret) = await CreateToken("viewer");
        var machine = Factory.TokenClient(secret);
        Assert.Equal(HttpStatusCode.OK, (await machine.GetAsync($"{Api}/channels")).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await Client.DeleteAsync($"{Api}/tokens/{id}")).StatusCode);
        var refused = await Problem(await machine.GetAsync($"{Api}/channels"), 401);
        Assert.False(string.IsNullOrEmpty(refused.GetProperty("detail").GetString()));
        var listed = (await GetOk($"{Api}/tokens")).EnumerateArray().Single(t => t.GetProperty("id").GetGuid() == id);
        Assert.False(listed.GetProperty("active").GetBoolean());
    }

    [Fact]
    public async Task A_token_works_until_its_expiry_and_not_a_moment_after()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));
        using var app = Factory.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(clock)));
        var owner = app.CreateClient();
        var created = await owner.PostAsJsonAsync($"{Api}/tokens", new { name = "nightly import", role = "viewer", expiresAt = clock.GetUtcNow().AddDays(30) });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var secret = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString()!;
        var machine = app.CreateClient();
        machine.DefaultRequestHeaders.Remove("Cookie");
        machine.DefaultRequestHeaders.Authorization = new("Bearer", secret);

        clock.Advance(TimeSpan.FromDays(30) - TimeSpan.FromSeconds(1));
        Assert.Equal(HttpStatusCode.OK, (await machine.GetAsync($"{Api}/channels")).StatusCode);
        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(HttpStatusCode.Unauthorized, (await machine.GetAsync($"{Api}/channels")).StatusCode);
    }

    [Fact]
    public async Task A_token_read_records_its_last_use_at_most_once_a_minute()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));
        using var app = Factory.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(clock)));
        var created = await app.CreateClient().PostAsJsonAsync($"{Api}/tokens", new { name = "call centre", role = "viewer", expiresAt = clock.GetUtcNow().AddDays(30) });
        var body = await created.Content.ReadFromJsonAsync<JsonElement>();
        var (id, secret) = (body.GetProperty("details").GetProperty("id").GetGuid(), body.GetProperty("token").GetString()!);
        var machine = app.CreateClient();
        machine.DefaultRequestHeaders.Remove("Cookie");
        machine.DefaultRequestHeaders.Authorization = new("Bearer", secret);
        async Task<DateTimeOffset?> LastUse()
        {
            using var scope = app.Services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<WaymarkDb>();
            return (await db.ApiTokens.AsNoTracking().SingleAsync(t => t.Id == id)).LastUsedAt;
        }

        Assert.Equal(HttpStatusCode.OK, (await machine.GetAsync($"{Api}/channels")).StatusCode);
        var first = clock.GetUtcNow();
        Assert.Equal(first, await LastUse());
        for (var i = 0; i < 5; i++)
        {
            clock.Advance(TimeSpan.FromSeconds(11));
            Assert.Equal(HttpStatusCode.OK, (await machine.GetAsync($"{Api}/channels")).StatusCode);
            Assert.Equal(first, await LastUse());
        }
        clock.Advance(TimeSpan.FromSeconds(5));
        Assert.Equal(HttpStatusCode.OK, (await machine.GetAsync($"{Api}/channels")).StatusCode);
        Assert.Equal(clock.GetUtcNow(), await LastUse());
    }

    [Fact]
    public async Task A_made_up_or_malformed_token_is_401()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await Factory.TokenClient("wm_" + new string('x', 43)).GetAsync($"{Api}/channels")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Factory.TokenClient("not-a-token").GetAsync($"{Api}/channels")).StatusCode);
    }

    [Fact]
    public async Task A_token_needs_a_name_a_real_role_and_an_expiry_in_the_future()
    {
        Assert.Equal(["name"], ErrorFields(await Problem(await Client.PostAsJsonAsync($"{Api}/tokens", new { name = "", role = "viewer" }), 400)));
        Assert.Equal(["role"], ErrorFields(await Problem(await Client.PostAsJsonAsync($"{Api}/tokens", new { name = "x", role = "admin" }), 400)));
        Assert.Equal(["expiresAt"], ErrorFields(await Problem(await Client.PostAsJsonAsync($"{Api}/tokens",
            new { name = "x", role = "viewer", expiresAt = DateTimeOffset.UtcNow.AddDays(-1) }), 400)));
    }
}
