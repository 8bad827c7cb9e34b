using System.Net;
using System.Net.Http.Json;
using Bunit;
using Microsoft.EntityFrameworkCore;
using Waymark.Storage.Access;
using Waymark.Ui.Tests.Support;
using Waymark.Web.Components.Pages.Settings;

namespace Waymark.Ui.Tests.Sameness;

/// <summary>A channel changed on the Channels tab and the same change through the API leave the same trace and meet the same refusals.</summary>
[Collection(UiCollection.Name)]
public sealed class ChannelSamenessTests(UiFactory factory) : IDisposable
{
    private readonly ComponentHost _host = new(factory);

    public void Dispose() => _host.Dispose();

    private IRenderedComponent<ChannelsTab> Render() => _host.Context.Render<ChannelsTab>(p => p.Add(t => t.Context, _host.Settings()));

    [Fact]
    public async Task Adding_describing_and_deleting_on_the_tab_leaves_what_the_api_leaves()
    {
        const string name = "Chat widget";
        IReadOnlyList<string> onPage, throughApi;
        using (var trace = new ChangeTrace(factory))
        {
            var tab = Render();
            tab.Find("#add-channel").Input(name);
            await tab.Find("form[aria-label='New channel']").SubmitAsync();
            tab.WaitForElement($"[data-channel='{name}']");
            await tab.Find($"button[aria-label='Edit {name}']").ClickAsync();
            tab.Find("[id^=channel-description-]").Change("Live chat on every product page");
            await tab.Find($"form[aria-label='Edit {name}']").SubmitAsync();
            tab.WaitForAssertion(() => Assert.Contains("Live chat on every product page", tab.Markup));
            await tab.Find($"button[aria-label='Delete {name}']").ClickAsync();
            tab.WaitForAssertion(() => Assert.Empty(tab.FindAll($"[data-channel='{name}']")));
            onPage = await trace.AuditAsync();
            Assert.Empty(trace.Announced);
        }
        using (var trace = new ChangeTrace(factory))
        {
            var api = factory.ClientAs(WorkspaceRole.Owner);
            const string url = "/api/workspaces/demo/channels";
            Assert.Equal(HttpStatusCode.Created, (await api.PostAsJsonAsync(url, new { name, kind = "digital", reach = "direct" })).StatusCode);
            await using var db = factory.OpenDb();
            var id = await db.Channels.Where(c => c.WorkspaceId == _host.Workspace.Id && c.Name == name).Select(c => c.Id).SingleAsync();
            var changed = await api.PutAsJsonAsync($"{url}/{id}", new { name, kind = "digital", reach = "direct", description = "Live chat on every product page", version = 1 });
            Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
            Assert.Equal(HttpStatusCode.NoContent, (await api.DeleteAsync($"{url}/{id}")).StatusCode);
            throughApi = await trace.AuditAsync();
            Assert.Empty(trace.Announced);
        }
        Assert.Equal(3, onPage.Count);
        Assert.Equal(throughApi, onPage);
        Assert.All(onPage, a => Assert.StartsWith($"User {UiFactory.OwnerEmail} ", a));
    }

    [Fact]
    public async Task A_channel_in_use_is_refused_on_the_tab_with_the_sentence_the_api_answers()
    {
        await using var db = factory.OpenDb();
        var used = await db.Channels.Where(c => c.WorkspaceId == _host.Workspace.Id && db.Touchpoints.Any(t => t.ChannelId == c.Id)).FirstAsync();

        var answer = await factory.ClientAs(WorkspaceRole.Owner).DeleteAsync($"/api/workspaces/demo/channels/{used.Id}");
        var detail = await answer.DetailAsync(HttpStatusCode.Conflict);

        var tab = Render();
        await tab.Find($"button[aria-label='Delete {used.Name}']").ClickAsync();
        tab.WaitForAssertion(() => Assert.Equal(detail, tab.Find("[role=alert]").TextContent));
        Assert.Contains(detail, _host.Messages);
        Assert.Matches(@"used by \d+ touchpoints?\.", detail);
    }
}
