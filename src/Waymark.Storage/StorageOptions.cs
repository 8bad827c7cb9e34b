namespace Waymark.Storage;

/// <summary>Where Waymark keeps its data: an SQLite file unless a PostgreSQL connection string is given.</summary>
public sealed record StorageOptions
{
    public const string DefaultSqliteFile = "waymark.db";

    public string SqliteFile { get; init; } = DefaultSqliteFile;
    public string? PostgresConnectionString { get; init; }

    public bool UsesPostgres => !string.IsNullOrWhiteSpace(PostgresConnectionString);

    public string Describe() => UsesPostgres ? "PostgreSQL" : $"SQLite file {Path.GetFullPath(SqliteFile)}";
}
