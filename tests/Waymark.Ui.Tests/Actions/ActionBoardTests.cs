using Microsoft.EntityFrameworkCore;
using Waymark.Domain.Improvements;
using Waymark.Storage.Access;
using Waymark.Ui.Tests.Support;

namespace Waymark.Ui.Tests.Actions;

[Collection(UiCollection.Name)]
public sealed class ActionBoardTests(UiFactory factory)
{
    private static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow);

    private async Task<List<Improvement>> DemoActionsAsync()
    {
        await using var db = factory.OpenDb();
        var demo = factory.DemoId;
        return await db.Improvements.Where(i => i.WorkspaceId == demo && i.Kind == ImprovementKind.Action).ToListAsync();
    }

    [Fact]
    public async Task Every_open_in_progress_and_done_action_sits_in_its_column_and_discarded_ones_are_not_on_the_board()
    {
        var actions = await DemoActionsAsync();
        var page = Html.Parse(await factory.PageAsync("/w/demo/actions"));

        foreach (var status in new[] { ImprovementStatus.Open, ImprovementStatus.InProgress, ImprovementStatus.Done })
        {
            var column = page.QuerySelector($"[data-testid=action-board] [data-status={status}]");
            Assert.NotNull(column);
            var shown = column!.QuerySelectorAll("[data-action]").Select(a => a.GetAttribute("data-action")!).Order().ToList();
            var expected = actions.Where(a => a.Status == status).Select(a => a.Title).Order().ToList();
            Assert.NotEmpty(expected);
            Assert.Equal(expected, shown);
        }
        foreach (var gone in actions.Where(a => a.Status == ImprovementStatus.Discarded))
            Assert.Null(page.QuerySelector($"[data-action='{gone.Title}']"));
    }

    [Fact]
    public async Task Overdue_actions_are_marked_in_words_and_no_others()
    {
        var actions = await DemoActionsAsync();
        var overdue = actions.Where(a => a.IsOverdue(Today)).Select(a => a.Title).ToHashSet();
        Assert.NotEmpty(overdue);
        // Done actions with a past due date are not overdue.
        Assert.Contains(actions, a => a.Status == ImprovementStatus.Done && a.DueOn < Today);

        var page = Html.Parse(await factory.PageAsync("/w/demo/actions"));

        foreach (var card in page.QuerySelectorAll("[data-action]"))
        {
            var title = card.GetAttribute("data-action")!;
            var marked = card.QuerySelectorAll(".wm-tag").Any(t => t.Text() == "overdue");
            Assert.True(overdue.Contains(title) == marked, $"'{title}': overdue {overdue.Contains(title)}, marked {marked}");
        }
    }

    [Fact]
    public async Task Cards_show_owner_due_date_priority_and_link_back_to_the_touchpoint_or_the_journey_step()
    {
        await using var db = factory.OpenDb();
        var demo = factory.DemoId;
        var withTouchpoint = await db.Improvements.FirstAsync(i => i.WorkspaceId == demo && i.Kind == ImprovementKind.Action
            && i.Status == ImprovementStatus.Open && i.TouchpointId != null && i.OwnerId != null && i.DueOn != null);
        var owner = await db.People.SingleAsync(p => p.Id == withTouchpoint.OwnerId);
        var withStep = await db.Improvements.FirstAsync(i => i.WorkspaceId == demo && i.Kind == ImprovementKind.Action
            && i.Status != ImprovementStatus.Discarded && i.StepId != null);
        var journeyId = await (from step in db.Steps join stage in db.Stages on step.StageId equals stage.Id
                               where step.Id == withStep.StepId select stage.JourneyId).SingleAsync();

        var page = Html.Parse(await factory.PageAsync("/w/demo/actions"));

        var card = page.QuerySelector($"[data-action='{withTouchpoint.Title}']")!;
        Assert.Contains(owner.Name, card.Text());
        Assert.Contains(withTouchpoint.DueOn!.Value.ToString("yyyy-MM-dd"), card.Text());
        Assert.Contains(withTouchpoint.Priority.ToString(), card.Text());
        Assert.NotNull(card.QuerySelector($"a[href='/w/demo/touchpoints/{withTouchpoint.TouchpointId}']"));

        var stepCard = page.QuerySelector($"[data-action='{withStep.Title}']")!;
        Assert.Contains(stepCard.QuerySelectorAll("a"), a => a.GetAttribute("href")!.StartsWith($"/w/demo/journeys/{journeyId}", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Editors_move_cards_with_labelled_buttons_and_viewers_get_none()
    {
        var owner = Html.Parse(await factory.PageAsync("/w/demo/actions", WorkspaceRole.Owner));
        var viewer = Html.Parse(await factory.PageAsync("/w/demo/actions", WorkspaceRole.Viewer));

        var open = owner.QuerySelector("[data-status=Open] [data-action]")!;
        var move = Assert.Single(open.QuerySelectorAll("button"), b => b.GetAttribute("aria-label")!.StartsWith("Move ", StringComparison.Ordinal));
        Assert.Contains(open.QuerySelectorAll("button"), b => b.GetAttribute("aria-label") == $"Edit {open.GetAttribute("data-action")}");
        Assert.Equal($"Move {open.GetAttribute("data-action")} to In progress", move.GetAttribute("aria-label"));
        var doing = owner.QuerySelector("[data-status=InProgress] [data-action]")!;
        Assert.Equal(2, doing.QuerySelectorAll("button[aria-label^='Move ']").Length);

        Assert.NotEmpty(viewer.QuerySelectorAll("[data-action]"));
        Assert.Empty(Html.EditControls(viewer));
        Assert.NotNull(viewer.QuerySelector("[data-testid=read-only]"));
    }

    [Fact]
    public async Task Discarded_actions_appear_behind_the_toggle_and_filters_narrow_the_board()
    {
        await using (var db = factory.OpenDb())
        {
            db.Improvements.Add(new Improvement(factory.DemoId, ImprovementKind.Action, new ImprovementContent("Dropped: fax confirmations", Status: ImprovementStatus.Discarded)));
            await db.SaveChangesAsync();
        }
        var actions = await DemoActionsAsync();
        var discarded = actions.Where(a => a.Status == ImprovementStatus.Discarded).ToList();
        Assert.NotEmpty(discarded);
        Assert.Null(Html.Parse(await factory.PageAsync("/w/demo/actions")).QuerySelector("[data-status=Discarded]"));

        var withDiscarded = Html.Parse(await factory.PageAsync("/w/demo/actions?discarded=true"));
        Assert.Equal(discarded.Select(a => a.Title).Order(), withDiscarded.QuerySelectorAll("[data-status=Discarded] [data-action]").Select(a => a.GetAttribute("data-action")).Order());

        var overdue = Html.Parse(await factory.PageAsync("/w/demo/actions?overdue=true"));
        Assert.Equal(actions.Where(a => a.IsOverdue(Today)).Select(a => a.Title).Order(), overdue.QuerySelectorAll("[data-action]").Select(a => a.GetAttribute("data-action")).Order());

        var owner = actions.First(a => a.OwnerId != null).OwnerId!.Value;
        var owned = Html.Parse(await factory.PageAsync($"/w/demo/actions?owner={owner}"));
        Assert.Equal(actions.Where(a => a.OwnerId == owner && a.Status != ImprovementStatus.Discarded).Select(a => a.Title).Order(),
            owned.QuerySelectorAll("[data-action]").Select(a => a.GetAttribute("data-action")).Order());
        Assert.Equal(owner.ToString(), owned.QuerySelector("#filter-owner option[selected]")?.GetAttribute("value") ?? owned.QuerySelector("#filter-owner")!.GetAttribute("value"));
    }

    [Theory]
    [InlineData("insights", ImprovementKind.Insight)]
    [InlineData("ideas", ImprovementKind.Idea)]
    public async Task Insights_and_ideas_are_tabs_on_the_same_page(string view, ImprovementKind kind)
    {
        await using var db = factory.OpenDb();
        var demo = factory.DemoId;
        var items = await db.Improvements.Where(i => i.WorkspaceId == demo && i.Kind == kind && i.Status != ImprovementStatus.Discarded).Select(i => i.Title).ToListAsync();
        Assert.NotEmpty(items);

        var page = Html.Parse(await factory.PageAsync($"/w/demo/actions?view={view}"));

        Assert.Equal(items.Order(), page.QuerySelectorAll("[data-item]").Select(i => i.GetAttribute("data-item")).Order());
        Assert.Null(page.QuerySelector("[data-testid=action-board]"));
        Assert.Equal("true", page.QuerySelector($"[role=tab][href$='view={view}']")!.GetAttribute("aria-selected"));
    }
}
