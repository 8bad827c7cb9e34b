using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Waymark.Analytics.Conformance;
using Waymark.Analytics.Metrics;
using Waymark.Analytics.Model;
using Waymark.Domain.Events;
using Waymark.Storage;
using Waymark.Storage.Interactions;
using Waymark.Web.Features.Journeys;
using Waymark.Web.Infrastructure;
using Waymark.Web.Live;

namespace Waymark.Web.Features.Evidence;

/// <summary>
/// A question to a workspace's stored interaction events: a period of whole UTC days, <see cref="From"/> to
/// <see cref="To"/> inclusive, and optional filters (a channel, a persona as the events' <c>persona</c> attribute names it,
/// a journey map to hold the real journeys against).
/// </summary>
public sealed record EventQuestion
{
    public required DateOnly From { get; init; }
    public required DateOnly To { get; init; }
    public string? Channel { get; init; }
    public string? Persona { get; init; }
    public Guid? Journey { get; init; }
}

/// <summary>The answer: the same report as <c>waymark analyze --json</c>, the map it was held against, and how fresh the evidence is.</summary>
public sealed record EventAnalysis(EventQuestion Question, AnalysisReport Report, DesignedJourney? Map, DateTime? LastEventAt);

/// <summary>
/// Journey analytics over the events a workspace has stored. Everything that shows evidence from events — the analytics
/// endpoint and page, the map's evidence lane, KPIs computed from events — asks here.
/// <para>
/// A journey is a customer's events that follow each other with no gap longer than <see cref="JourneyGap"/>, and it ends
/// at the latest at the end of the UTC calendar month it started in; it belongs to the UTC day of its first event, and a
/// period's report counts the journeys that start in it, with all their events (decision 0008). So each day's journeys
/// are analysed once into a mergeable partial result, kept in the database per workspace, day and question (variant),
/// and a period's report is the merge of its days. A day's partial depends only on the events of its month from seven
/// days before it on; it stays valid while none of those days has changed (the store counts changes per day), so new,
/// late or erased events make only the days they can touch be worked out again.
/// </para>
/// </summary>
public sealed class EventAnalytics : IDisposable
{
    /// <summary>A customer's events more than this apart belong to two journeys.</summary>
    public static readonly TimeSpan JourneyGap = CustomerJourneys.Gap;

    /// <summary>Merged reports, by workspace, question, period and the change counts of the months they read.</summary>
    private readonly MemoryCache _reports = new(new MemoryCacheOptions { SizeLimit = 256 });
    /// <summary>One computation at a time per workspace and question: a request and the background do not both work a month out.</summary>
    private readonly ConcurrentDictionary<(Guid, string), SemaphoreSlim> _working = new();
    private readonly Channel<Guid> _changed = Channel.CreateUnbounded<Guid>(new UnboundedChannelOptions { SingleReader = true });
    private readonly EventChanges _changes;

    /// <summary>Listens to the one announcement of changed events (<see cref="EventChanges"/>), from this process or another.</summary>
    public EventAnalytics(EventChanges changes)
    {
        _changes = changes;
        _changes.Changed += OnEventsChanged;
    }

    /// <summary>Workspaces whose events changed, for <see cref="EventAnalyticsRefresh"/> to bring their kept results up to date.</summary>
    internal ChannelReader<Guid> Changed => _changed.Reader;

    /// <summary>The workspace's events changed (a batch, an erasure, retention): its plain results are worked out again soon, in the background.</summary>
    private Task OnEventsChanged(EventsArrived change)
    {
        EventsChanged(change.WorkspaceId);
        return Task.CompletedTask;
    }

    internal void EventsChanged(Guid workspaceId) => _changed.Writer.TryWrite(workspaceId);

