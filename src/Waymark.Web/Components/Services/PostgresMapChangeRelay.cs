using System.Text.Json;
using Npgsql;

namespace Waymark.Web.Components.Services;

/// <summary>
/// On PostgreSQL, map changes travel between app instances as notifications on one channel: each instance LISTENs,
/// publishes its own changes with pg_notify, and hands the others' to its open maps. A notification sent while an
/// instance is reconnecting is missed; a map that then saves a stale step gets the usual version conflict.
/// </summary>
internal sealed class PostgresMapChangeRelay(MapChanges changes, IConfiguration configuration, ILogger<PostgresMapChangeRelay> log) : BackgroundService
{
    private const string Channel = "waymark_map_changes";
    // pg_notify takes up to 8000 bytes; a change's description is short, but what a person typed must not break it.
    private const int MaxWhat = 1000;
    private readonly string _instance = Guid.NewGuid().ToString("N");

    private sealed record Notice(string Instance, Guid JourneyId, string Source, string What);

    protected override async Task ExecuteAsync(CancellationToken stop)
    {
        var connectionString = WaymarkWebApp.StorageOptionsFrom(configuration).PostgresConnectionString;
        if (string.IsNullOrWhiteSpace(connectionString)) return;
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        changes.Relay = change => NotifyAsync(dataSource, change);
        var wait = TimeSpan.FromSeconds(1);
        try
        {
            while (!stop.IsCancellationRequested)
            {
                try
                {
                    await using var connection = await dataSource.OpenConnectionAsync(stop);
                    connection.Notification += (_, e) => Receive(e.Payload);
                    await using (var listen = new NpgsqlCommand($"LISTEN {Channel}", connection)) await listen.ExecuteNonQueryAsync(stop);
                    wait = TimeSpan.FromSeconds(1);
                    while (!stop.IsCancellationRequested) await connection.WaitAsync(stop);
                }
                catch (OperationCanceledException) when (stop.IsCancellationRequested)
                {
                    break;
                }
                catch (Exception e)
                {
                    log.LogWarning(e, "Live map updates from other instances paused; reconnecting in {Seconds} s", wait.TotalSeconds);
                    await Task.Delay(wait, stop);
                    wait = TimeSpan.FromSeconds(Math.Min(30, wait.TotalSeconds * 2));
                }
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
        }
        finally
        {
            changes.Relay = null;
        }
    }

    private async Task NotifyAsync(NpgsqlDataSource dataSource, MapChange change)
    {
        var what = change.What.Length > MaxWhat ? change.What[..MaxWhat] : change.What;
        var payload = JsonSerializer.Serialize(new Notice(_instance, change.JourneyId, change.Source, what));
        await using var notify = dataSource.CreateCommand("SELECT pg_notify(@channel, @payload)");
        notify.Parameters.AddWithValue("channel", Channel);
        notify.Parameters.AddWithValue("payload", payload);
        await notify.ExecuteNonQueryAsync();
    }

    private void Receive(string payload)
    {
        try
        {
            var notice = JsonSerializer.Deserialize<Notice>(payload);
            // Our own changes reached our maps when they were published.
            if (notice is null || notice.Instance == _instance) return;
            changes.Deliver(new MapChange(notice.JourneyId, notice.Source, notice.What));
        }
        catch (JsonException e)
        {
            log.LogWarning(e, "Ignored a notification on {Channel} that is not a map change", Channel);
        }
    }
}
