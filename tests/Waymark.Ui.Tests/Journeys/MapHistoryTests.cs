using Bunit;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.EntityFrameworkCore;
using Waymark.Domain.Journeys;
using Waymark.Storage.Access;
using Waymark.Ui.Tests.Support;
using Waymark.Web.Components.Pages.Journeys;

namespace Waymark.Ui.Tests.Journeys;

/// <summary>The map's undo history clicked through, against the demo database.</summary>
[Collection(UiCollection.Name)]
public sealed class MapHistoryTests(UiFactory factory)
{
    private static IRenderedComponent<JourneyMap> Open(PageHost host, Guid id)
    {
        var page = host.Context.Render<JourneyMap>(p => p.Add(x => x.Ws, "demo").Add(x => x.Id, id));
        page.WaitForElement("[data-step]");
        return page;
    }

    private static async Task Undo(IRenderedComponent<JourneyMap> page) => await page.Find("[data-testid=undo]").ClickAsync();

    private static async Task Redo(IRenderedComponent<JourneyMap> page) => await page.Find("[data-testid=redo]").ClickAsync();

    private static async Task RenameStage(IRenderedComponent<JourneyMap> page, string from, string to)
    {
        await page.Find($"button[aria-label='Rename stage {from}']").ClickAsync();
        page.Find("[data-stage] input").Input(to);
        await page.Find("[data-stage] input").KeyDownAsync(new KeyboardEventArgs { Key = "Enter" });
        page.WaitForElement($"[data-stage='{to}']");
    }

    [Fact]
    public async Task A_deleted_step_comes_back_by_undo_with_its_id_kpi_action_and_evaluation_and_goes_again_by_redo()
    {
        var map = await MapSeed.CreateAsync(factory, "Undo a deletion");
        using var host = new PageHost(factory, WorkspaceRole.Owner);
        var page = Open(host, map.Id);

        await page.Find("button[aria-label='Delete step two']").ClickAsync();
        page.WaitForAssertion(() => Assert.Empty(page.FindAll("[data-step=two]")));
        Assert.Equal((null, null, false), await MapSeed.LinksAsync(factory, map));

        await Undo(page);
        page.WaitForAssertion(() => Assert.Single(page.FindAll("[data-step=two]")));
        var restored = await MapSeed.ReadAsync(factory, map.Id);
        Assert.Equal("Stage A: one, two | Stage B: three", MapSeed.Layout(restored));
        var two = restored.OrderedSteps.Single(s => s.Action == "two");
        Assert.Equal((map.Two, -2, true), (two.Id, two.Emotion, two.IsPainPoint));
        Assert.Equal((map.Two, map.Two, true), await MapSeed.LinksAsync(factory, map));
        Assert.Contains(page.FindAll("[data-lane=kpis] a"), a => a.TextContent == "Wait at two (Undo a deletion)");
        Assert.Contains(page.FindAll("[data-lane=improvements] a"), a => a.TextContent.Trim() == "Shorter wait at two (Undo a deletion)");
        Assert.Contains("Redo: deleted step 'two'", page.Find("[data-testid=redo]").TextContent);

        await Redo(page);
        page.WaitForAssertion(() => Assert.Empty(page.FindAll("[data-step=two]")));
        Assert.Equal((null, null, false), await MapSeed.LinksAsync(factory, map));
        await Undo(page);
        page.WaitForAssertion(() => Assert.Single(page.FindAll("[data-step=two]")));
        Assert.Equal((map.Two, map.Two, true), await MapSeed.LinksAsync(factory, map));
        Assert.Contains("Undone: deleted step 'two'.", host.Messages);
    }

    [Fact]
    public async Task Hiding_every_lane_and_twelve_renames_are_undone_one_after_the_other_and_redone()
    {
        var map = await MapSeed.CreateAsync(factory, "Long history");
        using var host = new PageHost(factory, WorkspaceRole.Owner);
        var page = Open(host, map.Id);

        await page.Find("button[aria-controls=lanes-panel]").ClickAsync();
        foreach (var lane in JourneyLanes.All)
            await page.Find($"[data-lane-toggle={lane}]").ChangeAsync(new Microsoft.AspNetCore.Components.ChangeEventArgs { Value = false });
        // One change per lane hidden, then twelve renames.
        var changes = JourneyLanes.All.Count + 12;
        var name = "Stage A";
        for (var i = 1; i <= 12; i++)
        {
            await RenameStage(page, name, $"Look {i}");
            name = $"Look {i}";
        }
        page.WaitForAssertion(() => Assert.Contains($"History ({changes})", page.Markup));
        var changed = await MapSeed.ReadAsync(factory, map.Id);
        Assert.Equal(("Look 12", 0), (changed.OrderedStages.First().Name, changed.Lanes.Length));

        for (var i = 0; i < 12; i++) await Undo(page);
        var halfway = await MapSeed.ReadAsync(factory, map.Id);
        Assert.Equal(("Stage A", 0), (halfway.OrderedStages.First().Name, halfway.Lanes.Length));
        for (var i = 0; i < JourneyLanes.All.Count; i++) await Undo(page);
        page.WaitForAssertion(() => Assert.True(page.Find("[data-testid=undo]").HasAttribute("disabled")));
        Assert.Equal(JourneyLanes.All, (await MapSeed.ReadAsync(factory, map.Id)).Lanes);

        await page.Find("button[aria-controls=history-panel]").ClickAsync();
        var entries = page.FindAll("[data-testid=history] li");
        Assert.Equal(changes, entries.Count);
        Assert.All(entries, e => Assert.Equal("undone", e.GetAttribute("data-history")));
        Assert.Equal("renamed stage 'Look 11' to 'Look 12' (undone)", entries[0].TextContent);
        Assert.Equal("hid the lane 'Customer actions' (undone)", entries[^1].TextContent);

        for (var i = 0; i < changes; i++) await Redo(page);
        page.WaitForAssertion(() => Assert.True(page.Find("[data-testid=redo]").HasAttribute("disabled")));
        var redone = await MapSeed.ReadAsync(factory, map.Id);
        Assert.Equal(("Look 12", 0), (redone.OrderedStages.First().Name, redone.Lanes.Length));
        Assert.All(page.FindAll("[data-testid=history] li"), e => Assert.Equal("done", e.GetAttribute("data-history")));
    }

