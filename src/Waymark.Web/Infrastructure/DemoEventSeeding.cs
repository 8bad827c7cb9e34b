using System.Diagnostics;
using Waymark.Domain.Workspaces;
using Waymark.Storage.Access;
using Waymark.Web.Access;
using Waymark.Web.Features.Events;

namespace Waymark.Web.Infrastructure;

/// <summary>
/// Gives the demo workspace created at start (<see cref="DatabasePreparation"/>) its year of events once the server
/// listens, so the address is shown at once. The batches go through the ingestion use case, whose announcement of each
/// (<see cref="Live.EventChanges"/>) updates the maps, the analytics page and the dashboard live and has the kept
/// analytics and the KPIs bound to events worked out after them.
/// </summary>
public sealed class DemoEventSeeding(IServiceScopeFactory scopes, IHostApplicationLifetime lifetime, IConfiguration configuration,
    ILogger<DemoEventSeeding> log) : BackgroundService
{
    private readonly TaskCompletionSource<long> _done = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private (WorkspaceContent Content, DateTime End)? _pending;

    /// <summary>How many events the demo got, once they are stored; 0 when there was no demo to give them to.</summary>
    public Task<long> Done => _done.Task;

    /// <summary>Where the demo's year of events ends; null when no demo gets events from this start.</summary>
    public DateTime? End => _pending?.End;

    /// <summary>The demo workspace just stored: its events, ending at <paramref name="end"/>, follow once the server listens.</summary>
    internal void After(WorkspaceContent content, DateTime end) => _pending = (content, end);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (_pending is not var (content, end))
        {
            _done.TrySetResult(0);
            return;
        }
        try
        {
            await WhenListeningAsync(stoppingToken);
            var clock = Stopwatch.StartNew();
            var events = DemoEvents.Generate(content, end, configuration.GetValue(DemoEvents.CountSetting, DemoEvents.DefaultCount));
            await using var scope = scopes.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<CurrentActor>().ActAsOperator(AuditActor.System("demo set-up"), content.Workspace.Id);
            var ws = new CurrentWorkspace(content.Workspace.Id, content.Workspace.Key, content.Workspace.Name);
            var stored = await DemoEvents.StoreAsync(scope.ServiceProvider.GetRequiredService<Features.Work>(), ws, events, stoppingToken);
            log.LogInformation("Gave the demo workspace '{Key}' a year of {Events:N0} interaction events in {Seconds:F1} s",
                ws.Key, stored, clock.Elapsed.TotalSeconds);
            _done.TrySetResult(stored);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            _done.TrySetCanceled(stoppingToken);
        }
        catch (Exception e)
        {
            log.LogError(e, "Giving the demo workspace its events failed; it works without them");
            _done.TrySetException(e);
        }
    }

    private Task WhenListeningAsync(CancellationToken ct)
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lifetime.ApplicationStarted.Register(() => started.TrySetResult());
        return started.Task.WaitAsync(ct);
    }
}
