using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Bunit;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Waymark.Storage.Access;
using Waymark.Ui.Tests.Journeys;
using Waymark.Ui.Tests.Support;
using Waymark.Web.Components.Pages.Journeys;

namespace Waymark.Ui.Tests.Sameness;

/// <summary>A journey map changed on the map page and the same change through the API leave the same trace and meet the same refusals.</summary>
[Collection(UiCollection.Name)]
public sealed class JourneySamenessTests(UiFactory factory)
{
    private static IRenderedComponent<JourneyMap> Open(PageHost host, Guid id)
    {
        var page = host.Context.Render<JourneyMap>(p => p.Add(x => x.Ws, "demo").Add(x => x.Id, id));
        page.WaitForElement("[data-testid=map-header]");
        return page;
    }

    private static async Task SaveStep(IRenderedComponent<JourneyMap> page) =>
        await page.FindAll("[data-testid=step-editor] footer button").Single(b => b.TextContent == "Save step").ClickAsync();

    /// <summary>The announcements of one map, with its id left out so that two maps changed alike compare equal.</summary>
    private static List<string> For(ChangeTrace trace, Guid journeyId) =>
        trace.Announced.Where(a => a.StartsWith($"map {journeyId}: ")).Select(a => a[$"map {journeyId}: ".Length..]).ToList();

    [Fact]
    public async Task Renaming_a_stage_and_editing_a_step_on_the_map_leave_what_the_api_leaves()
    {
        var onPageMap = await MapSeed.CreateAsync(factory, "Sameness on the page");
        var throughApiMap = await MapSeed.CreateAsync(factory, "Sameness through the api");
        IReadOnlyList<string> onPage, throughApi;
        List<string> heardOnPage, heardThroughApi;

        using (var trace = new ChangeTrace(factory))
        {
            using var host = new PageHost(factory, WorkspaceRole.Owner);
            var page = Open(host, onPageMap.Id);
            await page.Find("button[aria-label='Rename stage Stage A']").ClickAsync();
            page.Find("[data-stage] input").Input("Arrival");
            await page.Find("[data-stage] input").KeyDownAsync(new KeyboardEventArgs { Key = "Enter" });
            page.WaitForElement("[data-stage='Arrival']");
            await page.Find("button[aria-label='Open step one']").ClickAsync();
            page.Find("#step-action").Input("Walks in");
            page.Find("#step-thoughts").Input("Is anyone there?");
            await SaveStep(page);
            page.WaitForAssertion(() => Assert.Equal("Step saved.", page.Find("[data-testid=step-status]").TextContent));
            onPage = await trace.AuditAsync();
            heardOnPage = For(trace, onPageMap.Id);
            // The page hears its own announcements and does not take them for someone else's.
            Assert.DoesNotContain(host.Messages, m => m.Contains("updated by someone else"));
        }
        using (var trace = new ChangeTrace(factory))
        {
            var api = factory.ClientAs(WorkspaceRole.Owner);
            var map = $"/api/workspaces/demo/journeys/{throughApiMap.Id}";
            var journey = await MapSeed.ReadAsync(factory, throughApiMap.Id);
            var stage = journey.Stages.Single(s => s.Id == throughApiMap.StageA);
            var one = journey.OrderedSteps.Single(s => s.Action == "one");
            var renamed = await api.PutAsJsonAsync($"{map}/stages/{stage.Id}", new { name = "Arrival", version = stage.Version });
            Assert.Equal(HttpStatusCode.OK, renamed.StatusCode);
            var edited = await api.PutAsJsonAsync($"{map}/steps/{one.Id}", new
            {
                action = "Walks in", thoughtsAndMotivation = "Is anyone there?", emotion = 1, touchpointIds = Array.Empty<Guid>(), version = one.Version,
            });
            Assert.Equal(HttpStatusCode.OK, edited.StatusCode);
            throughApi = await trace.AuditAsync();
            heardThroughApi = For(trace, throughApiMap.Id);
        }

        Assert.Equal(2, onPage.Count);
        Assert.Equal(throughApi, onPage);
        Assert.All(onPage, a => Assert.StartsWith($"User {UiFactory.OwnerEmail} ", a));
        Assert.Equal([$"{UiFactory.OwnerEmail} renamed the stage 'Stage A' to 'Arrival'", $"{UiFactory.OwnerEmail} edited the step 'Walks in'"], heardOnPage);
        Assert.Equal(heardThroughApi, heardOnPage);
    }

