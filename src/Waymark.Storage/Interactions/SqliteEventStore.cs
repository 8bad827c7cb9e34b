using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using SQLitePCL;
using Waymark.Domain.Events;

namespace Waymark.Storage.Interactions;

/// <summary>
/// Events in SQLite: one row per event, the time as UTC ticks, the workspace as a small number (event_workspaces).
/// A batch is one IMMEDIATE transaction of one prepared INSERT … ON CONFLICT DO NOTHING, bound row by row; the unique index on
/// (workspace, event_id) skips duplicates. The connection is opened through EF, so <see cref="SqliteDurability"/>
/// sets synchronous=FULL (with the database's write-ahead log): a committed batch survives kill -9 and power loss.
/// </summary>
internal sealed class SqliteEventStore(WaymarkDb db) : IEventStore
{
    public async Task<AppendResult> AppendAsync(Guid workspaceId, IReadOnlyList<InteractionEvent> events, CancellationToken ct = default)
    {
        if (events.Count == 0) return new(0, 0);
        return await StoreConnection.UseAsync(db, async (SqliteConnection connection) =>
        {
            var cache = (long)(await PragmaAsync(connection, "PRAGMA cache_size", ct))!;
            await PragmaAsync(connection, $"PRAGMA cache_size = -{BatchCacheKiB}; PRAGMA wal_autocheckpoint = {CheckpointPages}", ct);
            var turn = Writers.GetOrAdd(connection.DataSource, _ => new SemaphoreSlim(1, 1));
            try
            {
                await turn.WaitAsync(ct);
                try
                {
                    await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(ct);
                    var workspace = await NumberAsync(connection, transaction, workspaceId, ct);
                    var stored = Insert(connection, workspace, events, ct);
                    await MarkBatchDaysAsync(connection, transaction, workspace, events, ct);
                    await transaction.CommitAsync(ct);
                    return new AppendResult(stored, events.Count - stored);
                }
                finally
                {
                    turn.Release();
                }
            }
            finally
            {
                await PragmaAsync(connection, $"PRAGMA cache_size = {cache}", CancellationToken.None);
            }
        }, ct);
    }

    /// <summary>
    /// Batches of one database file take their turn here before BEGIN IMMEDIATE. SQLite itself would make them wait too,
    /// but by polling (its busy handler sleeps up to 100 ms between tries), which leaves the database idle between two
    /// batches; here the next batch starts the moment the last one commits.
    /// </summary>
    private static readonly ConcurrentDictionary<string, SemaphoreSlim> Writers = new(StringComparer.Ordinal);

    /// <summary>
    /// A batch changes pages of the table, of its three indexes and of the days changed. With
    /// SQLite's default 2 MB page cache the changed pages would spill to the log before the commit and be written there
    /// again and again; the connection gets this much cache for a batch and gives it back after (set smaller again,
    /// SQLite frees the pages), so an idle pool holds no more memory than before.
    /// </summary>
    private const int BatchCacheKiB = 64 * 1024;

    /// <summary>
    /// How large (in pages) the write-ahead log may grow before a commit copies it into the database. Batches change the
    /// same index pages, so copying after several batches writes each page once instead of once per batch. Durability
    /// does not depend on it: a commit is on disk in the log (synchronous=FULL).
    /// </summary>
    private const int CheckpointPages = 16_384;

    private static async Task<object?> PragmaAsync(SqliteConnection connection, string pragma, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = pragma;
        return await command.ExecuteScalarAsync(ct);
    }