    [Fact]
    public async Task An_undo_over_someone_elses_change_is_refused_says_why_and_drops_out_and_the_one_before_still_works()
    {
        var map = await MapSeed.CreateAsync(factory, "Undo meets a colleague");
        using var host = new PageHost(factory, WorkspaceRole.Owner);
        var page = Open(host, map.Id);
        await page.Find("button[aria-label='Delete step one']").ClickAsync();
        page.WaitForAssertion(() => Assert.Empty(page.FindAll("[data-step=one]")));
        await RenameStage(page, "Stage A", "Look");

        await using (var db = factory.OpenDb())
        {
            var stage = await db.Stages.SingleAsync(s => s.Id == map.StageA);
            stage.Describe("Explore", stage.Description, stage.PhaseId);
            await db.SaveChangesAsync();
        }
        await Undo(page);

        page.WaitForAssertion(() => Assert.Contains(host.Messages, m => m.Contains("“renamed stage 'Stage A' to 'Look'” cannot be undone: Someone else changed the stage 'Explore' since")));
        Assert.Equal("Explore", (await MapSeed.ReadAsync(factory, map.Id)).OrderedStages.First().Name);
        Assert.Contains("Undo: deleted step 'one'", page.Find("[data-testid=undo]").TextContent);
        Assert.True(page.Find("[data-testid=redo]").HasAttribute("disabled"));

        await Undo(page);
        page.WaitForAssertion(() => Assert.Single(page.FindAll("[data-step=one]")));
        Assert.Equal("Explore: one, two | Stage B: three", MapSeed.Layout(await MapSeed.ReadAsync(factory, map.Id)));
    }

    [Fact]
    public async Task A_new_step_undone_and_redone_is_the_same_step_so_its_later_edit_is_redone_too()
    {
        var map = await MapSeed.CreateAsync(factory, "Undo an added step");
        using var host = new PageHost(factory, WorkspaceRole.Owner);
        var page = Open(host, map.Id);

        await page.Find("button[aria-label='Add a step to Stage B']").ClickAsync();
        page.WaitForElement("#step-action");
        page.Find("#step-action").Input("four");
        await page.FindAll("[data-testid=step-editor] footer button").Single(b => b.TextContent == "Save step").ClickAsync();
        page.WaitForElement("[data-step=four]");
        var four = (await MapSeed.ReadAsync(factory, map.Id)).OrderedSteps.Single(s => s.Action == "four").Id;

        await Undo(page);
        await Undo(page);
        page.WaitForAssertion(() => Assert.Equal(3, page.FindAll("[data-step]").Count));
        Assert.Equal("Stage A: one, two | Stage B: three", MapSeed.Layout(await MapSeed.ReadAsync(factory, map.Id)));
        await Redo(page);
        await Redo(page);

        page.WaitForElement("[data-step=four]");
        var redone = await MapSeed.ReadAsync(factory, map.Id);
        Assert.Equal("Stage A: one, two | Stage B: three, four", MapSeed.Layout(redone));
        Assert.Equal(four, redone.OrderedSteps.Single(s => s.Action == "four").Id);
    }

    [Fact]
    public async Task The_history_keeps_the_last_50_changes_and_a_new_change_ends_what_could_be_redone()
    {
        var history = new MapHistory();
        for (var i = 1; i <= 51; i++) history.Record(new MapEdit($"change {i}", () => Task.CompletedTask, () => Task.CompletedTask));
        Assert.Equal((50, "change 51"), (history.UndoCount, history.NextUndo!.Label));

        var undone = new List<string>();
        while (history.NextUndo is not null) await history.UndoAsync(e => { undone.Add(e.Label); return Task.FromResult(true); });
        Assert.Equal(Enumerable.Range(2, 50).Reverse().Select(i => $"change {i}"), undone);
        Assert.Equal((0, 50, "change 2"), (history.UndoCount, history.RedoCount, history.NextRedo!.Label));

        await history.RedoAsync(_ => Task.FromResult(true));
        await history.RedoAsync(_ => Task.FromResult(false));
        Assert.Equal((1, 48, "change 4"), (history.UndoCount, history.RedoCount, history.NextRedo!.Label));
        history.Record(new MapEdit("something new", () => Task.CompletedTask, () => Task.CompletedTask));
        Assert.Equal((2, 0), (history.UndoCount, history.RedoCount));
        Assert.Equal(["something new", "change 2"], history.Timeline.Select(t => t.Edit.Label));
    }
}
