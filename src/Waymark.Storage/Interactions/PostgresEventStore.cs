using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;
using Waymark.Domain.Events;

namespace Waymark.Storage.Interactions;

/// <summary>
/// Events in PostgreSQL: interaction_events is partitioned by month of the event's time (a partition is created the
/// first time a batch holds an event of that month). A partitioned table's unique indexes must hold the partition key,
/// so the ids of events are kept once per workspace in interaction_event_ids. A batch is copied in binary into a
/// temporary table, its new ids are claimed in interaction_event_ids (ON CONFLICT DO NOTHING), and only the events
/// without an id or with a newly claimed one are inserted — all in one transaction, committed (synchronous_commit on)
/// before the caller hears of it.
/// </summary>
internal sealed class PostgresEventStore(WaymarkDb db) : IEventStore
{
    public async Task<AppendResult> AppendAsync(Guid workspaceId, IReadOnlyList<InteractionEvent> events, CancellationToken ct = default)
    {
        if (events.Count == 0) return new(0, 0);
        return await StoreConnection.UseAsync(db, async (NpgsqlConnection connection) =>
        {
            var workspace = await NumberAsync(connection, workspaceId, ct);
            await EnsurePartitionsAsync(connection, events, ct);
            await using var transaction = await connection.BeginTransactionAsync(ct);
            await using (var staging = new NpgsqlCommand(
                "CREATE TEMP TABLE event_staging (seq integer, at timestamptz, customer text, touchpoint text, channel text, event_id text, case_id text, "
                + "outcome text, agent text, handling_seconds real, waiting_seconds real, score real, score_kind smallint, attributes text) ON COMMIT DROP", connection, transaction))
                await staging.ExecuteNonQueryAsync(ct);
            await using (var copy = await connection.BeginBinaryImportAsync($"COPY event_staging (seq, {EventRows.Columns}) FROM STDIN (FORMAT BINARY)", ct))
            {
                for (var i = 0; i < events.Count; i++)
                {
                    var e = events[i];
                    await copy.StartRowAsync(ct);
                    await copy.WriteAsync(i, NpgsqlDbType.Integer, ct);
                    await copy.WriteAsync(e.At, NpgsqlDbType.TimestampTz, ct);
                    await copy.WriteAsync(e.Customer, NpgsqlDbType.Text, ct);
                    await copy.WriteAsync(e.Touchpoint, NpgsqlDbType.Text, ct);
                    await copy.WriteAsync(e.Channel, NpgsqlDbType.Text, ct);
                    await Text(copy, e.EventId, ct);
                    await Text(copy, e.Case, ct);
                    await Text(copy, e.Outcome, ct);
                    await Text(copy, e.Agent, ct);
                    await Real(copy, e.HandlingSeconds, ct);
                    await Real(copy, e.WaitingSeconds, ct);
                    await Real(copy, e.Score, ct);
                    if (e.ScoreKind is { } kind) await copy.WriteAsync((short)kind, NpgsqlDbType.Smallint, ct);
                    else await copy.WriteNullAsync(ct);
                    await Text(copy, e.Attributes, ct);
                }
                await copy.CompleteAsync(ct);
            }
            int stored;
            await using (var insert = new NpgsqlCommand(
                $"""
                WITH claimed AS (
                    INSERT INTO interaction_event_ids (workspace, event_id)
                    SELECT DISTINCT @w, event_id FROM event_staging WHERE event_id IS NOT NULL
                    ON CONFLICT DO NOTHING
                    RETURNING event_id),
                first_of_id AS (
                    SELECT DISTINCT ON (event_id) * FROM event_staging WHERE event_id IS NOT NULL ORDER BY event_id, seq)
                INSERT INTO interaction_events (workspace, {EventRows.Columns})
                SELECT @w, {EventRows.Columns} FROM event_staging WHERE event_id IS NULL
                UNION ALL
                SELECT @w, {Prefixed("f.")} FROM first_of_id f JOIN claimed c ON c.event_id = f.event_id
                """, connection, transaction))
            {
                insert.Parameters.AddWithValue("w", workspace);
                stored = await insert.ExecuteNonQueryAsync(ct);
            }
            await transaction.CommitAsync(ct);
            return new AppendResult(stored, events.Count - stored);
        }, ct);
    }

    public async Task<long> CountAsync(Guid workspaceId, string? customer = null, CancellationToken ct = default)
    {
        return await StoreConnection.UseAsync(db, async (NpgsqlConnection connection) =>
        {
            await using var count = new NpgsqlCommand(
                "SELECT count(*) FROM interaction_events e JOIN event_workspaces w ON w.number = e.workspace WHERE w.workspace_id = @id"
                + (customer is null ? "" : " AND e.customer = @customer"), connection);
            count.Parameters.AddWithValue("id", workspaceId);
            if (customer is not null) count.Parameters.AddWithValue("customer", customer);
            return (long)(await count.ExecuteScalarAsync(ct))!;
        }, ct);
    }