    /// <summary>
    /// Inserts the events with one prepared statement, bound column by column through SQLite's own interface: no boxed
    /// parameter values, texts encoded into one reused buffer. Runs inside the caller's transaction; returns how many
    /// rows were new (ON CONFLICT DO NOTHING leaves an id the workspace holds).
    /// </summary>
    private static int Insert(SqliteConnection connection, long workspace, IReadOnlyList<InteractionEvent> events, CancellationToken ct)
    {
        var handle = connection.Handle!;
        var rc = raw.sqlite3_prepare_v2(handle, $"INSERT INTO interaction_events (workspace, {EventRows.Columns}) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14) ON CONFLICT DO NOTHING", out sqlite3_stmt statement);
        SqliteException.ThrowExceptionForRC(rc, handle);
        using (statement)
        {
            // The statement's and the connection's own pointers, for the calls made for every event (SqliteNative).
            var (row, database) = (statement.DangerousGetHandle(), handle.DangerousGetHandle());
            var text = new byte[1024];
            void Text(int index, string? value)
            {
                if (value is null)
                {
                    SqliteNative.sqlite3_bind_null(row, index);
                    return;
                }
                if (text.Length < Encoding.UTF8.GetMaxByteCount(value.Length)) text = new byte[Encoding.UTF8.GetMaxByteCount(value.Length)];
                SqliteNative.BindText(row, index, text.AsSpan(0, Encoding.UTF8.GetBytes(value, text)));
            }
            void Real(int index, float? value)
            {
                if (value is { } v) SqliteNative.sqlite3_bind_double(row, index, v);
                else SqliteNative.sqlite3_bind_null(row, index);
            }

            // Bindings stay from row to row: the workspace is bound once.
            SqliteNative.sqlite3_bind_int64(row, 1, workspace);
            var stored = 0;
            for (var i = 0; i < events.Count; i++)
            {
                if ((i & 1023) == 0) ct.ThrowIfCancellationRequested();
                var e = events[i];
                SqliteNative.sqlite3_bind_int64(row, 2, e.At.Ticks);
                Text(3, e.Customer);
                Text(4, e.Touchpoint);
                Text(5, e.Channel);
                Text(6, e.EventId);
                Text(7, e.Case);
                Text(8, e.Outcome);
                Text(9, e.Agent);
                Real(10, e.HandlingSeconds);
                Real(11, e.WaitingSeconds);
                Real(12, e.Score);
                if (e.ScoreKind is { } kind) SqliteNative.sqlite3_bind_int64(row, 13, (int)kind);
                else SqliteNative.sqlite3_bind_null(row, 13);
                Text(14, e.Attributes);
                rc = SqliteNative.sqlite3_step(row);
                if (rc != raw.SQLITE_DONE) SqliteException.ThrowExceptionForRC(rc, handle);
                stored += SqliteNative.sqlite3_changes(database);
                SqliteNative.sqlite3_reset(row);
            }
            return stored;
        }
    }

    public async Task<long> CountAsync(Guid workspaceId, string? customer = null, CancellationToken ct = default)
    {
        return await StoreConnection.UseAsync(db, async (SqliteConnection connection) =>
        {
            await using var count = connection.CreateCommand();
            count.CommandText = customer is null
                ? "SELECT count(*) FROM interaction_events e JOIN event_workspaces w ON w.number = e.workspace WHERE w.workspace_id = $id"
                : $"{CustomerDays(WorkspaceNumber)} SELECT count(*) FROM {CustomerEvents(WorkspaceNumber)}";
            count.Parameters.AddWithValue("$id", Key(workspaceId));
            if (customer is not null) BindCustomer(count, customer);
            return (long)(await count.ExecuteScalarAsync(ct))!;
        }, ct);
    }

    public async Task<long> DeleteCustomerAsync(Guid workspaceId, string customer, CancellationToken ct = default)
    {
        return await StoreConnection.UseAsync(db, async (SqliteConnection connection) =>
        {
            await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(ct);
            var workspace = await ExistingNumberAsync(connection, transaction, workspaceId, ct);
            if (workspace is not { } w) return 0L;
            // The customer's days are marked changed, and their kept results (which may name the customer) go with the events.
            await ForgetDaysAsync(connection, transaction, w, CustomerDays("$w"), CustomerEvents("$w"),
                command => BindCustomer(command, customer), ct);
            await using var delete = connection.CreateCommand();
            delete.Transaction = transaction;
            delete.CommandText = $"{CustomerDays("$w")} DELETE FROM {CustomerEvents("$w")}";
            delete.Parameters.AddWithValue("$w", w);
            BindCustomer(delete, customer);
            var erased = await delete.ExecuteNonQueryAsync(ct);
            await transaction.CommitAsync(ct);
            return (long)erased;
        }, ct);
    }

