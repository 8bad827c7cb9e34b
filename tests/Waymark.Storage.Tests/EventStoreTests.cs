using Microsoft.EntityFrameworkCore;
using Waymark.Domain.Events;
using Waymark.Domain.Workspaces;
using Waymark.Storage.Interactions;
using Waymark.Storage.Tests.Support;

namespace Waymark.Storage.Tests;

/// <summary>The event store on SQLite and on PostgreSQL: batches, idempotent ids, erasure, periods, workspaces apart.</summary>
public abstract class EventStoreTests<TDatabase>(TDatabase database) : IClassFixture<TDatabase> where TDatabase : TestDatabase
{
    private static readonly DateTime Start = new(2026, 10, 30, 9, 0, 0, DateTimeKind.Utc);

    private async Task<Guid> NewWorkspace()
    {
        var workspace = new Workspace("ev-" + Guid.NewGuid().ToString("N")[..10], "Events");
        await using var db = database.Open();
        db.Workspaces.Add(workspace);
        await db.SaveChangesAsync();
        return workspace.Id;
    }

    private static InteractionEvent Call(string customer, int minutes, string? id = null) =>
        new(customer, Start.AddMinutes(minutes), "support-contact", "phone")
        {
            EventId = id, Case = "T-" + minutes, Outcome = "resolved", Agent = "Mia", HandlingSeconds = 312.5f, WaitingSeconds = 45,
            Score = 4, ScoreKind = EventScoreKind.Csat, Attributes = """{"queue":"billing"}""",
        };

    [Fact]
    public async Task A_batch_is_stored_whole_and_read_back_field_by_field_across_months()
    {
        var ws = await NewWorkspace();
        // 30 Oct 09:00 + 3 days lands in November: two month partitions on PostgreSQL.
        var batch = new[] { Call("c1", 0, "e-1"), Call("c2", 60 * 24 * 3), new InteractionEvent("c1", Start.AddMinutes(5), "web-visit", "website") };
        await using var db = database.Open();
        var store = EventStore.For(db);

        var result = await store.AppendAsync(ws, batch);

        Assert.Equal(new AppendResult(3, 0), result);
        var read = await store.ReadAsync(ws, Start, Start.AddDays(10)).ToListAsync();
        Assert.Equal([batch[0], batch[2], batch[1]], read);
        Assert.Equal(DateTimeKind.Utc, read[0].At.Kind);
        Assert.Equal([batch[2]], await store.ReadAsync(ws, Start.AddMinutes(1), Start.AddDays(1)).ToListAsync());
    }

    [Fact]
    public async Task One_customers_events_are_read_across_months_in_time_order_and_no_one_elses()
    {
        var ws = await NewWorkspace();
        var other = await NewWorkspace();
        await using var db = database.Open();
        var store = EventStore.For(db);
        // Sent out of order, across a month boundary (two partitions on PostgreSQL), with another customer in between.
        var late = Call("anna", 60 * 24 * 5);
        var early = new InteractionEvent("anna", Start.AddMinutes(-30), "web-visit", "website");
        await store.AppendAsync(ws, [late, Call("ben", 1), early]);
        await store.AppendAsync(other, [Call("anna", 2)]);

        Assert.Equal([early, late], await store.ReadCustomerAsync(ws, "anna").ToListAsync());
        Assert.Empty(await store.ReadCustomerAsync(ws, "Anna").ToListAsync());
        Assert.Empty(await store.ReadCustomerAsync(Guid.NewGuid(), "anna").ToListAsync());
    }

