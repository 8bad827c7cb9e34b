using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Waymark.Domain.Evaluations;
using Waymark.Domain.Touchpoints;
using Waymark.Storage.Access;
using Waymark.Ui.Tests.Support;
using EvaluatePage = Waymark.Web.Components.Pages.Evaluate.Evaluate;

namespace Waymark.Ui.Tests.Evaluate;

[Collection(UiCollection.Name)]
public sealed class EvaluatePageTests(UiFactory factory)
{
    /// <summary>The page with a persona chosen and the queue narrowed to touchpoints named like <paramref name="search"/>.</summary>
    private async Task<(IRenderedComponent<EvaluatePage> Page, Guid Persona)> OpenAsync(PageHost host, string search)
    {
        Guid persona;
        await using (var db = factory.OpenDb()) persona = await db.Personas.Where(p => p.WorkspaceId == factory.DemoId).OrderBy(p => p.Name).Select(p => p.Id).FirstAsync();
        var page = host.Context.Render<EvaluatePage>(p => p.Add(x => x.Ws, "demo"));
        page.WaitForElement("#eval-persona option:nth-child(2)");
        await page.Find("#eval-persona").ChangeAsync(new ChangeEventArgs { Value = persona.ToString() });
        page.Find("#eval-search").Input(search);
        page.WaitForElement("[data-testid=eval-touchpoint]");
        return (page, persona);
    }

    private async Task<List<Evaluation>> EvaluationsOfAsync(Guid touchpoint, Guid persona)
    {
        await using var db = factory.OpenDb();
        return await db.Evaluations.Where(e => e.TouchpointId == touchpoint && e.PersonaId == persona).OrderByDescending(e => e.RecordedAt).ToListAsync();
    }

    [Fact]
    public async Task The_scale_is_a_radio_group_without_aria_pressed_and_one_tab_stop()
    {
        using var host = new PageHost(factory, WorkspaceRole.Owner);
        var (page, _) = await OpenAsync(host, "");

        var radios = page.FindAll("[data-testid=eval-scale] [role=radio]");
        Assert.Equal(10, radios.Count);
        Assert.All(radios, r => Assert.False(r.HasAttribute("aria-pressed"), "aria-pressed is not allowed on role=radio"));
        Assert.Empty(page.FindAll("[data-testid=eval-scale] button"));
        Assert.Single(radios, r => r.GetAttribute("tabindex") == "0");
    }

    [Fact]
    public async Task Enter_on_the_scale_saves_the_typed_score_and_the_next_touchpoint_starts_with_none_chosen()
    {
        using var host = new PageHost(factory, WorkspaceRole.Owner);
        var (page, persona) = await OpenAsync(host, "");
        var first = page.Find("[data-testid=eval-touchpoint]").TextContent;
        var before = (await EvaluationsOfAsync(await IdOfAsync(first), persona)).Count;

        var scale = page.Find("[data-testid=eval-scale]");
        await scale.KeyDownAsync(new KeyboardEventArgs { Key = "8" });
        await page.Find("[data-testid=eval-scale]").KeyDownAsync(new KeyboardEventArgs { Key = "Enter" });

        page.WaitForAssertion(() => Assert.NotEqual(first, page.Find("[data-testid=eval-touchpoint]").TextContent));
        var saved = await EvaluationsOfAsync(await IdOfAsync(first), persona);
        Assert.Equal(before + 1, saved.Count);
        Assert.Equal(8, saved[0].Score);
        Assert.Empty(page.FindAll("[role=radio][aria-checked=true]"));
    }

    [Fact]
    public async Task Arrow_keys_on_the_scale_move_the_score_not_the_touchpoint()
    {
        using var host = new PageHost(factory, WorkspaceRole.Owner);
        var (page, _) = await OpenAsync(host, "");
        var first = page.Find("[data-testid=eval-touchpoint]").TextContent;

        await page.Find("[data-testid=eval-scale]").KeyDownAsync(new KeyboardEventArgs { Key = "3" });
        await page.Find("[data-testid=eval-scale]").KeyDownAsync(new KeyboardEventArgs { Key = "ArrowRight" });

        Assert.Equal(first, page.Find("[data-testid=eval-touchpoint]").TextContent);
        Assert.Equal("Score 4", page.Find("[role=radio][aria-checked=true]").GetAttribute("aria-label"));
    }

    [Fact]
    public async Task Levels_off_the_scale_are_named_under_their_fields_no_gap_is_shown_and_nothing_is_saved()
    {
        using var host = new PageHost(factory, WorkspaceRole.Owner);
        var (page, persona) = await OpenAsync(host, "");
        var touchpoint = await IdOfAsync(page.Find("[data-testid=eval-touchpoint]").TextContent);
        var before = (await EvaluationsOfAsync(touchpoint, persona)).Count;

        page.Find("[data-testid=eval-scale] [aria-label='Score 5']").Click();
        page.Find("#eval-expect-level").Input("11");
        page.Find("#eval-experience-level").Input("0");

        Assert.Contains("expectation level", page.Find("[data-testid=eval-expect-level-problem]").TextContent);
        Assert.Contains("11 is outside", page.Find("[data-testid=eval-expect-level-problem]").TextContent);
        Assert.Contains("0 is outside", page.Find("[data-testid=eval-experience-level-problem]").TextContent);
        Assert.Equal("true", page.Find("#eval-expect-level").GetAttribute("aria-invalid"));
        Assert.Equal("–", page.Find("[data-testid=eval-gap]").TextContent);

        await page.Find("[data-testid=eval-save]").ClickAsync(new MouseEventArgs());

        Assert.Contains("0 is outside", page.Find("[data-testid=eval-problem]").TextContent);
        Assert.Equal(before, (await EvaluationsOfAsync(touchpoint, persona)).Count);
        page.Find("#eval-expect-level").Input("8");
        page.Find("#eval-experience-level").Input("5");
        Assert.Equal("-3", page.Find("[data-testid=eval-gap]").TextContent);
    }

