using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Waymark.Domain.Improvements;
using static Microsoft.Playwright.Assertions;

namespace Waymark.Browser.Tests;

/// <summary>The action board: cards dragged between status columns, the feedback while dragging, conflicts, viewers.</summary>
public sealed class ActionBoardTests(WaymarkServer server) : IClassFixture<WaymarkServer>
{
    /// <summary>A demo action waiting in the open column with an owner, so it may go into progress; each test takes another.</summary>
    private async Task<Improvement> OpenActionAsync(int nth)
    {
        await using var db = server.OpenDb();
        var demo = await db.Workspaces.SingleAsync(w => w.Key == "demo");
        var open = await db.Improvements.AsNoTracking()
            .Where(i => i.WorkspaceId == demo.Id && i.Kind == ImprovementKind.Action && i.Status == ImprovementStatus.Open && i.OwnerId != null)
            .ToListAsync();
        return open.OrderBy(i => i.Title, StringComparer.Ordinal).ElementAt(nth);
    }

    private async Task<Improvement> StoredAsync(Guid id)
    {
        await using var db = server.OpenDb();
        return await db.Improvements.AsNoTracking().SingleAsync(i => i.Id == id);
    }

    // Cards are taken by their top left corner: the middle may be a link, which drags itself rather than the card.
    private static readonly Position Grip = new() { X = 10, Y = 8 };

    /// <summary>
    /// The board, signed in, on a window tall enough to show it whole: Playwright scrolls a target into view after
    /// the button is down, and chromium then picks the card under the old pointer position as the one dragged.
    /// </summary>
    private async Task<IPage> BoardAsync(string email = WaymarkServer.AdminEmail)
    {
        var page = await server.SignedInPageAsync(email, "/w/demo/actions");
        await page.SetViewportSizeAsync(1280, 2400);
        await Expect(page.Locator("[data-testid=action-board] [data-action]").First).ToBeVisibleAsync();
        return page;
    }

    private static ILocator Card(IPage page, string title) => page.Locator($"[data-action=\"{title}\"]");
    private static ILocator Column(IPage page, ImprovementStatus status) => page.Locator($"[data-testid=action-board] [data-status={status}]");
    private static ILocator CardIn(IPage page, ImprovementStatus status, string title) => Column(page, status).Locator($"[data-action=\"{title}\"]");

    [Fact]
    public async Task A_card_dragged_to_another_column_changes_status_in_the_database_and_stays_there_after_a_reload()
    {
        var action = await OpenActionAsync(0);
        var page = await BoardAsync();
        await Expect(CardIn(page, ImprovementStatus.Open, action.Title)).ToHaveCountAsync(1);

        // While dragging: the card is marked, and only the column under the pointer is highlighted — not the card's own.
        await Card(page, action.Title).HoverAsync(new LocatorHoverOptions { Position = Grip });
        await page.Mouse.DownAsync();
        await Column(page, ImprovementStatus.Done).HoverAsync(new LocatorHoverOptions { Position = new Position { X = 40, Y = 20 } });
        await Column(page, ImprovementStatus.Done).HoverAsync(new LocatorHoverOptions { Position = new Position { X = 60, Y = 30 } });
        await Expect(Card(page, action.Title)).ToHaveAttributeAsync("data-dragging", "");
        await Expect(Column(page, ImprovementStatus.Done)).ToHaveAttributeAsync("data-drop-over", "");
        await Column(page, ImprovementStatus.Open).HoverAsync(new LocatorHoverOptions { Position = new Position { X = 60, Y = 30 } });
        await Expect(page.Locator("[data-drop-over]")).ToHaveCountAsync(0);
        await Column(page, ImprovementStatus.InProgress).HoverAsync(new LocatorHoverOptions { Position = new Position { X = 40, Y = 20 } });
        await Column(page, ImprovementStatus.InProgress).HoverAsync(new LocatorHoverOptions { Position = new Position { X = 60, Y = 30 } });
        await Expect(page.Locator("[data-drop-over]")).ToHaveCountAsync(1);
        await Expect(Column(page, ImprovementStatus.InProgress)).ToHaveAttributeAsync("data-drop-over", "");
        await page.Mouse.UpAsync();

        await Expect(CardIn(page, ImprovementStatus.InProgress, action.Title)).ToHaveCountAsync(1);
        await Expect(CardIn(page, ImprovementStatus.Open, action.Title)).ToHaveCountAsync(0);
        await Expect(page.Locator("[data-drop-over], [data-dragging]")).ToHaveCountAsync(0);
        var doing = await StoredAsync(action.Id);
        Assert.Equal((ImprovementStatus.InProgress, null, action.Version + 1), (doing.Status, doing.CompletedAt, doing.Version));

        // Playwright's own drag, straight on to done: completed now.
        await Card(page, action.Title).DragToAsync(Column(page, ImprovementStatus.Done), new LocatorDragToOptions { SourcePosition = new SourcePosition { X = Grip.X, Y = Grip.Y } });
        await Expect(CardIn(page, ImprovementStatus.Done, action.Title)).ToHaveCountAsync(1);
        var done = await StoredAsync(action.Id);
        Assert.Equal(ImprovementStatus.Done, done.Status);
        Assert.InRange(done.CompletedAt!.Value, DateTimeOffset.UtcNow.AddMinutes(-1), DateTimeOffset.UtcNow.AddSeconds(1));

        await page.ReloadAsync();
        await WaymarkServer.WaitForCircuitAsync(page);
        await Expect(CardIn(page, ImprovementStatus.Done, action.Title)).ToHaveCountAsync(1);
        await Expect(Card(page, action.Title)).ToHaveCountAsync(1);
    }

