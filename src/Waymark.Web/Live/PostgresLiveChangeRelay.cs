using System.Text.Json;
using Npgsql;

namespace Waymark.Web.Live;

/// <summary>
/// On PostgreSQL, live changes (maps, action boards) travel between app instances as notifications on one channel:
/// each instance LISTENs, publishes its own changes with pg_notify, and hands the others' to its open pages. A
/// notification sent while an instance is reconnecting is missed; a page that then saves stale data gets the usual
/// version conflict.
/// </summary>
internal sealed class PostgresLiveChangeRelay(MapChanges maps, BoardChanges boards, EventChanges events, IConfiguration configuration, ILogger<PostgresLiveChangeRelay> log)
    : BackgroundService
{
    private const string Channel = "waymark_live_changes";
    // pg_notify takes up to 8000 bytes; a change's description is short, but what a person typed must not break it.
    private const int MaxWhat = 1000;
    private readonly string _instance = Guid.NewGuid().ToString("N");
    // A busy feed commits many batches a second; the other instances need to hear of a workspace's events only every so often.
    private readonly Coalescing<Guid> _eventNotices = new(EventArrivals.Interval, TimeProvider.System);

    /// <summary>What travels: the kind of change ("map", "board" or "events"), its subject (journey or workspace id) and its words.</summary>
    private sealed record Notice(string Instance, string Kind, Guid Subject, string Source, string What);

    protected override async Task ExecuteAsync(CancellationToken stop)
    {
        var connectionString = WaymarkWebApp.StorageOptionsFrom(configuration).PostgresConnectionString;
        if (string.IsNullOrWhiteSpace(connectionString)) return;
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        maps.Relay = change => NotifyAsync(dataSource, "map", change.JourneyId, change.Source, change.What);
        boards.Relay = change => NotifyAsync(dataSource, "board", change.WorkspaceId, change.Source, change.What);
        events.Relay = change =>
        {
            _eventNotices.Run(change.WorkspaceId, () => NotifyAsync(dataSource, "events", change.WorkspaceId, "", ""));
            return Task.CompletedTask;
        };
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
            maps.Relay = null;
            boards.Relay = null;
            events.Relay = null;
        }
    }

    private async Task NotifyAsync(NpgsqlDataSource dataSource, string kind, Guid subject, string source, string what)
    {
        if (what.Length > MaxWhat) what = what[..MaxWhat];
        var payload = JsonSerializer.Serialize(new Notice(_instance, kind, subject, source, what));
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
            if (notice.Kind == "events") events.Deliver(new EventsArrived(notice.Subject));
            else if (notice.Kind == "board") boards.Deliver(new BoardChange(notice.Subject, notice.Source, notice.What));
            else maps.Deliver(new MapChange(notice.Subject, notice.Source, notice.What));
        }
        catch (JsonException e)
        {
            log.LogWarning(e, "Ignored a notification on {Channel} that is not a live change", Channel);
        }
    }
}
