using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Waymark.Storage.Access;
using Waymark.Web.Access;
using Waymark.Web.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Waymark.Browser.Tests;

/// <summary>A role taken away counts in pages that are already open, not only after a reload.</summary>
public sealed class RoleChangeTests(WaymarkServer server) : IClassFixture<WaymarkServer>
{
    [Fact]
    public async Task An_editor_demoted_while_the_page_is_open_cannot_save_and_is_told_why()
    {
        var email = $"editor-{Guid.NewGuid():N}@example.com";
        string userId;
        await using (var scope = server.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<WaymarkUser>>();
            var db = scope.ServiceProvider.GetRequiredService<Waymark.Storage.WaymarkDb>();
            var (user, _) = await Accounts.CreateAsync(users, email, administrator: false, password: WaymarkServer.Password);
            userId = user.Id;
            var demo = await db.Workspaces.SingleAsync(w => w.Key == "demo");
            await Accounts.GrantAsync(db, demo.Id, user.Id, WorkspaceRole.Editor, TimeProvider.System, default);
        }
        var page = await server.SignedInPageAsync(email, "/w/demo/personas");
        await page.ClickAsync("text=+ New persona");
        await page.FillAsync("#persona-name", "Demoted Dora");

        await using (var db = server.OpenDb())
        {
            var membership = await db.Memberships.SingleAsync(m => m.UserId == userId);
            membership.Role = WorkspaceRole.Viewer;
            await db.SaveChangesAsync();
        }
        await page.ClickAsync("text=Create persona");
        await Expect(page.GetByText(Refusals.RoleTooSmall(WorkspaceRole.Editor, "demo"))).ToBeVisibleAsync();
        await using (var db = server.OpenDb()) Assert.False(await db.Personas.AnyAsync(p => p.Name == "Demoted Dora"));
    }
}
