using Waymark.Domain.Touchpoints;

namespace Waymark.Web.Features.Dashboard;

/// <summary>A touchpoint on the importance–performance grid.</summary>
public sealed record GridPoint(Guid TouchpointId, string Name, int Relevance, double Score, Quadrant Quadrant);

/// <summary>A touchpoint named in a cell of the grid.</summary>
public sealed record GridTouchpoint(Guid TouchpointId, string Name, double Score);

/// <summary>
/// The evaluated touchpoints of one relevance whose scores fall within the same quarter point (and the same quadrant):
/// one mark on the grid however many touchpoints it stands for. Score is their mean; Examples names up to
/// <see cref="ImportancePerformanceGrid.ExamplesPerCell"/> of them, the lowest score first.
/// </summary>
public sealed record GridCell(int Relevance, double Score, Quadrant Quadrant, int Touchpoints, IReadOnlyList<GridTouchpoint> Examples);

public sealed record QuadrantCounts(int ConcentrateHere, int KeepUpTheGoodWork, int LowPriority, int PossibleOverkill);

/// <summary>
/// The importance–performance grid of a workspace, the same size whatever the workspace holds: the count per quadrant,
/// the cells (at most 5 relevances × 37 quarter points) and the touchpoints most in need of attention
/// (relevant and scoring low). Every point is listed, a page at a time, by GET …/importance-performance.
/// </summary>
public sealed record ImportancePerformanceGrid(int Touchpoints, QuadrantCounts Quadrants, IReadOnlyList<GridCell> Cells, IReadOnlyList<GridPoint> ConcentrateHere)
{
    public const int ExamplesPerCell = 3;
    public const int ConcentrateHereListed = 10;

    /// <summary>Every evaluated touchpoint as a point, the most in need of attention first.</summary>
    public static IReadOnlyList<GridPoint> PointsOf(IEnumerable<Touchpoint> touchpoints, IReadOnlyDictionary<Guid, double?> scores) =>
        touchpoints.Where(t => scores.GetValueOrDefault(t.Id) is not null)
            .Select(t => new GridPoint(t.Id, t.Name, t.Relevance, scores[t.Id]!.Value, DashboardApi.QuadrantOf(t.Relevance, scores[t.Id]!.Value)))
            .OrderBy(p => p.Quadrant).ThenByDescending(p => p.Relevance).ThenBy(p => p.Score).ThenBy(p => p.Name, StringComparer.Ordinal)
            .ThenBy(p => p.TouchpointId)
            .ToList();

    public static ImportancePerformanceGrid Of(IReadOnlyList<GridPoint> points)
    {
        int In(Quadrant q) => points.Count(p => p.Quadrant == q);
        var cells = points
            .GroupBy(p => (p.Relevance, p.Quadrant, Quarter: Math.Round(p.Score * 4, MidpointRounding.AwayFromZero)))
            .Select(g => new GridCell(g.Key.Relevance, Math.Round(g.Average(p => p.Score), 2), g.Key.Quadrant, g.Count(),
                g.OrderBy(p => p.Score).ThenBy(p => p.Name, StringComparer.Ordinal).Take(ExamplesPerCell)
                    .Select(p => new GridTouchpoint(p.TouchpointId, p.Name, p.Score)).ToList()))
            .OrderByDescending(c => c.Relevance).ThenBy(c => c.Score)
            .ToList();
        return new ImportancePerformanceGrid(points.Count,
            new QuadrantCounts(In(Quadrant.ConcentrateHere), In(Quadrant.KeepUpTheGoodWork), In(Quadrant.LowPriority), In(Quadrant.PossibleOverkill)),
            cells, points.Where(p => p.Quadrant == Quadrant.ConcentrateHere).Take(ConcentrateHereListed).ToList());
    }
}
