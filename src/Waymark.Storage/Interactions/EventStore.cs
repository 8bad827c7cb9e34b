using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Waymark.Domain.Events;

namespace Waymark.Storage.Interactions;

/// <summary>How a batch went: events new to the store, and events left out because one with the same id was already kept.</summary>
public readonly record struct AppendResult(int Stored, int Duplicates);

/// <summary>
/// One day's kept analysis result for one question (variant): the UTC day whose journeys it holds, the change count of the
/// days it was worked out from (<see cref="IEventStore.DayChangesAsync"/>), and its bytes (null when no journey started that
/// day, or when they were not asked for).
/// </summary>
public sealed record KeptPartial(DateOnly Day, long Basis, byte[]? Data);

/// <summary>
/// Where a workspace's interaction events are kept. Deliberately narrow — append a batch, count or erase a customer, read
/// a period — so that a store on a distributed engine (ClickHouse, PostgreSQL with Citus) can take its place as an adapter.
/// </summary>
public interface IEventStore
{
    /// <summary>
    /// Stores the batch in one transaction: when this returns, every event is committed durably (it survives a crash of
    /// the process or the machine); when it throws, none is. Events whose id the workspace already holds (or that repeat
    /// an id within the batch) are left out and counted as duplicates.
    /// </summary>
    Task<AppendResult> AppendAsync(Guid workspaceId, IReadOnlyList<InteractionEvent> events, CancellationToken ct = default);

    /// <summary>The workspace's events, or one customer's when <paramref name="customer"/> is given.</summary>
    Task<long> CountAsync(Guid workspaceId, string? customer = null, CancellationToken ct = default);

    /// <summary>Erases every event of one customer in the workspace (and their ids); returns how many went.</summary>
    Task<long> DeleteCustomerAsync(Guid workspaceId, string customer, CancellationToken ct = default);

    /// <summary>The events from <paramref name="from"/> (inclusive) to <paramref name="to"/> (exclusive), UTC, in time order.</summary>
    IAsyncEnumerable<InteractionEvent> ReadAsync(Guid workspaceId, DateTime from, DateTime to, CancellationToken ct = default);

    /// <summary>One customer's events from <paramref name="from"/> (inclusive) to <paramref name="to"/> (exclusive), UTC, in time order.</summary>
    IAsyncEnumerable<InteractionEvent> ReadCustomerAsync(Guid workspaceId, string customer, DateTime from, DateTime to, CancellationToken ct = default);

    /// <summary>
    /// As <see cref="ReadAsync"/>, with only what the journey analytics read: no event id, case or agent, and no
    /// attributes unless <paramref name="attributes"/> (a persona filter reads them). A month of a busy workspace is
    /// read whole whenever it is worked out again, and the texts left out are most of a row's bytes.
    /// </summary>
    IAsyncEnumerable<InteractionEvent> ReadForAnalysisAsync(Guid workspaceId, DateTime from, DateTime to, bool attributes, CancellationToken ct = default);

    /// <summary>Every event of one customer in the workspace, whenever it happened, in time order (the single customer view).</summary>
    IAsyncEnumerable<InteractionEvent> ReadCustomerAsync(Guid workspaceId, string customer, CancellationToken ct = default) =>
        ReadCustomerAsync(workspaceId, customer, new DateTime(1970, 1, 1, 0, 0, 0, DateTimeKind.Utc), new DateTime(2101, 1, 1, 0, 0, 0, DateTimeKind.Utc), ct);

    /// <summary>How many days the workspace keeps its events; null keeps them for ever.</summary>
    Task<int?> RetentionDaysAsync(Guid workspaceId, CancellationToken ct = default);

    Task SetRetentionDaysAsync(Guid workspaceId, int? days, CancellationToken ct = default);

    /// <summary>Erases the events older than their workspace keeps them (of one workspace, or of all); returns how many went.</summary>
    Task<long> ApplyRetentionAsync(DateTime now, Guid? workspaceId = null, CancellationToken ct = default);

