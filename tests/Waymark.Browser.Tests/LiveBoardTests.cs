using Microsoft.EntityFrameworkCore;
using Waymark.Domain.Improvements;
using static Microsoft.Playwright.Assertions;

namespace Waymark.Browser.Tests;

/// <summary>Two people on the same action board: what one moves, the other sees move without reloading.</summary>
public sealed class LiveBoardTests(WaymarkServer server) : IClassFixture<WaymarkServer>
{
    [Fact]
    public async Task A_card_moved_in_one_browser_moves_in_the_other_with_a_word_about_it()
    {
        string title;
        await using (var db = server.OpenDb())
        {
            var demo = await db.Workspaces.SingleAsync(w => w.Key == "demo");
            title = (await db.Improvements.AsNoTracking()
                .Where(i => i.WorkspaceId == demo.Id && i.Kind == ImprovementKind.Action && i.Status == ImprovementStatus.Open && i.OwnerId != null)
                .Select(i => i.Title).ToListAsync()).Order(StringComparer.Ordinal).First();
        }
        var mover = await server.SignedInPageAsync(returnUrl: "/w/demo/actions");
        var watcher = await server.SignedInPageAsync(WaymarkServer.ViewerEmail, "/w/demo/actions");
        var inProgress = $"[data-testid=action-board] [data-status={ImprovementStatus.InProgress}] [data-action=\"{title}\"]";
        await Expect(watcher.Locator(inProgress)).ToHaveCountAsync(0);

        await mover.ClickAsync($"button[aria-label=\"Move {title} to In progress\"]");
        await Expect(mover.Locator(inProgress)).ToHaveCountAsync(1);

        await Expect(watcher.Locator(inProgress)).ToHaveCountAsync(1);
        await Expect(watcher.Locator(".mud-snackbar")).ToContainTextAsync("updated by someone else");
        await Expect(mover.Locator(".mud-snackbar").Filter(new() { HasText = "updated by someone else" })).ToHaveCountAsync(0);
    }
}
