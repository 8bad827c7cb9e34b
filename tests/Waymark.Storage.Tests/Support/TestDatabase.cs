using Microsoft.Data.Sqlite;
using Npgsql;
using Waymark.Storage;

namespace Waymark.Storage.Tests.Support;

/// <summary>An empty, migrated database of one provider, private to one test class, removed afterwards.</summary>
public abstract class TestDatabase : IAsyncLifetime
{
    public abstract StorageOptions Options { get; }
    public abstract string Provider { get; }

    public WaymarkDb Open() => StorageSetup.CreateDb(Options);

    public virtual async Task InitializeAsync()
    {
        await using var db = Open();
        await StorageSetup.MigrateAsync(db);
    }

    public abstract Task DisposeAsync();
}

public sealed class SqliteTestDatabase : TestDatabase
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"waymark-storage-{Guid.NewGuid():N}.db");

    public override StorageOptions Options => new() { SqliteFile = _file };
    public override string Provider => "SQLite";

    public override Task DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        foreach (var f in new[] { _file, _file + "-wal", _file + "-shm" })
            if (File.Exists(f)) File.Delete(f);
        return Task.CompletedTask;
    }
}

/// <summary>
/// Uses the server named by WAYMARK_TEST_POSTGRES (test.sh starts a throwaway cluster and sets it).
/// Without it the PostgreSQL tests fail and say so: they are never silently skipped.
/// </summary>
public sealed class PostgresTestDatabase : TestDatabase
{
    private readonly string _name = $"waymark_test_{Guid.NewGuid():N}";

    public static string Server =>
        Environment.GetEnvironmentVariable("WAYMARK_TEST_POSTGRES")
        ?? throw new InvalidOperationException("WAYMARK_TEST_POSTGRES is not set: run the tests with ./test.sh, which starts a throwaway PostgreSQL.");

    public override StorageOptions Options =>
        new() { PostgresConnectionString = new NpgsqlConnectionStringBuilder(Server) { Database = _name }.ToString() };

    public override string Provider => "PostgreSQL";

    public override async Task DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await using var admin = new NpgsqlConnection(Server);
        await admin.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_name}\" WITH (FORCE)", admin);
        await drop.ExecuteNonQueryAsync();
    }
}
