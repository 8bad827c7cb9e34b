using System.Collections.Concurrent;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Waymark.Web.Live;
using Waymark.Web.Tests.Support;

namespace Waymark.Web.Tests.LiveUpdates;

/// <summary>
/// Two app instances on one PostgreSQL database, as behind a load balancer: a map changed through one redraws in the
/// browsers connected to the other. Runs on the PostgreSQL run of the tests (WAYMARK_TEST_DATABASE=postgres).
/// </summary>
public sealed class MapChangesAcrossInstancesTests : IDisposable
{
    private readonly TestDatabase _database = TestDatabase.CreatePostgres();

    private sealed class Instance(TestDatabase database) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Production");
            foreach (var (key, value) in database.Settings) builder.UseSetting(key, value);
            builder.UseSetting("Waymark:SeedDemo", "false");
        }
    }

    public void Dispose() => _database.Dispose();

    /// <summary>Publishes through one instance until the other hears it: the relays start listening in the background.</summary>
    private static async Task UntilHeard<T>(Action<int> publish, ConcurrentQueue<T> heardByOther, Func<T, bool> isOurs, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        for (var attempt = 0; !heardByOther.Any(isOurs) && DateTime.UtcNow < deadline; attempt++)
        {
            publish(attempt);
            await Until(() => heardByOther.Any(isOurs), TimeSpan.FromMilliseconds(200));
        }
        Assert.True(heardByOther.Any(isOurs), $"{what} was not heard within 30 s");
    }

    private static async Task Until(Func<bool> condition, TimeSpan within)
    {
        var deadline = DateTime.UtcNow + within;
        while (!condition() && DateTime.UtcNow < deadline) await Task.Delay(20);
    }

    [PostgresFact]
    public async Task A_change_on_one_instance_reaches_the_maps_of_the_other_once_and_not_its_own_twice()
    {
        await using var first = new Instance(_database);
        await using var second = new Instance(_database);
        var onFirst = first.Services.GetRequiredService<MapChanges>();
        var onSecond = second.Services.GetRequiredService<MapChanges>();
        var seenByFirst = new ConcurrentQueue<MapChange>();
        var seenBySecond = new ConcurrentQueue<MapChange>();
        onFirst.Changed += c => { seenByFirst.Enqueue(c); return Task.CompletedTask; };
        onSecond.Changed += c => { seenBySecond.Enqueue(c); return Task.CompletedTask; };

        var journey = Guid.NewGuid();
        await UntilHeard(n => onFirst.Publish(new MapChange(journey, "circuit-1", $"moved the step 'Orders online' ({n})")),
            seenBySecond, c => c.JourneyId == journey, "a change on the first instance");
        var heard = seenBySecond.First();
        Assert.Equal(journey, heard.JourneyId);
        Assert.Equal("circuit-1", heard.Source);
        Assert.StartsWith("moved the step 'Orders online'", heard.What);
        var warmUp = Guid.NewGuid();
        await UntilHeard(n => onSecond.Publish(new MapChange(warmUp, "circuit-2", $"listening ({n})")),
            seenByFirst, c => c.JourneyId == warmUp, "a change on the second instance");

        // Now both listen: one more change, in the other direction, with a long description that pg_notify must still take.
        var back = new MapChange(Guid.NewGuid(), "circuit-2", "renamed the stage to " + new string('é', 5000));
        onSecond.Publish(back);
        await Until(() => seenByFirst.Any(c => c.JourneyId == back.JourneyId), TimeSpan.FromSeconds(10));
        // A duplicate would arrive before a change sent after it; so each instance waits for one from the other.
        var markerOfFirst = new MapChange(Guid.NewGuid(), "circuit-1", "marker");
        var markerOfSecond = new MapChange(Guid.NewGuid(), "circuit-2", "marker");
        onFirst.Publish(markerOfFirst);
        onSecond.Publish(markerOfSecond);
        await Until(() => seenBySecond.Any(c => c.JourneyId == markerOfFirst.JourneyId) && seenByFirst.Any(c => c.JourneyId == markerOfSecond.JourneyId),
            TimeSpan.FromSeconds(10));
        Assert.Equal(1, seenBySecond.Count(c => c.JourneyId == markerOfFirst.JourneyId));
        Assert.Equal(1, seenByFirst.Count(c => c.JourneyId == markerOfSecond.JourneyId));
        Assert.Equal(1, seenByFirst.Count(c => c.JourneyId == back.JourneyId));
        Assert.Equal(1, seenBySecond.Count(c => c.JourneyId == back.JourneyId)); // its own, once: delivered locally, not echoed
        Assert.StartsWith("renamed the stage to é", seenByFirst.Single(c => c.JourneyId == back.JourneyId).What);
        Assert.Equal(1, seenBySecond.Count(c => c.JourneyId == markerOfSecond.JourneyId));

        // Action boards travel on the same channel.
        var boardsHeard = new ConcurrentQueue<BoardChange>();
        second.Services.GetRequiredService<BoardChanges>().Changed += c => { boardsHeard.Enqueue(c); return Task.CompletedTask; };
        var workspace = Guid.NewGuid();
        first.Services.GetRequiredService<BoardChanges>().Publish(new BoardChange(workspace, "circuit-1", "'Call back within a day' is now done."));
        await Until(() => !boardsHeard.IsEmpty, TimeSpan.FromSeconds(10));
        var board = Assert.Single(boardsHeard);
        Assert.Equal((workspace, "circuit-1"), (board.WorkspaceId, board.Source));
        Assert.DoesNotContain(seenBySecond, c => c.JourneyId == workspace); // a board change is not taken for a map change
    }
}
