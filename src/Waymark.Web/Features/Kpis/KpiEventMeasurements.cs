using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Waymark.Analytics.Metrics;
using Waymark.Analytics.Model;
using Waymark.Domain.Common;
using Waymark.Domain.Events;
using Waymark.Domain.Kpis;
using Waymark.Storage.Interactions;
using Waymark.Web.Features.Evidence;
using Waymark.Web.Infrastructure;

namespace Waymark.Web.Features.Kpis;

/// <summary>
/// Computes the measurements of KPIs bound to an event measure, one per period (day, week or month), from the
/// workspace's stored events: the journey analytics report of the period (<see cref="EventAnalytics"/>), or, for what
/// the report does not give (the share reaching a touchpoint, drop-off, the time between two touchpoints), the period's
/// journeys read from the events. A computed measurement is stamped at the start of its period with the source
/// <see cref="MeasurementSource.Events"/>; computing a period again corrects that one measurement. A measurement of any
/// other source in the same period (typed by hand, sent through the API, imported) is never touched: both are kept and
/// the KPI chart shows them apart. A period with nothing to measure (no events, or none of what the measure
/// needs, such as scores) gets no computed measurement, and loses one computed before: a feed that stopped is not a
/// period without customers. The journeys are the analytics' own: those that start in the period, with all their events.
/// </summary>
public static class KpiEventMeasurements
{
    /// <summary>
    /// Recomputes the periods whose journeys events of <paramref name="days"/> may change for every bound KPI of the workspace, or for the KPIs named
    /// in <paramref name="kpiIds"/>; with no days, the whole history from the first stored event to today. With
    /// <paramref name="replace"/> (a new or changed binding, which may have another grain or measure) every measurement
    /// computed before goes first; without it, those of periods before the first stored event stay (their events may have
    /// passed the workspace's retention). Returns how many measurements were written or removed.
    /// </summary>
    public static async Task<int> RecomputeAsync(Work work, EventAnalytics analytics, CurrentWorkspace ws, IReadOnlyCollection<DateOnly>? days,
        IReadOnlyCollection<Guid>? kpiIds, bool replace, CancellationToken ct)
    {
        var db = work.Db;
        var query = db.Kpis.Where(k => k.WorkspaceId == ws.Id && k.BoundMeasure != null);
        if (kpiIds is not null) query = query.Where(k => kpiIds.Contains(k.Id));
        var maps = await db.Journeys.AsNoTracking().Where(j => j.WorkspaceId == ws.Id).Select(j => j.Id).ToListAsync(ct);
        var kpis = (await query.ToListAsync(ct)).Where(k => k.Binding is { } b && (b.JourneyId is not { } map || maps.Contains(map))).ToList();
        if (kpis.Count == 0) return 0;
        var history = days is null ? await HistoryAsync(db, ws, work.Clock, ct) : null;
        days = days is null ? null : Touched(days);
        // No events at all: what was computed before has nothing left to stand on.
        if (days is null && history is null && replace) return await ForgetComputedAsync(work, ws, kpis, ct);
        if (days is null && history is null) return 0;
        var reports = new Dictionary<EventQuestion, EventAnalysis>();
        var months = new Dictionary<(DateOnly, string?), CustomerJourneys>();
        var written = 0;
        foreach (var kpi in kpis)
        {
            var binding = kpi.Binding!;
            var periods = binding.PeriodsOf(days ?? Days(history!.Value.First, history.Value.Last));
            if (periods.Count == 0) continue;
            var computedQuery = db.KpiMeasurements.Where(m => m.KpiId == kpi.Id && m.Source == MeasurementSource.Events);
            if (days is not null || !replace)
            {
                var (first, last) = (At(periods[0].From), At(periods[^1].From));
                computedQuery = computedQuery.Where(m => m.MeasuredAt >= first && m.MeasuredAt <= last);
            }
            var computed = await computedQuery.ToListAsync(ct);
            var kept = new Dictionary<DateTimeOffset, KpiMeasurement>();
            foreach (var m in computed)
                if ((days is null && replace) || !kept.TryAdd(m.MeasuredAt, m)) { db.KpiMeasurements.Remove(m); written++; }
            foreach (var (from, to) in periods)
            {
                var question = new EventQuestion { From = from, To = to, Channel = binding.Channel, Journey = binding.JourneyId };
                if (!reports.TryGetValue(question, out var analysis))
                    reports[question] = analysis = await analytics.AnalyseAsync(db, ws, question, ct);
                var value = await ValueAsync(kpi, binding, analysis.Report, () => JourneysAsync(db, ws, months, from, to, binding.Channel, ct));
                var at = At(from);
                kept.Remove(at, out var existing);
                if (value is { } v && kpi.Allows(v))
                {
                    var note = $"From {Count.Of((int)Math.Min(analysis.Report.Events, int.MaxValue), "event")}, {binding.PeriodName(from)}";
                    if (existing is null) db.KpiMeasurements.Add(kpi.Measure(v, at, MeasurementSource.Events, note));
                    else kpi.Correct(existing, v, at, note);
                }
                else if (existing is not null) db.KpiMeasurements.Remove(existing);
                else continue;
                written++;
            }
        }
        await work.SaveAsync(ct);
        return written;
    }

