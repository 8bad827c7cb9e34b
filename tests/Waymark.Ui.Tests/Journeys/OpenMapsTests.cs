using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Waymark.Storage.Access;
using Waymark.Ui.Tests.Support;
using Waymark.Web.Components.Pages.Journeys;
using Waymark.Web.Components.Services;

namespace Waymark.Ui.Tests.Journeys;

/// <summary>How a change reaches the pages that have a map open (issue 11: 200 open pages, an edit seen by all within a second).</summary>
[Collection(UiCollection.Name)]
public sealed class OpenMapsTests(UiFactory factory)
{
    [Fact]
    public async Task Changes_through_the_api_do_not_wait_for_the_open_pages_which_get_them_in_order_with_one_shared_read_of_the_map()
    {
        var seeded = await MapSeed.CreateAsync(factory, "Open in many pages");
        var one = (await MapSeed.ReadAsync(factory, seeded.Id)).OrderedSteps.Single(s => s.Action == "one");
        var maps = factory.Services.GetRequiredService<OpenMaps>();
        using var host = new PageHost(factory, WorkspaceRole.Viewer);
        var data = host.Context.Services.GetRequiredService<UiData>();
        var ws = (await data.WorkspaceAsync("demo"))!;
        // Each page's circuit is busy and, as an idle Blazor circuit does, would run the work on the caller's thread:
        // delivered on the thread of the request that saved, the request could not answer until the pages are free.
        var pagesFree = new ManualResetEventSlim();
        var shown = new ConcurrentQueue<(int Page, string What, MapView? View)>();
        var watches = Enumerable.Range(0, 3).Select(page => maps.Watch(seeded.Id, ws, data,
            work => { pagesFree.Wait(TimeSpan.FromSeconds(30)); return work(); },
            (change, view) => { shown.Enqueue((page, change.What, view)); return Task.CompletedTask; })).ToList();
        try
        {
            var api = factory.ClientAs(WorkspaceRole.Owner);
            var step = $"/api/workspaces/demo/journeys/{seeded.Id}/steps/{one.Id}";
            using var answerSoon = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            Assert.Equal(HttpStatusCode.OK, (await api.PutAsJsonAsync(step, new { action = "one, renamed", emotion = 1, version = one.Version }, answerSoon.Token)).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await api.PutAsJsonAsync(step, new { action = "one, twice", emotion = 2, version = one.Version + 1 }, answerSoon.Token)).StatusCode);
            Assert.Empty(shown);

            pagesFree.Set();
            var until = DateTime.UtcNow.AddSeconds(10);
            while (shown.Count < 6 && DateTime.UtcNow < until) await Task.Delay(20);

            var byPage = shown.GroupBy(s => s.Page).ToDictionary(g => g.Key, g => g.ToList());
            Assert.Equal(3, byPage.Count);
            foreach (var (_, changes) in byPage)
            {
                Assert.Equal([$"{UiFactory.OwnerEmail} edited the step 'one, renamed'", $"{UiFactory.OwnerEmail} edited the step 'one, twice'"],
                    changes.Select(c => c.What));
                Assert.Equal("one, twice", changes[^1].View!.Step(one.Id)!.Action);
            }
            // One read of the map per change, the same read-only view on every page.
            for (var i = 0; i < 2; i++) Assert.All(byPage.Values, changes => Assert.Same(byPage[0][i].View, changes[i].View));
        }
        finally
        {
            pagesFree.Set();
            watches.ForEach(w => w.Dispose());
        }
        Assert.Equal(0, maps.Viewers(seeded.Id));
    }

    [Fact]
    public async Task Pages_opening_a_map_of_an_unchanged_workspace_share_one_read_of_it_and_a_change_makes_the_next_page_read_it_again()
    {
        var seeded = await MapSeed.CreateAsync(factory, "Opened by many");
        var one = (await MapSeed.ReadAsync(factory, seeded.Id)).OrderedSteps.Single(s => s.Action == "one");
        var maps = factory.Services.GetRequiredService<OpenMaps>();
        using var host = new PageHost(factory, WorkspaceRole.Viewer);
        var data = host.Context.Services.GetRequiredService<UiData>();
        var ws = (await data.WorkspaceAsync("demo"))!;

        // Nobody watching the map: nothing is kept, each read is a read of its own.
        Assert.NotSame(await maps.ViewAsync(data, ws, seeded.Id), await maps.ViewAsync(data, ws, seeded.Id));

        var watches = Enumerable.Range(0, 2).Select(_ => maps.Watch(seeded.Id, ws, data, work => work(), (_, _) => Task.CompletedTask)).ToList();
        try
        {
            var first = await maps.ViewAsync(data, ws, seeded.Id);
            Assert.Same(first, await maps.ViewAsync(data, ws, seeded.Id));
            Assert.Equal("one", first!.Step(one.Id)!.Action);

            var api = factory.ClientAs(WorkspaceRole.Owner);
            Assert.Equal(HttpStatusCode.OK, (await api.PutAsJsonAsync($"/api/workspaces/demo/journeys/{seeded.Id}/steps/{one.Id}",
                new { action = "one, renamed", emotion = 1, version = one.Version })).StatusCode);
            var after = await maps.ViewAsync(data, ws, seeded.Id);
            Assert.NotSame(first, after);
            Assert.Equal("one, renamed", after!.Step(one.Id)!.Action);
            Assert.Same(after, await maps.ViewAsync(data, ws, seeded.Id));

            // A change elsewhere in the workspace moves its stamp too: the map is read again rather than trusted.
            Assert.Equal(HttpStatusCode.Created, (await api.PostAsJsonAsync("/api/workspaces/demo/departments", new { name = "Opened by many, team" })).StatusCode);
            var afterDepartment = await maps.ViewAsync(data, ws, seeded.Id);
            Assert.NotSame(after, afterDepartment);
            Assert.Contains(afterDepartment!.Departments, d => d.Name == "Opened by many, team");
        }
        finally
        {
            watches.ForEach(w => w.Dispose());
        }
    }
}
