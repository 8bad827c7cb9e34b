using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Waymark.Storage;
using Waymark.Web.Features.Evidence;
using Waymark.Web.Infrastructure;
using Waymark.Web.Live;

namespace Waymark.Web.Features.Kpis;

/// <summary>
/// Keeps KPIs bound to events current in the background. After a batch of events is committed, the periods holding the
/// batch's days are recomputed (and only those, so a late event redoes its own day, week or month); after a binding is
/// made or changed, that KPI's whole history. Requests are gathered for a moment (<c>Waymark:Events:KpiRefreshSeconds</c>,
/// 2 by default) so that a stream of batches is computed once, and one workspace is computed at a time. The command line,
/// which runs no background work, calls <see cref="RunPendingAsync"/> when it is done.
/// </summary>
public sealed class KpiEventRefresh : BackgroundService
{
    public const string DelaySetting = "Waymark:Events:KpiRefreshSeconds";

    private sealed class Pending
    {
        public readonly HashSet<DateOnly> Days = [];
        public readonly HashSet<Guid> WholeHistory = [];
        public bool EveryKpi;
    }

    private readonly Lock _gate = new();
    private readonly Dictionary<Guid, Pending> _pending = [];
    private readonly Channel<bool> _wake = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private readonly SemaphoreSlim _running = new(1, 1);
    private readonly IServiceScopeFactory scopes;
    private readonly IConfiguration configuration;
    private readonly ILogger<KpiEventRefresh> log;

    /// <summary>
    /// Listens to the one announcement of changed events (<see cref="EventChanges"/>); only to the changes this process
    /// made: the KPIs' measurements are kept in the database, and the instance or command that stored or erased the
    /// events computes them.
    /// </summary>
    public KpiEventRefresh(IServiceScopeFactory scopes, IConfiguration configuration, ILogger<KpiEventRefresh> log, EventChanges changes)
    {
        (this.scopes, this.configuration, this.log) = (scopes, configuration, log);
        changes.Changed += change =>
        {
            if (!change.Here) return Task.CompletedTask;
            if (change.Days is { } days) EventsStored(change.WorkspaceId, days);
            else EventsErased(change.WorkspaceId);
            return Task.CompletedTask;
        };
    }

    /// <summary>Events of these days were stored in the workspace.</summary>
    private void EventsStored(Guid workspaceId, IEnumerable<DateOnly> days)
    {
        lock (_gate) Of(workspaceId).Days.UnionWith(days);
        _wake.Writer.TryWrite(true);
    }

    /// <summary>The KPIs' bindings were made or changed (or what they count, such as the service contacts): compute all their periods again.</summary>
    public void WholeHistory(Guid workspaceId, IEnumerable<Guid> kpiIds)
    {
        lock (_gate) Of(workspaceId).WholeHistory.UnionWith(kpiIds);
        _wake.Writer.TryWrite(true);
    }

    /// <summary>Events were erased (a customer's, or past the retention): every bound KPI is computed again from the first stored event on.</summary>
    private void EventsErased(Guid workspaceId)
    {
        lock (_gate) Of(workspaceId).EveryKpi = true;
        _wake.Writer.TryWrite(true);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var delay = TimeSpan.FromSeconds(configuration.GetValue(DelaySetting, 2.0));
        while (await _wake.Reader.WaitToReadAsync(stoppingToken))
        {
            _wake.Reader.TryRead(out _);
            await Task.Delay(delay, stoppingToken);
            try
            {
                await RunPendingAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogError(e, "Computing KPIs from events failed; they are computed again after the next events.");
            }
        }
    }

    /// <summary>Computes everything requested so far, one workspace after the other.</summary>
    public async Task RunPendingAsync(CancellationToken ct)
    {
        await _running.WaitAsync(ct);
        try
        {
            while (Next() is var (workspaceId, pending))
            {
                await using var scope = scopes.CreateAsyncScope();
                var work = scope.ServiceProvider.GetRequiredService<Work>();
                var ws = await work.Db.Workspaces.AsNoTracking().Where(w => w.Id == workspaceId)
                    .Select(w => new CurrentWorkspace(w.Id, w.Key, w.Name)).FirstOrDefaultAsync(ct);
                if (ws is null) continue;
                var analytics = scope.ServiceProvider.GetRequiredService<EventAnalytics>();
                if (pending.WholeHistory.Count > 0)
                    await KpiEventMeasurements.RecomputeAsync(work, analytics, ws, null, pending.WholeHistory, replace: true, ct);
                if (pending.EveryKpi)
                {
                    var others = await work.Db.Kpis.Where(k => k.WorkspaceId == ws.Id && k.BoundMeasure != null && !pending.WholeHistory.Contains(k.Id))
                        .Select(k => k.Id).ToListAsync(ct);
                    if (others.Count > 0) await KpiEventMeasurements.RecomputeAsync(work, analytics, ws, null, others, replace: false, ct);
                }
                else if (pending.Days.Count > 0)
                {
                    var others = await work.Db.Kpis.Where(k => k.WorkspaceId == ws.Id && k.BoundMeasure != null && !pending.WholeHistory.Contains(k.Id))
                        .Select(k => k.Id).ToListAsync(ct);
                    if (others.Count > 0) await KpiEventMeasurements.RecomputeAsync(work, analytics, ws, pending.Days, others, replace: false, ct);
                }
            }
        }
        finally
        {
            _running.Release();
        }
    }

    private (Guid, Pending)? Next()
    {
        lock (_gate)
        {
            if (_pending.Count == 0) return null;
            var (id, pending) = _pending.First();
            _pending.Remove(id);
            return (id, pending);
        }
    }

    private Pending Of(Guid workspaceId)
    {
        if (!_pending.TryGetValue(workspaceId, out var pending)) _pending[workspaceId] = pending = new Pending();
        return pending;
    }
}
