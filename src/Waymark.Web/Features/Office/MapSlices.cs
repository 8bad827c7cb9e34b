using System.Globalization;
using System.Text.RegularExpressions;
using Waymark.Web.Features.Journeys;
using Waymark.Web.Features.Journeys.Layout;

namespace Waymark.Web.Features.Office;

/// <summary>
/// A part of a map that goes on one slide: the map drawn with a run of its stages and some of its lanes, and which they are.
/// </summary>
public sealed record MapSlice(MapDrawing Part, IReadOnlyList<string> Lanes, int FirstStage, int LastStage, int StageCount, int LaneGroup, int LaneGroups)
{
    public bool IsWholeMap => FirstStage == 1 && LastStage == StageCount && LaneGroups == 1;

    public string Caption =>
        (FirstStage == 1 && LastStage == StageCount ? "All stages"
            : FirstStage == LastStage ? $"Stage {FirstStage} of {StageCount}" : $"Stages {FirstStage}–{LastStage} of {StageCount}")
        + (LaneGroups == 1 ? "" : $" · lanes {LaneGroup} of {LaneGroups}: {string.Join(", ", Lanes.Select(l => Wording.LaneNames.GetValueOrDefault(l, l)))}");
}

/// <summary>
/// Splits a map into parts a slide shows legibly: runs of whole stages of at most <see cref="MostColumns"/> step columns
/// (a stage with more gets a slide of its own), and, when such a run is taller than <see cref="MostHeight"/>, groups of
/// its lanes in the map's order. Each part is drawn by the one map rendering (<see cref="MapSvg"/>) as a map of just those
/// stages and lanes, with its header, lane heads and legend; at these limits the map's 12 px text shows at about 7 pt on a 16:9 slide.
/// </summary>
public static partial class MapSlices
{
    public const int MostColumns = 7;
    public const double MostHeight = 820;

    public static IReadOnlyList<MapSlice> Of(MapDrawing drawing)
    {
        var stages = MapLayout.Of(drawing.Map).Stages;
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
        runs.Add((first, Math.Max(0, stages.Count - 1)));

        var slices = new List<MapSlice>();
        foreach (var (from, to) in runs)
        {
            var part = runs.Count == 1 ? drawing : drawing with { Map = drawing.Map with { Stages = drawing.Map.Stages.Skip(from).Take(to - from + 1).ToList() } };
            var groups = LaneGroups(part);
            slices.AddRange(groups.Select((lanes, g) => new MapSlice(part, lanes, from + 1, to + 1, Math.Max(1, stages.Count), g + 1, groups.Count)));
        }
        return slices;
    }

    /// <summary>The map's lanes in as few groups as keep each drawing within <see cref="MostHeight"/>; a lane taller than that alone stays alone.</summary>
    private static List<IReadOnlyList<string>> LaneGroups(MapDrawing part)
    {
        var all = part.Map.Lanes;
        if (all.Count <= 1 || Height(part, all) <= MostHeight) return [all];
        var groups = new List<IReadOnlyList<string>>();
        var group = new List<string>();
        foreach (var lane in all)
        {
            if (group.Count > 0 && Height(part, [.. group, lane]) > MostHeight)
            {
                groups.Add(group);
                group = [];
            }
            group.Add(lane);
        }
        groups.Add(group);
        return groups;
    }

    /// <summary>The drawing's height in SVG pixels, as its root element states it.</summary>
    private static double Height(MapDrawing part, IReadOnlyList<string> lanes) =>
        double.Parse(RootHeight().Match(MapSvg.Render(part, lanes)).Groups[1].Value, CultureInfo.InvariantCulture);

    [GeneratedRegex("<svg [^>]*?height=\"([0-9.]+)\"")]
    private static partial Regex RootHeight();
}
