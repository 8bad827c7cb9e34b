using Waymark.Domain.Evaluations;
using Waymark.Domain.Journeys;
using Waymark.Domain.Organisation;
using Waymark.Web.Features;
using Waymark.Web.Features.Journeys;
using Waymark.Web.Features.Journeys.Layout;

namespace Waymark.Web.Tests.Journeys;

/// <summary>The one layout of a journey map that the page and its files draw: columns, stages, lanes, positions, score colours.</summary>
public sealed class MapLayoutTests
{
    private static readonly Guid Phone = Guid.NewGuid(), Website = Guid.NewGuid();

    private static TouchpointChip Chip(string name, Guid channel, double? score) =>
        new(Guid.NewGuid(), name, channel, channel == Phone ? "Phone" : "Website", ChannelKind.Digital, score, null, CurrentScore.BandOf(score));

    private static StepResponse Step(string action, int emotion, params TouchpointChip[] touchpoints) =>
        new(Guid.NewGuid(), Guid.Empty, 0, action, null, null, null, emotion, touchpoints.Select(t => t.Id).ToList(), null, null, false, false, false, null, touchpoints, 0, 1);

    private static StageResponse Stage(string name, params StepResponse[] steps)
    {
        var id = Guid.NewGuid();
        return new StageResponse(id, name, null, null, 0, steps.Select((s, i) => s with { StageId = id, Position = i }).ToList(), 1);
    }

    private static JourneyMapResponse Map(IReadOnlyList<string>? lanes, params StageResponse[] stages) =>
        new(Guid.NewGuid(), "Buying a TV", null, JourneyScenario.InitialPurchase, null, null, JourneyState.Current, lanes ?? JourneyLanes.All,
            stages.Select((s, i) => s with { Position = i }).ToList(), 1);

    /// <summary>Awareness (empty), Research (two steps), Purchase (one), Aftercare (empty).</summary>
    private static JourneyMapResponse WithEmptyStages(IReadOnlyList<string>? lanes = null) => Map(lanes,
        Stage("Awareness"),
        Stage("Research", Step("Reads reviews", 1, Chip("Review portal", Website, null)), Step("Calls the hotline", -2, Chip("Service hotline", Phone, 3))),
        Stage("Purchase", Step("Pays", 3, Chip("Online shop", Website, 9), Chip("Order line", Phone, 6))),
        Stage("Aftercare"));

    [Fact]
    public void An_empty_stage_is_one_column_and_the_numbers_count_steps_only()
    {
        var layout = MapLayout.Of(WithEmptyStages());

        Assert.Equal(["Awareness", "Research", "Research", "Purchase", "Aftercare"], layout.Columns.Select(c => c.Stage.Name));
        Assert.Equal([null, "Reads reviews", "Calls the hotline", "Pays", null], layout.Columns.Select(c => c.Step?.Action));
        Assert.Equal([0, 1, 2, 3, 0], layout.Columns.Select(c => c.Number));
        Assert.Equal([0, 1, 2, 3, 4], layout.Columns.Select(c => c.Index));
        Assert.Equal([true, true, false, true, true], layout.Columns.Select(c => c.StartsStage));
        Assert.Equal(3, layout.StepCount);
        Assert.Equal("Reads reviews", layout.FirstStep!.Step!.Action);
        Assert.Equal(2, layout.NumberOf(layout.Columns[2].Step!.Id));
        Assert.Equal([(0, 1), (1, 2), (3, 1), (4, 1)], layout.Stages.Select(s => (s.FirstColumn, s.Span)));
    }

    [Fact]
    public void A_map_without_stages_keeps_room_for_one_column_and_has_no_curve()
    {
        var layout = MapLayout.Of(Map(null));

        Assert.Empty(layout.Columns);
        Assert.Equal(1, layout.GridColumns);
        Assert.Equal(MapLayout.ColumnWidth, layout.Width);
        Assert.Empty(layout.Emotion.Points);
        Assert.Null(layout.Emotion.Average);
        Assert.Null(layout.FirstStep);
    }

    [Fact]
    public void Columns_and_stage_heads_sit_side_by_side_without_overlap_or_gap_and_each_stage_covers_its_columns()
    {
        var layout = MapLayout.Of(WithEmptyStages());

        var x = 0.0;
        foreach (var column in layout.Columns)
        {
            Assert.Equal(x, column.X);
            Assert.Equal(MapLayout.ColumnWidth, column.Width);
            x += column.Width;
        }
        Assert.Equal(x, layout.Width);
        x = 0;
        foreach (var stage in layout.Stages)
        {
            var covered = layout.Columns.Where(c => c.Stage.Id == stage.Stage.Id).ToList();
            Assert.Equal(x, stage.X);
            Assert.Equal(covered[0].X, stage.X);
            Assert.Equal(covered[^1].X + covered[^1].Width, stage.X + stage.Width);
            x += stage.Width;
        }
        Assert.Equal(layout.Width, x);
    }