    /// <summary>
    /// The workspace's definition of service contacts, which first-contact resolution and repeat contacts count with.
    /// The one place it is looked up: results of different definitions are kept apart and never merged.
    /// </summary>
    internal static async Task<ServiceContactDefinition> ServiceContactsAsync(WaymarkDb db, CurrentWorkspace ws, CancellationToken ct)
    {
        var setting = await db.ServiceContactSettings.AsNoTracking().FirstOrDefaultAsync(s => s.WorkspaceId == ws.Id, ct);
        return setting is null ? ServiceContactDefinition.Default : new ServiceContactDefinition
        {
            Touchpoints = setting.Touchpoints,
            Channels = setting.Channels,
            ResolvedOutcomes = setting.ResolvedOutcomes,
            UnresolvedOutcomes = setting.UnresolvedOutcomes,
        };
    }

    public async Task<EventAnalysis> AnalyseAsync(WaymarkDb db, CurrentWorkspace ws, EventQuestion question, CancellationToken ct)
    {
        if (question.To < question.From) throw new ArgumentException("The period ends before it starts.", nameof(question));
        var (map, variant) = await VariantOfAsync(db, ws, question, ct);
        var store = EventStore.For(db);
        var last = await store.LastEventAtAsync(ws.Id, ct);
        var (first, end) = (MonthStart(question.From), MonthStart(question.To).AddMonths(1).AddDays(-1));
        var changes = await store.DayChangesAsync(ws.Id, first, end, ct);
        var key = (ws.Id, variant.Key, question.From, question.To, changes.Values.Sum());
        if (_reports.TryGetValue(key, out AnalysisReport? known)) return new EventAnalysis(question, known!, map, last);

        var days = await DaysAsync(db, ws.Id, variant, first, end, changes, question.From, question.To, ct);
        var report = await Task.Run(() =>
        {
            using var merged = JourneyAnalyzer.AnalyzePartial(new EventLogBuilder().Build(), variant.Options);
            // A merged day's buffers move into the merged partial, which frees them all.
            foreach (var bytes in days) merged.Merge(PartialResult.FromBytes(bytes));
            return JourneyAnalyzer.ToReport(merged);
        }, ct);
        _reports.Set(key, report, new MemoryCacheEntryOptions { Size = 1, SlidingExpiration = TimeSpan.FromMinutes(10) });
        return new EventAnalysis(question, report, map, last);
    }

    /// <summary>
    /// The same report worked out straight from the stored events, keeping nothing: the journeys that start in the period,
    /// each read whole from its month, analysed month by month. Kept results merged must always equal it (tests and benchmarks compare the two).
    /// </summary>
    public async Task<EventAnalysis> AnalyseDirectlyAsync(WaymarkDb db, CurrentWorkspace ws, EventQuestion question, CancellationToken ct)
    {
        var (map, variant) = await VariantOfAsync(db, ws, question, ct);
        var store = EventStore.For(db);
        // Month by month: the engine cuts journeys at the gap only, and none reaches into the next month.
        using var merged = JourneyAnalyzer.AnalyzePartial(new EventLogBuilder().Build(), variant.Options);
        for (var month = MonthStart(question.From); month <= question.To; month = month.AddMonths(1))
        {
            var events = await StoredJourneys.ReadMonthAsync(store, ws.Id, month, variant, ct);
            var builder = new EventLogBuilder();
            foreach (var (day, journey) in events.Segments())
                if (day >= question.From && day <= question.To)
                    foreach (var i in journey) events.AddTo(builder, i);
            var log = builder.Build();
            merged.Merge(await Task.Run(() => JourneyAnalyzer.AnalyzePartial(log, variant.Options), ct));
        }
        var report = JourneyAnalyzer.ToReport(merged);
        return new EventAnalysis(question, report, map, await store.LastEventAtAsync(ws.Id, ct));
    }

