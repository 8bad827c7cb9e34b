using Microsoft.EntityFrameworkCore;
using Waymark.Storage.Access;
using Waymark.Ui.Tests.Support;

namespace Waymark.Ui.Tests.Settings;

[Collection(UiCollection.Name)]
public sealed class SettingsPageTests(UiFactory factory)
{
    [Fact]
    public async Task Phases_in_their_order_with_labelled_move_rename_and_delete_buttons_for_editors()
    {
        await using var db = factory.OpenDb();
        var demo = factory.DemoId;
        var phases = await db.Phases.Where(p => p.WorkspaceId == demo).OrderBy(p => p.Position).Select(p => p.Name).ToListAsync();

        var page = Html.Parse(await factory.PageAsync("/w/demo/settings"));

        Assert.Equal(phases, page.QuerySelectorAll("[data-testid=phases] li[data-phase]").Select(li => li.GetAttribute("data-phase")!).ToList());
        var first = page.QuerySelector("[data-testid=phases] li[data-phase]")!;
        var labels = first.QuerySelectorAll("button").Select(b => b.GetAttribute("aria-label")).ToList();
        Assert.Equal([$"Move {phases[0]} up", $"Move {phases[0]} down", $"Rename {phases[0]}", $"Delete {phases[0]}"], labels);
        Assert.True(first.QuerySelector("button")!.HasAttribute("disabled"));
        Assert.NotNull(page.QuerySelector("label[for=add-phase]"));
    }

    [Fact]
    public async Task Channels_with_kind_and_reach()
    {
        await using var db = factory.OpenDb();
        var demo = factory.DemoId;
        var channels = await db.Channels.Where(c => c.WorkspaceId == demo).ToListAsync();

        var page = Html.Parse(await factory.PageAsync("/w/demo/settings?tab=channels"));

        Assert.Equal(channels.Count, page.QuerySelectorAll("[data-channel]").Length);
        foreach (var c in channels)
        {
            var row = page.QuerySelector($"[data-channel='{c.Name}']")!.Text().ToLowerInvariant();
            Assert.Contains(c.Kind.ToString().ToLowerInvariant(), row);
            Assert.Contains(c.Reach.ToString().ToLowerInvariant(), row);
        }
    }

    [Fact]
    public async Task Departments_with_their_bottlenecks_delays_and_internal_problems()
    {
        await using var db = factory.OpenDb();
        var demo = factory.DemoId;
        var departments = await db.Departments.Where(d => d.WorkspaceId == demo).ToListAsync();
        Assert.Contains(departments, d => d.Bottlenecks.Length + d.Delays.Length + d.InternalProblems.Length > 0);

        var page = Html.Parse(await factory.PageAsync("/w/demo/settings?tab=departments"));

        foreach (var d in departments)
        {
            var card = page.QuerySelector($"[data-department='{d.Name}']")!.Text();
            foreach (var item in d.Bottlenecks.Concat(d.Delays).Concat(d.InternalProblems))
                Assert.Contains(string.Join(' ', item.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)), card);
        }
    }

    [Fact]
    public async Task People_with_role_email_and_department()
    {
        await using var db = factory.OpenDb();
        var demo = factory.DemoId;
        var people = await db.People.Where(p => p.WorkspaceId == demo).ToListAsync();
        var departments = await db.Departments.Where(d => d.WorkspaceId == demo).ToDictionaryAsync(d => d.Id, d => d.Name);

        var page = Html.Parse(await factory.PageAsync("/w/demo/settings?tab=people"));

        foreach (var p in people)
        {
            var row = page.QuerySelector($"[data-person='{p.Name}']")!.Text();
            if (p.Role is { } role) Assert.Contains(role, row);
            if (p.Email is { } email) Assert.Contains(email, row);
            if (p.DepartmentId is { } d) Assert.Contains(departments[d], row);
        }
    }

    [Fact]
    public async Task Owners_see_members_and_tokens_and_viewers_do_not()
    {
        var owner = Html.Parse(await factory.PageAsync("/w/demo/settings?tab=members", WorkspaceRole.Owner));
        var viewer = Html.Parse(await factory.PageAsync("/w/demo/settings?tab=members", WorkspaceRole.Viewer));

        Assert.Contains(UiFactory.OwnerEmail, owner.QuerySelector("[data-testid=members]")!.Text());
        Assert.NotNull(owner.QuerySelector("[data-testid=tokens]"));
        Assert.Null(viewer.QuerySelector("[data-testid=members]"));
        Assert.DoesNotContain(viewer.QuerySelectorAll("[role=tab]"), t => t.Text().Contains("Members"));
        Assert.NotNull(viewer.QuerySelector("[data-testid=phases]"));
    }

    [Theory]
    [InlineData("phases")]
    [InlineData("channels")]
    [InlineData("departments")]
    [InlineData("people")]
    public async Task Viewers_see_every_tab_without_a_way_to_change_it(string tab)
    {
        var owner = Html.Parse(await factory.PageAsync($"/w/demo/settings?tab={tab}", WorkspaceRole.Owner));
        var viewer = Html.Parse(await factory.PageAsync($"/w/demo/settings?tab={tab}", WorkspaceRole.Viewer));

        Assert.NotEmpty(Html.EditControls(owner));
        Assert.Empty(Html.EditControls(viewer));
        Assert.NotNull(viewer.QuerySelector("[data-testid=read-only]"));
        Assert.NotNull(viewer.QuerySelector($"[data-testid=settings-{tab}]"));
    }
}
