using Microsoft.Data.Sqlite;
using Npgsql;

namespace Waymark.IngestBenchmark;

/// <summary>One database under test, read past the application with SQL of its own: event counts, ids and the bytes events take.</summary>
internal abstract class Storage
{
    public abstract string Name { get; }

    /// <summary>The options that point waymark at this database.</summary>
    public abstract string[] Arguments { get; }

    public abstract Task<long> CountAsync();

    /// <summary>The ids of the stored events that start with <paramref name="prefix"/>.</summary>
    public abstract Task<List<string>> IdsAsync(string prefix);

    /// <summary>Bytes the events take on disk, and how they are made up.</summary>
    public abstract Task<(long Bytes, string Detail)> EventBytesAsync();
}

/// <summary>A fresh SQLite file. Its size is read with the server stopped, after a checkpoint has moved the log into it.</summary>
internal sealed class SqliteStorage(string file) : Storage
{
    public override string Name => "SQLite";
    public override string[] Arguments => ["--db", file];

    private SqliteConnection Open()
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = file, Pooling = false }.ToString());
        connection.Open();
        return connection;
    }

    public override async Task<long> CountAsync()
    {
        await using var connection = Open();
        await using var count = connection.CreateCommand();
        count.CommandText = "SELECT count(*) FROM interaction_events";
        return (long)(await count.ExecuteScalarAsync())!;
    }

    public override async Task<List<string>> IdsAsync(string prefix)
    {
        await using var connection = Open();
        await using var read = connection.CreateCommand();
        read.CommandText = "SELECT event_id FROM interaction_events WHERE event_id LIKE $p";
        read.Parameters.AddWithValue("$p", prefix + "%");
        var ids = new List<string>();
        await using var rows = await read.ExecuteReaderAsync();
        while (await rows.ReadAsync()) ids.Add(rows.GetString(0));
        return ids;
    }

    /// <summary>The file's size once its write-ahead log is checkpointed into it (call with the server stopped).</summary>
    public override async Task<(long Bytes, string Detail)> EventBytesAsync()
    {
        await using (var connection = Open())
        {
            await using var checkpoint = connection.CreateCommand();
            checkpoint.CommandText = "PRAGMA wal_checkpoint(TRUNCATE)";
            await checkpoint.ExecuteNonQueryAsync();
        }
        var size = new FileInfo(file).Length;
        return (size, $"file {size:N0} bytes");
    }
}

/// <summary>A database of its own on the throwaway cluster; sizes are pg_total_relation_size (heap, TOAST, indexes).</summary>
internal sealed class PostgresStorage(string connectionString) : Storage
{
    public override string Name => "PostgreSQL";
    public override string[] Arguments => ["--postgres", connectionString];

    private async Task<NpgsqlConnection> OpenAsync()
    {
        var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        return connection;
    }

    public override async Task<long> CountAsync()
    {
        await using var connection = await OpenAsync();
        await using var count = new NpgsqlCommand("SELECT count(*) FROM interaction_events", connection);
        return (long)(await count.ExecuteScalarAsync())!;
    }

    public override async Task<List<string>> IdsAsync(string prefix)
    {
        await using var connection = await OpenAsync();
        await using var read = new NpgsqlCommand("SELECT event_id FROM interaction_events WHERE event_id LIKE @p", connection);
        read.Parameters.AddWithValue("p", prefix + "%");
        var ids = new List<string>();
        await using var rows = await read.ExecuteReaderAsync();
        while (await rows.ReadAsync()) ids.Add(rows.GetString(0));
        return ids;
    }

    public override async Task<(long Bytes, string Detail)> EventBytesAsync()
    {
        await using var connection = await OpenAsync();
        await using (var checkpoint = new NpgsqlCommand("CHECKPOINT", connection)) await checkpoint.ExecuteNonQueryAsync();
        await using var sizes = new NpgsqlCommand(
            """
            SELECT coalesce(sum(pg_table_size(inhrelid)), 0)::bigint, coalesce(sum(pg_indexes_size(inhrelid)), 0)::bigint,
                   pg_total_relation_size('interaction_event_ids')
            FROM pg_inherits WHERE inhparent = 'interaction_events'::regclass
            """, connection);
        await using var rows = await sizes.ExecuteReaderAsync();
        await rows.ReadAsync();
        var (table, indexes, ids) = (rows.GetInt64(0), rows.GetInt64(1), rows.GetInt64(2));
        return (table + indexes + ids, $"events {table:N0} + their indexes {indexes:N0} + id table {ids:N0} bytes");
    }
}