    [Fact]
    public async Task The_date_source_and_evaluator_chosen_are_saved_with_the_score()
    {
        using var host = new PageHost(factory, WorkspaceRole.Owner);
        var (page, persona) = await OpenAsync(host, "");
        var touchpoint = await IdOfAsync(page.Find("[data-testid=eval-touchpoint]").TextContent);

        page.Find("#eval-date").Change("2026-01-15");
        page.Find("#eval-source").Change(EvaluationSource.Survey.ToString());
        page.Find("#eval-evaluator").Change("Ines from the service team");
        page.Find("[data-testid=eval-scale] [aria-label='Score 6']").Click();
        await page.Find("[data-testid=eval-save]").ClickAsync(new MouseEventArgs());

        page.WaitForAssertion(() => Assert.Contains("scored 6", string.Join(" | ", host.Messages)));
        var saved = (await EvaluationsOfAsync(touchpoint, persona))[0];
        Assert.Equal((6, new DateOnly(2026, 1, 15), EvaluationSource.Survey, "Ines from the service team"), (saved.Score, saved.EvaluatedOn, saved.Source, saved.Evaluator));
    }

    [Fact]
    public async Task A_touchpoint_deleted_while_it_is_scored_gives_a_message_and_leaves_the_list()
    {
        Guid id;
        await using (var db = factory.OpenDb())
        {
            var channel = await db.Channels.Where(c => c.WorkspaceId == factory.DemoId).Select(c => c.Id).FirstAsync();
            var touchpoint = new Touchpoint(factory.DemoId, new TouchpointProfile("Vanishing pop-up stand", channel, TouchpointCategory.Events));
            db.Touchpoints.Add(touchpoint);
            await db.SaveChangesAsync();
            id = touchpoint.Id;
        }
        using var host = new PageHost(factory, WorkspaceRole.Owner);
        var (page, persona) = await OpenAsync(host, "Vanishing pop-up");
        Assert.Equal("Vanishing pop-up stand", page.Find("[data-testid=eval-touchpoint]").TextContent);
        await using (var db = factory.OpenDb())
        {
            db.Touchpoints.Remove(await db.Touchpoints.SingleAsync(t => t.Id == id));
            await db.SaveChangesAsync();
        }

        await page.Find("[data-testid=eval-scale]").KeyDownAsync(new KeyboardEventArgs { Key = "5" });
        await page.Find("[data-testid=eval-scale]").KeyDownAsync(new KeyboardEventArgs { Key = "Enter" });

        page.WaitForAssertion(() => Assert.Contains("someone may have deleted it meanwhile", page.Find("[data-testid=eval-gone]").TextContent));
        Assert.Empty(page.FindAll("[data-testid=eval-touchpoint]"));
        Assert.Empty(await EvaluationsOfAsync(id, persona));
    }

    [Fact]
    public async Task Opened_from_a_touchpoint_the_queue_starts_at_that_touchpoint()
    {
        Guid persona;
        (Guid Id, string Name) target;
        await using (var db = factory.OpenDb())
        {
            persona = await db.Personas.Where(p => p.WorkspaceId == factory.DemoId).Select(p => p.Id).FirstAsync();
            target = await db.Touchpoints.Where(t => t.WorkspaceId == factory.DemoId).OrderBy(t => t.Relevance).ThenByDescending(t => t.Name).Select(t => new ValueTuple<Guid, string>(t.Id, t.Name)).FirstAsync();
        }
        using var host = new PageHost(factory, WorkspaceRole.Owner);
        host.Context.Services.GetRequiredService<NavigationManager>().NavigateTo($"/w/demo/evaluate?touchpoint={target.Id}");

        var page = host.Context.Render<EvaluatePage>(p => p.Add(x => x.Ws, "demo"));
        page.WaitForElement("#eval-persona option:nth-child(2)");
        await page.Find("#eval-persona").ChangeAsync(new ChangeEventArgs { Value = persona.ToString() });

        page.WaitForAssertion(() => Assert.Equal(target.Name, page.Find("[data-testid=eval-touchpoint]").TextContent));
    }

    private async Task<Guid> IdOfAsync(string name)
    {
        await using var db = factory.OpenDb();
        return await db.Touchpoints.Where(t => t.WorkspaceId == factory.DemoId && t.Name == name).Select(t => t.Id).SingleAsync();
    }
}
