using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Waymark.Domain.Journeys;
using Waymark.Storage.Access;
using Waymark.Ui.Tests.Support;
using Waymark.Web.Components.Pages.Journeys;

namespace Waymark.Ui.Tests.Journeys;

/// <summary>The map page: numbering, the step editor (limits, touchpoint finder, Escape), zoom, the emotion scale, deleting the map.</summary>
[Collection(UiCollection.Name)]
public sealed class JourneyMapPageTests(UiFactory factory)
{
    private static IRenderedComponent<JourneyMap> Open(PageHost host, Guid id)
    {
        var page = host.Context.Render<JourneyMap>(p => p.Add(x => x.Ws, "demo").Add(x => x.Id, id));
        page.WaitForElement("[data-testid=map-header]");
        return page;
    }

    /// <summary>A map whose first stage is empty: Awareness (no steps), Research (two steps), Purchase (one).</summary>
    private async Task<Guid> EmptyFirstStageAsync(string name)
    {
        await using var db = factory.OpenDb();
        var journey = new Journey(factory.DemoId, name, JourneyScenario.Onboarding);
        journey.AddStage("Awareness");
        var research = journey.AddStage("Research");
        var purchase = journey.AddStage("Purchase");
        journey.AddStep(research.Id, new StepContent("Reads reviews", Emotion: 1));
        journey.AddStep(research.Id, new StepContent("Asks a friend", Emotion: -1));
        journey.AddStep(purchase.Id, new StepContent("Pays", Emotion: 2));
        db.Journeys.Add(journey);
        await db.SaveChangesAsync();
        return journey.Id;
    }

    [Fact]
    public async Task Steps_are_numbered_one_to_three_across_an_empty_stage_and_their_heads_name_them()
    {
        var id = await EmptyFirstStageAsync("Numbered on the page");
        using var host = new PageHost(factory, WorkspaceRole.Viewer);
        var page = Open(host, id);

        Assert.Contains("3 steps in 3 stages", page.Find("[data-testid=map-header]").TextContent);
        var heads = page.FindAll("[data-step]");
        Assert.Equal(["1", "2", "3"], heads.Select(h => h.GetAttribute("data-number")));
        Assert.Equal(["Step 1", "Step 2", "Step 3"], heads.Select(h => h.QuerySelector(".wm-step-number")!.TextContent.Trim()));
        // The heads say what the step is, not only its number, even with the actions lane shown.
        Assert.Equal(["Reads reviews", "Asks a friend", "Pays"], heads.Select(h => h.QuerySelector(".wm-step-title")!.TextContent));
    }

    [Fact]
    public async Task The_emotion_lane_shows_its_scale_from_plus_three_to_minus_three()
    {
        var id = await EmptyFirstStageAsync("Emotion scale");
        using var host = new PageHost(factory, WorkspaceRole.Viewer);
        var page = Open(host, id);

        Assert.Equal(["+3", "+2", "+1", "0", "-1", "-2", "-3"], page.FindAll("[data-testid=emotion-scale] span").Select(s => s.TextContent));
        var label = page.Find("[data-lane=emotion] svg").GetAttribute("aria-label")!;
        Assert.Contains("from -3 to +3", label);
        Assert.Contains("step 1 +1, step 2 -1, step 3 +2", label);
        // Point labels are dark text, not white on the point's colour.
        Assert.All(page.FindAll(".wm-emotion-point text"), t => Assert.Equal("#1d2733", t.GetAttribute("fill")));
    }

