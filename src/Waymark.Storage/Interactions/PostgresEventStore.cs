using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;
using Waymark.Domain.Events;

namespace Waymark.Storage.Interactions;

/// <summary>
/// Events in PostgreSQL: interaction_events is partitioned by month of the event's time (a partition is created the
/// first time a batch holds an event of that month). A partitioned table's unique indexes must hold the partition key,
/// so the ids of events are kept once per workspace in interaction_event_ids. A batch's ids are claimed there first
/// (see ClaimAsync), then the events without an id or with a newly claimed one are
/// copied in binary straight into interaction_events — all in one transaction, committed (synchronous_commit on)
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
            var (ids, repeated) = IdsOf(events);
            await using var transaction = await connection.BeginTransactionAsync(ct);
            var claim = ids.Length == 0 ? Claim.All : await ClaimAsync(connection, transaction, workspace, ids, ct);
            var stored = 0;
            await using (var copy = await connection.BeginBinaryImportAsync($"COPY interaction_events (workspace, {EventRows.Columns}) FROM STDIN (FORMAT BINARY)", ct))
            {
                // Straight into the partitioned table: events without an id, and the first event of each id this batch claimed.
                for (var i = 0; i < events.Count; i++)
                {
                    var e = events[i];
                    if (e.EventId is { } id && (repeated?[i] == true || !claim.Holds(id))) continue;
                    Write(copy, workspace, e);
                    stored++;
                }
                await copy.CompleteAsync(ct);
            }
            // The batch's days have changed: one statement, in day order so that two batches lock the rows alike.
            await using (var mark = new NpgsqlCommand(
                "INSERT INTO event_day_changes (workspace, day, changes) SELECT @w, d, 1 FROM unnest(@days) AS d ORDER BY d "
                + "ON CONFLICT (workspace, day) DO UPDATE SET changes = event_day_changes.changes + 1", connection, transaction))
            {
                mark.Parameters.AddWithValue("w", workspace);
                mark.Parameters.AddWithValue("days", events.Select(e => DateOnly.FromDateTime(e.At)).Distinct().Order().ToArray());
                await mark.ExecuteNonQueryAsync(ct);
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
                $"""
                WITH ws AS (SELECT number FROM event_workspaces WHERE workspace_id = @id),
                gone AS (
                    DELETE FROM interaction_events WHERE workspace = (SELECT number FROM ws) AND customer = @customer RETURNING event_id, at),
                ids AS (
                    DELETE FROM interaction_event_ids WHERE workspace = (SELECT number FROM ws)
                    AND event_id IN (SELECT event_id FROM gone WHERE event_id IS NOT NULL)),
                {ForgetDays("(SELECT number FROM ws)")}
                SELECT count(*) FROM gone
                """, connection);
            delete.Parameters.AddWithValue("id", workspaceId);
            delete.Parameters.AddWithValue("customer", customer);
            return (long)(await delete.ExecuteScalarAsync(ct))!;
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
        var connection = await StoreConnection.OpenAsync<NpgsqlConnection>(db, ct);
        try
        {
            await using var read = new NpgsqlCommand(
                $"SELECT {columns} FROM interaction_events WHERE workspace = (SELECT number FROM event_workspaces WHERE workspace_id = @id) "
                + (customer is null ? "" : "AND customer = @customer ") + "AND at >= @from AND at < @to ORDER BY at, id", connection);
            read.Parameters.AddWithValue("id", workspaceId);
            if (customer is not null) read.Parameters.AddWithValue("customer", customer);
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
                    $"""
                    WITH gone AS (DELETE FROM interaction_events WHERE workspace = @w AND at < @cutoff RETURNING event_id, at),
                    ids AS (DELETE FROM interaction_event_ids WHERE workspace = @w AND event_id IN (SELECT event_id FROM gone WHERE event_id IS NOT NULL)),
                    {ForgetDays("@w")}
                    SELECT count(*) FROM gone
                    """, connection);
                delete.Parameters.AddWithValue("w", number);
                delete.Parameters.AddWithValue("cutoff", NpgsqlDbType.TimestampTz, DateTime.SpecifyKind(now.ToUniversalTime().AddDays(-days), DateTimeKind.Utc));
                erased += (long)(await delete.ExecuteScalarAsync(ct))!;
            }
            return erased;
        }, ct);
    }

    public async Task<DateTime?> LastEventAtAsync(Guid workspaceId, CancellationToken ct = default)
    {
        return await StoreConnection.UseAsync(db, async (NpgsqlConnection connection) =>
        {
            await using var read = new NpgsqlCommand(
                "SELECT max(at) FROM interaction_events WHERE workspace = (SELECT number FROM event_workspaces WHERE workspace_id = @id)", connection);
            read.Parameters.AddWithValue("id", workspaceId);
            return await read.ExecuteScalarAsync(ct) is DateTime at ? DateTime.SpecifyKind(at, DateTimeKind.Utc) : (DateTime?)null;
        }, ct);
    }

    public async Task<IReadOnlyDictionary<DateOnly, long>> DayChangesAsync(Guid workspaceId, DateOnly from, DateOnly to, CancellationToken ct = default)
    {
        return await StoreConnection.UseAsync(db, async (NpgsqlConnection connection) =>
        {
            await using var read = new NpgsqlCommand(
                "SELECT day, changes FROM event_day_changes WHERE workspace = (SELECT number FROM event_workspaces WHERE workspace_id = @id) AND day BETWEEN @from AND @to", connection);
            read.Parameters.AddWithValue("id", workspaceId);
            read.Parameters.AddWithValue("from", from);
            read.Parameters.AddWithValue("to", to);
            var changes = new Dictionary<DateOnly, long>();
            await using var rows = await read.ExecuteReaderAsync(ct);
            while (await rows.ReadAsync(ct)) changes[rows.GetFieldValue<DateOnly>(0)] = rows.GetInt64(1);
            return (IReadOnlyDictionary<DateOnly, long>)changes;
        }, ct);
    }

    public async Task<IReadOnlyList<KeptPartial>> ReadPartialsAsync(Guid workspaceId, string variant, DateOnly from, DateOnly to, bool withData, CancellationToken ct = default)
    {
        return await StoreConnection.UseAsync(db, async (NpgsqlConnection connection) =>
        {
            await using var read = new NpgsqlCommand(
                $"SELECT day, basis{(withData ? ", data" : "")} FROM event_day_partials "
                + "WHERE workspace = (SELECT number FROM event_workspaces WHERE workspace_id = @id) AND variant = @variant AND day BETWEEN @from AND @to", connection);
            read.Parameters.AddWithValue("id", workspaceId);
            read.Parameters.AddWithValue("variant", variant);
            read.Parameters.AddWithValue("from", from);
            read.Parameters.AddWithValue("to", to);
            var kept = new List<KeptPartial>();
            await using var rows = await read.ExecuteReaderAsync(ct);
            while (await rows.ReadAsync(ct))
                kept.Add(new KeptPartial(rows.GetFieldValue<DateOnly>(0), rows.GetInt64(1), withData && !rows.IsDBNull(2) ? rows.GetFieldValue<byte[]>(2) : null));
            return (IReadOnlyList<KeptPartial>)kept;
        }, ct);
    }

    public async Task WritePartialsAsync(Guid workspaceId, string variant, IReadOnlyList<KeptPartial> partials, CancellationToken ct = default)
    {
        if (partials.Count == 0) return;
        await StoreConnection.UseAsync(db, async (NpgsqlConnection connection) =>
        {
            var workspace = await NumberAsync(connection, workspaceId, ct);
            await using var write = new NpgsqlCommand(
                "INSERT INTO event_day_partials (workspace, variant, day, basis, data) "
                + "SELECT @w, @variant, * FROM unnest(@days, @bases, @data) "
                + "ON CONFLICT (workspace, variant, day) DO UPDATE SET basis = excluded.basis, data = excluded.data", connection);
            write.Parameters.AddWithValue("w", workspace);
            write.Parameters.AddWithValue("variant", variant);
            write.Parameters.AddWithValue("days", partials.Select(p => p.Day).ToArray());
            write.Parameters.AddWithValue("bases", partials.Select(p => p.Basis).ToArray());
            write.Parameters.AddWithValue("data", NpgsqlDbType.Array | NpgsqlDbType.Bytea, partials.Select(p => p.Data).ToArray());
            return await write.ExecuteNonQueryAsync(ct);
        }, ct);
    }

    /// <summary>
    /// Parts of a statement whose CTE <c>gone</c> returns erased events' times: counts a change of their days and drops
    /// those days' kept results, which may name an erased customer.
    /// </summary>
    private static string ForgetDays(string workspace) => $"""
        days AS (SELECT DISTINCT (at AT TIME ZONE 'UTC')::date AS day FROM gone),
        marked AS (
            INSERT INTO event_day_changes (workspace, day, changes) SELECT {workspace}, day, 1 FROM days ORDER BY day
            ON CONFLICT (workspace, day) DO UPDATE SET changes = event_day_changes.changes + 1),
        dropped AS (
            DELETE FROM event_day_partials WHERE workspace = {workspace} AND day IN (SELECT day FROM days))
        """;

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

    /// <summary>
    /// The batch's ids, each once, in one order for every batch (so two batches claiming the same ids wait for each other
    /// instead of deadlocking), and which events repeat an id an earlier event of the batch has (null when none does):
    /// an id repeated within the batch is stored with its first event.
    /// </summary>
    private static (string[] Ids, bool[]? Repeated) IdsOf(IReadOnlyList<InteractionEvent> events)
    {
        var seen = new HashSet<string>(events.Count, StringComparer.Ordinal);
        bool[]? repeated = null;
        for (var i = 0; i < events.Count; i++)
            if (events[i].EventId is { } id && !seen.Add(id)) (repeated ??= new bool[events.Count])[i] = true;
        var ids = seen.ToArray();
        Array.Sort(ids, StringComparer.Ordinal);
        return (ids, repeated);
    }

    /// <summary>Which of a batch's ids its transaction claimed: all, none, or those in <see cref="Some"/>.</summary>
    private sealed record Claim(bool Every, HashSet<string>? Some)
    {
        public static readonly Claim All = new(true, null);
        public static readonly Claim None = new(false, null);
        public bool Holds(string id) => Every || Some?.Contains(id) == true;
    }

    /// <summary>
    /// Claims the ids for the workspace in interaction_event_ids. Nearly always every id is new: they are copied in
    /// (binary COPY, checked by the unique index, far cheaper than a row-by-row ON CONFLICT), inside a savepoint. If one is
    /// taken the copy fails as a whole and is undone, and the ids are inserted again skipping those taken; the count of
    /// inserted rows tells whether all or none were new, and only in between are the new ones read back: the rows this
    /// transaction wrote carry its id as xmin. A batch sending the same id at the same moment waits for this
    /// transaction, then finds the id taken.
    /// </summary>
    private static async Task<Claim> ClaimAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, int workspace, string[] ids, CancellationToken ct)
    {
        await transaction.SaveAsync("claim", ct);
        try
        {
            await using (var copy = await connection.BeginBinaryImportAsync("COPY interaction_event_ids (workspace, event_id) FROM STDIN (FORMAT BINARY)", ct))
            {
                foreach (var id in ids)
                {
                    copy.StartRow();
                    copy.Write(workspace, NpgsqlDbType.Integer);
                    copy.Write(id, NpgsqlDbType.Text);
                }
                await copy.CompleteAsync(ct);
            }
            await transaction.ReleaseAsync("claim", ct);
            return Claim.All;
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            // Back to the transaction itself, so the rows written next carry its id as xmin (not a savepoint's).
            await transaction.RollbackAsync("claim", ct);
            await transaction.ReleaseAsync("claim", ct);
        }
        await using var claim = new NpgsqlCommand(
            "INSERT INTO interaction_event_ids (workspace, event_id) SELECT @w, id FROM unnest(@ids) WITH ORDINALITY AS i (id, n) ORDER BY n "
            + "ON CONFLICT DO NOTHING", connection, transaction);
        claim.Parameters.AddWithValue("w", workspace);
        claim.Parameters.AddWithValue("ids", NpgsqlDbType.Array | NpgsqlDbType.Text, ids);
        var inserted = await claim.ExecuteNonQueryAsync(ct);
        if (inserted == ids.Length) return Claim.All;
        if (inserted == 0) return Claim.None;
        await using var mine = new NpgsqlCommand(
            "SELECT event_id FROM interaction_event_ids WHERE workspace = @w AND event_id = ANY(@ids) AND xmin = pg_current_xact_id()::xid",
            connection, transaction);
        mine.Parameters.AddWithValue("w", workspace);
        mine.Parameters.AddWithValue("ids", NpgsqlDbType.Array | NpgsqlDbType.Text, ids);
        var claimed = new HashSet<string>(inserted, StringComparer.Ordinal);
        await using var rows = await mine.ExecuteReaderAsync(ct);
        while (await rows.ReadAsync(ct)) claimed.Add(rows.GetString(0));
        return new Claim(false, claimed);
    }

    /// <summary>Writes one row of the COPY, each value with its own type (no boxing).</summary>
    private static void Write(NpgsqlBinaryImporter copy, int workspace, InteractionEvent e)
    {
        copy.StartRow();
        copy.Write(workspace, NpgsqlDbType.Integer);
        copy.Write(e.At, NpgsqlDbType.TimestampTz);
        copy.Write(e.Customer, NpgsqlDbType.Text);
        copy.Write(e.Touchpoint, NpgsqlDbType.Text);
        copy.Write(e.Channel, NpgsqlDbType.Text);
        Text(copy, e.EventId);
        Text(copy, e.Case);
        Text(copy, e.Outcome);
        Text(copy, e.Agent);
        Real(copy, e.HandlingSeconds);
        Real(copy, e.WaitingSeconds);
        Real(copy, e.Score);
        if (e.ScoreKind is { } kind) copy.Write((short)kind, NpgsqlDbType.Smallint);
        else copy.WriteNull();
        Text(copy, e.Attributes);
    }

    private static void Text(NpgsqlBinaryImporter copy, string? value)
    {
        if (value is null) copy.WriteNull();
        else copy.Write(value, NpgsqlDbType.Text);
    }

    private static void Real(NpgsqlBinaryImporter copy, float? value)
    {
        if (value is { } v) copy.Write(v, NpgsqlDbType.Real);
        else copy.WriteNull();
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
