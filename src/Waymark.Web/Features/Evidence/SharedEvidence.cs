using Waymark.Storage;
using Waymark.Storage.Scores;
using Waymark.Web.Infrastructure;
using Waymark.Web.Live;

namespace Waymark.Web.Features.Evidence;

/// <summary>
/// The evidence from events, worked out once per map, period and state of the workspace (its stamp, which moves with a
/// changed map or inventory, and the events that arrived, <see cref="EventArrivals.Generation"/>) and shared by every
/// page and API read that asks for the same: 200 open pages of one map hold one copy, computed once after new events.
/// Kept at most <see cref="Kept"/>, so events stored by another process that tells nobody (a command-line ingest
/// on SQLite) are seen within a minute.
/// </summary>
public sealed class SharedEvidence(EventAnalytics analytics, EventArrivals arrivals, IServiceScopeFactory scopes, TimeProvider time)
{
    public static readonly TimeSpan Kept = TimeSpan.FromMinutes(1);
    /// <summary>How many answers are kept at most; the oldest goes first.</summary>
    public const int Capacity = 64;

    private sealed record Question(Guid Workspace, Guid? Journey, DateOnly From, DateOnly To);

    private sealed record Entry(Question Question, Guid Stamp, long Generation, DateTimeOffset At, Lazy<Task<Evidence>> Evidence);

    private readonly Lock _gate = new();
    private readonly Dictionary<Question, Entry> _kept = [];

    /// <summary>The evidence of the period, held against the map <paramref name="journey"/> when given (unknown: 404).</summary>
    public async Task<Evidence> OfAsync(CurrentWorkspace ws, Guid? journey, DateOnly from, DateOnly to, CancellationToken ct = default)
    {
        // Read before the stamp and the events: events arriving meanwhile only make the next question read again.
        var generation = arrivals.Generation(ws.Id);
        Guid stamp;
        await using (var scope = scopes.CreateAsyncScope())
            stamp = await WorkspaceStamp.OfAsync(scope.ServiceProvider.GetRequiredService<WaymarkDb>(), ws.Id, ct) ?? Guid.Empty;
        var question = new Question(ws.Id, journey, from, to);
        Entry entry;
        lock (_gate)
        {
            var now = time.GetUtcNow();
            if (!_kept.TryGetValue(question, out var kept) || kept.Stamp != stamp || kept.Generation != generation || now - kept.At > Kept)
            {
                kept = new Entry(question, stamp, generation, now, new(() => WorkOutAsync(ws, question)));
                _kept[question] = kept;
                if (_kept.Count > Capacity) _kept.Remove(_kept.Values.MinBy(e => e.At)!.Question);
            }
            entry = kept;
        }
        try
        {
            return await entry.Evidence.Value.WaitAsync(ct);
        }
        catch (Exception) when (!ct.IsCancellationRequested)
        {
            // A failed answer (a map deleted meanwhile) is not kept: the next question tries again.
            lock (_gate)
            {
                if (_kept.TryGetValue(question, out var kept) && kept == entry) _kept.Remove(question);
            }
            throw;
        }
    }

    private async Task<Evidence> WorkOutAsync(CurrentWorkspace ws, Question question)
    {
        // Its own context: the answer is shared, so it must not end with the page or request that happened to ask first.
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WaymarkDb>();
        var analysis = await analytics.AnalyseAsync(db, ws, new EventQuestion { From = question.From, To = question.To, Journey = question.Journey }, CancellationToken.None);
        return await JourneyEvidences.FromAsync(db, ws, analysis, CancellationToken.None);
    }
}
