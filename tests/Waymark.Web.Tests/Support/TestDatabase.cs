using Microsoft.Data.Sqlite;
using Npgsql;
using Waymark.Storage;

namespace Waymark.Web.Tests.Support;

/// <summary>
/// The database the HTTP tests run on: an SQLite file of their own, or, when WAYMARK_TEST_DATABASE=postgres, a fresh
/// database on the PostgreSQL server of WAYMARK_TEST_POSTGRES (test.sh starts a throwaway one and runs the tests on
/// both). Each PostgreSQL database is copied from a template migrated once per test run, which is far quicker than
/// migrating every time.
/// </summary>
public sealed class TestDatabase : IDisposable
{
    public static bool OnPostgres =>
        string.Equals(Environment.GetEnvironmentVariable("WAYMARK_TEST_DATABASE"), "postgres", StringComparison.OrdinalIgnoreCase);

    public static string Provider => OnPostgres ? "PostgreSQL" : "SQLite";

    public static string PostgresServer =>
        Environment.GetEnvironmentVariable("WAYMARK_TEST_POSTGRES")
        ?? throw new InvalidOperationException("WAYMARK_TEST_POSTGRES is not set: run the tests with ./test.sh, which starts a throwaway PostgreSQL.");

    private readonly string? _file;
    private readonly string? _postgresDatabase;

    private TestDatabase(string? file, string? postgresDatabase)
    {
        _file = file;
        _postgresDatabase = postgresDatabase;
    }

    /// <summary>An empty, migrated database of the provider this run tests; dropped or deleted on dispose.</summary>
    public static TestDatabase Create() =>
        OnPostgres ? CreatePostgres() : new TestDatabase(Path.Combine(Path.GetTempPath(), $"waymark-test-{Guid.NewGuid():N}.db"), null);

    /// <summary>A fresh PostgreSQL database whatever this run tests, for the tests that only make sense there.</summary>
    public static TestDatabase CreatePostgres()
    {
        var name = $"waymark_test_{Guid.NewGuid():N}";
        Template.CopyTo(name);
        return new TestDatabase(null, name);
    }

    public StorageOptions Options => _postgresDatabase is null
        ? new StorageOptions { SqliteFile = _file! }
        : new StorageOptions { PostgresConnectionString = new NpgsqlConnectionStringBuilder(PostgresServer) { Database = _postgresDatabase }.ToString() };

    /// <summary>The application settings that point Waymark at this database.</summary>
    public IEnumerable<KeyValuePair<string, string>> Settings => _postgresDatabase is null
        ? [new("Waymark:Database", _file!)]
        : [new("Waymark:Postgres", Options.PostgresConnectionString!)];

    public WaymarkDb Open() => StorageSetup.CreateDb(Options);

    public void Dispose()
    {
        if (_postgresDatabase is null)
        {
            SqliteConnection.ClearAllPools();
            foreach (var f in new[] { _file!, _file + "-wal", _file + "-shm" })
                if (File.Exists(f)) File.Delete(f);
        }
        else
        {
            NpgsqlConnection.ClearPool(new NpgsqlConnection(Options.PostgresConnectionString));
            Drop(_postgresDatabase);
        }
    }

    private static void Drop(string database)
    {
        using var admin = new NpgsqlConnection(PostgresServer);
        admin.Open();
        using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)", admin);
        drop.ExecuteNonQuery();
    }

    /// <summary>The migrated, empty database every PostgreSQL test database is copied from; one per test run, dropped at its end.</summary>
    private static class Template
    {
        private static readonly string Name = $"waymark_template_{Guid.NewGuid():N}";
        private static readonly Lazy<bool> Ready = new(Prepare);
        // PostgreSQL refuses to copy a template while another copy of it is being made.
        private static readonly object CopyGate = new();

        public static void CopyTo(string database)
        {
            _ = Ready.Value;
            lock (CopyGate)
            {
                using var admin = new NpgsqlConnection(PostgresServer);
                admin.Open();
                using var create = new NpgsqlCommand($"CREATE DATABASE \"{database}\" TEMPLATE \"{Name}\"", admin);
                create.ExecuteNonQuery();
            }
        }

        private static bool Prepare()
        {
            // Unpooled, so no connection to the template stays open: PostgreSQL copies only a template nobody is connected to.
            var connection = new NpgsqlConnectionStringBuilder(PostgresServer) { Database = Name, Pooling = false }.ToString();
            using (var db = StorageSetup.CreateDb(new StorageOptions { PostgresConnectionString = connection }))
                StorageSetup.MigrateAsync(db).GetAwaiter().GetResult();
            AppDomain.CurrentDomain.ProcessExit += (_, _) => Drop(Name);
            return true;
        }
    }
}

/// <summary>A test of what only PostgreSQL has (LISTEN/NOTIFY between app instances); runs on the PostgreSQL run only.</summary>
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute()
    {
        if (!TestDatabase.OnPostgres) Skip = "PostgreSQL only: runs when WAYMARK_TEST_DATABASE=postgres (./test.sh does).";
    }
}
