using Waymark.Web.Features.Journeys;
using Waymark.Web.Features.Journeys.Layout;

namespace Waymark.Web.Features.Office;

/// <summary>A run of a map's stages that goes on one slide: the map drawn with those stages only, and which they are.</summary>
public sealed record MapSlice(MapDrawing Part, int FirstStage, int LastStage, int StageCount)
{
    public bool IsWholeMap => FirstStage == 1 && LastStage == StageCount;
}

/// <summary>
/// Splits a wide map into runs of whole stages for slides, so each slide's picture stays legible: a slide shows at most
/// <see cref="MostColumns"/> step columns (a stage with more gets a slide of its own). Each run is drawn by the one map
/// rendering, as a map of just those stages, with its lane heads and legend.
/// </summary>
public static class MapSlices
{
    public const int MostColumns = 7;

    public static IReadOnlyList<MapSlice> Of(MapDrawing drawing)
    {
        var stages = MapLayout.Of(drawing.Map).Stages;
        if (stages.Count == 0) return [new MapSlice(drawing, 1, 1, 1)];
        var runs = new List<(int First, int Last)>();
        int first = 0, columns = 0;
        for (var i = 0; i < stages.Count; i++)
        {
            if (i > first && columns + stages[i].Span > MostColumns)
            {
                runs.Add((first, i - 1));
                (first, columns) = (i, 0);
            }
            columns += stages[i].Span;
        }
        runs.Add((first, stages.Count - 1));
        if (runs.Count == 1) return [new MapSlice(drawing, 1, stages.Count, stages.Count)];
        var ordered = drawing.Map.Stages;
        return runs.Select(r => new MapSlice(
            drawing with { Map = drawing.Map with { Stages = ordered.Skip(r.First).Take(r.Last - r.First + 1).ToList() } },
            r.First + 1, r.Last + 1, stages.Count)).ToList();
    }
}
