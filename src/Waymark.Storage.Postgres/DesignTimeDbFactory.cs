using Microsoft.EntityFrameworkCore.Design;

namespace Waymark.Storage.Postgres;

/// <summary>Lets <c>dotnet ef</c> build the PostgreSQL model; no server is contacted to add a migration.</summary>
public sealed class DesignTimeDbFactory : IDesignTimeDbContextFactory<WaymarkDb>
{
    public WaymarkDb CreateDbContext(string[] args) =>
        StorageSetup.CreateDb(new StorageOptions { PostgresConnectionString = "Host=127.0.0.1;Database=waymark_design;Username=postgres" });
}