    [Fact]
    public async Task Events_with_a_known_id_are_duplicates_in_a_retry_and_within_one_batch()
    {
        var ws = await NewWorkspace();
        await using var db = database.Open();
        var store = EventStore.For(db);
        Assert.Equal(new AppendResult(2, 0), await store.AppendAsync(ws, [Call("c1", 0, "e-1"), Call("c1", 1, "e-2")]));

        var retry = await store.AppendAsync(ws, [Call("c1", 0, "e-1"), Call("c1", 1, "e-2"), Call("c1", 2, "e-3"), Call("c1", 3, "e-3"), Call("c1", 4)]);

        Assert.Equal(new AppendResult(2, 3), retry);
        var ids = (await store.ReadAsync(ws, Start, Start.AddDays(1)).ToListAsync()).Select(e => e.EventId ?? "-").ToList();
        Assert.Equal(["e-1", "e-2", "e-3", "-"], ids);
        // Events without an id are always new: the same call sent twice is two calls.
        Assert.Equal(new AppendResult(1, 0), await store.AppendAsync(ws, [Call("c1", 4)]));
        Assert.Equal(5, await store.CountAsync(ws));
    }

    [Fact]
    public async Task Erasing_a_customer_removes_their_events_only_in_their_workspace_and_frees_their_ids()
    {
        var ws = await NewWorkspace();
        var other = await NewWorkspace();
        await using var db = database.Open();
        var store = EventStore.For(db);
        await store.AppendAsync(ws, [Call("anna", 0, "e-1"), Call("anna", 1), Call("ben", 2, "e-2")]);
        // The same event id in another workspace is another event.
        Assert.Equal(new AppendResult(1, 0), await store.AppendAsync(other, [Call("anna", 0, "e-1")]));

        Assert.Equal(2, await store.DeleteCustomerAsync(ws, "anna"));

        Assert.Equal(0, await store.CountAsync(ws, "anna"));
        Assert.Equal(1, await store.CountAsync(ws, "ben"));
        Assert.Equal(1, await store.CountAsync(other, "anna"));
        Assert.Equal(new AppendResult(1, 0), await store.AppendAsync(ws, [Call("anna", 0, "e-1")]));
        Assert.Equal(0, await store.DeleteCustomerAsync(Guid.NewGuid(), "anna"));
    }

    [Fact]
    public async Task Retention_erases_events_older_than_the_workspace_keeps_them_and_frees_their_ids()
    {
        var ws = await NewWorkspace();
        var other = await NewWorkspace();
        await using var db = database.Open();
        var store = EventStore.For(db);
        // Start + 0, + 10 days, + 40 days; "now" is 45 days after the start.
        await store.AppendAsync(ws, [Call("anna", 0, "e-1"), Call("anna", 60 * 24 * 10), Call("anna", 60 * 24 * 40)]);
        await store.AppendAsync(other, [Call("anna", 0)]);
        var now = Start.AddDays(45);
        Assert.Null(await store.RetentionDaysAsync(ws));
        Assert.Equal(0, await store.ApplyRetentionAsync(now));

        await store.SetRetentionDaysAsync(ws, 30);

        Assert.Equal(30, await store.RetentionDaysAsync(ws));
        Assert.Equal(2, await store.ApplyRetentionAsync(now));
        Assert.Equal([Start.AddDays(40)], await store.ReadAsync(ws, Start, now).Select(e => e.At).ToListAsync());
        Assert.Equal(1, await store.CountAsync(other));
        Assert.Equal(new AppendResult(1, 0), await store.AppendAsync(ws, [Call("anna", 0, "e-1")]));

        await store.SetRetentionDaysAsync(ws, null);
        Assert.Null(await store.RetentionDaysAsync(ws));
        Assert.Equal(0, await store.ApplyRetentionAsync(now, ws));
    }

    [Fact]
    public async Task Two_batches_sending_the_same_ids_at_once_store_each_event_once()
    {
        var ws = await NewWorkspace();
        var batch = Enumerable.Range(0, 2000).Select(i => Call($"c{i % 50}", i, $"e-{i}")).ToList();
        var reversed = Enumerable.Reverse(batch).ToList();

        var results = await Task.WhenAll(new[] { batch, reversed, batch }.Select(async events =>
        {
            await using var db = database.Open();
            return await EventStore.For(db).AppendAsync(ws, events);
        }));

        Assert.Equal((2000, 4000), (results.Sum(r => r.Stored), results.Sum(r => r.Duplicates)));
        await using var check = database.Open();
        Assert.Equal(2000, await EventStore.For(check).CountAsync(ws));
    }

