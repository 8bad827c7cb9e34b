using Microsoft.EntityFrameworkCore;
using Waymark.Domain.Improvements;
using Waymark.Domain.Journeys;
using Waymark.Domain.Kpis;
using Waymark.Domain.Touchpoints;
using Waymark.Storage;
using Waymark.Web.Features.Journeys;
using Waymark.Web.Infrastructure;

namespace Waymark.Web.Features.Office;

/// <summary>A pain point or moment of truth no open action is linked to, with where it sits (stage or channel).</summary>
public sealed record DeckMoment(string Name, string Where, bool IsPainPoint, bool IsMomentOfTruth);

/// <summary>A KPI as the deck shows it: its performance and its latest measurements for the small chart.</summary>
public sealed record DeckKpi(string Name, string Unit, KpiDirection Direction, double? Target, double? BestInClass, KpiPerformance Performance,
    IReadOnlyList<(DateTimeOffset At, double Value)> Series);

/// <summary>An open action by owner and due date.</summary>
public sealed record DeckAction(string Owner, string Title, DateOnly? DueOn, bool IsOverdue, string Status, string Priority);

/// <summary>
/// What a deck for the steering meeting holds: the workspace, the map (when one is chosen), the pain points and moments of
/// truth nobody works on (<see cref="UnaddressedMoments"/>), every KPI against target and best in class, and the open actions
/// by owner and due date. With a map, moments and actions are those of the map: its steps and the touchpoints on it.
/// </summary>
public sealed record DeckContent(string Workspace, DateOnly Today, MapDrawing? Map, IReadOnlyList<DeckMoment> Moments,
    IReadOnlyList<DeckKpi> Kpis, IReadOnlyList<DeckAction> Actions)
{
    /// <summary>How many measurements a KPI's chart shows, the latest ones.</summary>
    public const int ChartPoints = 12;

    public static async Task<DeckContent> LoadAsync(WaymarkDb db, CurrentWorkspace ws, Guid? journeyId, DateOnly today, CancellationToken ct)
    {
        var map = journeyId is { } id ? await MapDrawing.LoadAsync(db, ws, id, today, ct) : null;
        var journeys = await db.Journeys.AsNoTracking().Include(j => j.Stages).ThenInclude(s => s.Steps).AsSplitQuery()
            .Where(j => j.WorkspaceId == ws.Id && (journeyId == null || j.Id == journeyId)).OrderBy(j => j.Name).ToListAsync(ct);
        var onMap = journeyId is null ? null : journeys.SelectMany(j => j.OrderedSteps).SelectMany(s => s.TouchpointIds).ToHashSet();
        var touchpoints = (await db.Touchpoints.AsNoTracking().Where(t => t.WorkspaceId == ws.Id).ToListAsync(ct))
            .Where(t => onMap is null || onMap.Contains(t.Id)).ToList();
        var improvements = await db.Improvements.AsNoTracking().Where(i => i.WorkspaceId == ws.Id).ToListAsync(ct);
        var people = await db.People.AsNoTracking().Where(p => p.WorkspaceId == ws.Id).ToDictionaryAsync(p => p.Id, p => p.Name, ct);
        var channels = await db.Channels.AsNoTracking().Where(c => c.WorkspaceId == ws.Id).ToDictionaryAsync(c => c.Id, c => c.Name, ct);

        return new DeckContent(ws.Name, today, map,
            MomentsOf(touchpoints, journeys, improvements, channels),
            await KpisAsync(db, ws, ct),
            ActionsOf(improvements, journeys, touchpoints, journeyId, people, today));
    }

    private static List<DeckMoment> MomentsOf(List<Touchpoint> touchpoints, List<Journey> journeys, List<Improvement> improvements, Dictionary<Guid, string> channels)
    {
        var stageOf = journeys.SelectMany(j => j.Stages.SelectMany(s => s.Steps.Select(step => (step.Id, Where: journeys.Count == 1 ? s.Name : $"{j.Name} · {s.Name}"))))
            .ToDictionary(x => x.Id, x => x.Where);
        var channelOf = touchpoints.ToDictionary(t => t.Id, t => channels.GetValueOrDefault(t.ChannelId, ""));
        return UnaddressedMoments.Find(touchpoints, journeys, improvements).Items
            .Select(m => new DeckMoment(m.Name, m.Kind == "step" ? $"Step in {stageOf.GetValueOrDefault(m.Id, "")}" : $"Touchpoint · {channelOf.GetValueOrDefault(m.Id, "")}",
                m.IsPainPoint, m.IsMomentOfTruth))
            .OrderBy(m => m.IsPainPoint ? 0 : 1).ToList();
    }

    private static async Task<List<DeckKpi>> KpisAsync(WaymarkDb db, CurrentWorkspace ws, CancellationToken ct)
    {
        var kpis = await db.Kpis.AsNoTracking().Where(k => k.WorkspaceId == ws.Id).OrderBy(k => k.Name).ThenBy(k => k.Id).ToListAsync(ct);
        var measurements = (await db.KpiMeasurements.AsNoTracking().Where(m => m.WorkspaceId == ws.Id).ToListAsync(ct)).ToLookup(m => m.KpiId);
        return kpis.Select(k =>
        {
            var series = measurements[k.Id].OrderBy(m => m.MeasuredAt).ThenBy(m => m.RecordedAt).ThenBy(m => m.Id).TakeLast(ChartPoints)
                .Select(m => (m.MeasuredAt, m.Value)).ToList();
            return new DeckKpi(k.Name, k.Unit, k.Direction, k.Target, k.BestInClass, KpiPerformance.Of(k, measurements[k.Id]), series);
        }).ToList();
    }

    private static List<DeckAction> ActionsOf(List<Improvement> improvements, List<Journey> journeys, List<Touchpoint> touchpoints, Guid? journeyId,
        Dictionary<Guid, string> people, DateOnly today)
    {
        var steps = journeys.SelectMany(j => j.OrderedSteps).Select(s => s.Id).ToHashSet();
        var onMap = touchpoints.Select(t => t.Id).ToHashSet();
        return improvements
            .Where(i => i.Kind == ImprovementKind.Action && i.IsOpen)
            .Where(i => journeyId is null || i.JourneyId == journeyId || i.StepId is { } s && steps.Contains(s) || i.TouchpointId is { } t && onMap.Contains(t))
            .Select(i => new DeckAction(i.OwnerId is { } o ? people.GetValueOrDefault(o, "No owner") : "No owner", i.Title, i.DueOn, i.IsOverdue(today),
                Wording.Words(i.Status), Wording.Words(i.Priority)))
            .OrderBy(a => a.Owner == "No owner" ? 1 : 0).ThenBy(a => a.Owner, StringComparer.CurrentCultureIgnoreCase)
            .ThenBy(a => a.DueOn is null ? 1 : 0).ThenBy(a => a.DueOn).ThenBy(a => a.Title)
            .ToList();
    }
}
