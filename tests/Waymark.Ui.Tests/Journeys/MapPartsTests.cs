using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Bunit;
using Waymark.Storage.Access;
using Waymark.Ui.Tests.Support;
using Waymark.Web.Components.Pages.Journeys;

namespace Waymark.Ui.Tests.Journeys;

/// <summary>
/// The map page's rows render on their own (issue 11: 200 open pages of a map): a change made elsewhere re-renders the
/// rows whose content changed and no other, and the lanes' cells, drawn as HTML, show users' text as text.
/// </summary>
[Collection(UiCollection.Name)]
public sealed class MapPartsTests(UiFactory factory)
{
    private static IRenderedComponent<JourneyMap> Open(PageHost host, Guid id)
    {
        var page = host.Context.Render<JourneyMap>(p => p.Add(x => x.Ws, "demo").Add(x => x.Id, id));
        page.WaitForElement("[data-step]");
        return page;
    }

    /// <summary>How often each row has rendered: the stage heads, the step heads, then each lane by its name.</summary>
    private static Dictionary<string, int> Renders(IRenderedComponent<JourneyMap> page)
    {
        var counts = new Dictionary<string, int>
        {
            ["stages"] = page.FindComponent<MapStageRow>().RenderCount,
            ["steps"] = page.FindComponent<MapStepRow>().RenderCount,
        };
        foreach (var lane in page.FindComponents<MapLaneRow>()) counts[lane.Instance.Row.Title] = lane.RenderCount;
        return counts;
    }

    private async Task<JsonElement> JourneyAsync(Guid id) =>
        await factory.ClientAs(WorkspaceRole.Owner).GetFromJsonAsync<JsonElement>($"/api/workspaces/demo/journeys/{id}");

    [Fact]
    public async Task A_stage_renamed_elsewhere_re_renders_the_stage_heads_and_not_the_steps_or_any_lane()
    {
        var map = await MapSeed.CreateAsync(factory, "Rename renders one row");
        using var host = new PageHost(factory, WorkspaceRole.Viewer);
        var page = Open(host, map.Id);
        var before = Renders(page);
        Assert.True(before.Count > 8, "every lane is shown as a row of its own");

        var stage = (await JourneyAsync(map.Id)).GetProperty("stages")[0];
        var renamed = await factory.ClientAs(WorkspaceRole.Owner).PutAsJsonAsync($"/api/workspaces/demo/journeys/{map.Id}/stages/{map.StageA}",
            new { name = "Stage A, renamed", version = stage.GetProperty("version").GetInt32() });
        Assert.Equal(HttpStatusCode.OK, renamed.StatusCode);

        page.WaitForAssertion(() => Assert.Equal("Stage A, renamed", page.Find($"[data-stage-id='{map.StageA}'] .wm-stage-name").TextContent));
        var after = Renders(page);
        Assert.Equal(before["stages"] + 1, after["stages"]);
        Assert.Equal(before.Where(r => r.Key != "stages"), after.Where(r => r.Key != "stages"));
    }

    [Fact]
    public async Task A_step_edited_elsewhere_re_renders_only_its_changed_lanes_and_shows_markup_in_its_text_as_text()
    {
        var map = await MapSeed.CreateAsync(factory, "Edit renders its lanes");
        using var host = new PageHost(factory, WorkspaceRole.Viewer);
        var page = Open(host, map.Id);
        var before = Renders(page);

        var one = (await JourneyAsync(map.Id)).GetProperty("stages")[0].GetProperty("steps")[0];
        const string thoughts = "<b>Not bold</b> & <script>alert(1)</script>";
        var edited = await factory.ClientAs(WorkspaceRole.Owner).PutAsJsonAsync($"/api/workspaces/demo/journeys/{map.Id}/steps/{one.GetProperty("id").GetGuid()}",
            new { action = "one", thoughtsAndMotivation = thoughts, emotion = 1, version = one.GetProperty("version").GetInt32() });
        Assert.Equal(HttpStatusCode.OK, edited.StatusCode);

        page.WaitForAssertion(() => Assert.Equal(thoughts, page.FindAll("[data-lane=thoughts]")[0].TextContent));
        Assert.Empty(page.FindAll("[data-lane=thoughts] b, [data-lane=thoughts] script"));
        var after = Renders(page);
        var changed = after.Where(r => before[r.Key] != r.Value).Select(r => r.Key).ToList();
        Assert.Equal(["Thoughts & motivation"], changed);
    }

    [Fact]
    public async Task A_lane_moved_from_its_head_moves_on_the_page()
    {
        var map = await MapSeed.CreateAsync(factory, "Lane moved from its head");
        using var host = new PageHost(factory, WorkspaceRole.Editor);
        var page = Open(host, map.Id);
        string[] Lanes() => page.FindAll("[data-lane-head]").Select(h => h.GetAttribute("data-lane-head")!).ToArray();
        var before = Lanes();
        var second = before[1];

        await page.Find($"[data-lane-head='{second}'] button[aria-label^='Move lane'][aria-label$=' up']").ClickAsync();

        page.WaitForAssertion(() => Assert.Equal([second, before[0], .. before[2..]], Lanes()));
        // The lanes the page draws, in their stored order (the evidence lane is stored but drawn only once the workspace has events).
        Assert.Equal([second, before[0], .. before[2..]], (await JourneyAsync(map.Id)).GetProperty("lanes").EnumerateArray().Select(l => l.GetString()!).Where(before.Contains).Take(before.Length));
    }

    [Fact]
    public async Task Pages_of_one_map_hold_the_same_html_of_its_lanes_when_opened_and_after_a_change()
    {
        var map = await MapSeed.CreateAsync(factory, "Lanes shared by pages");
        using var first = new PageHost(factory, WorkspaceRole.Viewer);
        using var second = new PageHost(factory, WorkspaceRole.Editor);
        var a = Open(first, map.Id);
        var b = Open(second, map.Id);
        static List<string?> Cells(IRenderedComponent<JourneyMap> page) => page.FindComponents<MapLaneRow>().Select(r => r.Instance.Cells).ToList();
        void SameStrings()
        {
            var (ca, cb) = (Cells(a), Cells(b));
            Assert.Equal(ca.Count, cb.Count);
            for (var i = 0; i < ca.Count; i++) Assert.Same(ca[i], cb[i]);
        }
        // Each page read the map itself, yet they keep one copy of each lane's cells.
        SameStrings();

        var one = (await JourneyAsync(map.Id)).GetProperty("stages")[0].GetProperty("steps")[0];
        var edited = await factory.ClientAs(WorkspaceRole.Owner).PutAsJsonAsync($"/api/workspaces/demo/journeys/{map.Id}/steps/{one.GetProperty("id").GetGuid()}",
            new { action = "one", questions = "Shared after the change?", emotion = 1, version = one.GetProperty("version").GetInt32() });
        Assert.Equal(HttpStatusCode.OK, edited.StatusCode);
        foreach (var page in new[] { a, b })
            page.WaitForAssertion(() => Assert.Equal("Shared after the change?", page.FindAll("[data-lane=questions]")[0].TextContent));
        SameStrings();
    }
}