    /// <summary>The time of the workspace's newest stored event; null when it has none.</summary>
    Task<DateTime?> LastEventAtAsync(Guid workspaceId, CancellationToken ct = default);

    /// <summary>
    /// How often the events of each UTC day from <paramref name="from"/> to <paramref name="to"/> (inclusive) changed: every
    /// batch that brought events of the day, every erasure and retention run that took some counts once. Days never
    /// changed are left out (count 0). The counts only grow, so a sum over fixed days tells whether any of them changed.
    /// </summary>
    Task<IReadOnlyDictionary<DateOnly, long>> DayChangesAsync(Guid workspaceId, DateOnly from, DateOnly to, CancellationToken ct = default);

    /// <summary>The kept analysis results of one variant for the days from <paramref name="from"/> to <paramref name="to"/> (inclusive); without their bytes unless <paramref name="withData"/>.</summary>
    Task<IReadOnlyList<KeptPartial>> ReadPartialsAsync(Guid workspaceId, string variant, DateOnly from, DateOnly to, bool withData, CancellationToken ct = default);

    /// <summary>Keeps (or replaces) analysis results of one variant.</summary>
    Task WritePartialsAsync(Guid workspaceId, string variant, IReadOnlyList<KeptPartial> partials, CancellationToken ct = default);
}

public static class EventStore
{
    /// <summary>The store of the context's database; it works on the context's connection.</summary>
    public static IEventStore For(WaymarkDb db) => db.IsSqlite ? new SqliteEventStore(db) : new PostgresEventStore(db);
}

/// <summary>
/// The context's own connection for a store's SQL: opened through EF, so the durability settings of the database apply
/// (SQLite's synchronous=FULL), and closed again when the work is done.
/// </summary>
internal static class StoreConnection
{
    public static async Task<TConnection> OpenAsync<TConnection>(WaymarkDb db, CancellationToken ct) where TConnection : DbConnection
    {
        await db.Database.OpenConnectionAsync(ct);
        return (TConnection)db.Database.GetDbConnection();
    }

    public static async Task<T> UseAsync<TConnection, T>(WaymarkDb db, Func<TConnection, Task<T>> work, CancellationToken ct) where TConnection : DbConnection
    {
        var connection = await OpenAsync<TConnection>(db, ct);
        try
        {
            return await work(connection);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}

/// <summary>An event's columns after its workspace, the same in both stores, and how a row of them is read.</summary>
internal static class EventRows
{
    public const string Columns = "at, customer, touchpoint, channel, event_id, case_id, outcome, agent, handling_seconds, waiting_seconds, score, score_kind, attributes";

    /// <summary><see cref="Columns"/> in the same places, those the journey analytics do not read left empty.</summary>
    public static string AnalysisColumns(bool attributes) =>
        "at, customer, touchpoint, channel, CAST(NULL AS text), CAST(NULL AS text), outcome, CAST(NULL AS text), handling_seconds, waiting_seconds, score, score_kind, "
        + (attributes ? "attributes" : "CAST(NULL AS text)");

    /// <summary>Reads the columns after the time (the first, which each store reads its own way) into an event.</summary>
    public static InteractionEvent Read(DbDataReader rows, DateTime at) =>
        new(rows.GetString(1), at, rows.GetString(2), rows.GetString(3))
        {
            EventId = Text(rows, 4),
            Case = Text(rows, 5),
            Outcome = Text(rows, 6),
            Agent = Text(rows, 7),
            HandlingSeconds = Number(rows, 8),
            WaitingSeconds = Number(rows, 9),
            Score = Number(rows, 10),
            ScoreKind = rows.IsDBNull(11) ? null : (EventScoreKind)Convert.ToByte(rows.GetValue(11)),
            Attributes = Text(rows, 12),
        };

    private static string? Text(DbDataReader rows, int i) => rows.IsDBNull(i) ? null : rows.GetString(i);

    private static float? Number(DbDataReader rows, int i) => rows.IsDBNull(i) ? null : Convert.ToSingle(rows.GetValue(i));
}
