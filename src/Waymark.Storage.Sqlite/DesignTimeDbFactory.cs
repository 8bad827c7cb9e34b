using Microsoft.EntityFrameworkCore.Design;

namespace Waymark.Storage.Sqlite;

/// <summary>Lets <c>dotnet ef</c> build the SQLite model; see readme.md beside this file.</summary>
public sealed class DesignTimeDbFactory : IDesignTimeDbContextFactory<WaymarkDb>
{
    public WaymarkDb CreateDbContext(string[] args) =>
        StorageSetup.CreateDb(new StorageOptions { SqliteFile = Path.Combine(Path.GetTempPath(), "waymark-design.db") });
}