    [Fact]
    public async Task Batches_overlapping_in_part_store_the_events_each_new_id_first_reached()
    {
        var ws = await NewWorkspace();
        // Three batches at once, each sharing half its ids with the next: every id is stored once, by whichever batch
        // claimed it first, and a batch stores exactly the ids it claimed (its answer adds up with what is stored).
        var batches = Enumerable.Range(0, 3)
            .Select(b => Enumerable.Range(b * 1000, 2000).Select(i => Call($"c{i % 50}", i, $"e-{i}")).ToList()).ToList();

        var results = await Task.WhenAll(batches.Select(async events =>
        {
            await using var db = database.Open();
            return await EventStore.For(db).AppendAsync(ws, events);
        }));

        Assert.Equal((4000, 2000), (results.Sum(r => r.Stored), results.Sum(r => r.Duplicates)));
        await using var check = database.Open();
        var stored = await EventStore.For(check).ReadAsync(ws, Start, Start.AddDays(10)).Select(e => e.EventId!).ToListAsync();
        Assert.Equal(Enumerable.Range(0, 4000).Select(i => $"e-{i}").Order(StringComparer.Ordinal), stored.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task One_customer_s_events_of_a_period_are_read_in_time_order_and_no_one_else_s()
    {
        var ws = await NewWorkspace();
        var other = await NewWorkspace();
        await using var db = database.Open();
        var store = EventStore.For(db);
        // Sent out of order and across a month boundary (two partitions on PostgreSQL).
        await store.AppendAsync(ws, [Call("anna", 60 * 24 * 3, "e-3"), Call("ben", 1), Call("anna", 0, "e-1"), Call("anna", 60 * 24 * 10)]);
        await store.AppendAsync(other, [Call("anna", 2)]);

        var anna = await store.ReadCustomerAsync(ws, "anna", Start, Start.AddDays(5)).ToListAsync();

        Assert.Equal([Call("anna", 0, "e-1"), Call("anna", 60 * 24 * 3, "e-3")], anna);
        Assert.Empty(await store.ReadCustomerAsync(ws, "Anna", Start, Start.AddDays(30)).ToListAsync());
        Assert.Empty(await store.ReadCustomerAsync(Guid.NewGuid(), "anna", Start, Start.AddDays(30)).ToListAsync());
    }

    [Fact]
    public async Task A_deleted_workspace_takes_its_events_with_it()
    {
        var ws = await NewWorkspace();
        var (customer, id) = ($"gone-{ws:N}", $"e-{ws:N}");
        await using (var db = database.Open())
            await EventStore.For(db).AppendAsync(ws, [Call(customer, 0, id)]);
        await using (var db = database.Open())
            await WorkspaceStore.DeleteAsync(db, ws);
        await using (var db = database.Open())
        {
            Assert.Equal(0, await EventStore.For(db).CountAsync(ws));
            // Read past the store: no row of the workspace is left behind, neither the event nor its id.
            Assert.Equal(0, await db.Database.SqlQuery<int>($"SELECT count(*) AS \"Value\" FROM interaction_events WHERE customer = {customer}").SingleAsync());
            if (db.Database.ProviderName!.Contains("Npgsql", StringComparison.Ordinal))
                Assert.Equal(0, await db.Database.SqlQuery<int>($"SELECT count(*) AS \"Value\" FROM interaction_event_ids WHERE event_id = {id}").SingleAsync());
        }
    }
}

public sealed class SqliteEventStoreTests(SqliteTestDatabase database) : EventStoreTests<SqliteTestDatabase>(database);

public sealed class PostgresEventStoreTests(PostgresTestDatabase database) : EventStoreTests<PostgresTestDatabase>(database);