    /// <summary>
    /// Brings the kept results of the workspace's plain question (no filter, no map) up to date for every month whose
    /// events changed since they were worked out; run in the background after events arrive.
    /// </summary>
    public async Task<int> RefreshAsync(WaymarkDb db, CurrentWorkspace ws, CancellationToken ct)
    {
        var (_, variant) = await VariantOfAsync(db, ws, new EventQuestion { From = DateOnly.MinValue, To = DateOnly.MinValue }, ct);
        var store = EventStore.For(db);
        var changes = await store.DayChangesAsync(ws.Id, DateOnly.MinValue, DateOnly.MaxValue, ct);
        var kept = (await store.ReadPartialsAsync(ws.Id, variant.Key, DateOnly.MinValue, DateOnly.MaxValue, withData: false, ct)).ToDictionary(k => k.Day, k => k.Basis);
        var worked = 0;
        foreach (var month in changes.Keys.Select(MonthStart).Distinct().Order())
        {
            var end = month.AddMonths(1).AddDays(-1);
            if (Enumerable.Range(0, end.DayNumber - month.DayNumber + 1).Select(month.AddDays)
                .All(day => kept.TryGetValue(day, out var basis) && basis == Basis(day, changes))) continue;
            await DaysAsync(db, ws.Id, variant, month, end, changes, month, end, ct);
            worked++;
        }
        return worked;
    }

    /// <summary>
    /// The kept results (bytes) of the days <paramref name="from"/> to <paramref name="to"/> with journeys; days whose
    /// result is missing or older than a change it depends on are worked out again — with every other such day of their
    /// months, since the month's events are read anyway — and kept.
    /// </summary>
    private async Task<List<byte[]>> DaysAsync(WaymarkDb db, Guid workspaceId, Variant variant, DateOnly first, DateOnly end,
        IReadOnlyDictionary<DateOnly, long> changes, DateOnly from, DateOnly to, CancellationToken ct)
    {
        var store = EventStore.For(db);
        var gate = _working.GetOrAdd((workspaceId, variant.Key), _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(ct);
        try
        {
            var kept = (await store.ReadPartialsAsync(workspaceId, variant.Key, first, end, withData: true, ct)).ToDictionary(k => k.Day);
            var stale = Enumerable.Range(0, end.DayNumber - first.DayNumber + 1).Select(first.AddDays)
                .Where(day => !kept.TryGetValue(day, out var k) || k.Basis != Basis(day, changes)).ToHashSet();
            // A month without a counted change never held an event (every batch counts its days; the migration counted
            // the events stored before it): its days are empty without reading or keeping anything.
            var active = changes.Keys.Select(MonthStart).ToHashSet();
            foreach (var month in stale.Select(MonthStart).Distinct().Where(active.Contains).Order())
            {
                var events = await StoredJourneys.ReadMonthAsync(store, workspaceId, month, variant, ct);
                var days = stale.Where(day => MonthStart(day) == month).ToHashSet();
                var worked = await Task.Run(() => Partials(events, days, day => Basis(day, changes), variant.Options), ct);
                await store.WritePartialsAsync(workspaceId, variant.Key, worked, ct);
                foreach (var k in worked) kept[k.Day] = k;
            }
            return kept.Values.Where(k => k.Day >= from && k.Day <= to && k.Data is not null).OrderBy(k => k.Day).Select(k => k.Data!).ToList();
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>
    /// The change count a day's result depends on: the changes of the days that decide its journeys
    /// (<see cref="CustomerJourneys.DaysDeciding"/>). The counts only grow, so the sum moves whenever one of those days changes.
    /// </summary>
    private static long Basis(DateOnly day, IReadOnlyDictionary<DateOnly, long> changes)
    {
        var (first, last) = CustomerJourneys.DaysDeciding(day);
        long sum = 0;
        for (var d = first; d <= last; d = d.AddDays(1)) sum += changes.GetValueOrDefault(d);
        return sum;
    }

    private static DateOnly MonthStart(DateOnly day) => StoredJourneys.MonthStart(day);

    private static async Task<(DesignedJourney? Map, Variant Variant)> VariantOfAsync(WaymarkDb db, CurrentWorkspace ws, EventQuestion question, CancellationToken ct)
    {
        var map = question.Journey is { } journey ? await DesignedJourneys.OfAsync(db, ws, journey, ct) : null;
        var contacts = await ServiceContactsAsync(db, ws, ct);
        return (map, Variant.Of(question.Channel, question.Persona, map, contacts));
    }

    public void Dispose()
    {
        _changes.Changed -= OnEventsChanged;
        _reports.Dispose();
    }

    /// <summary>
    /// One question's kind of result: which events count (channel, persona), the map held against, the service-contact
    /// definition. Its key names them (the map and the definition by a hash of their content), so results of different
    /// questions are kept apart and a changed map or definition is worked out anew.
    /// </summary>
    internal sealed record Variant(string Key, string? Channel, string? Persona, AnalysisOptions Options)
    {
        /// <summary>Part of the key: a change of how journeys are cut or results are written makes every kept result be worked out again.</summary>
        private const string Rules = "month-cut-7d/1";

        public static Variant Of(string? channel, string? persona, DesignedJourney? map, ServiceContactDefinition contacts)
        {
            channel = string.IsNullOrWhiteSpace(channel) ? null : channel.Trim();
            persona = string.IsNullOrWhiteSpace(persona) ? null : persona.Trim();
            var key = new StringBuilder(Rules);
            if (channel is not null) key.Append("|channel=").Append(channel.ToLowerInvariant());
            if (persona is not null) key.Append("|persona=").Append(persona.ToLowerInvariant());
            if (map is not null) key.Append("|map=").Append(Hash(map.ToJson()));
            if (!contacts.Equals(ServiceContactDefinition.Default)) key.Append("|contacts=").Append(Hash(contacts.Key));
            return new Variant(key.ToString(), channel, persona,
                new AnalysisOptions { InactivityGap = JourneyGap, Journey = map, ServiceContacts = contacts, Parallelism = 1 });
        }

        private static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)), 0, 12);

        public bool Counts(InteractionEvent e) =>
            (Channel is null || string.Equals(e.Channel, Channel, StringComparison.OrdinalIgnoreCase))
            && (Persona is null || string.Equals(PersonaOf(e), Persona, StringComparison.OrdinalIgnoreCase));

        /// <summary>The persona an event names in its attributes, as the analytics filter by it.</summary>
        private static string? PersonaOf(InteractionEvent e)
        {
            if (e.Attributes is null) return null;
            using var json = JsonDocument.Parse(e.Attributes);
            return json.RootElement.ValueKind == JsonValueKind.Object && json.RootElement.TryGetProperty("persona", out var p) ? p.ToString() : null;
        }
    }

