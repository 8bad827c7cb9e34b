using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Waymark.Domain.Events;

namespace Waymark.Storage.Interactions;

/// <summary>
/// Events in SQLite: one row per event, the time as UTC ticks, the workspace as a small number (event_workspaces).
/// A batch is one IMMEDIATE transaction of prepared INSERT … ON CONFLICT DO NOTHING; the unique index on
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
            await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(ct);
            var workspace = await NumberAsync(connection, transaction, workspaceId, ct);
            await using var insert = connection.CreateCommand();
            insert.Transaction = transaction;
            insert.CommandText = $"INSERT INTO interaction_events (workspace, {EventRows.Columns}) VALUES ($w, $at, $customer, $touchpoint, $channel, $event_id, $case_id, $outcome, $agent, $handling, $waiting, $score, $kind, $attributes) ON CONFLICT DO NOTHING";
            insert.Parameters.AddWithValue("$w", workspace);
            var p = new[] { "$at", "$customer", "$touchpoint", "$channel", "$event_id", "$case_id", "$outcome", "$agent", "$handling", "$waiting", "$score", "$kind", "$attributes" }
                .Select(name => insert.Parameters.Add(name, SqliteType.Text)).ToArray();
            p[0].SqliteType = SqliteType.Integer;
            p[8].SqliteType = p[9].SqliteType = p[10].SqliteType = SqliteType.Real;
            p[11].SqliteType = SqliteType.Integer;
            insert.Prepare();
            var stored = 0;
            foreach (var e in events)
            {
                p[0].Value = e.At.Ticks;
                p[1].Value = e.Customer;
                p[2].Value = e.Touchpoint;
                p[3].Value = e.Channel;
                p[4].Value = (object?)e.EventId ?? DBNull.Value;
                p[5].Value = (object?)e.Case ?? DBNull.Value;
                p[6].Value = (object?)e.Outcome ?? DBNull.Value;
                p[7].Value = (object?)e.Agent ?? DBNull.Value;
                p[8].Value = e.HandlingSeconds is { } h ? h : DBNull.Value;
                p[9].Value = e.WaitingSeconds is { } w ? w : DBNull.Value;
                p[10].Value = e.Score is { } s ? s : DBNull.Value;
                p[11].Value = e.ScoreKind is { } k ? (int)k : DBNull.Value;
                p[12].Value = (object?)e.Attributes ?? DBNull.Value;
                stored += await insert.ExecuteNonQueryAsync(ct);
            }
            await transaction.CommitAsync(ct);
            return new AppendResult(stored, events.Count - stored);
        }, ct);
    }

    public async Task<long> CountAsync(Guid workspaceId, string? customer = null, CancellationToken ct = default)
    {
        return await StoreConnection.UseAsync(db, async (SqliteConnection connection) =>
        {
            await using var count = connection.CreateCommand();
            count.CommandText = "SELECT count(*) FROM interaction_events e JOIN event_workspaces w ON w.number = e.workspace WHERE w.workspace_id = $id"
                                + (customer is null ? "" : " AND e.customer = $customer");
            count.Parameters.AddWithValue("$id", Key(workspaceId));
            if (customer is not null) count.Parameters.AddWithValue("$customer", customer);
            return (long)(await count.ExecuteScalarAsync(ct))!;
        }, ct);
    }

    public async Task<long> DeleteCustomerAsync(Guid workspaceId, string customer, CancellationToken ct = default)
    {
        return await StoreConnection.UseAsync(db, async (SqliteConnection connection) =>
        {
            await using var delete = connection.CreateCommand();
            delete.CommandText = "DELETE FROM interaction_events WHERE workspace = (SELECT number FROM event_workspaces WHERE workspace_id = $id) AND customer = $customer";
            delete.Parameters.AddWithValue("$id", Key(workspaceId));
            delete.Parameters.AddWithValue("$customer", customer);
            return await delete.ExecuteNonQueryAsync(ct);
        }, ct);
    }

    public async IAsyncEnumerable<InteractionEvent> ReadAsync(Guid workspaceId, DateTime from, DateTime to, [EnumeratorCancellation] CancellationToken ct = default)
    {
        var connection = await StoreConnection.OpenAsync<SqliteConnection>(db, ct);
        try
        {
            await using var read = connection.CreateCommand();
            read.CommandText = $"SELECT {EventRows.Columns} FROM interaction_events WHERE workspace = (SELECT number FROM event_workspaces WHERE workspace_id = $id) AND at >= $from AND at < $to ORDER BY at, id";
            read.Parameters.AddWithValue("$id", Key(workspaceId));
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

    public async IAsyncEnumerable<InteractionEvent> ReadCustomerAsync(Guid workspaceId, string customer, [EnumeratorCancellation] CancellationToken ct = default)
    {
        var connection = await StoreConnection.OpenAsync<SqliteConnection>(db, ct);
        try
        {
            await using var read = connection.CreateCommand();
            read.CommandText = $"SELECT {EventRows.Columns} FROM interaction_events WHERE workspace = (SELECT number FROM event_workspaces WHERE workspace_id = $id) AND customer = $customer ORDER BY at, id";
            read.Parameters.AddWithValue("$id", Key(workspaceId));
            read.Parameters.AddWithValue("$customer", customer);
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
                await using var delete = connection.CreateCommand();
                delete.CommandText = "DELETE FROM interaction_events WHERE workspace = $w AND at < $cutoff";
                delete.Parameters.AddWithValue("$w", number);
                delete.Parameters.AddWithValue("$cutoff", now.ToUniversalTime().AddDays(-days).Ticks);
                erased += await delete.ExecuteNonQueryAsync(ct);
            }
            return erased;
        }, ct);
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
