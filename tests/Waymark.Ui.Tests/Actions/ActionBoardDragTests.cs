using Bunit;
using Microsoft.EntityFrameworkCore;
using Waymark.Domain.Improvements;
using Waymark.Storage.Access;
using Waymark.Ui.Tests.Support;
using ActionsPage = Waymark.Web.Components.Pages.Actions.Actions;

namespace Waymark.Ui.Tests.Actions;

/// <summary>The action board's drag and drop, on the live page: the drop goes through the same guarded move as the buttons.</summary>
[Collection(UiCollection.Name)]
public sealed class ActionBoardDragTests(UiFactory factory) : IDisposable
{
    private readonly ComponentHost _host = new(factory);

    public void Dispose() => _host.Dispose();

    private async Task<Improvement> ActionAsync(string title, bool withOwner = true)
    {
        await using var db = factory.OpenDb();
        var demo = factory.DemoId;
        var owner = withOwner ? await db.People.Where(p => p.WorkspaceId == demo).Select(p => (Guid?)p.Id).FirstAsync() : null;
        var action = new Improvement(demo, ImprovementKind.Action, new ImprovementContent(title, OwnerId: owner, DueOn: new DateOnly(2031, 3, 1)));
        db.Improvements.Add(action);
        await db.SaveChangesAsync();
        return action;
    }

    private async Task<Improvement> StoredAsync(Guid id)
    {
        await using var db = factory.OpenDb();
        return await db.Improvements.AsNoTracking().SingleAsync(i => i.Id == id);
    }

    private IRenderedComponent<ActionsPage> Board(WorkspaceRole role)
    {
        var page = _host.SignedInAs(role).Context.Render<ActionsPage>(p => p.Add(a => a.Ws, "demo"));
        page.WaitForElement("[data-testid=action-board] [data-action]");
        return page;
    }

    private static async Task DragAsync(IRenderedComponent<ActionsPage> page, string title, ImprovementStatus to)
    {
        await page.Find($"[data-action='{title}']").DragStartAsync(new());
        await page.Find($"[data-status={to}]").DropAsync(new());
        await page.Find($"[data-action='{title}']").DragEndAsync(new());
    }

    private List<string> Messages => _host.Snackbar.ShownSnackbars.Select(s => s.Message ?? "").ToList();

    [Fact]
    public async Task A_card_dropped_on_another_column_takes_its_status_and_done_records_when_it_was_completed()
    {
        var action = await ActionAsync("Drag: hand over the chatbot case with its transcript");
        var page = Board(WorkspaceRole.Owner);

        await DragAsync(page, action.Title, ImprovementStatus.InProgress);
        page.WaitForAssertion(() => Assert.NotNull(page.Find($"[data-status=InProgress] [data-action='{action.Title}']")));
        var doing = await StoredAsync(action.Id);
        Assert.Equal((ImprovementStatus.InProgress, null, action.Version + 1), (doing.Status, doing.CompletedAt, doing.Version));
        Assert.Contains($"'{action.Title}' is now in progress.", Messages);

        // Straight to done, past the button order, from the card as it is shown now (its new version).
        var before = DateTimeOffset.UtcNow;
        await DragAsync(page, action.Title, ImprovementStatus.Done);
        page.WaitForAssertion(() => Assert.NotNull(page.Find($"[data-status=Done] [data-action='{action.Title}']")));
        var done = await StoredAsync(action.Id);
        Assert.Equal(ImprovementStatus.Done, done.Status);
        Assert.InRange(done.CompletedAt!.Value, before.AddSeconds(-1), DateTimeOffset.UtcNow.AddSeconds(1));
        Assert.Equal(action.Version + 2, done.Version);

        // Back out of done: no longer completed.
        await DragAsync(page, action.Title, ImprovementStatus.Open);
        page.WaitForAssertion(() => Assert.NotNull(page.Find($"[data-status=Open] [data-action='{action.Title}']")));
        var reopened = await StoredAsync(action.Id);
        Assert.Equal((ImprovementStatus.Open, null), (reopened.Status, reopened.CompletedAt));
    }

    [Fact]
    public async Task A_drop_on_its_own_column_changes_nothing_and_one_the_domain_refuses_says_why()
    {
        var owned = await ActionAsync("Drag: stays where it is");
        var ownerless = await ActionAsync("Drag: nobody owns this yet", withOwner: false);
        var page = Board(WorkspaceRole.Owner);

        await DragAsync(page, owned.Title, ImprovementStatus.Open);
        await DragAsync(page, ownerless.Title, ImprovementStatus.InProgress);

        page.WaitForAssertion(() => Assert.Contains("An action in progress needs an owner.", Messages));
        Assert.NotNull(page.Find($"[data-status=Open] [data-action='{ownerless.Title}']"));
        foreach (var action in new[] { owned, ownerless })
        {
            var stored = await StoredAsync(action.Id);
            Assert.Equal((ImprovementStatus.Open, action.Version), (stored.Status, stored.Version));
        }
        Assert.DoesNotContain(Messages, m => m.Contains(owned.Title, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_card_someone_else_changed_meanwhile_is_not_overwritten_by_the_drop_and_the_newer_version_is_shown()
    {
        var action = await ActionAsync("Drag: a colleague got there first");
        var page = Board(WorkspaceRole.Owner);
        await using (var db = factory.OpenDb())
        {
            var other = await db.Improvements.SingleAsync(i => i.Id == action.Id);
            other.Apply(new ImprovementContent(other.Title, "Started by a colleague", other.OwnerId, other.DueOn, ImprovementStatus.InProgress));
            await db.SaveChangesAsync();
        }

        await DragAsync(page, action.Title, ImprovementStatus.Done);

        page.WaitForAssertion(() => Assert.Contains(Messages, m => m.Contains("changed by someone else", StringComparison.Ordinal)));
        Assert.Contains(_host.Snackbar.ShownSnackbars, s => s.Severity == MudBlazor.Severity.Warning);
        var stored = await StoredAsync(action.Id);
        Assert.Equal((ImprovementStatus.InProgress, null), (stored.Status, stored.CompletedAt));
        page.WaitForAssertion(() => Assert.NotNull(page.Find($"[data-status=InProgress] [data-action='{action.Title}']")));
    }

    [Fact]
    public void Editors_cards_are_draggable_and_a_viewers_have_no_draggable_attribute_and_no_drag_or_drop_handlers()
    {
        var owner = Board(WorkspaceRole.Owner);
        Assert.All(owner.FindAll("[data-action]"), card => Assert.Equal("true", card.GetAttribute("draggable")));

        using var viewerHost = new ComponentHost(factory);
        var viewer = viewerHost.SignedInAs(WorkspaceRole.Viewer).Context.Render<ActionsPage>(p => p.Add(a => a.Ws, "demo"));
        viewer.WaitForElement("[data-testid=read-only]");
        viewer.WaitForElement("[data-action]");
        var cards = viewer.FindAll("[data-action]");
        Assert.NotEmpty(cards);
        Assert.Empty(viewer.FindAll("[draggable]"));
        Assert.Throws<MissingEventHandlerException>(() => cards[0].DragStart());
        Assert.Throws<MissingEventHandlerException>(() => cards[0].DragEnd());
        Assert.All(viewer.FindAll("[data-status]"), column => Assert.Throws<MissingEventHandlerException>(() => column.Drop()));
    }
}
