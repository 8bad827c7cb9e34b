using System.Net;
using System.Net.Http.Json;
using Bunit;
using Microsoft.EntityFrameworkCore;
using Waymark.Storage.Access;
using Waymark.Ui.Tests.Support;
using Waymark.Web.Components.Pages.Settings;

namespace Waymark.Ui.Tests.Sameness;

/// <summary>Phases added, moved, renamed and deleted on the Phases tab and through the API leave the same trace and meet the same refusals.</summary>
[Collection(UiCollection.Name)]
public sealed class PhaseSamenessTests(UiFactory factory) : IDisposable
{
    private readonly ComponentHost _host = new(factory);

    public void Dispose() => _host.Dispose();

    private IRenderedComponent<PhasesTab> Render() => _host.Context.Render<PhasesTab>(p => p.Add(t => t.Context, _host.Settings()));

    private async Task<Guid> IdOfAsync(string name)
    {
        await using var db = factory.OpenDb();
        return await db.Phases.Where(p => p.WorkspaceId == _host.Workspace.Id && p.Name == name).Select(p => p.Id).SingleAsync();
    }

    [Fact]
    public async Task Adding_moving_renaming_and_deleting_on_the_tab_leaves_what_the_api_leaves()
    {
        IReadOnlyList<string> onPage, throughApi;
        int count;
        using (var trace = new ChangeTrace(factory))
        {
            var tab = Render();
            tab.Find("#add-phase").Input("Loyalty");
            await tab.Find("form[aria-label='New phase']").SubmitAsync();
            tab.WaitForElement("[data-phase='Loyalty']");
            count = tab.FindAll("[data-phase]").Count;
            await tab.Find("button[aria-label='Move Loyalty up']").ClickAsync();
            tab.WaitForAssertion(() => Assert.Equal("Loyalty", tab.FindAll("[data-phase]")[count - 2].GetAttribute("data-phase")));
            await tab.Find("button[aria-label='Rename Loyalty']").ClickAsync();
            tab.Find("form[aria-label='Rename Loyalty'] input").Input("Loyalty and referral");
            await tab.Find("form[aria-label='Rename Loyalty']").SubmitAsync();
            tab.WaitForElement("[data-phase='Loyalty and referral']");
            await tab.Find("button[aria-label='Delete Loyalty and referral']").ClickAsync();
            tab.WaitForAssertion(() => Assert.Empty(tab.FindAll("[data-phase='Loyalty and referral']")));
            onPage = await trace.AuditAsync();
        }
        using (var trace = new ChangeTrace(factory))
        {
            var api = factory.ClientAs(WorkspaceRole.Owner);
            const string url = "/api/workspaces/demo/phases";
            Assert.Equal(HttpStatusCode.Created, (await api.PostAsJsonAsync(url, new { name = "Loyalty" })).StatusCode);
            var id = await IdOfAsync("Loyalty");
            var move = new HttpRequestMessage(HttpMethod.Post, $"{url}/{id}/move") { Content = JsonContent.Create(new { position = count - 2 }) };
            move.Headers.IfMatch.ParseAdd("\"1\"");
            Assert.Equal(HttpStatusCode.OK, (await api.SendAsync(move)).StatusCode);
            var renamed = await api.PutAsJsonAsync($"{url}/{id}", new { name = "Loyalty and referral", version = 2 });
            Assert.Equal(HttpStatusCode.OK, renamed.StatusCode);
            Assert.Equal(HttpStatusCode.NoContent, (await api.DeleteAsync($"{url}/{id}")).StatusCode);
            throughApi = await trace.AuditAsync();
        }
        // A move changes two phases in one save; entries of one save have no order of their own.
        Assert.Equal(throughApi.Order(), onPage.Order());
        Assert.True(onPage.Count >= 5, string.Join("\n", onPage));
    }

    [Fact]
    public async Task A_phase_in_use_is_refused_on_the_tab_with_the_sentence_the_api_answers()
    {
        await using var db = factory.OpenDb();
        var used = await db.Phases.Where(p => p.WorkspaceId == _host.Workspace.Id && db.Stages.Any(s => s.PhaseId == p.Id)).OrderBy(p => p.Position).FirstAsync();

        var answer = await factory.ClientAs(WorkspaceRole.Owner).DeleteAsync($"/api/workspaces/demo/phases/{used.Id}");
        var detail = await answer.DetailAsync(HttpStatusCode.Conflict);

        var tab = Render();
        await tab.Find($"button[aria-label='Delete {used.Name}']").ClickAsync();
        tab.WaitForAssertion(() => Assert.Equal(detail, tab.Find("[role=alert]").TextContent));
        Assert.Contains(detail, _host.Messages);
        Assert.Contains("journey stage", detail);
    }

    [Fact]
    public async Task A_move_through_the_api_that_names_an_old_version_is_refused_as_on_the_tab()
    {
        await using var db = factory.OpenDb();
        var first = await db.Phases.Where(p => p.WorkspaceId == _host.Workspace.Id).OrderBy(p => p.Position).FirstAsync();
        var move = new HttpRequestMessage(HttpMethod.Post, $"/api/workspaces/demo/phases/{first.Id}/move") { Content = JsonContent.Create(new { position = 1 }) };
        move.Headers.IfMatch.ParseAdd($"\"{first.Version + 1}\"");

        var answer = await factory.ClientAs(WorkspaceRole.Owner).SendAsync(move);

        Assert.Equal(HttpStatusCode.Conflict, answer.StatusCode);
        Assert.Equal(0, (await db.Phases.AsNoTracking().SingleAsync(p => p.Id == first.Id)).Position);
    }
}
