using Microsoft.EntityFrameworkCore;
using Waymark.Storage.Access;
using Waymark.Ui.Tests.Support;

namespace Waymark.Ui.Tests.Settings;

[Collection(UiCollection.Name)]
public sealed class SettingsPageTests(UiFactory factory)
{
    [Fact]
    public async Task Phases_in_their_order_channels_with_kind_and_reach_departments_and_people_with_their_role()
    {
        await using var db = factory.OpenDb();
        var demo = factory.DemoId;
        var phases = await db.Phases.Where(p => p.WorkspaceId == demo).OrderBy(p => p.Position).Select(p => p.Name).ToListAsync();
        var channels = await db.Channels.Where(c => c.WorkspaceId == demo).ToListAsync();
        var departments = await db.Departments.Where(d => d.WorkspaceId == demo).Select(d => d.Name).ToListAsync();
        var people = await db.People.Where(p => p.WorkspaceId == demo).ToListAsync();

        var page = Html.Parse(await factory.PageAsync("/w/demo/settings"));
        var text = page.QuerySelector(".wm-page")!.Text();

        Assert.Equal(phases, page.QuerySelectorAll("ol li").Select(li => li.Text()).ToList());
        foreach (var c in channels)
        {
            var item = Assert.Single(page.QuerySelectorAll("li"), li => li.FirstElementChild?.Text() == c.Name);
            Assert.Contains(c.Kind.ToString().ToLowerInvariant(), item.Text().ToLowerInvariant());
            Assert.Contains(c.Reach.ToString().ToLowerInvariant(), item.Text().ToLowerInvariant());
        }
        foreach (var d in departments) Assert.Contains(d, text);
        foreach (var p in people)
        {
            Assert.Contains(p.Name, text);
            if (p.Role is { } role) Assert.Contains(role, text);
        }
    }

    [Fact]
    public async Task Editors_get_labelled_add_forms_and_viewers_none()
    {
        var owner = Html.Parse(await factory.PageAsync("/w/demo/settings", WorkspaceRole.Owner));
        var viewer = Html.Parse(await factory.PageAsync("/w/demo/settings", WorkspaceRole.Viewer));

        foreach (var id in new[] { "add-phase", "add-channel", "add-department", "add-person" })
            Assert.NotNull(owner.QuerySelector($"label[for={id}]"));
        Assert.Empty(Html.EditControls(viewer));
        Assert.NotNull(viewer.QuerySelector("[data-testid=read-only]"));
        Assert.NotEmpty(viewer.QuerySelectorAll("ol li"));
    }
}
