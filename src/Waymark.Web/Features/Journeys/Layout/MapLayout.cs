using Waymark.Domain.Journeys;

namespace Waymark.Web.Features.Journeys.Layout;

/// <summary>
/// How a journey map is laid out, worked out once for every drawing of it (the map page, <c>map.svg</c>, the exports):
/// its columns (a step each, an empty stage as one column), the stages over them, the lanes shown as rows in the order
/// the team chose, the emotion curve, and where each of these sits across the map in map units (pixels at 100 %).
/// Heights are left to the drawing: the page lets the browser size its rows, a file measures its own text.
/// </summary>
/// <param name="Columns">The columns left to right. <see cref="MapColumn.Number"/> counts steps only, so empty stages do not skip numbers.</param>
/// <param name="Stages">The stages' heads, each over its columns.</param>
/// <param name="Lanes">The rows under the steps, top to bottom: a row per lane shown, the channels lane a row per channel.</param>
/// <param name="Channels">The channels of the touchpoints used on the map, in name order, each a row of the channels lane.</param>
public sealed record MapLayout(
    JourneyMapResponse Map, IReadOnlyList<MapColumn> Columns, IReadOnlyList<MapStage> Stages, IReadOnlyList<MapLane> Lanes,
    IReadOnlyList<MapChannel> Channels, MapEmotionLane Emotion)
{
    /// <summary>The width of a step's column.</summary>
    public const int ColumnWidth = 188;
    /// <summary>The width of the lanes' heads on the left (waymark.css <c>--wm-lane-w</c> says the same).</summary>
    public const int LaneHeadWidth = 168;
    /// <summary>The height of the emotion curve's lane.</summary>
    public const int EmotionHeight = 118;

    public int StepCount => Columns.Count(c => c.Step is not null);

    /// <summary>How many columns the grid has: a map without stages still keeps room for one.</summary>
    public int GridColumns => Math.Max(1, Columns.Count);

    /// <summary>The width of the columns together, from the left edge of the first.</summary>
    public double Width => GridColumns * ColumnWidth;

    public MapColumn? FirstStep => Columns.FirstOrDefault(c => c.Step is not null);

    public int? NumberOf(Guid stepId) => Columns.FirstOrDefault(c => c.Step?.Id == stepId)?.Number;

    /// <summary>The layout of a map showing <paramref name="lanes"/> (the map's own lanes unless told), in that order; unknown lanes are left out.</summary>
    public static MapLayout Of(JourneyMapResponse map, IReadOnlyList<string>? lanes = null)
    {
        var columns = new List<MapColumn>();
        var stages = new List<MapStage>();
        var number = 0;
        foreach (var stage in map.Stages)
        {
            stages.Add(new MapStage(stage, columns.Count, Math.Max(1, stage.Steps.Count)));
            if (stage.Steps.Count == 0) columns.Add(new MapColumn(stage, null, columns.Count, 0));
            foreach (var step in stage.Steps) columns.Add(new MapColumn(stage, step, columns.Count, ++number));
        }
        var channels = map.Stages.SelectMany(s => s.Steps).SelectMany(s => s.Touchpoints)
            .Select(t => new MapChannel(t.ChannelId, t.Channel)).Distinct()
            .OrderBy(c => c.Name, StringComparer.Ordinal).ThenBy(c => c.Id).ToList();
        var rows = new List<MapLane>();
        foreach (var lane in (lanes ?? map.Lanes).Where(Wording.LaneNames.ContainsKey))
        {
            var name = Wording.LaneNames[lane];
            if (lane != JourneyLanes.Channels) rows.Add(new MapLane(lane, name));
            else if (channels.Count == 0) rows.Add(new MapLane(lane, name));
            else rows.AddRange(channels.Select((c, i) => new MapLane(lane, c.Name, i == 0 ? name : null, c, Leads: i == 0)));
        }
        return new MapLayout(map, columns, stages, rows, channels, MapEmotionLane.Of(columns));
    }
}

/// <summary>A column: a step, or an empty stage's placeholder; <see cref="X"/> counts from the left edge of the first column.</summary>
public sealed record MapColumn(StageResponse Stage, StepResponse? Step, int Index, int Number)
{
    public double X => Index * MapLayout.ColumnWidth;
    public double Width => MapLayout.ColumnWidth;
    public double Centre => X + Width / 2.0;

    /// <summary>Whether the column is the first of its stage, where the stage's head starts.</summary>
    public bool StartsStage => Step is null || Step.Position == 0;

