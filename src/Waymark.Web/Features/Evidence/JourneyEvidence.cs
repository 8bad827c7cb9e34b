using Microsoft.EntityFrameworkCore;
using Waymark.Analytics.Metrics;
using Waymark.Domain.Common;
using Waymark.Storage;
using Waymark.Web.Features.Journeys;
using Waymark.Web.Infrastructure;

namespace Waymark.Web.Features.Evidence;

/// <summary>
/// How real journeys met a step of the map in the period: journeys that reached it (did one of its touchpoints), of those
/// in the map's order or out of it, journeys that skipped it, the median wait before it (from the customer's previous
/// touchpoint) and the journeys that ended at it (drop-off after it).
/// </summary>
public sealed record StepEvidence(
    Guid StepId, string Stage, string Step, long Reached, long InOrder, long OutOfOrder, long Skipped, double? MedianWaitSeconds, long DropOff);

/// <summary>
/// A touchpoint of the map in the events of the period: how many events it had, and the channel customers most often
/// went on to in another channel right after it, with how many times they did.
/// </summary>
public sealed record TouchpointEvidence(Guid TouchpointId, string Touchpoint, string EventKey, long Events, string? NextChannel, long NextChannelCount);

/// <summary>A touchpoint key that events use but no touchpoint of the inventory has (as its event key, or its name when it has none).</summary>
public sealed record DiscoveredTouchpoint(string EventKey, long Events);

/// <summary>
/// What a map's evidence lane shows for a period: the real journeys of the period held against the map, per step and per
/// touchpoint, and how fresh the events are. <see cref="Journeys"/> and <see cref="Events"/> count the whole period.
/// </summary>
public sealed record JourneyEvidence(
    Guid JourneyId, DateOnly From, DateOnly To, DateTime? LastEventAt, long Journeys, long Events, double? FollowTheMap,
    IReadOnlyList<StepEvidence> Steps, IReadOnlyList<TouchpointEvidence> Touchpoints)
{
    public StepEvidence? Step(Guid stepId) => Steps.FirstOrDefault(s => s.StepId == stepId);
}

/// <summary>The evidence of a period, worked out once from one analysis: the map's (when a map was asked about) and the touchpoints not yet in the inventory.</summary>
public sealed record Evidence(DateOnly From, DateOnly To, DateTime? LastEventAt, long Journeys, long Events, JourneyEvidence? Journey, IReadOnlyList<DiscoveredTouchpoint> Discovered)
{
    /// <summary>Whether the workspace has stored any event at all (the newest is known).</summary>
    public bool HasEvents => LastEventAt is not null;
}

public static class JourneyEvidences
{
    /// <summary>The longest period asked about at once: ten years.</summary>
    public const int MaxDays = 3660;

    /// <summary>
    /// The period asked for through the API: from <paramref name="from"/> to <paramref name="to"/>, both UTC days and
    /// included; left out, the last <see cref="EvidenceWords.DefaultDays"/> days up to <paramref name="today"/>, as on the
    /// map page. A refusal names the field.
    /// </summary>
    public static (DateOnly From, DateOnly To) Period(DateOnly? from, DateOnly? to, DateOnly today)
    {
        var t = to ?? (from is { } start && start > today ? start : today);
        var f = from ?? t.AddDays(1 - EvidenceWords.DefaultDays);
        var earliest = new DateOnly(1950, 1, 1);
        var latest = new DateOnly(2100, 12, 31);
        if (f < earliest || f > latest) throw new DomainRuleException("from", "The first day must lie between 1 January 1950 and 31 December 2100.");
        if (t < earliest || t > latest) throw new DomainRuleException("to", "The last day must lie between 1 January 1950 and 31 December 2100.");
        if (t < f) throw new DomainRuleException("to", "The last day (to) comes before the first day (from).");
        if (t.DayNumber - f.DayNumber + 1 > MaxDays) throw new DomainRuleException("to", $"A period can be at most {MaxDays:N0} days long.");
        return (f, t);
    }

