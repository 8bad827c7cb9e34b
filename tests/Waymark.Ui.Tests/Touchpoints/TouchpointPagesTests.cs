using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Waymark.Domain.Touchpoints;
using Waymark.Storage.Access;
using Waymark.Ui.Tests.Support;
using TouchpointsPage = Waymark.Web.Components.Pages.Touchpoints.Touchpoints;

namespace Waymark.Ui.Tests.Touchpoints;

[Collection(UiCollection.Name)]
public sealed class TouchpointPagesTests(UiFactory factory)
{
    [Fact]
    public async Task Categories_are_shown_in_words_in_the_table_the_filter_and_on_the_touchpoint_page()
    {
        var page = Html.Parse(await factory.PageAsync("/w/demo/touchpoints"));

        var categories = page.QuerySelectorAll("[data-testid=touchpoint-table] tbody td:nth-child(4)").Select(c => c.Text()).ToList();
        Assert.Contains("Upsell e-mails", categories);
        Assert.Contains("Point of sale", categories);
        foreach (var code in Enum.GetNames<TouchpointCategory>().Where(n => n.Count(char.IsUpper) > 1))
        {
            Assert.DoesNotContain(code, categories);
            Assert.DoesNotContain(code, page.QuerySelectorAll("#f-category option").Select(o => o.Text()));
        }

        Guid id;
        await using (var db = factory.OpenDb())
            id = await db.Touchpoints.Where(t => t.WorkspaceId == factory.DemoId && t.Category == TouchpointCategory.SupportChannels).Select(t => t.Id).FirstAsync();
        var detail = Html.Parse(await factory.PageAsync($"/w/demo/touchpoints/{id}"));
        var about = detail.QuerySelector("h1 + .wm-muted")!.Text();
        Assert.Contains("Customer support", about);
        Assert.DoesNotContain("SupportChannels", about);
    }

    [Fact]
    public async Task Filters_and_the_view_come_from_the_address_so_a_filtered_list_can_be_shared()
    {
        await using var db = factory.OpenDb();
        var channel = await db.Channels.Where(c => c.WorkspaceId == factory.DemoId && c.Name == "Phone hotline").Select(c => c.Id).SingleAsync();
        var expected = await db.Touchpoints.Where(t => t.WorkspaceId == factory.DemoId && t.ChannelId == channel && t.IsPainPoint).Select(t => t.Name).ToListAsync();
        Assert.NotEmpty(expected);

        var page = Html.Parse(await factory.PageAsync($"/w/demo/touchpoints?channel={channel}&flag=pain&sort=relevance&desc=true"));

        var rows = page.QuerySelectorAll("[data-testid=touchpoint-table] tbody tr td:first-child").Select(c => c.Text()).ToList();
        Assert.Equal(expected.Order(), rows.Order());
        Assert.Equal(channel.ToString(), Chosen(page, "#f-channel"));
        Assert.Equal("pain", Chosen(page, "#f-flag"));
        Assert.Contains("▼", page.QuerySelector("button[aria-label='Sort by relevance']")!.Text());

        var matrix = Html.Parse(await factory.PageAsync("/w/demo/touchpoints?view=matrix"));
        Assert.NotNull(matrix.QuerySelector("[data-testid=touchpoint-matrix]"));
        Assert.Null(matrix.QuerySelector("[data-testid=touchpoint-table]"));
        Assert.Equal("true", matrix.QuerySelectorAll("[aria-label=View] button").Single(b => b.Text().StartsWith("Phase")).GetAttribute("aria-pressed"));
    }

    [Fact]
    public async Task A_workspace_with_more_touchpoints_than_a_page_holds_shows_them_500_to_a_page()
    {
        List<Touchpoint> added;
        int total;
        await using (var db = factory.OpenDb())
        {
            var channel = await db.Channels.Where(c => c.WorkspaceId == factory.DemoId).Select(c => c.Id).FirstAsync();
            added = Enumerable.Range(1, 520).Select(i => new Touchpoint(factory.DemoId, new TouchpointProfile($"Paged touchpoint {i:000}", channel, TouchpointCategory.Events))).ToList();
            db.Touchpoints.AddRange(added);
            await db.SaveChangesAsync();
            total = await db.Touchpoints.CountAsync(t => t.WorkspaceId == factory.DemoId);
        }
        try
        {
            var first = Html.Parse(await factory.PageAsync("/w/demo/touchpoints"));
            Assert.Equal(TouchpointsPage.RowsPerPage, first.QuerySelectorAll("[data-testid=touchpoint-table] tbody tr").Length);
            Assert.Contains($"1–500 of {total}", first.QuerySelector("nav[aria-label='Pages of touchpoints']")!.Text());

            var second = Html.Parse(await factory.PageAsync("/w/demo/touchpoints?page=2"));
            Assert.Equal(total - TouchpointsPage.RowsPerPage, second.QuerySelectorAll("[data-testid=touchpoint-table] tbody tr").Length);
            Assert.Contains($"501–{total} of {total}", second.QuerySelector("nav[aria-label='Pages of touchpoints']")!.Text());
        }
        finally
        {
            await using var db = factory.OpenDb();
            var ids = added.Select(t => t.Id).ToList();
            db.Touchpoints.RemoveRange(await db.Touchpoints.Where(t => ids.Contains(t.Id)).ToListAsync());
            await db.SaveChangesAsync();
        }
    }

    /// <summary>The option a select shows: prerendering marks it selected (or keeps the select's value).</summary>
    private static string? Chosen(AngleSharp.Dom.IDocument page, string select) =>
        page.QuerySelector($"{select} option[selected]")?.GetAttribute("value") ?? page.QuerySelector(select)!.GetAttribute("value");

    [Fact]
    public void Changing_a_filter_or_the_view_writes_it_into_the_address()
    {
        using var host = new PageHost(factory, WorkspaceRole.Viewer);
        var nav = host.Context.Services.GetRequiredService<NavigationManager>();
        nav.NavigateTo("/w/demo/touchpoints");
        var page = host.Context.Render<TouchpointsPage>(p => p.Add(x => x.Ws, "demo"));
        page.WaitForElement("[data-testid=touchpoint-table] tbody tr");

        page.Find("#f-flag").Change("mot");
        Assert.Contains("flag=mot", nav.Uri);
        page.Find("#f-category").Change(nameof(TouchpointCategory.UpsellEmails));
        Assert.Contains("category=UpsellEmails", nav.Uri);
        Assert.Contains("flag=mot", nav.Uri);
        page.Find("[aria-label=View] button:nth-child(2)").Click();
        Assert.Contains("view=matrix", nav.Uri);
    }

    [Fact]
    public async Task A_touchpoint_page_offers_editors_an_evaluate_button_that_opens_the_evaluate_page_on_it()
    {
        Guid id;
        await using (var db = factory.OpenDb()) id = await db.Touchpoints.Where(t => t.WorkspaceId == factory.DemoId).Select(t => t.Id).FirstAsync();

        var owner = Html.Parse(await factory.PageAsync($"/w/demo/touchpoints/{id}", WorkspaceRole.Owner));
        var viewer = Html.Parse(await factory.PageAsync($"/w/demo/touchpoints/{id}", WorkspaceRole.Viewer));

        Assert.Equal($"/w/demo/evaluate?touchpoint={id}", owner.QuerySelector("[data-testid=evaluate-touchpoint]")!.GetAttribute("href"));
        Assert.Equal("Evaluate", owner.QuerySelector("[data-testid=evaluate-touchpoint]")!.Text());
        Assert.Null(viewer.QuerySelector("[data-testid=evaluate-touchpoint]"));
    }
}
