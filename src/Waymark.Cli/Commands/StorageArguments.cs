using System.CommandLine;
using Waymark.Storage;

namespace Waymark.Cli.Commands;

/// <summary>The <c>--db</c> / <c>--postgres</c> pair every command takes, so all of them reach the same data as <c>serve</c>.</summary>
internal sealed class StorageArguments
{
    public Option<string?> Db { get; } = new("--db") { Description = $"SQLite file to use (default: {StorageOptions.DefaultSqliteFile} in the working directory)" };
    public Option<string?> Postgres { get; } = new("--postgres") { Description = "PostgreSQL connection string; used instead of SQLite when given" };

    public void AddTo(Command command)
    {
        command.Options.Add(Db);
        command.Options.Add(Postgres);
    }

    public StorageOptions Read(ParseResult result) => new()
    {
        SqliteFile = result.GetValue(Db) ?? StorageOptions.DefaultSqliteFile,
        PostgresConnectionString = result.GetValue(Postgres),
    };

    /// <summary>A migrated database, ready for use.</summary>
    public static async Task<WaymarkDb> OpenAsync(StorageOptions options, CancellationToken ct)
    {
        var db = StorageSetup.CreateDb(options);
        await StorageSetup.MigrateAsync(db, ct);
        return db;
    }
}
