using System.Collections.Concurrent;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Waymark.Web.Live;
using Waymark.Web.Components.Services;

namespace Waymark.Web.Tests.LiveUpdates;

/// <summary>
/// Two app instances on one PostgreSQL database, as behind a load balancer: a map changed through one redraws in the
/// browsers connected to the other. Uses the server of WAYMARK_TEST_POSTGRES (test.sh starts one); fails without it.
/// </summary>
public sealed class MapChangesAcrossInstancesTests : IAsyncLifetime
{
    private readonly string _database = $"waymark_live_{Guid.NewGuid():N}";

    private static string Server =>
        Environment.GetEnvironmentVariable("WAYMARK_TEST_POSTGRES")
        ?? throw new InvalidOperationException("WAYMARK_TEST_POSTGRES is not set: run the tests with ./test.sh, which starts a throwaway PostgreSQL.");

    private string ConnectionString => new NpgsqlConnectionStringBuilder(Server) { Database = _database }.ToString();

    private sealed class Instance(string connectionString) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Production");
            builder.UseSetting("Waymark:Postgres", connectionString);
            builder.UseSetting("Waymark:SeedDemo", "false");
        }
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await using var admin = new NpgsqlConnection(Server);
        await admin.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_database}\" WITH (FORCE)", admin);
        await drop.ExecuteNonQueryAsync();
    }

    [Fact]
    public async Task A_change_on_one_instance_reaches_the_maps_of_the_other_once_and_not_its_own_twice()
    {
        await using var first = new Instance(ConnectionString);
        await using var second = new Instance(ConnectionString);
        var onFirst = first.Services.GetRequiredService<MapChanges>();
        var onSecond = second.Services.GetRequiredService<MapChanges>();
        var seenByFirst = new ConcurrentQueue<MapChange>();
        var seenBySecond = new ConcurrentQueue<MapChange>();
        onFirst.Changed += c => { seenByFirst.Enqueue(c); return Task.CompletedTask; };
        onSecond.Changed += c => { seenBySecond.Enqueue(c); return Task.CompletedTask; };

        // The relays start listening in the background: announce until the other instance hears one.
        var journey = Guid.NewGuid();
        var published = 0;
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (seenBySecond.IsEmpty && DateTime.UtcNow < deadline)
        {
            onFirst.Publish(new MapChange(journey, "circuit-1", $"moved the step 'Orders online' ({published++})"));
            await Task.Delay(200);
        }
        Assert.False(seenBySecond.IsEmpty, "the second instance heard nothing within 30 s");
        var heard = seenBySecond.First();
        Assert.Equal(journey, heard.JourneyId);
        Assert.Equal("circuit-1", heard.Source);
        Assert.StartsWith("moved the step 'Orders online'", heard.What);

        // Now both listen: one more change, in the other direction, with a long description that pg_notify must still take.
        await Task.Delay(500);
        var before = (seenByFirst.Count, seenBySecond.Count);
        var back = new MapChange(Guid.NewGuid(), "circuit-2", "renamed the stage to " + new string('é', 5000));
        onSecond.Publish(back);
        deadline = DateTime.UtcNow.AddSeconds(10);
        while (!seenByFirst.Any(c => c.JourneyId == back.JourneyId) && DateTime.UtcNow < deadline) await Task.Delay(50);
        await Task.Delay(500); // time for a duplicate to show up, if there were one
        Assert.Equal(1, seenByFirst.Count(c => c.JourneyId == back.JourneyId));
        Assert.Equal(1, seenBySecond.Count(c => c.JourneyId == back.JourneyId)); // its own, once: delivered locally, not echoed
        Assert.StartsWith("renamed the stage to é", seenByFirst.Single(c => c.JourneyId == back.JourneyId).What);
        Assert.Equal(before.Item2 + 1, seenBySecond.Count);

        // Action boards travel on the same channel.
        var boardsHeard = new ConcurrentQueue<BoardChange>();
        second.Services.GetRequiredService<BoardChanges>().Changed += c => { boardsHeard.Enqueue(c); return Task.CompletedTask; };
        var workspace = Guid.NewGuid();
        first.Services.GetRequiredService<BoardChanges>().Publish(new BoardChange(workspace, "circuit-1", "'Call back within a day' is now done."));
        deadline = DateTime.UtcNow.AddSeconds(10);
        while (boardsHeard.IsEmpty && DateTime.UtcNow < deadline) await Task.Delay(50);
        var board = Assert.Single(boardsHeard);
        Assert.Equal((workspace, "circuit-1"), (board.WorkspaceId, board.Source));
        Assert.DoesNotContain(seenBySecond, c => c.JourneyId == workspace); // a board change is not taken for a map change
    }
}