    /// <summary>How the step's head stands out: a pain point before a moment of truth.</summary>
    public StepHighlight Highlight => Step switch
    {
        { IsPainPoint: true } => StepHighlight.PainPoint,
        { IsMomentOfTruth: true } => StepHighlight.MomentOfTruth,
        _ => StepHighlight.None,
    };
}

public enum StepHighlight { None, PainPoint, MomentOfTruth }

/// <summary>A stage's head over its <see cref="Span"/> columns from <see cref="FirstColumn"/>.</summary>
public sealed record MapStage(StageResponse Stage, int FirstColumn, int Span)
{
    public double X => FirstColumn * MapLayout.ColumnWidth;
    public double Width => Span * MapLayout.ColumnWidth;
}

public sealed record MapChannel(Guid Id, string Name);

/// <summary>
/// A row of the map under the steps. The channels lane has a row per channel, named after it, the first carrying the
/// lane's name as <see cref="Subtitle"/> and its tools; without touchpoints it is one row that says none are attached.
/// </summary>
public sealed record MapLane(string Lane, string Title, string? Subtitle = null, MapChannel? Channel = null, bool Leads = true)
{
    public bool IsEmotion => Lane == JourneyLanes.Emotion;
    public bool IsChannel => Lane == JourneyLanes.Channels && Channel is not null;
    public bool IsChannelsWithoutTouchpoints => Lane == JourneyLanes.Channels && Channel is null;

    /// <summary>The touchpoints of this row's channel that the step uses.</summary>
    public IEnumerable<MapChip> Chips(StepResponse step) =>
        Channel is { } c ? step.Touchpoints.Where(t => t.ChannelId == c.Id).Select(t => new MapChip(t)) : [];
}

/// <summary>A touchpoint at a step in the colours of its current score's band, with the score and what it means.</summary>
public sealed record MapChip(TouchpointChip Touchpoint)
{
    public BandColours Colours => MapColours.Of(Touchpoint.Band);
    public string Score => Wording.Number(Touchpoint.Score, "0.0");
    public string Title => $"{Touchpoint.Name}: {Score} – {Wording.BandText(Touchpoint.Band)}";
}

/// <summary>
/// The emotion curve's lane: −3 at the bottom, +3 at the top, a point in the middle of each step's column and a smooth
/// line through them (<see cref="EmotionLine"/>); coordinates count from the lane's top left corner.
/// </summary>
public sealed record MapEmotionLane(double Width, IReadOnlyList<MapEmotionPoint> Points, double? Average)
{
    public double Height => MapLayout.EmotionHeight;

    /// <summary>The levels of the scale, top to bottom, with their height.</summary>
    public static IReadOnlyList<(int Level, double Y)> Levels { get; } = EmotionLine.Levels.Select(l => (l, Y(l))).ToList();

    /// <summary>The height of an emotion (or an average of them) in the lane.</summary>
    public static double Y(double emotion) => EmotionLine.Y(emotion, MapLayout.EmotionHeight);

    /// <summary>The curve through the points as SVG path data, moved by <paramref name="dx"/>, <paramref name="dy"/> for a drawing that places the lane elsewhere.</summary>
    public string Path(double dx = 0, double dy = 0) => EmotionLine.Path(Points.Select(p => (p.X + dx, p.Y + dy)).ToList());

    /// <summary>The curve in words, for those who cannot see it.</summary>
    public string Summary =>
        $"Emotion curve from -3 to +3, average {Wording.Number(Average, "0.0")}: {string.Join(", ", Points.Select(p => $"step {p.Column.Number} {p.Label}"))}";

    internal static MapEmotionLane Of(IReadOnlyList<MapColumn> columns)
    {
        var points = columns.Where(c => c.Step is not null).Select(c => new MapEmotionPoint(c, c.Step!, c.Centre, Y(c.Step!.Emotion))).ToList();
        return new MapEmotionLane(columns.Count * MapLayout.ColumnWidth, points, points.Count == 0 ? null : points.Average(p => p.Emotion));
    }
}

public sealed record MapEmotionPoint(MapColumn Column, StepResponse Step, double X, double Y)
{
    public int Emotion => Step.Emotion;
    public string Colour => MapColours.Emotion(Emotion);
    public string Label => Wording.Signed(Emotion);
    public string Title => $"{Step.Action}: {Label} ({Wording.EmotionText(Emotion)})";
}