    /// <summary>
    /// Works out the evidence from an analysis of the period (held against the map when it names one): the step checks
    /// of the real-journeys page (<see cref="RealJourneys.Steps"/>), waits, drop-offs and channel switches per step and
    /// touchpoint, and the touchpoint keys of the events that the inventory does not know.
    /// </summary>
    public static async Task<Evidence> FromAsync(WaymarkDb db, CurrentWorkspace ws, EventAnalysis analysis, CancellationToken ct)
    {
        var inventory = await db.Touchpoints.AsNoTracking().Where(t => t.WorkspaceId == ws.Id)
            .Join(db.Channels.AsNoTracking(), t => t.ChannelId, c => c.Id, (t, c) => new { t.Id, t.Name, t.EventKey, Channel = c.Name })
            .ToListAsync(ct);
        var keyOf = inventory.ToDictionary(t => t.Id, t => string.IsNullOrEmpty(t.EventKey) ? t.Name : t.EventKey);
        var channelOfKey = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var t in inventory) channelOfKey.TryAdd(keyOf[t.Id], t.Channel);
        var report = analysis.Report;
        var discovered = report.Activities.Where(a => !channelOfKey.ContainsKey(a.Name))
            .OrderByDescending(a => a.Count).ThenBy(a => a.Name, StringComparer.Ordinal)
            .Select(a => new DiscoveredTouchpoint(a.Name, a.Count)).ToList();
        var question = analysis.Question;
        JourneyEvidence? journey = null;
        if (question.Journey is { } journeyId && analysis.Map is { } map)
        {
            var mapped = await db.Journeys.AsNoTracking().Include(j => j.Stages).ThenInclude(s => s.Steps).AsSplitQuery()
                .FindInAsync(ws, journeyId, "journey", ct);
            var steps = mapped.OrderedSteps.ToList();
            // The checker keeps the steps with a touchpoint that still exists, in map order: its i-th is the i-th of these.
            var checkedSteps = steps
                .Select(s => (s.Id, Keys: s.TouchpointIds.Where(keyOf.ContainsKey).Select(id => keyOf[id]).Distinct(StringComparer.Ordinal).ToList()))
                .Where(s => s.Keys.Count > 0).ToList();
            var checks = RealJourneys.Steps(map, report);
            var activities = report.Activities.ToDictionary(a => a.Name, a => a.Count, StringComparer.Ordinal);
            var ends = report.EndActivities.ToDictionary(a => a.Name, a => a.Count, StringComparer.Ordinal);
            var stepEvidence = checks.Zip(checkedSteps, (check, step) => new StepEvidence(step.Id, check.Stage, check.Step,
                check.InOrder + check.OutOfOrder, check.InOrder, check.OutOfOrder, check.Skipped,
                WaitBefore(report.Dfg, check.Touchpoints), check.Touchpoints.Sum(k => ends.GetValueOrDefault(k)))).ToList();
            var used = steps.SelectMany(s => s.TouchpointIds).Distinct().Where(keyOf.ContainsKey).ToHashSet();
            var touchpoints = inventory.Where(t => used.Contains(t.Id)).Select(t =>
            {
                var key = keyOf[t.Id];
                var (next, count) = NextChannel(report.Dfg, key, t.Channel, channelOfKey);
                return new TouchpointEvidence(t.Id, t.Name, key, activities.GetValueOrDefault(key), next, count);
            }).ToList();
            var conformance = report.Conformance;
            journey = new JourneyEvidence(journeyId, question.From, question.To, analysis.LastEventAt, report.Cases, report.Events,
                conformance is { Journeys: > 0 } ? conformance.ConformanceRate : null, stepEvidence, touchpoints);
        }
        return new Evidence(question.From, question.To, analysis.LastEventAt, report.Cases, report.Events, journey, discovered);
    }

    /// <summary>
    /// The median time from the customer's previous touchpoint to one of the step's: the medians of the directly-follows
    /// edges into the step from outside it, weighted by how often each was taken. Null when no journey came to the step
    /// from another touchpoint.
    /// </summary>
    private static double? WaitBefore(IReadOnlyList<DfgEdge> dfg, IReadOnlyList<string> keys)
    {
        var edges = dfg.Where(e => keys.Contains(e.To, StringComparer.Ordinal) && !keys.Contains(e.From, StringComparer.Ordinal))
            .OrderBy(e => e.MedianSeconds).ToList();
        var total = edges.Sum(e => e.Count);
        if (total == 0) return null;
        var seen = 0L;
        foreach (var edge in edges)
        {
            seen += edge.Count;
            if (seen * 2 >= total) return edge.MedianSeconds;
        }
        return edges[^1].MedianSeconds;
    }

    /// <summary>The other channel customers went to most often right after the touchpoint (as far as the inventory says which channel a touchpoint is in).</summary>
    private static (string? Channel, long Count) NextChannel(IReadOnlyList<DfgEdge> dfg, string key, string channel, IReadOnlyDictionary<string, string> channelOfKey)
    {
        var best = dfg.Where(e => e.From == key && channelOfKey.TryGetValue(e.To, out var to) && !string.Equals(to, channel, StringComparison.OrdinalIgnoreCase))
            .GroupBy(e => channelOfKey[e.To], StringComparer.OrdinalIgnoreCase)
            .Select(g => (Channel: g.Key, Count: g.Sum(e => e.Count)))
            .OrderByDescending(g => g.Count).ThenBy(g => g.Channel, StringComparer.Ordinal)
            .FirstOrDefault();
        return best.Count == 0 ? (null, 0) : best;
    }
}
