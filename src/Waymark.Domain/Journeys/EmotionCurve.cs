namespace Waymark.Domain.Journeys;

public sealed record EmotionPoint(Guid StageId, string Stage, Guid StepId, string Action, int Emotion, bool IsMomentOfTruth, bool IsPainPoint);

/// <summary>The emotion of each step in map order, with its average, low and high points.</summary>
public sealed record EmotionCurve(IReadOnlyList<EmotionPoint> Points, double? Average, EmotionPoint? Lowest, EmotionPoint? Highest)
{
    internal static EmotionCurve Of(IEnumerable<(Stage Stage, Step Step)> steps)
    {
        var points = steps
            .Select(x => new EmotionPoint(x.Stage.Id, x.Stage.Name, x.Step.Id, x.Step.Action, x.Step.Emotion, x.Step.IsMomentOfTruth, x.Step.IsPainPoint))
            .ToList();
        if (points.Count == 0) return new EmotionCurve(points, null, null, null);
        // The first lowest and first highest point: where the customer first hits bottom matters most.
        var lowest = points.Aggregate((a, b) => b.Emotion < a.Emotion ? b : a);
        var highest = points.Aggregate((a, b) => b.Emotion > a.Emotion ? b : a);
        return new EmotionCurve(points, Math.Round(points.Average(p => p.Emotion), 2), lowest, highest);
    }
}
