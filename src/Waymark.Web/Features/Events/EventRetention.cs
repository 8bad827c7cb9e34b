using Waymark.Domain.Common;
using Waymark.Storage;
using Waymark.Storage.Access;
using Waymark.Storage.Interactions;
using Waymark.Web.Infrastructure;
using Waymark.Web.Live;

namespace Waymark.Web.Features.Events;

/// <summary>How many days a workspace keeps its events; no days keeps them for ever.</summary>
public sealed record RetentionSetting(int? Days);

/// <summary>The new setting and how many events it erased at once.</summary>
public sealed record RetentionChange(int? Days, long Erased);

/// <summary>
/// How long a workspace keeps its interaction events (data minimisation): owners set it; events older than that are
/// erased at once and from then on by <see cref="EventRetentionSweep"/>. The change is audited.
/// </summary>
public static class EventRetention
{
    public const int MaxDays = 36_500;

    public static async Task<RetentionSetting> GetAsync(WaymarkDb db, CurrentWorkspace ws, CancellationToken ct) =>
        new(await EventStore.For(db).RetentionDaysAsync(ws.Id, ct));

    public static async Task<RetentionChange> SetAsync(Work work, CurrentWorkspace ws, RetentionSetting setting, CancellationToken ct)
    {
        await work.AllowAsync(ws, WorkspaceRole.Owner, ct);
        if (setting.Days is { } days && days is < 1 or > MaxDays)
            throw new DomainRuleException("days", $"Events are kept for 1 to {MaxDays:N0} days; leave the days empty to keep them for ever.");
        var store = EventStore.For(work.Db);
        var before = await store.RetentionDaysAsync(ws.Id, ct);
        await store.SetRetentionDaysAsync(ws.Id, setting.Days, ct);
        var erased = await store.ApplyRetentionAsync(work.Clock.GetUtcNow().UtcDateTime, ws.Id, ct);
        if (erased > 0) work.AnnounceEvents(ws.Id, null);
        if (before != setting.Days)
            await work.AuditAsync(ws, AuditAction.Changed, "EventRetention", ws.Key, new { retentionDays = new { from = before, to = setting.Days }, erased }, ct);
        return new RetentionChange(setting.Days, erased);
    }
}

/// <summary>
/// Erases, every Waymark:Events:RetentionSweepMinutes (default 60), the events older than their workspace keeps them,
/// workspace by workspace, announcing each erasure as any other (<see cref="EventChanges"/>).
/// </summary>
internal sealed class EventRetentionSweep(IServiceProvider services, IConfiguration configuration, TimeProvider clock, EventChanges changes,
    ILogger<EventRetentionSweep> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken ct)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(Math.Max(1, configuration.GetValue("Waymark:Events:RetentionSweepMinutes", 60))), clock);
        do
        {
            try
            {
                await using var scope = services.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<WaymarkDb>();
                foreach (var ws in await Evidence.EventAnalyticsRefresh.WorkspacesWithEventsAsync(db, ct))
                {
                    var erased = await EventStore.For(db).ApplyRetentionAsync(clock.GetUtcNow().UtcDateTime, ws.Id, ct);
                    if (erased == 0) continue;
                    log.LogInformation("Erased {Count} interaction events of workspace {Workspace} older than it keeps them", erased, ws.Key);
                    changes.Publish(new EventsArrived(ws.Id) { Here = true });
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogWarning(e, "The retention sweep of interaction events failed; it is tried again at the next interval");
            }
        }
        while (await timer.WaitForNextTickAsync(ct));
    }
}