    [Fact]
    public async Task Every_text_field_of_the_step_editor_says_its_limit_before_typing_and_it_is_the_domains()
    {
        var map = await MapSeed.CreateAsync(factory, "Field limits");
        using var host = new PageHost(factory, WorkspaceRole.Editor);
        var page = Open(host, map.Id);
        await page.Find("button[aria-label='Open step one']").ClickAsync();

        foreach (var (field, limit) in new[] { ("step-action", Step.ActionLimit), ("step-thoughts", Step.TextLimit), ("step-questions", Step.TextLimit),
                     ("step-obstacles", Step.TextLimit), ("step-notes", Step.NotesLimit) })
        {
            var input = page.Find($"#{field}");
            Assert.Equal(limit.ToString(), input.GetAttribute("maxlength"));
            var hint = page.Find($"#{input.GetAttribute("aria-describedby")}");
            Assert.StartsWith($"At most {limit:N0} characters".Replace("\u00a0", ","), hint.TextContent.Replace("\u00a0", ","));
        }
        Assert.Equal((500, 2000, 4000), (Step.ActionLimit, Step.TextLimit, Step.NotesLimit));

        // And the domain holds to the same numbers.
        var step = new Journey(factory.DemoId, "x", JourneyScenario.Onboarding);
        var stage = step.AddStage("s");
        Assert.Throws<Domain.Common.DomainRuleException>(() => step.AddStep(stage.Id, new StepContent(new string('a', Step.ActionLimit + 1))));
        step.AddStep(stage.Id, new StepContent(new string('a', Step.ActionLimit), Notes: new string('n', Step.NotesLimit)));
    }

    [Fact]
    public async Task Touchpoints_are_found_by_name_and_by_channel_and_the_attached_ones_stay_in_sight()
    {
        var map = await MapSeed.CreateAsync(factory, "Touchpoint finder");
        (string Name, Guid Channel) wanted;
        int all;
        await using (var db = factory.OpenDb())
        {
            var touchpoints = await db.Touchpoints.Where(t => t.WorkspaceId == factory.DemoId).Select(t => new { t.Name, t.ChannelId }).ToListAsync();
            all = touchpoints.Count;
            var pick = touchpoints.OrderBy(t => t.Name).First(t => touchpoints.Any(o => o.ChannelId != t.ChannelId));
            wanted = (pick.Name, pick.ChannelId);
        }
        using var host = new PageHost(factory, WorkspaceRole.Editor);
        var page = Open(host, map.Id);
        await page.Find("button[aria-label='Open step one']").ClickAsync();
        string[] Listed() => page.FindAll(".wm-tp-group label").Select(l => l.TextContent.Trim()).ToArray();
        Assert.Equal(all, Listed().Length);

        page.Find("#tp-search").Input(wanted.Name[..Math.Min(6, wanted.Name.Length)].ToUpperInvariant());
        Assert.Contains(wanted.Name, Listed());
        Assert.True(Listed().Length < all);
        Assert.All(Listed(), n => Assert.Contains(wanted.Name[..Math.Min(6, wanted.Name.Length)], n, StringComparison.OrdinalIgnoreCase));

        page.Find("#tp-search").Input("");
        page.Find("#tp-channel").Change(wanted.Channel.ToString());
        Assert.Contains(wanted.Name, Listed());
        Assert.Single(page.FindAll(".wm-tp-group"));

        page.FindAll(".wm-tp-group label").Single(l => l.TextContent.Trim() == wanted.Name).QuerySelector("input")!.Change(true);
        page.Find("#tp-search").Input("no touchpoint is called this");
        Assert.Empty(Listed());
        Assert.Contains("No touchpoint matches", page.Find("[data-testid=no-touchpoint-match]").TextContent);
        Assert.Contains(wanted.Name, page.Find("[data-testid=attached-touchpoints]").TextContent);
        Assert.Contains("(1 attached)", page.Find("#touchpoints-label").TextContent);
    }

    [Fact]
    public async Task The_step_editor_is_a_dialog_that_Escape_closes_and_says_saved_inside_instead_of_a_toast()
    {
        var map = await MapSeed.CreateAsync(factory, "Editor dialog");
        using var host = new PageHost(factory, WorkspaceRole.Editor);
        var page = Open(host, map.Id);
        await page.Find("button[aria-label='Open step two']").ClickAsync();

        var editor = page.Find("[data-testid=step-editor]");
        Assert.Equal("dialog", editor.GetAttribute("role"));
        Assert.Equal("Step 2", page.Find("#" + editor.GetAttribute("aria-labelledby")).TextContent);

        page.Find("#step-action").Input("two, renamed");
        await page.FindAll("[data-testid=step-editor] footer button").Single(b => b.TextContent == "Save step").ClickAsync();
        page.WaitForAssertion(() => Assert.Equal("Step saved.", page.Find("[data-testid=step-status]").TextContent));
        Assert.DoesNotContain(host.Messages, m => m.Contains("Step saved"));

        await page.Find("#step-action").KeyDownAsync(new KeyboardEventArgs { Key = "Escape" });
        page.WaitForAssertion(() => Assert.Empty(page.FindAll("[data-testid=step-editor]")));
    }

