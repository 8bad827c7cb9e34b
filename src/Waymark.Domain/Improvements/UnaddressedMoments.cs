using Waymark.Domain.Journeys;
using Waymark.Domain.Touchpoints;

namespace Waymark.Domain.Improvements;

public sealed record UnaddressedMoment(string Kind, Guid Id, string Name, bool IsMomentOfTruth, bool IsPainPoint, Guid? JourneyId);

/// <summary>
/// Pain points and moments of truth, on touchpoints and on journey steps, that no open or in-progress action
/// is linked to: the places where the experience matters or hurts and nobody is working on it.
/// </summary>
public sealed record UnaddressedMoments(int PainPoints, int MomentsOfTruth, IReadOnlyList<UnaddressedMoment> Items)
{
    public static UnaddressedMoments Find(IEnumerable<Touchpoint> touchpoints, IEnumerable<Journey> journeys, IEnumerable<Improvement> improvements)
    {
        var openActions = improvements.Where(i => i.Kind == ImprovementKind.Action && i.IsOpen).ToList();
        var coveredTouchpoints = openActions.Where(a => a.TouchpointId is not null).Select(a => a.TouchpointId!.Value).ToHashSet();
        var coveredSteps = openActions.Where(a => a.StepId is not null).Select(a => a.StepId!.Value).ToHashSet();

        var items = touchpoints
            .Where(t => (t.IsPainPoint || t.IsMomentOfTruth) && !coveredTouchpoints.Contains(t.Id))
            .OrderBy(t => t.Name)
            .Select(t => new UnaddressedMoment("touchpoint", t.Id, t.Name, t.IsMomentOfTruth, t.IsPainPoint, null))
            .Concat(journeys.SelectMany(j => j.OrderedSteps
                .Where(s => (s.IsPainPoint || s.IsMomentOfTruth) && !coveredSteps.Contains(s.Id))
                .Select(s => new UnaddressedMoment("step", s.Id, s.Action, s.IsMomentOfTruth, s.IsPainPoint, j.Id))))
            .ToList();
        return new UnaddressedMoments(items.Count(i => i.IsPainPoint), items.Count(i => i.IsMomentOfTruth), items);
    }
}