    [Fact]
    public async Task A_drop_on_a_card_someone_else_changed_meanwhile_shows_the_conflict_and_overwrites_nothing()
    {
        var action = await OpenActionAsync(1);
        var page = await BoardAsync();
        await Expect(CardIn(page, ImprovementStatus.Open, action.Title)).ToHaveCountAsync(1);
        await using (var db = server.OpenDb())
        {
            var other = await db.Improvements.SingleAsync(i => i.Id == action.Id);
            other.Apply(new ImprovementContent(other.Title, other.Description, other.OwnerId, other.DueOn, ImprovementStatus.InProgress, other.Priority,
                other.Impact, other.Effort, other.TouchpointId, other.JourneyId, other.StepId, other.KpiId, other.PersonaId));
            await db.SaveChangesAsync();
        }

        await Card(page, action.Title).DragToAsync(Column(page, ImprovementStatus.Done), new LocatorDragToOptions { SourcePosition = new SourcePosition { X = Grip.X, Y = Grip.Y } });

        await Expect(page.Locator(".mud-snackbar")).ToContainTextAsync("changed by someone else");
        await Expect(CardIn(page, ImprovementStatus.InProgress, action.Title)).ToHaveCountAsync(1);
        var stored = await StoredAsync(action.Id);
        Assert.Equal((ImprovementStatus.InProgress, null), (stored.Status, stored.CompletedAt));
    }

    [Fact]
    public async Task A_viewer_cannot_drag_a_card()
    {
        var action = await OpenActionAsync(2);
        var page = await BoardAsync(WaymarkServer.ViewerEmail);
        await Expect(CardIn(page, ImprovementStatus.Open, action.Title)).ToHaveCountAsync(1);
        await Expect(page.Locator("[data-testid=read-only]")).ToBeVisibleAsync();
        await Expect(page.Locator("[draggable]")).ToHaveCountAsync(0);

        await Card(page, action.Title).DragToAsync(Column(page, ImprovementStatus.Done), new LocatorDragToOptions { SourcePosition = new SourcePosition { X = Grip.X, Y = Grip.Y } });

        await Expect(page.Locator("[data-drop-over], [data-dragging]")).ToHaveCountAsync(0);
        await Expect(CardIn(page, ImprovementStatus.Open, action.Title)).ToHaveCountAsync(1);
        Assert.Equal(ImprovementStatus.Open, (await StoredAsync(action.Id)).Status);
    }
}
