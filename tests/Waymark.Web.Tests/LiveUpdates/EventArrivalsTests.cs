using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Waymark.Web.Live;
using Waymark.Web.Tests.Support;

namespace Waymark.Web.Tests.LiveUpdates;

/// <summary>
/// Events arriving reach the pages that watch their workspace folded together: a feed of fifty batches a second
/// refreshes a page at once and then at most every two seconds, not fifty times.
/// </summary>
public sealed class EventArrivalsTests(WaymarkApiFactory factory) : ApiTest(factory)
{
    private static async Task Until(Func<bool> condition, TimeSpan within)
    {
        var deadline = DateTime.UtcNow + within;
        while (!condition() && DateTime.UtcNow < deadline) await Task.Delay(20);
    }

    [Fact]
    public async Task A_burst_of_fifty_batches_reaches_a_watching_page_at_once_and_once_more_two_seconds_later()
    {
        var arrivals = Factory.Services.GetRequiredService<EventArrivals>();
        var changes = Factory.Services.GetRequiredService<EventChanges>();
        var (workspace, elsewhere) = (Guid.NewGuid(), Guid.NewGuid());
        var clock = Stopwatch.StartNew();
        var told = new ConcurrentQueue<TimeSpan>();
        var toldElsewhere = 0;
        using var watch = arrivals.Watch(workspace, () => { told.Enqueue(clock.Elapsed); return Task.CompletedTask; });
        using var other = arrivals.Watch(elsewhere, () => { Interlocked.Increment(ref toldElsewhere); return Task.CompletedTask; });
        var generation = arrivals.Generation(workspace);

        for (var batch = 0; batch < 50; batch++)
        {
            changes.Publish(new EventsArrived(workspace));
            await Task.Delay(20);
        }
        var burst = clock.Elapsed;
        await Until(() => told.Count >= 2, TimeSpan.FromSeconds(5));
        await Task.Delay(EventArrivals.Interval + TimeSpan.FromMilliseconds(500));

        // At once, then once per interval while the burst lasted (about a second, longer on a busy machine), then once more.
        var times = told.ToList();
        Assert.InRange(times.Count, 2, 2 + (int)(burst / EventArrivals.Interval));
        Assert.True(times[0] < TimeSpan.FromSeconds(1), $"the first batch was told after {times[0]}");
        Assert.All(times.Zip(times.Skip(1), (a, b) => b - a), gap => Assert.True(gap >= EventArrivals.Interval - TimeSpan.FromMilliseconds(50), $"told again after {gap}"));
        Assert.Equal(0, toldElsewhere);
        // Every batch counts for the evidence: it is read again after the last one.
        Assert.Equal(generation + 50, arrivals.Generation(workspace));
    }

    [Fact]
    public async Task Events_sent_over_http_reach_a_page_watching_their_workspace_and_a_batch_of_known_ids_does_not()
    {
        Guid workspace;
        await using (var db = Factory.OpenDb()) workspace = (await db.Workspaces.SingleAsync(w => w.Key == Workspace)).Id;
        var told = 0;
        using var watch = Factory.Services.GetRequiredService<EventArrivals>().Watch(workspace, () => { Interlocked.Increment(ref told); return Task.CompletedTask; });
        const string batch = """{"customer":"c-1","time":"2026-11-02T09:00:00Z","touchpoint":"support-call","channel":"phone","event_id":"e-1"}""";

        var sent = await Client.PostAsync($"{Api}/events", new StringContent(batch, Encoding.UTF8, "application/x-ndjson"));
        Assert.True(sent.IsSuccessStatusCode);
        await Until(() => told == 1, TimeSpan.FromSeconds(5));
        Assert.Equal(1, told);

        // The same event again is a duplicate: nothing new to show, so nobody is told.
        await Task.Delay(EventArrivals.Interval);
        Assert.True((await Client.PostAsync($"{Api}/events", new StringContent(batch, Encoding.UTF8, "application/x-ndjson"))).IsSuccessStatusCode);
        await Task.Delay(EventArrivals.Interval + TimeSpan.FromMilliseconds(500));
        Assert.Equal(1, told);
    }
}

/// <summary>Events arriving through one app instance on PostgreSQL reach the pages of another, folded together on the way.</summary>
public sealed class EventArrivalsAcrossInstancesTests : IDisposable
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

    [PostgresFact]
    public async Task A_burst_on_one_instance_reaches_the_other_at_most_twice()
    {
        await using var first = new Instance(_database);
        await using var second = new Instance(_database);
        var heard = new ConcurrentQueue<EventsArrived>();
        second.Services.GetRequiredService<EventChanges>().Changed += e => { heard.Enqueue(e); return Task.CompletedTask; };
        var onFirst = first.Services.GetRequiredService<EventChanges>();
        // The relays start listening in the background: a first workspace's events until the other instance hears one.
        var warmUp = Guid.NewGuid();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (heard.All(e => e.WorkspaceId != warmUp) && DateTime.UtcNow < deadline)
        {
            onFirst.Publish(new EventsArrived(warmUp));
            await Task.Delay(300);
        }
        Assert.Contains(heard, e => e.WorkspaceId == warmUp);

        var workspace = Guid.NewGuid();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        for (var batch = 0; batch < 50; batch++)
        {
            onFirst.Publish(new EventsArrived(workspace));
            await Task.Delay(20);
        }
        var burst = clock.Elapsed;
        await Task.Delay(EventArrivals.Interval * 2);

        // Once at once, then at most once per interval while the burst lasted, then once more: not fifty notifications.
        Assert.InRange(heard.Count(e => e.WorkspaceId == workspace), 1, 2 + (int)(burst / EventArrivals.Interval));
    }
}