    [Fact]
    public void The_emotion_curve_has_a_point_in_the_middle_of_each_step_column_plus_three_above_minus_three_inside_the_lane()
    {
        var layout = MapLayout.Of(WithEmptyStages());
        var lane = layout.Emotion;

        Assert.Equal(layout.Columns.Count * MapLayout.ColumnWidth, lane.Width);
        Assert.Equal([1, -2, 3], lane.Points.Select(p => p.Emotion));
        Assert.Equal([1, 2, 3], lane.Points.Select(p => p.Column.Number));
        Assert.All(lane.Points, p => Assert.Equal(p.Column.X + p.Column.Width / 2, p.X));
        Assert.All(lane.Points, p => Assert.InRange(p.Y, 0, lane.Height));
        Assert.True(MapEmotionLane.Y(3) < MapEmotionLane.Y(0) && MapEmotionLane.Y(0) < MapEmotionLane.Y(-3));
        Assert.Equal([3, 2, 1, 0, -1, -2, -3], MapEmotionLane.Levels.Select(l => l.Level));
        Assert.Equal(2 / 3.0, lane.Average!.Value, 9);
        Assert.Equal("Emotion curve from -3 to +3, average 0.7: step 1 +1, step 2 -2, step 3 +3", lane.Summary);
        Assert.Equal("Calls the hotline: -2 (negative)", lane.Points[1].Title);
        // Moved by the place a drawing puts the lane, the curve passes through the moved points.
        Assert.StartsWith($"M{EmotionLine.F(lane.Points[0].X + 100)},{EmotionLine.F(lane.Points[0].Y + 50)}", lane.Path(100, 50));
    }

    [Fact]
    public void Only_the_chosen_lanes_are_rows_in_the_chosen_order_under_their_names_and_unknown_ones_are_left_out()
    {
        var map = WithEmptyStages([JourneyLanes.Obstacles, JourneyLanes.Emotion, JourneyLanes.Actions]);

        var own = MapLayout.Of(map);
        Assert.Equal(["Obstacles", "Emotion curve", "Customer actions"], own.Lanes.Select(l => l.Title));
        Assert.Equal([false, true, false], own.Lanes.Select(l => l.IsEmotion));

        var chosen = MapLayout.Of(map, [JourneyLanes.Kpis, "no-such-lane", JourneyLanes.Thoughts]);
        Assert.Equal([JourneyLanes.Kpis, JourneyLanes.Thoughts], chosen.Lanes.Select(l => l.Lane));
        Assert.Equal([Wording.LaneNames[JourneyLanes.Kpis], Wording.LaneNames[JourneyLanes.Thoughts]], chosen.Lanes.Select(l => l.Title));
    }

    [Fact]
    public void The_channels_lane_is_a_row_per_channel_in_name_order_the_first_carrying_the_lanes_name_and_tools()
    {
        var layout = MapLayout.Of(WithEmptyStages([JourneyLanes.Actions, JourneyLanes.Channels, JourneyLanes.Kpis]));

        Assert.Equal(["Customer actions", "Phone", "Website", "KPIs"], layout.Lanes.Select(l => l.Title));
        Assert.Equal([null, "Touchpoints by channel", null, null], layout.Lanes.Select(l => l.Subtitle));
        Assert.Equal([true, true, false, true], layout.Lanes.Select(l => l.Leads));
        var pays = layout.Columns.Single(c => c.Step?.Action == "Pays").Step!;
        Assert.Equal(["Order line"], layout.Lanes[1].Chips(pays).Select(c => c.Touchpoint.Name));
        Assert.Equal(["Online shop"], layout.Lanes[2].Chips(pays).Select(c => c.Touchpoint.Name));
        Assert.Empty(layout.Lanes[0].Chips(pays));

        var untouched = MapLayout.Of(Map([JourneyLanes.Channels], Stage("Only", Step("Waits", 0))));
        var row = Assert.Single(untouched.Lanes);
        Assert.True(row.IsChannelsWithoutTouchpoints);
        Assert.Equal("Touchpoints by channel", row.Title);
    }

    [Theory]
    [InlineData(null, ScoreBand.NotEvaluated)]
    [InlineData(1.0, ScoreBand.FallsShort)]
    [InlineData(4.99, ScoreBand.FallsShort)]
    [InlineData(5.0, ScoreBand.Meets)]
    [InlineData(7.49, ScoreBand.Meets)]
    [InlineData(7.5, ScoreBand.Exceeds)]
    [InlineData(10.0, ScoreBand.Exceeds)]
    public void A_score_takes_the_colours_of_its_band_at_the_edges_of_the_bands(double? score, ScoreBand band)
    {
        var colours = MapColours.OfScore(score);

        Assert.Equal(band, colours.Band);
        Assert.Equal(MapColours.Of(band), colours);
        Assert.Equal($"wm-band-{band}", colours.CssClass);
    }

    [Fact]
    public void The_legend_lists_every_band_once_worst_first_in_colours_of_their_own()
    {
        Assert.Equal([ScoreBand.FallsShort, ScoreBand.Meets, ScoreBand.Exceeds, ScoreBand.NotEvaluated], MapColours.Legend.Select(b => b.Band));
        Assert.Equal(["< 5", "5–7.4", "≥ 7.5", "–"], MapColours.Legend.Select(b => b.Range));
        Assert.Equal(4, MapColours.Legend.Select(b => b.Fill).Distinct().Count());
        Assert.Equal(4, MapColours.Legend.Select(b => b.Ink).Distinct().Count());
    }

    [Fact]
    public void A_chip_shows_its_score_and_band_in_words_in_the_bands_colours()
    {
        var layout = MapLayout.Of(WithEmptyStages([JourneyLanes.Channels]));
        var calls = layout.Columns.Single(c => c.Step?.Action == "Calls the hotline").Step!;
        var chip = Assert.Single(layout.Lanes.Single(l => l.Title == "Phone").Chips(calls));

        Assert.Equal("3.0", chip.Score);
        Assert.Equal("Service hotline: 3.0 – falls short of expectations", chip.Title);
        Assert.Equal(MapColours.Of(ScoreBand.FallsShort), chip.Colours);
    }
}
