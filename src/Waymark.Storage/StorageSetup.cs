using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Waymark.Storage;

public static class StorageSetup
{
    public const string SqliteMigrations = "Waymark.Storage.Sqlite";
    public const string PostgresMigrations = "Waymark.Storage.Postgres";

    public static void Configure(DbContextOptionsBuilder db, StorageOptions options)
    {
        // Workspace stamps move whatever saves, so every context gets their keeper (kept scores: WaymarkDb.SaveChanges).
        db.AddInterceptors(Scores.StampKeeper.Instance);
        if (options.UsesPostgres)
            db.UseNpgsql(options.PostgresConnectionString, o => o.MigrationsAssembly(PostgresMigrations));
        else
            db.UseSqlite(SqliteConnectionString(options.SqliteFile), o => o.MigrationsAssembly(SqliteMigrations))
                .AddInterceptors(SqliteDurability.Instance);
    }

    public static string SqliteConnectionString(string file)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(file));
        if (!string.IsNullOrEmpty(directory)) Directory.CreateDirectory(directory);
        // Shared cache off, foreign keys on: references are enforced as they are in PostgreSQL.
        return new SqliteConnectionStringBuilder { DataSource = file, ForeignKeys = true, Pooling = true }.ToString();
    }

    public static WaymarkDb CreateDb(StorageOptions options)
    {
        var builder = new DbContextOptionsBuilder<WaymarkDb>();
        Configure(builder, options);
        return new WaymarkDb(builder.Options);
    }

    /// <summary>Brings the schema up to date; SQLite gets write-ahead logging (a persistent setting) so readers do not block the writer.</summary>
    public static async Task MigrateAsync(WaymarkDb db, CancellationToken ct = default)
    {
        await db.Database.MigrateAsync(ct);
        if (db.IsSqlite)
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
    }
}