    private static async Task<int> ForgetComputedAsync(Work work, CurrentWorkspace ws, List<Kpi> kpis, CancellationToken ct)
    {
        var ids = kpis.Select(k => k.Id).ToList();
        var stale = await work.Db.KpiMeasurements.Where(m => m.WorkspaceId == ws.Id && m.Source == MeasurementSource.Events && ids.Contains(m.KpiId))
            .ToListAsync(ct);
        work.Db.KpiMeasurements.RemoveRange(stale);
        await work.SaveAsync(ct);
        return stale.Count;
    }

    /// <summary>The value of one period, in the KPI's unit; null when the period has nothing to measure.</summary>
    private static async Task<double?> ValueAsync(Kpi kpi, KpiEventBinding b, AnalysisReport r, Func<Task<PeriodJourneys>> journeys)
    {
        var tp = b.Touchpoint;
        var scores = tp is null ? null : r.Kpis.ByTouchpoint.FirstOrDefault(t => t.Touchpoint == tp);
        return b.Measure switch
        {
            _ when r.Events == 0 => null,
            EventMeasure.JourneysStarted => r.Cases,
            EventMeasure.Conversion => (await journeys()).ShareReaching(tp!),
            EventMeasure.DropOff => (await journeys()).DropOffAt(tp!),
            EventMeasure.FirstContactResolution => Percent(r.Kpis.FirstContactResolution.Rate),
            EventMeasure.RepeatContactRate => Percent(r.RepeatContacts.Rate),
            EventMeasure.ChannelSwitchRate => r.Cases == 0 ? null : Percent(r.ChannelSwitches.SwitchRate),
            EventMeasure.MedianTimeBetween => InUnit((await journeys()).MedianSecondsBetween(tp!, b.ToTouchpoint!)),
            EventMeasure.AverageHandlingTime => InUnit(Mean(Rows(r, tp), row => (row.HandlingCount, row.MeanHandlingSeconds))),
            EventMeasure.AverageWaitingTime => InUnit(Mean(Rows(r, tp), row => (row.WaitingCount, row.MeanWaitingSeconds))),
            EventMeasure.Nps => tp is null ? r.Kpis.Nps?.Score : scores?.Nps?.Score,
            EventMeasure.Csat => tp is null ? r.Kpis.Csat?.Mean : scores?.Csat?.Mean,
            EventMeasure.Ces => tp is null ? r.Kpis.Ces?.Mean : scores?.Ces?.Mean,
            EventMeasure.MapConformance => r.Conformance is { Journeys: > 0 } c ? Percent(c.ConformanceRate) : null,
            _ => null,
        };

        double? InUnit(double? seconds) => seconds is { } s ? KpiEventBinding.InUnit(s, kpi.Unit) : null;
    }

    private static IEnumerable<TimeRow> Rows(AnalysisReport r, string? touchpoint) =>
        touchpoint is null ? r.Times.ByChannel : r.Times.ByTouchpoint.Where(t => t.Name == touchpoint);

    /// <summary>The mean over all rows, each weighted by how many events it had the time for.</summary>
    private static double? Mean(IEnumerable<TimeRow> rows, Func<TimeRow, (long Count, double? Mean)> of)
    {
        var (sum, count) = (0.0, 0L);
        foreach (var row in rows)
            if (of(row) is ({ } n and > 0, { } mean)) (sum, count) = (sum + mean * n, count + n);
        return count == 0 ? null : sum / count;
    }

    private static double? Percent(double? share) => share is { } s ? Math.Round(s * 100, 4) : null;