    [Fact]
    public async Task Zoom_steps_out_and_in_and_back_to_100_percent()
    {
        var map = await MapSeed.CreateAsync(factory, "Zoom");
        using var host = new PageHost(factory, WorkspaceRole.Viewer);
        var page = Open(host, map.Id);
        Assert.Equal("100 %", page.Find("[data-testid=zoom-value]").TextContent);

        await page.Find("button[aria-label='Zoom out']").ClickAsync();
        await page.Find("button[aria-label='Zoom out']").ClickAsync();
        Assert.Equal("80 %", page.Find("[data-testid=zoom-value]").TextContent);
        Assert.Contains("zoom:0.8;", page.Find(".wm-map").GetAttribute("style"));

        await page.Find("button[aria-label='Zoom in']").ClickAsync();
        Assert.Equal("90 %", page.Find("[data-testid=zoom-value]").TextContent);
        await page.FindAll("[data-testid=zoom] button").Single(b => b.TextContent == "100 %").ClickAsync();
        Assert.DoesNotContain("zoom:", page.Find(".wm-map").GetAttribute("style"));
    }

    [Fact]
    public async Task An_editor_deletes_the_map_after_confirming_and_lands_on_the_list_a_viewer_cannot()
    {
        var map = await MapSeed.CreateAsync(factory, "To be deleted");
        using (var viewer = new PageHost(factory, WorkspaceRole.Viewer))
            Assert.Empty(Open(viewer, map.Id).FindAll("[data-testid=delete-map]"));

        using var host = new PageHost(factory, WorkspaceRole.Editor);
        var nav = host.Context.Services.GetRequiredService<NavigationManager>();
        var page = Open(host, map.Id);
        await page.Find("[data-testid=delete-map]").ClickAsync();
        var confirm = page.Find("[data-testid=delete-map-confirm]");
        Assert.Contains("with its 2 stages and 3 steps", confirm.TextContent);
        // Asking is not deleting.
        await using (var db = factory.OpenDb()) Assert.True(await db.Journeys.AnyAsync(j => j.Id == map.Id));

        await page.FindAll("[data-testid=delete-map-confirm] button").Single(b => b.TextContent == "Delete the map").ClickAsync();
        await using (var db = factory.OpenDb())
        {
            Assert.False(await db.Journeys.AnyAsync(j => j.Id == map.Id));
            Assert.False(await db.Steps.AnyAsync(s => s.Id == map.Two));
            // As through the API: KPIs and actions stay, no longer linked.
            Assert.Null((await db.Kpis.SingleAsync(k => k.Id == map.Kpi)).StepId);
        }
        Assert.EndsWith("/w/demo/journeys", nav.Uri);
        Assert.Contains(host.Messages, m => m == "The map 'To be deleted' was deleted.");
    }

    [Fact]
    public async Task A_map_is_deleted_from_the_journey_list_after_confirming()
    {
        var map = await MapSeed.CreateAsync(factory, "Deleted from the list");
        using var host = new PageHost(factory, WorkspaceRole.Editor);
        var page = host.Context.Render<Web.Components.Pages.Journeys.Journeys>(p => p.Add(x => x.Ws, "demo"));
        page.WaitForElement("[data-journey='Deleted from the list']");

        await page.Find("button[aria-label='Delete Deleted from the list']").ClickAsync();
        Assert.Contains("with its 2 stages and 3 steps", page.Find("[data-testid=delete-journey-confirm]").TextContent);
        await page.FindAll("[data-testid=delete-journey-confirm] button").Single(b => b.TextContent == "Delete the map").ClickAsync();

        page.WaitForAssertion(() => Assert.Empty(page.FindAll("[data-journey='Deleted from the list']")));
        await using var db = factory.OpenDb();
        Assert.False(await db.Journeys.AnyAsync(j => j.Id == map.Id));
    }
}