    public IAsyncEnumerable<InteractionEvent> ReadAsync(Guid workspaceId, DateTime from, DateTime to, CancellationToken ct = default) =>
        ReadWhereAsync(workspaceId, null, from, to, EventRows.Columns, ct);

    public IAsyncEnumerable<InteractionEvent> ReadCustomerAsync(Guid workspaceId, string customer, DateTime from, DateTime to, CancellationToken ct = default) =>
        ReadWhereAsync(workspaceId, customer, from, to, EventRows.Columns, ct);

    public IAsyncEnumerable<InteractionEvent> ReadForAnalysisAsync(Guid workspaceId, DateTime from, DateTime to, bool attributes, CancellationToken ct = default) =>
        ReadWhereAsync(workspaceId, null, from, to, EventRows.AnalysisColumns(attributes), ct);

    private async IAsyncEnumerable<InteractionEvent> ReadWhereAsync(Guid workspaceId, string? customer, DateTime from, DateTime to, string columns,
        [EnumeratorCancellation] CancellationToken ct)
    {
        var connection = await StoreConnection.OpenAsync<SqliteConnection>(db, ct);
        try
        {
            await using var read = connection.CreateCommand();
            read.CommandText = customer is null
                ? $"SELECT {columns} FROM interaction_events WHERE workspace = {WorkspaceNumber} AND at >= $from AND at < $to ORDER BY at, id"
                : $"{CustomerDays(WorkspaceNumber)} SELECT {columns} FROM {CustomerEvents(WorkspaceNumber)} AND at >= $from AND at < $to ORDER BY at, id";
            read.Parameters.AddWithValue("$id", Key(workspaceId));
            if (customer is not null) BindCustomer(read, customer, from, to);
            read.Parameters.AddWithValue("$from", from.ToUniversalTime().Ticks);
            read.Parameters.AddWithValue("$to", to.ToUniversalTime().Ticks);
            await using var rows = await read.ExecuteReaderAsync(ct);
            while (await rows.ReadAsync(ct))
                yield return EventRows.Read(rows, new DateTime(rows.GetInt64(0), DateTimeKind.Utc));
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    public async Task<int?> RetentionDaysAsync(Guid workspaceId, CancellationToken ct = default)
    {
        return await StoreConnection.UseAsync(db, async (SqliteConnection connection) =>
        {
            await using var read = connection.CreateCommand();
            read.CommandText = "SELECT retention_days FROM event_workspaces WHERE workspace_id = $id";
            read.Parameters.AddWithValue("$id", Key(workspaceId));
            return await read.ExecuteScalarAsync(ct) is long days ? (int?)days : null;
        }, ct);
    }

    public async Task SetRetentionDaysAsync(Guid workspaceId, int? days, CancellationToken ct = default)
    {
        await StoreConnection.UseAsync(db, async (SqliteConnection connection) =>
        {
            await using var write = connection.CreateCommand();
            write.CommandText = "INSERT INTO event_workspaces (workspace_id, retention_days) VALUES ($id, $days) "
                                + "ON CONFLICT (workspace_id) DO UPDATE SET retention_days = excluded.retention_days";
            write.Parameters.AddWithValue("$id", Key(workspaceId));
            write.Parameters.AddWithValue("$days", (object?)days ?? DBNull.Value);
            return await write.ExecuteNonQueryAsync(ct);
        }, ct);
    }

    public async Task<long> ApplyRetentionAsync(DateTime now, Guid? workspaceId = null, CancellationToken ct = default)
    {
        return await StoreConnection.UseAsync(db, async (SqliteConnection connection) =>
        {
            var kept = new List<(long Number, long Days)>();
            await using (var read = connection.CreateCommand())
            {
                read.CommandText = "SELECT number, retention_days FROM event_workspaces WHERE retention_days IS NOT NULL"
                                   + (workspaceId is null ? "" : " AND workspace_id = $id");
                if (workspaceId is { } id) read.Parameters.AddWithValue("$id", Key(id));
                await using var rows = await read.ExecuteReaderAsync(ct);
                while (await rows.ReadAsync(ct)) kept.Add((rows.GetInt64(0), rows.GetInt64(1)));
            }
            long erased = 0;
            foreach (var (number, days) in kept)
            {
                var cutoff = now.ToUniversalTime().AddDays(-days).Ticks;
                await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(ct);
                await ForgetDaysAsync(connection, transaction, number, "", "interaction_events WHERE workspace = $w AND at < $cutoff",
                    command => command.Parameters.AddWithValue("$cutoff", cutoff), ct);
                await using var delete = connection.CreateCommand();
                delete.Transaction = transaction;
                delete.CommandText = "DELETE FROM interaction_events WHERE workspace = $w AND at < $cutoff";
                delete.Parameters.AddWithValue("$w", number);
                delete.Parameters.AddWithValue("$cutoff", cutoff);
                erased += await delete.ExecuteNonQueryAsync(ct);
                await transaction.CommitAsync(ct);
            }
            return erased;
        }, ct);
    }

    public async Task<DateTime?> LastEventAtAsync(Guid workspaceId, CancellationToken ct = default)
    {
        return await StoreConnection.UseAsync(db, async (SqliteConnection connection) =>
        {
            await using var read = connection.CreateCommand();
            read.CommandText = "SELECT max(at) FROM interaction_events WHERE workspace = (SELECT number FROM event_workspaces WHERE workspace_id = $id)";
            read.Parameters.AddWithValue("$id", Key(workspaceId));
            return await read.ExecuteScalarAsync(ct) is long ticks ? new DateTime(ticks, DateTimeKind.Utc) : (DateTime?)null;
        }, ct);
    }

    public async Task<IReadOnlyDictionary<DateOnly, long>> DayChangesAsync(Guid workspaceId, DateOnly from, DateOnly to, CancellationToken ct = default)
    {
        return await StoreConnection.UseAsync(db, async (SqliteConnection connection) =>
        {
            await using var read = connection.CreateCommand();
            read.CommandText = "SELECT day, changes FROM event_day_changes WHERE workspace = (SELECT number FROM event_workspaces WHERE workspace_id = $id) AND day BETWEEN $from AND $to";
            read.Parameters.AddWithValue("$id", Key(workspaceId));
            read.Parameters.AddWithValue("$from", from.DayNumber);
            read.Parameters.AddWithValue("$to", to.DayNumber);
            var changes = new Dictionary<DateOnly, long>();
            await using var rows = await read.ExecuteReaderAsync(ct);
            while (await rows.ReadAsync(ct)) changes[DateOnly.FromDayNumber((int)rows.GetInt64(0))] = rows.GetInt64(1);
            return (IReadOnlyDictionary<DateOnly, long>)changes;
        }, ct);
    }

    public async Task<IReadOnlyList<KeptPartial>> ReadPartialsAsync(Guid workspaceId, string variant, DateOnly from, DateOnly to, bool withData, CancellationToken ct = default)
    {
        return await StoreConnection.UseAsync(db, async (SqliteConnection connection) =>
        {
            await using var read = connection.CreateCommand();
            read.CommandText = $"SELECT day, basis{(withData ? ", data" : "")} FROM event_day_partials "
                               + "WHERE workspace = (SELECT number FROM event_workspaces WHERE workspace_id = $id) AND variant = $variant AND day BETWEEN $from AND $to";
            read.Parameters.AddWithValue("$id", Key(workspaceId));
            read.Parameters.AddWithValue("$variant", variant);
            read.Parameters.AddWithValue("$from", from.DayNumber);
            read.Parameters.AddWithValue("$to", to.DayNumber);
            var kept = new List<KeptPartial>();
            await using var rows = await read.ExecuteReaderAsync(ct);
            while (await rows.ReadAsync(ct))
                kept.Add(new KeptPartial(DateOnly.FromDayNumber((int)rows.GetInt64(0)), rows.GetInt64(1), withData && !rows.IsDBNull(2) ? (byte[])rows.GetValue(2) : null));
            return (IReadOnlyList<KeptPartial>)kept;
        }, ct);
    }

    public async Task WritePartialsAsync(Guid workspaceId, string variant, IReadOnlyList<KeptPartial> partials, CancellationToken ct = default)
    {
        if (partials.Count == 0) return;
        await StoreConnection.UseAsync(db, async (SqliteConnection connection) =>
        {
            await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(ct);
            var workspace = await NumberAsync(connection, transaction, workspaceId, ct);
            await using var write = connection.CreateCommand();
            write.Transaction = transaction;
            write.CommandText = "INSERT INTO event_day_partials (workspace, variant, day, basis, data) VALUES ($w, $variant, $day, $basis, $data) "
                                + "ON CONFLICT (workspace, variant, day) DO UPDATE SET basis = excluded.basis, data = excluded.data";
            write.Parameters.AddWithValue("$w", workspace);
            write.Parameters.AddWithValue("$variant", variant);
            var day = write.Parameters.Add("$day", SqliteType.Integer);
            var basis = write.Parameters.Add("$basis", SqliteType.Integer);
            var data = write.Parameters.Add("$data", SqliteType.Blob);
            foreach (var p in partials)
            {
                day.Value = p.Day.DayNumber;
                basis.Value = p.Basis;
                data.Value = (object?)p.Data ?? DBNull.Value;
                await write.ExecuteNonQueryAsync(ct);
            }
            await transaction.CommitAsync(ct);
            return 0;
        }, ct);
    }

    /// <summary>Counts a change of every UTC day the batch holds events of (one statement: its days as a JSON array).</summary>
    private static async Task MarkBatchDaysAsync(SqliteConnection connection, SqliteTransaction transaction, long workspace, IReadOnlyList<InteractionEvent> events, CancellationToken ct)
    {
        await using var mark = connection.CreateCommand();
        mark.Transaction = transaction;
        mark.CommandText = "INSERT INTO event_day_changes (workspace, day, changes) SELECT $w, value, 1 FROM json_each($days) WHERE true "
                           + "ON CONFLICT (workspace, day) DO UPDATE SET changes = changes + 1";
        mark.Parameters.AddWithValue("$w", workspace);
        mark.Parameters.AddWithValue("$days", "[" + string.Join(',', events.Select(e => e.At.Ticks / TimeSpan.TicksPerDay).Distinct()) + "]");
        await mark.ExecuteNonQueryAsync(ct);
    }

    /// <summary>
    /// Before events are erased: counts a change of the days they are on and drops those days' kept results, which may
    /// name an erased customer.
    /// </summary>
    private static async Task ForgetDaysAsync(SqliteConnection connection, SqliteTransaction transaction, long workspace, string with, string events,
        Action<SqliteCommand> bind, CancellationToken ct)
    {
        await using var forget = connection.CreateCommand();
        forget.Transaction = transaction;
        forget.CommandText = $"""
            CREATE TEMP TABLE IF NOT EXISTS forgotten_days (day INTEGER PRIMARY KEY);
            DELETE FROM forgotten_days;
            {with} INSERT INTO forgotten_days SELECT DISTINCT at / {TimeSpan.TicksPerDay} FROM {events};
            INSERT INTO event_day_changes (workspace, day, changes) SELECT $w, day, 1 FROM forgotten_days WHERE true
                ON CONFLICT (workspace, day) DO UPDATE SET changes = changes + 1;
            DELETE FROM event_day_partials WHERE workspace = $w AND day IN (SELECT day FROM forgotten_days);
            """;
        forget.Parameters.AddWithValue("$w", workspace);
        bind(forget);
        await forget.ExecuteNonQueryAsync(ct);
    }

    private static async Task<long?> ExistingNumberAsync(SqliteConnection connection, SqliteTransaction transaction, Guid workspaceId, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT number FROM event_workspaces WHERE workspace_id = $id";
        command.Parameters.AddWithValue("$id", Key(workspaceId));
        return await command.ExecuteScalarAsync(ct) is long number ? number : null;
    }

    /// <summary>The workspace's small number looked up from its id (<c>$id</c>), as a value inside a statement.</summary>
    private const string WorkspaceNumber = "(SELECT number FROM event_workspaces WHERE workspace_id = $id)";

    /// <summary>
    /// One customer's events are found through the (workspace, day, customer) index: a batch's new entries land in the
    /// few pages of the days it covers instead of all over a (workspace, customer) index, which is what kept SQLite from
    /// storing faster as the events grew. Reading a customer then looks up each day from the workspace's first event
    /// (or <c>$firstDay</c>) to its last (or <c>$lastDay</c>): one index seek per day, a year in about a millisecond.
    /// This is the list of those days, as the table <c>customer_days</c> of a WITH clause.
    /// </summary>
    private static string CustomerDays(string workspace) => $"""
        WITH RECURSIVE customer_span(first, last) AS (
            SELECT max($firstDay, (SELECT min(at) FROM interaction_events WHERE workspace = {workspace}) / {TimeSpan.TicksPerDay}),
                   min($lastDay, (SELECT max(at) FROM interaction_events WHERE workspace = {workspace}) / {TimeSpan.TicksPerDay})),
        customer_days(day) AS (
            SELECT first FROM customer_span WHERE first <= last
            UNION ALL SELECT day + 1 FROM customer_days, customer_span WHERE day < last)
        """;

    /// <summary>The customer's (<c>$customer</c>) events of the days <see cref="CustomerDays"/> lists, as a FROM … WHERE clause.</summary>
    private static string CustomerEvents(string workspace) =>
        $"interaction_events INDEXED BY ix_interaction_events_customer_day WHERE workspace = {workspace} "
        + $"AND at / {TimeSpan.TicksPerDay} IN customer_days AND customer = $customer";

    /// <summary>Binds the customer and the days of [<paramref name="from"/>, <paramref name="to"/>); no times: every day.</summary>
    private static void BindCustomer(SqliteCommand command, string customer, DateTime? from = null, DateTime? to = null)
    {
        command.Parameters.AddWithValue("$customer", customer);
        command.Parameters.AddWithValue("$firstDay", from is { } f ? f.ToUniversalTime().Ticks / TimeSpan.TicksPerDay : 0);
        command.Parameters.AddWithValue("$lastDay", to is { } t ? Math.Max(0, t.ToUniversalTime().Ticks - 1) / TimeSpan.TicksPerDay : long.MaxValue);
    }

    /// <summary>EF keeps a Guid in SQLite as upper-case text; the reference to the workspace must match it exactly.</summary>
    private static string Key(Guid id) => id.ToString().ToUpperInvariant();

    /// <summary>The workspace's small number, given to it by its first batch.</summary>
    private static async Task<long> NumberAsync(SqliteConnection connection, SqliteTransaction transaction, Guid workspaceId, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "INSERT INTO event_workspaces (workspace_id) VALUES ($id) ON CONFLICT DO NOTHING; "
                              + "SELECT number FROM event_workspaces WHERE workspace_id = $id";
        command.Parameters.AddWithValue("$id", Key(workspaceId));
        return (long)(await command.ExecuteScalarAsync(ct))!;
    }
}
