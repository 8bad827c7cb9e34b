using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Waymark.Storage;

/// <summary>
/// Every SQLite connection writes with full synchronisation, so a change acknowledged to a caller is on disk
/// even if the process or machine dies right after; set per connection because the pragma is not persistent.
/// </summary>
internal sealed class SqliteDurability : DbConnectionInterceptor
{
    public static readonly SqliteDurability Instance = new();

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken ct = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        await command.ExecuteNonQueryAsync(ct);
    }

    private const string Pragmas = "PRAGMA synchronous=FULL; PRAGMA busy_timeout=5000;";

    private static void Apply(DbConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
    }
}
