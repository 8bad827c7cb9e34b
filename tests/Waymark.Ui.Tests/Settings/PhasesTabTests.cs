using Bunit;
using Microsoft.EntityFrameworkCore;
using Waymark.Domain.Organisation;
using Waymark.Ui.Tests.Support;
using Waymark.Web.Components.Pages.Settings;

namespace Waymark.Ui.Tests.Settings;

/// <summary>The phases tab clicked through, against the demo database. Each test adds phases of its own at the end.</summary>
[Collection(UiCollection.Name)]
public sealed class PhasesTabTests(UiFactory factory) : IDisposable
{
    private readonly ComponentHost _host = new(factory);

    public void Dispose() => _host.Dispose();

    private async Task<List<Phase>> PhasesAsync()
    {
        await using var db = factory.OpenDb();
        return await db.Phases.Where(p => p.WorkspaceId == _host.Workspace.Id).OrderBy(p => p.Position).ToListAsync();
    }

    private IRenderedComponent<PhasesTab> Render(bool canEdit = true) =>
        _host.Context.Render<PhasesTab>(p => p.Add(t => t.Context, _host.Settings(canEdit)));

    [Fact]
    public async Task Adding_moving_renaming_and_deleting_an_unused_phase()
    {
        var tab = Render();
        tab.WaitForElement("[data-phase]");

        tab.Find("#add-phase").Input("Win-back");
        await tab.Find("form[aria-label='New phase']").SubmitAsync();
        tab.WaitForAssertion(() => Assert.Equal("Win-back", tab.FindAll("[data-phase]")[^1].GetAttribute("data-phase")));

        var count = (await PhasesAsync()).Count;
        await tab.Find("button[aria-label='Move Win-back up']").ClickAsync();
        tab.WaitForAssertion(() => Assert.Equal("Win-back", tab.FindAll("[data-phase]")[count - 2].GetAttribute("data-phase")));
        Assert.Equal(count - 2, (await PhasesAsync()).Single(p => p.Name == "Win-back").Position);
        Assert.Equal(Enumerable.Range(0, count), (await PhasesAsync()).Select(p => p.Position));

        await tab.Find("button[aria-label='Rename Win-back']").ClickAsync();
        tab.Find("form[aria-label='Rename Win-back'] input").Input("Win back");
        await tab.Find("form[aria-label='Rename Win-back']").SubmitAsync();
        tab.WaitForAssertion(() => Assert.NotNull(tab.Find("[data-phase='Win back']")));

        await tab.Find("button[aria-label='Delete Win back']").ClickAsync();
        tab.WaitForAssertion(() => Assert.Empty(tab.FindAll("[data-phase='Win back']")));
        Assert.Equal(Enumerable.Range(0, count - 1), (await PhasesAsync()).Select(p => p.Position));
        Assert.Contains("Phase 'Win back' deleted.", _host.Messages);
    }

    [Fact]
    public async Task A_phase_in_use_is_not_deleted_and_the_reason_is_given_in_words()
    {
        var used = (await PhasesAsync())[0];
        var tab = Render();
        tab.WaitForElement("[data-phase]");

        await tab.Find($"button[aria-label='Delete {used.Name}']").ClickAsync();

        tab.WaitForAssertion(() => Assert.Contains($"The phase '{used.Name}' is used by", tab.Find("[role=alert]").TextContent));
        Assert.Matches(@"\d+ touchpoints? and \d+ journey stages?\. Change them", tab.Find("[role=alert]").TextContent);
        Assert.Contains(await PhasesAsync(), p => p.Id == used.Id);
    }

    [Fact]
    public async Task A_rename_over_someone_elses_change_is_refused_not_written()
    {
        var tab = Render();
        tab.Find("#add-phase").Input("Referral");
        await tab.Find("form[aria-label='New phase']").SubmitAsync();
        tab.WaitForElement("[data-phase='Referral']");
        await tab.Find("button[aria-label='Rename Referral']").ClickAsync();

        // Someone else renames it while this form is open.
        await using (var db = factory.OpenDb())
        {
            var phase = await db.Phases.SingleAsync(p => p.WorkspaceId == _host.Workspace.Id && p.Name == "Referral");
            phase.Describe("Referrals", null);
            await db.SaveChangesAsync();
        }
        tab.Find("form[aria-label='Rename Referral'] input").Input("Recommendation");
        await tab.Find("form[aria-label='Rename Referral']").SubmitAsync();

        tab.WaitForAssertion(() => Assert.NotNull(tab.Find("[data-phase='Referrals']")));
        Assert.Contains(_host.Messages, m => m.Contains("changed", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(await PhasesAsync(), p => p.Name == "Recommendation");

        await tab.Find("button[aria-label='Delete Referrals']").ClickAsync();
        tab.WaitForAssertion(() => Assert.Empty(tab.FindAll("[data-phase='Referrals']")));
    }

    [Fact]
    public void Viewers_get_the_list_and_no_buttons()
    {
        var tab = Render(canEdit: false);
        tab.WaitForElement("[data-phase]");

        Assert.Empty(tab.FindAll("button"));
        Assert.Empty(tab.FindAll("form"));
    }
}
