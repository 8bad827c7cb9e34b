using Waymark.Domain.Events;
using Waymark.Domain.Workspaces;
using Waymark.Storage.Interactions;
using Waymark.Storage.Tests.Support;

namespace Waymark.Storage.Tests;

/// <summary>
/// What journey analytics keeps beside the events (decision 0008), on SQLite and PostgreSQL: which UTC days changed, counted
/// by batches, erasures and retention; kept per-day results; the newest event's time.
/// </summary>
public abstract class EventDayTests<TDatabase>(TDatabase database) : IClassFixture<TDatabase> where TDatabase : TestDatabase
{
    private static readonly DateOnly Day = new(2026, 10, 30);
    private static DateTime At(int day, int hour) => Day.AddDays(day).ToDateTime(new TimeOnly(hour, 0), DateTimeKind.Utc);

    private async Task<Guid> NewWorkspace()
    {
        var workspace = new Workspace("ed-" + Guid.NewGuid().ToString("N")[..10], "Event days");
        await using var db = database.Open();
        db.Workspaces.Add(workspace);
        await db.SaveChangesAsync();
        return workspace.Id;
    }

    private static InteractionEvent Visit(string customer, DateTime at, string? id = null) => new(customer, at, "web-visit", "website") { EventId = id };

    [Fact]
    public async Task A_batch_counts_one_change_of_each_day_it_brings_events_of()
    {
        var ws = await NewWorkspace();
        await using var db = database.Open();
        var store = EventStore.For(db);
        Assert.Empty(await store.DayChangesAsync(ws, Day, Day.AddDays(10)));

        // 23:00 and 23:59 of 30 October, 00:30 of 1 November (across a month partition on PostgreSQL).
        await store.AppendAsync(ws, [Visit("a", At(0, 23)), Visit("b", At(0, 23).AddMinutes(59)), Visit("a", At(2, 0).AddMinutes(30))]);
        await store.AppendAsync(ws, [Visit("c", At(2, 10))]);

        var changes = await store.DayChangesAsync(ws, Day, Day.AddDays(10));
        Assert.Equal(new Dictionary<DateOnly, long> { [Day] = 1, [Day.AddDays(2)] = 2 }, changes);
        Assert.Equal([Day.AddDays(2)], (await store.DayChangesAsync(ws, Day.AddDays(1), Day.AddDays(2))).Keys);
    }

    [Fact]
    public async Task Erasure_counts_a_change_of_the_customers_days_and_drops_their_kept_results()
    {
        var ws = await NewWorkspace();
        await using var db = database.Open();
        var store = EventStore.For(db);
        await store.AppendAsync(ws, [Visit("anna", At(0, 9)), Visit("ben", At(1, 9)), Visit("anna", At(3, 9))]);
        await store.WritePartialsAsync(ws, "plain", [new(Day, 1, [1]), new(Day.AddDays(1), 1, [2]), new(Day.AddDays(3), 1, [3])]);

        Assert.Equal(2, await store.DeleteCustomerAsync(ws, "anna"));

        Assert.Equal(new Dictionary<DateOnly, long> { [Day] = 2, [Day.AddDays(1)] = 1, [Day.AddDays(3)] = 2 }, await store.DayChangesAsync(ws, Day, Day.AddDays(5)));
        var kept = await store.ReadPartialsAsync(ws, "plain", Day, Day.AddDays(5), withData: true);
        Assert.Equal([Day.AddDays(1)], kept.Select(k => k.Day));
        Assert.Equal(0, await store.DeleteCustomerAsync(await NewWorkspace(), "anna"));
    }

    [Fact]
    public async Task Retention_counts_a_change_of_the_days_it_empties()
    {
        var ws = await NewWorkspace();
        await using var db = database.Open();
        var store = EventStore.For(db);
        await store.AppendAsync(ws, [Visit("anna", At(0, 9)), Visit("ben", At(5, 9))]);
        await store.WritePartialsAsync(ws, "plain", [new(Day, 1, [1]), new(Day.AddDays(5), 1, [2])]);
        await store.SetRetentionDaysAsync(ws, 3);

        Assert.Equal(1, await store.ApplyRetentionAsync(At(5, 12), ws));

        Assert.Equal(new Dictionary<DateOnly, long> { [Day] = 2, [Day.AddDays(5)] = 1 }, await store.DayChangesAsync(ws, Day, Day.AddDays(9)));
        Assert.Equal([Day.AddDays(5)], (await store.ReadPartialsAsync(ws, "plain", Day, Day.AddDays(9), withData: false)).Select(k => k.Day));
    }

    [Fact]
    public async Task Kept_results_are_replaced_per_variant_and_day_and_read_with_or_without_their_bytes()
    {
        var ws = await NewWorkspace();
        await using var db = database.Open();
        var store = EventStore.For(db);
        await store.WritePartialsAsync(ws, "plain", [new(Day, 1, [1, 2, 3]), new(Day.AddDays(1), 1, null)]);
        await store.WritePartialsAsync(ws, "channel=phone", [new(Day, 7, [9])]);
        await store.WritePartialsAsync(ws, "plain", [new(Day, 4, [4, 5])]);

        var plain = (await store.ReadPartialsAsync(ws, "plain", Day, Day.AddDays(3), withData: true)).OrderBy(k => k.Day).ToList();
        Assert.Equal([(Day, 4L), (Day.AddDays(1), 1L)], plain.Select(k => (k.Day, k.Basis)));
        Assert.Equal([4, 5], plain[0].Data);
        Assert.Null(plain[1].Data);
        Assert.Equal([9], (await store.ReadPartialsAsync(ws, "channel=phone", Day, Day, withData: true)).Single().Data);
        Assert.All(await store.ReadPartialsAsync(ws, "plain", Day, Day.AddDays(3), withData: false), k => Assert.Null(k.Data));
    }

    [Fact]
    public async Task The_newest_events_time_is_known_per_workspace()
    {
        var ws = await NewWorkspace();
        await using var db = database.Open();
        var store = EventStore.For(db);
        Assert.Null(await store.LastEventAtAsync(ws));
        await store.AppendAsync(ws, [Visit("a", At(2, 8)), Visit("b", At(0, 8))]);
        await store.AppendAsync(await NewWorkspace(), [Visit("a", At(4, 8))]);

        var last = await store.LastEventAtAsync(ws);
        Assert.Equal(At(2, 8), last);
        Assert.Equal(DateTimeKind.Utc, last!.Value.Kind);
    }
}

public sealed class SqliteEventDayTests(SqliteTestDatabase database) : EventDayTests<SqliteTestDatabase>(database);

public sealed class PostgresEventDayTests(PostgresTestDatabase database) : EventDayTests<PostgresTestDatabase>(database);