    /// <summary>
    /// The journeys that start in the period, by the analytics' journey rule (<see cref="StoredJourneys"/>): each read
    /// whole from its month, so a week across a month's end holds the journeys that start in its days, each ending at
    /// the latest with its own month, as the analytics report of that week counts them. A month is read once per recomputation.
    /// </summary>
    private static async Task<PeriodJourneys> JourneysAsync(Storage.WaymarkDb db, CurrentWorkspace ws,
        Dictionary<(DateOnly, string?), CustomerJourneys> months, DateOnly from, DateOnly to, string? channel, CancellationToken ct)
    {
        var counting = EventAnalytics.Variant.Of(channel, null, null, ServiceContactDefinition.Default);
        var journeys = new List<StoredJourney>();
        for (var month = StoredJourneys.MonthStart(from); month <= to; month = month.AddMonths(1))
        {
            if (!months.TryGetValue((month, counting.Channel), out var read))
                months[(month, counting.Channel)] = read = await StoredJourneys.ReadMonthAsync(EventStore.For(db), ws.Id, month, counting, ct);
            journeys.AddRange(read.Journeys(from, to));
        }
        return new PeriodJourneys(journeys);
    }

    /// <summary>The days from the first stored event to today (or the last event, if later); null when there are none.</summary>
    private static async Task<(DateOnly First, DateOnly Last)?> HistoryAsync(Storage.WaymarkDb db, CurrentWorkspace ws, TimeProvider clock, CancellationToken ct)
    {
        var store = EventStore.For(db);
        DateTime? first = null;
        await foreach (var e in store.ReadAsync(ws.Id, Start(Guard.EarliestDate), Start(Guard.LatestDate.AddDays(1)), ct))
        {
            first = e.At;
            break;
        }
        if (first is null) return null;
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var last = today;
        // Events stamped after today (a clock ahead, planned appointments) count too.
        await foreach (var e in store.ReadAsync(ws.Id, Start(today.AddDays(1)), Start(Guard.LatestDate.AddDays(1)), ct))
            last = DateOnly.FromDateTime(e.At);
        var start = DateOnly.FromDateTime(first.Value);
        return (start, last < start ? start : last);
    }

    /// <summary>
    /// The days whose journeys events of <paramref name="days"/> may change (<see cref="CustomerJourneys.DaysDecidedBy"/>):
    /// an event joins a journey that started earlier in its month, and may make a customer's events of up to the journey
    /// gap later no longer start one.
    /// </summary>
    private static HashSet<DateOnly> Touched(IEnumerable<DateOnly> days)
    {
        var touched = new HashSet<DateOnly>();
        foreach (var day in days)
        {
            var (first, last) = CustomerJourneys.DaysDecidedBy(day);
            for (var d = first; d <= last; d = d.AddDays(1)) touched.Add(d);
        }
        return touched;
    }

    private static IEnumerable<DateOnly> Days(DateOnly first, DateOnly last)
    {
        for (var d = first; d <= last; d = d.AddDays(1)) yield return d;
    }

    private static DateTimeOffset At(DateOnly day) => new(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

    private static DateTime Start(DateOnly day) => day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
}

/// <summary>The measures over a period's journeys that the analytics report does not give.</summary>
internal sealed class PeriodJourneys(IReadOnlyList<StoredJourney> journeys)
{
    private readonly List<IReadOnlyList<JourneyStep>> _journeys = journeys.Select(j => j.Steps).ToList();

    /// <summary>Share (%) of journeys with an event at the touchpoint.</summary>
    public double? ShareReaching(string touchpoint) =>
        _journeys.Count == 0 ? null : 100.0 * _journeys.Count(j => j.Any(e => e.Touchpoint == touchpoint)) / _journeys.Count;

    /// <summary>Share (%) of the journeys reaching the touchpoint whose last event is there: they went no further.</summary>
    public double? DropOffAt(string touchpoint)
    {
        var reaching = _journeys.Where(j => j.Any(e => e.Touchpoint == touchpoint)).ToList();
        return reaching.Count == 0 ? null : 100.0 * reaching.Count(j => j[^1].Touchpoint == touchpoint) / reaching.Count;
    }

    /// <summary>The median, over journeys that have both, of the time from the first event at one touchpoint to the next event at the other.</summary>
    public double? MedianSecondsBetween(string from, string to)
    {
        var times = new List<double>();
        foreach (var journey in _journeys)
        {
            var start = IndexOf(journey, from, 0);
            if (start < 0) continue;
            var end = IndexOf(journey, to, start + 1);
            if (end >= 0) times.Add((journey[end].At - journey[start].At).TotalSeconds);
        }
        if (times.Count == 0) return null;
        times.Sort();
        var mid = times.Count / 2;
        return times.Count % 2 == 1 ? times[mid] : (times[mid - 1] + times[mid]) / 2;
    }

    private static int IndexOf(IReadOnlyList<JourneyStep> journey, string touchpoint, int start)
    {
        for (var i = start; i < journey.Count; i++)
            if (journey[i].Touchpoint == touchpoint) return i;
        return -1;
    }
}