    /// <summary>The results of the given days of a month, worked out from the journeys that start on them (null bytes: no journey started).</summary>
    private static List<KeptPartial> Partials(CustomerJourneys journeys, IReadOnlySet<DateOnly> days, Func<DateOnly, long> basis, AnalysisOptions options)
    {
        var builders = new Dictionary<DateOnly, EventLogBuilder>();
        foreach (var (day, journey) in journeys.Segments())
        {
            if (!days.Contains(day)) continue;
            if (!builders.TryGetValue(day, out var builder)) builders[day] = builder = new EventLogBuilder();
            foreach (var i in journey) journeys.AddTo(builder, i);
        }
        var worked = new List<KeptPartial>();
        foreach (var day in days.Order())
        {
            byte[]? bytes = null;
            if (builders.Remove(day, out var builder))
            {
                using var partial = JourneyAnalyzer.AnalyzePartial(builder.Build(), options);
                bytes = partial.ToBytes();
            }
            worked.Add(new KeptPartial(day, basis(day), bytes));
        }
        return worked;
    }
}

/// <summary>
/// Brings the workspaces' plain analytics up to date in the background after their events changed, a few seconds after
/// the last batch (a steady feed at most every half minute, or ten times as long as the last work took), so the first read of a period is a merge.
/// Shortly after start every workspace with events is looked at once: events stored while the server was down (<c>waymark ingest</c>)
/// are worked out too. The command line, which runs no background work, calls <see cref="RunPendingAsync"/> when it is done.
/// </summary>
public sealed class EventAnalyticsRefresh(EventAnalytics analytics, IServiceScopeFactory scopes, ILogger<EventAnalyticsRefresh> log) : BackgroundService
{
    private static readonly TimeSpan Quiet = TimeSpan.FromSeconds(2), Longest = TimeSpan.FromSeconds(30), AfterStart = TimeSpan.FromSeconds(5);

