using Microsoft.EntityFrameworkCore;
using Waymark.Storage;

namespace Waymark.Web.Live;

/// <summary>
/// Hears of events stored or erased by another process on the same database — <c>waymark ingest</c> beside a running
/// server, on SQLite or PostgreSQL, which sends no notification — and announces them here (<see cref="EventChanges"/>,
/// not <see cref="EventsArrived.Here"/>): the event store counts every change per workspace and day
/// (<c>event_day_changes</c>), so a total that moved without this process announcing it is someone else's change.
/// Looks every <c>Waymark:Events:WatchSeconds</c> (5 by default).
/// </summary>
internal sealed class EventChangesWatch(EventChanges changes, IServiceScopeFactory scopes, IConfiguration configuration, ILogger<EventChangesWatch> log)
    : BackgroundService
{
    public const string IntervalSetting = "Waymark:Events:WatchSeconds";

    private readonly Lock _gate = new();
    private readonly HashSet<Guid> _announced = [];
    private EventsArrived? _delivering;

    protected override async Task ExecuteAsync(CancellationToken ct)
    {
        changes.Changed += Remember;
        try
        {
            using var timer = new PeriodicTimer(TimeSpan.FromSeconds(Math.Max(0.1, configuration.GetValue(IntervalSetting, 5.0))));
            Dictionary<Guid, long>? known = null;
            do
            {
                try
                {
                    known = await LookAsync(known, ct);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // A first look that failed (a database still being prepared) counts as none stored: nothing is missed.
                    known ??= [];
                    log.LogWarning(e, "Looking for events stored by other processes failed; it is tried again shortly");
                }
            }
            while (await timer.WaitForNextTickAsync(ct));
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }
        finally
        {
            changes.Changed -= Remember;
        }
    }

    /// <summary>Changes announced here already, by this process or relayed from another instance, need no second announcement.</summary>
    private Task Remember(EventsArrived change)
    {
        if (!ReferenceEquals(change, _delivering)) lock (_gate) _announced.Add(change.WorkspaceId);
        return Task.CompletedTask;
    }

    /// <summary>Announces the workspaces whose change count moved since the last look and that this process did not announce; the first look only counts.</summary>
    private async Task<Dictionary<Guid, long>> LookAsync(Dictionary<Guid, long>? known, CancellationToken ct)
    {
        HashSet<Guid> here;
        lock (_gate)
        {
            here = [.. _announced];
            _announced.Clear();
        }
        var totals = await TotalsAsync(ct);
        if (known is not null)
            foreach (var (workspace, total) in totals)
                if (known.GetValueOrDefault(workspace) != total && !here.Contains(workspace))
                {
                    _delivering = new EventsArrived(workspace);
                    changes.Deliver(_delivering);
                }
        return totals;
    }

    /// <summary>Every workspace's count of changes to its events, read in SQL beside EF as the event store reads.</summary>
    private async Task<Dictionary<Guid, long>> TotalsAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WaymarkDb>();
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var read = db.Database.GetDbConnection().CreateCommand();
            read.CommandText = "SELECT w.workspace_id, SUM(c.changes) FROM event_day_changes c JOIN event_workspaces w ON w.number = c.workspace GROUP BY w.workspace_id";
            var totals = new Dictionary<Guid, long>();
            await using var rows = await read.ExecuteReaderAsync(ct);
            while (await rows.ReadAsync(ct))
                totals[rows.GetValue(0) is Guid id ? id : Guid.Parse(rows.GetString(0))] = Convert.ToInt64(rows.GetValue(1), System.Globalization.CultureInfo.InvariantCulture);
            return totals;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}