    public async Task<long> DeleteCustomerAsync(Guid workspaceId, string customer, CancellationToken ct = default)
    {
        return await StoreConnection.UseAsync(db, async (NpgsqlConnection connection) =>
        {
            // The ids go with the events: an erased customer leaves nothing behind, and data sent again is new data.
            await using var delete = new NpgsqlCommand(
                """
                WITH ws AS (SELECT number FROM event_workspaces WHERE workspace_id = @id),
                gone AS (
                    DELETE FROM interaction_events WHERE workspace = (SELECT number FROM ws) AND customer = @customer RETURNING event_id),
                ids AS (
                    DELETE FROM interaction_event_ids WHERE workspace = (SELECT number FROM ws)
                    AND event_id IN (SELECT event_id FROM gone WHERE event_id IS NOT NULL))
                SELECT count(*) FROM gone
                """, connection);
            delete.Parameters.AddWithValue("id", workspaceId);
            delete.Parameters.AddWithValue("customer", customer);
            return (long)(await delete.ExecuteScalarAsync(ct))!;
        }, ct);
    }

    public async IAsyncEnumerable<InteractionEvent> ReadAsync(Guid workspaceId, DateTime from, DateTime to, [EnumeratorCancellation] CancellationToken ct = default)
    {
        var connection = await StoreConnection.OpenAsync<NpgsqlConnection>(db, ct);
        try
        {
            await using var read = new NpgsqlCommand(
                $"SELECT {EventRows.Columns} FROM interaction_events WHERE workspace = (SELECT number FROM event_workspaces WHERE workspace_id = @id) "
                + "AND at >= @from AND at < @to ORDER BY at, id", connection);
            read.Parameters.AddWithValue("id", workspaceId);
            read.Parameters.AddWithValue("from", NpgsqlDbType.TimestampTz, DateTime.SpecifyKind(from.ToUniversalTime(), DateTimeKind.Utc));
            read.Parameters.AddWithValue("to", NpgsqlDbType.TimestampTz, DateTime.SpecifyKind(to.ToUniversalTime(), DateTimeKind.Utc));
            await using var rows = await read.ExecuteReaderAsync(ct);
            while (await rows.ReadAsync(ct))
                yield return EventRows.Read(rows, DateTime.SpecifyKind(rows.GetDateTime(0), DateTimeKind.Utc));
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    public async IAsyncEnumerable<InteractionEvent> ReadCustomerAsync(Guid workspaceId, string customer, [EnumeratorCancellation] CancellationToken ct = default)
    {
        var connection = await StoreConnection.OpenAsync<NpgsqlConnection>(db, ct);
        try
        {
            await using var read = new NpgsqlCommand(
                $"SELECT {EventRows.Columns} FROM interaction_events WHERE workspace = (SELECT number FROM event_workspaces WHERE workspace_id = @id) "
                + "AND customer = @customer ORDER BY at, id", connection);
            read.Parameters.AddWithValue("id", workspaceId);
            read.Parameters.AddWithValue("customer", customer);
            await using var rows = await read.ExecuteReaderAsync(ct);
            while (await rows.ReadAsync(ct))
                yield return EventRows.Read(rows, DateTime.SpecifyKind(rows.GetDateTime(0), DateTimeKind.Utc));
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    public async Task<int?> RetentionDaysAsync(Guid workspaceId, CancellationToken ct = default)
    {
        return await StoreConnection.UseAsync(db, async (NpgsqlConnection connection) =>
        {
            await using var read = new NpgsqlCommand("SELECT retention_days FROM event_workspaces WHERE workspace_id = @id", connection);
            read.Parameters.AddWithValue("id", workspaceId);
            return await read.ExecuteScalarAsync(ct) is int days ? (int?)days : null;
        }, ct);
    }

    public async Task SetRetentionDaysAsync(Guid workspaceId, int? days, CancellationToken ct = default)
    {
        await StoreConnection.UseAsync(db, async (NpgsqlConnection connection) =>
        {
            await using var write = new NpgsqlCommand("INSERT INTO event_workspaces (workspace_id, retention_days) VALUES (@id, @days) "
                                                      + "ON CONFLICT (workspace_id) DO UPDATE SET retention_days = excluded.retention_days", connection);
            write.Parameters.AddWithValue("id", workspaceId);
            write.Parameters.AddWithValue("days", NpgsqlDbType.Integer, (object?)days ?? DBNull.Value);
            return await write.ExecuteNonQueryAsync(ct);
        }, ct);
    }

    public async Task<long> ApplyRetentionAsync(DateTime now, Guid? workspaceId = null, CancellationToken ct = default)
    {
        return await StoreConnection.UseAsync(db, async (NpgsqlConnection connection) =>
        {
            var kept = new List<(int Number, int Days)>();
            await using (var read = new NpgsqlCommand("SELECT number, retention_days FROM event_workspaces WHERE retention_days IS NOT NULL"
                                                      + (workspaceId is null ? "" : " AND workspace_id = @id"), connection))
            {
                if (workspaceId is { } id) read.Parameters.AddWithValue("id", id);
                await using var rows = await read.ExecuteReaderAsync(ct);
                while (await rows.ReadAsync(ct)) kept.Add((rows.GetInt32(0), rows.GetInt32(1)));
            }
            long erased = 0;
            foreach (var (number, days) in kept)
            {
                // Partitions are shared by all workspaces, so old events are deleted rather than their partitions dropped.
                await using var delete = new NpgsqlCommand(
                    """
                    WITH gone AS (DELETE FROM interaction_events WHERE workspace = @w AND at < @cutoff RETURNING event_id),
                    ids AS (DELETE FROM interaction_event_ids WHERE workspace = @w AND event_id IN (SELECT event_id FROM gone WHERE event_id IS NOT NULL))
                    SELECT count(*) FROM gone
                    """, connection);
                delete.Parameters.AddWithValue("w", number);
                delete.Parameters.AddWithValue("cutoff", NpgsqlDbType.TimestampTz, DateTime.SpecifyKind(now.ToUniversalTime().AddDays(-days), DateTimeKind.Utc));
                erased += (long)(await delete.ExecuteScalarAsync(ct))!;
            }
            return erased;
        }, ct);
    }

    /// <summary>
    /// Creates the month partitions the batch needs and does not have yet. Looking a partition up takes no lock; creating
    /// one is serialised by an advisory lock, so two batches of a new month do not both try.
    /// </summary>
    private static async Task EnsurePartitionsAsync(NpgsqlConnection connection, IReadOnlyList<InteractionEvent> events, CancellationToken ct)
    {
        var months = events.Select(e => new DateTime(e.At.Year, e.At.Month, 1, 0, 0, 0, DateTimeKind.Utc)).Distinct().ToList();
        foreach (var month in months)
        {
            var name = $"interaction_events_{month:yyyy_MM}";
            await using (var exists = new NpgsqlCommand("SELECT to_regclass(@name) IS NOT NULL", connection))
            {
                exists.Parameters.AddWithValue("name", name);
                if ((bool)(await exists.ExecuteScalarAsync(ct))!) continue;
            }
            await using var transaction = await connection.BeginTransactionAsync(ct);
            await using (var create = new NpgsqlCommand(
                $"SELECT pg_advisory_xact_lock(hashtext('interaction_events partitions')); "
                + $"CREATE TABLE IF NOT EXISTS {name} PARTITION OF interaction_events "
                + $"FOR VALUES FROM ('{month:yyyy-MM-dd} 00:00:00+00') TO ('{month.AddMonths(1):yyyy-MM-dd} 00:00:00+00')", connection, transaction))
                await create.ExecuteNonQueryAsync(ct);
            await transaction.CommitAsync(ct);
        }
    }

    private static string Prefixed(string prefix) => string.Join(", ", EventRows.Columns.Split(", ").Select(c => prefix + c));

    private static async Task Text(NpgsqlBinaryImporter copy, string? value, CancellationToken ct)
    {
        if (value is null) await copy.WriteNullAsync(ct);
        else await copy.WriteAsync(value, NpgsqlDbType.Text, ct);
    }

    private static async Task Real(NpgsqlBinaryImporter copy, float? value, CancellationToken ct)
    {
        if (value is { } v) await copy.WriteAsync(v, NpgsqlDbType.Real, ct);
        else await copy.WriteNullAsync(ct);
    }

    /// <summary>The workspace's small number, given to it by its first batch.</summary>
    private static async Task<int> NumberAsync(NpgsqlConnection connection, Guid workspaceId, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(
            "INSERT INTO event_workspaces (workspace_id) VALUES (@id) ON CONFLICT DO NOTHING; "
            + "SELECT number FROM event_workspaces WHERE workspace_id = @id", connection);
        command.Parameters.AddWithValue("id", workspaceId);
        return (int)(await command.ExecuteScalarAsync(ct))!;
    }
}
