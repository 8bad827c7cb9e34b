using Waymark.Analytics.Metrics;
using Waymark.Analytics.Model;
using Waymark.Domain.Common;
using Waymark.Storage;
using Waymark.Web.Infrastructure;

namespace Waymark.Web.Features.Evidence;

/// <summary>
/// A funnel a person builds from touchpoints in order, over the period's journeys (the same journeys and filters as
/// <see cref="EventAnalytics"/>): how many journeys reached each step after the ones before it, and how many stopped.
/// Counted by the analyzer's own funnel, on a log of just the touchpoints the funnel names.
/// </summary>
public static class EventFunnel
{
    public const int MaxSteps = 12;

    public static async Task<FunnelReport> CountAsync(WaymarkDb db, CurrentWorkspace ws, EventQuestion question, IReadOnlyList<string> steps, CancellationToken ct)
    {
        if (steps.Count is 0 or > MaxSteps) throw new DomainRuleException("steps", $"A funnel has 1 to {MaxSteps} touchpoints in order.");
        var builder = new EventLogBuilder();
        var named = steps.ToHashSet(StringComparer.Ordinal);
        // The journeys are the analytics' own (StoredJourneys); each goes to the analyzer as a case of its own, so that
        // it does not join a journey of the same customer across a month's end. Only the named touchpoints matter to the
        // funnel, so the rest share one name that no step has.
        var other = "\u0001other";
        var journeys = 0;
        await foreach (var journey in StoredJourneys.ReadAsync(db, ws, question, ct))
        {
            var key = $"{journey.Customer}\u0001{journeys++}";
            foreach (var step in journey.Steps) builder.Add(key, step.At, named.Contains(step.Touchpoint) ? step.Touchpoint : other);
        }
        var log = builder.Build();
        var report = await Task.Run(() => JourneyAnalyzer.Analyze(log, new AnalysisOptions
        {
            InactivityGap = EventAnalytics.JourneyGap,
            Metrics = Metric.Funnel,
            Funnel = steps,
        }), ct);
        return report.Funnel ?? new FunnelReport(steps.Select(s => new FunnelStep(s, 0, 0, 0)).ToList());
    }
}