    [Fact]
    public async Task A_step_saved_first_by_someone_else_is_refused_on_the_map_with_the_sentence_the_api_answers()
    {
        var seeded = await MapSeed.CreateAsync(factory, "Saved first elsewhere");
        var one = (await MapSeed.ReadAsync(factory, seeded.Id)).OrderedSteps.Single(s => s.Action == "one");
        using var host = new PageHost(factory, WorkspaceRole.Owner);
        var page = Open(host, seeded.Id);
        await page.Find("button[aria-label='Open step one']").ClickAsync();

        var api = factory.ClientAs(WorkspaceRole.Owner);
        var step = $"/api/workspaces/demo/journeys/{seeded.Id}/steps/{one.Id}";
        Assert.Equal(HttpStatusCode.OK, (await api.PutAsJsonAsync(step, new { action = "one, by the API", emotion = 1, version = one.Version })).StatusCode);
        var stale = await api.PutAsJsonAsync(step, new { action = "one, too late", emotion = 1, version = one.Version });
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        var detail = (await stale.Content.ReadFromJsonAsync<Microsoft.AspNetCore.Mvc.ProblemDetails>())!.Detail!;

        // The API's change reached the open map, which says so; saving over it is refused with the API's sentence.
        page.WaitForAssertion(() => Assert.Contains(host.Messages, m => m.Contains("updated by someone else") && m.Contains("edited the step 'one, by the API'")));
        page.Find("#step-action").Input("one, too late");
        await SaveStep(page);
        page.WaitForAssertion(() => Assert.Contains(detail, host.Messages));
        Assert.Equal("one, by the API", (await MapSeed.ReadAsync(factory, seeded.Id)).OrderedSteps.First().Action);
    }

    [Fact]
    public async Task A_step_deleted_underneath_is_refused_on_the_map_with_the_sentence_the_api_answers_not_a_broken_page()
    {
        var seeded = await MapSeed.CreateAsync(factory, "Deleted underneath");
        using var host = new PageHost(factory, WorkspaceRole.Owner);
        var page = Open(host, seeded.Id);
        // Removed where no announcement reaches this page (another server without the relay, a script on the database).
        Guid one;
        await using (var db = factory.OpenDb())
        {
            var journey = await db.Journeys.Include(j => j.Stages).ThenInclude(s => s.Steps).SingleAsync(j => j.Id == seeded.Id);
            one = journey.OrderedSteps.Single(s => s.Action == "one").Id;
            journey.RemoveStep(one);
            await db.SaveChangesAsync();
        }

        await page.Find("button[aria-label='Delete step one']").ClickAsync();

        var answer = await factory.ClientAs(WorkspaceRole.Owner).DeleteAsync($"/api/workspaces/demo/journeys/{seeded.Id}/steps/{one}");
        Assert.Equal(HttpStatusCode.NotFound, answer.StatusCode);
        var detail = (await answer.Content.ReadFromJsonAsync<Microsoft.AspNetCore.Mvc.ProblemDetails>())!.Detail!;
        page.WaitForAssertion(() => Assert.Contains(detail, host.Messages));
        Assert.Equal("Stage A: two | Stage B: three", MapSeed.Layout(await MapSeed.ReadAsync(factory, seeded.Id)));
    }

    [Fact]
    public async Task Creating_a_map_with_stages_on_the_list_leaves_what_the_api_leaves()
    {
        const string name = "Created alike";
        IReadOnlyList<string> onPage, throughApi;
        using (var trace = new ChangeTrace(factory))
        {
            using var host = new PageHost(factory, WorkspaceRole.Owner);
            var list = host.Context.Render<Waymark.Web.Components.Pages.Journeys.Journeys>(p => p.Add(x => x.Ws, "demo"));
            await list.WaitForElement("button[aria-expanded]").ClickAsync();
            list.Find("#journey-name").Input(name);
            list.Find("#journey-stages").Input("Look, Buy");
            await list.Find("form[aria-label='New journey']").SubmitAsync();
            list.WaitForAssertion(() => Assert.Matches("/journeys/[0-9a-f-]{36}$", host.Context.Services.GetRequiredService<NavigationManager>().Uri));
            onPage = await trace.AuditAsync();
        }
        using (var trace = new ChangeTrace(factory))
        {
            var created = await factory.ClientAs(WorkspaceRole.Owner).PostAsJsonAsync("/api/workspaces/demo/journeys",
                new { name, stages = new[] { new { name = "Look" }, new { name = "Buy" } } });
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
            throughApi = await trace.AuditAsync();
        }
        Assert.Equal(3, onPage.Count);
        // One save writes the three entries at one moment, in no particular order; the stages name their new map's id and
        // the map when it was changed last.
        static string Alike(IEnumerable<string> entries) => string.Join("\n", entries
            .Select(e => Regex.Replace(e, @"\d{4}-\d\d-\d\dT[\d:.]+(Z|[+-]\d\d:\d\d)", "(time)"))
            .Select(e => Regex.Replace(e, @"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", "(id)")).Order());
        Assert.Equal(Alike(throughApi), Alike(onPage));
    }
}