    protected override async Task ExecuteAsync(CancellationToken ct)
    {
        _ = LookAtEveryWorkspaceAsync(ct);
        var reader = analytics.Changed;
        var longest = Longest;
        while (await reader.WaitToReadAsync(ct))
        {
            var pending = new HashSet<Guid>();
            var started = DateTime.UtcNow;
            // Debounced: keep collecting while batches keep coming, but not for ever.
            while (true)
            {
                while (reader.TryRead(out var id)) pending.Add(id);
                if (DateTime.UtcNow - started >= longest) break;
                using var wait = CancellationTokenSource.CreateLinkedTokenSource(ct);
                wait.CancelAfter(Quiet);
                try
                {
                    if (!await reader.WaitToReadAsync(wait.Token)) break;
                }
                catch (OperationCanceledException) when (!ct.IsCancellationRequested)
                {
                    break;
                }
            }
            var watch = System.Diagnostics.Stopwatch.StartNew();
            foreach (var id in pending) await RefreshAsync(id, logWork: true, ct);
            longest = LongestWaitAfter(watch.Elapsed);
        }
    }

    /// <summary>
    /// How long a steady feed of events is collected before its months are worked out again, after work that took this
    /// long: at least <see cref="Longest"/>, and ten times the work, so that however large a month grows the background
    /// spends at most about a tenth of the time on it while the events keep coming. A reader never waits for it: a
    /// period asked for is worked out on the spot when its days changed.
    /// </summary>
    internal static TimeSpan LongestWaitAfter(TimeSpan work) => TimeSpan.FromTicks(Math.Max(Longest.Ticks, work.Ticks * 10));

    /// <summary>
    /// Works out at once the workspaces whose events changed so far: the command line, before it ends, whose output
    /// says what the command did, not this.
    /// </summary>
    public async Task RunPendingAsync(CancellationToken ct)
    {
        var pending = new HashSet<Guid>();
        while (analytics.Changed.TryRead(out var id)) pending.Add(id);
        foreach (var id in pending) await RefreshAsync(id, logWork: false, ct);
    }

    private async Task RefreshAsync(Guid id, bool logWork, CancellationToken ct)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<WaymarkDb>();
            if ((await WorkspacesWithEventsAsync(db, ct)).FirstOrDefault(w => w.Id == id) is not { } workspace) return;
            var watch = System.Diagnostics.Stopwatch.StartNew();
            var months = await analytics.RefreshAsync(db, workspace, ct);
            if (months > 0 && logWork)
                log.LogInformation("Worked out the journey analytics of {Months} month(s) of workspace {Workspace} in {Seconds:F1} s",
                    months, workspace.Key, watch.Elapsed.TotalSeconds);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            log.LogWarning(e, "Working out the kept journey analytics of workspace {Workspace} failed; the next read works them out", id);
        }
    }

    /// <summary>
    /// The workspaces that have stored events, read in SQL beside EF (as the event store reads): background work must not
    /// show up among the commands a request runs.
    /// </summary>
    internal static async Task<List<CurrentWorkspace>> WorkspacesWithEventsAsync(WaymarkDb db, CancellationToken ct)
    {
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var read = db.Database.GetDbConnection().CreateCommand();
            read.CommandText = "SELECT w.\"Id\", w.\"Key\", w.\"Name\" FROM event_workspaces e JOIN workspaces w ON w.\"Id\" = e.workspace_id";
            var found = new List<CurrentWorkspace>();
            await using var rows = await read.ExecuteReaderAsync(ct);
            while (await rows.ReadAsync(ct))
                found.Add(new CurrentWorkspace(rows.GetValue(0) is Guid id ? id : Guid.Parse(rows.GetString(0)), rows.GetString(1), rows.GetString(2)));
            return found;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private async Task LookAtEveryWorkspaceAsync(CancellationToken ct)
    {
        try
        {
            await Task.Delay(AfterStart, ct);
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<WaymarkDb>();
            foreach (var workspace in await WorkspacesWithEventsAsync(db, ct)) analytics.EventsChanged(workspace.Id);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            log.LogWarning(e, "Looking for journey analytics to work out after start failed; reads work them out");
        }
    }
}
