using System.Net;
using System.Net.Http.Json;
using Bunit;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.EntityFrameworkCore;
using Waymark.Domain.Improvements;
using Waymark.Storage.Access;
using Waymark.Ui.Tests.Journeys;
using Waymark.Ui.Tests.Support;
using Waymark.Web.Components.Pages.Journeys;
using ActionsPage = Waymark.Web.Components.Pages.Actions.Actions;

namespace Waymark.Ui.Tests.Sameness;

/// <summary>An action created and moved on the Actions board and the same changes through the API leave the same trace and meet the same refusals.</summary>
[Collection(UiCollection.Name)]
public sealed class ImprovementSamenessTests(UiFactory factory)
{
    private const string Url = "/api/workspaces/demo/actions";

    private static IRenderedComponent<ActionsPage> Board(PageHost host)
    {
        var page = host.Context.Render<ActionsPage>(p => p.Add(a => a.Ws, "demo"));
        page.WaitForElement("[data-testid=action-board] [data-action]");
        return page;
    }

    private async Task<Guid> OwnerAsync()
    {
        await using var db = factory.OpenDb();
        return await db.People.Where(p => p.WorkspaceId == factory.DemoId).OrderBy(p => p.Name).Select(p => p.Id).FirstAsync();
    }

    [Fact]
    public async Task Creating_and_moving_an_action_on_the_board_leaves_what_the_api_leaves()
    {
        const string title = "Sameness: call back the same day";
        var owner = await OwnerAsync();
        IReadOnlyList<string> onPage, throughApi, announcedOnPage, announcedThroughApi;
        using (var trace = new ChangeTrace(factory))
        {
            using var host = new PageHost(factory, WorkspaceRole.Owner);
            var page = Board(host);
            await page.FindAll("button").First(b => b.TextContent.Contains("+ New action")).ClickAsync(new MouseEventArgs());
            page.WaitForElement($"#new-action-owner option[value='{owner}']");
            page.Find("#new-action-title").Input(title);
            page.Find("#new-action-owner").Change(owner.ToString());
            page.Find("#new-action-due").Change("2031-03-01");
            await page.Find("form[aria-label='New action']").SubmitAsync();
            page.WaitForElement($"[data-status=Open] [data-action='{title}']");
            await page.Find($"button[aria-label='Move {title} to In progress']").ClickAsync(new MouseEventArgs());
            page.WaitForElement($"[data-status=InProgress] [data-action='{title}']");
            onPage = WithoutClock.Of(await trace.AuditAsync());
            announcedOnPage = trace.Announced;
        }
        using (var trace = new ChangeTrace(factory))
        {
            var api = factory.ClientAs(WorkspaceRole.Owner);
            var created = await api.PostAsJsonAsync(Url, new { title, ownerId = owner, dueOn = "2031-03-01" });
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
            var id = (await created.Content.ReadFromJsonAsync<IdOnly>())!.Id;
            var moved = await api.PutAsJsonAsync($"{Url}/{id}", new { title, ownerId = owner, dueOn = "2031-03-01", status = "inProgress", version = 1 });
            Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
            throughApi = WithoutClock.Of(await trace.AuditAsync());
            announcedThroughApi = trace.Announced;
        }
        Assert.Equal(2, onPage.Count);
        Assert.Equal(throughApi, onPage);
        Assert.All(onPage, a => Assert.StartsWith($"User {UiFactory.OwnerEmail} ", a));
        Assert.Equal(
        [
            $"board {factory.DemoId}: {UiFactory.OwnerEmail} added the action '{title}'",
            $"board {factory.DemoId}: {UiFactory.OwnerEmail} moved the action '{title}' to in progress",
        ], announcedOnPage);
        Assert.Equal(announcedThroughApi, announcedOnPage);
    }

    [Fact]
    public async Task An_action_on_a_step_moved_on_the_board_redraws_the_map_of_its_journey_too()
    {
        var map = await MapSeed.CreateAsync(factory, "Sameness board map");
        Improvement action;
        await using (var db = factory.OpenDb())
        {
            action = await db.Improvements.SingleAsync(i => i.Id == map.Action);
            action.Apply(new ImprovementContent(action.Title, OwnerId: await OwnerAsync(), JourneyId: action.JourneyId, StepId: action.StepId));
            await db.SaveChangesAsync();
        }
        using var trace = new ChangeTrace(factory);
        using var host = new PageHost(factory, WorkspaceRole.Owner);
        var page = Board(host);

        await page.Find($"button[aria-label='Move {action.Title} to In progress']").ClickAsync(new MouseEventArgs());

        page.WaitForElement($"[data-status=InProgress] [data-action='{action.Title}']");
        var did = $"{UiFactory.OwnerEmail} moved the action '{action.Title}' to in progress";
        Assert.Equal([$"board {factory.DemoId}: {did}", $"map {map.Id}: {did}"], trace.Announced.Order().ToList());
    }

    [Fact]
    public async Task An_action_without_an_owner_is_refused_in_progress_on_the_board_with_the_sentence_the_api_answers()
    {
        const string title = "Sameness: nobody owns this";
        Improvement action;
        await using (var db = factory.OpenDb())
        {
            action = new Improvement(factory.DemoId, ImprovementKind.Action, new ImprovementContent(title, DueOn: new DateOnly(2031, 3, 1)));
            db.Improvements.Add(action);
            await db.SaveChangesAsync();
        }
        var answer = await factory.ClientAs(WorkspaceRole.Owner).PutAsJsonAsync($"{Url}/{action.Id}",
            new { title, dueOn = "2031-03-01", status = "inProgress", version = action.Version });
        Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
        var detail = (await answer.Content.ReadFromJsonAsync<Microsoft.AspNetCore.Mvc.ProblemDetails>())!.Detail!;

        using var host = new PageHost(factory, WorkspaceRole.Owner);
        var page = Board(host);
        await page.Find($"button[aria-label='Move {title} to In progress']").ClickAsync(new MouseEventArgs());

        page.WaitForAssertion(() => Assert.Contains(detail, host.Messages));
        Assert.Equal("An action in progress needs an owner.", detail);
        Assert.NotNull(page.Find($"[data-status=Open] [data-action='{title}']"));
    }

    [Fact]
    public async Task An_idea_added_to_a_step_on_the_map_leaves_what_the_api_leaves_and_redraws_the_map_and_the_board()
    {
        const string title = "Sameness: a seat while waiting";
        var map = await MapSeed.CreateAsync(factory, "Sameness step ideas");
        IReadOnlyList<string> onPage, throughApi, announcedOnPage, announcedThroughApi;
        using (var trace = new ChangeTrace(factory))
        {
            using var host = new PageHost(factory, WorkspaceRole.Owner);
            var page = host.Context.Render<JourneyMap>(p => p.Add(x => x.Ws, "demo").Add(x => x.Id, map.Id));
            page.WaitForElement("[data-testid=map-header]");
            await page.Find("button[aria-label='Open step two']").ClickAsync(new MouseEventArgs());
            page.Find("#action-kind").Change(ImprovementKind.Idea.ToString());
            page.Find("#action-title").Input(title);
            await page.FindAll("[data-testid=step-editor] button").Single(b => b.TextContent == "Add to step").ClickAsync(new MouseEventArgs());
            page.WaitForAssertion(() => Assert.Contains("Idea added to the step.", host.Messages));
            onPage = WithoutClock.Of(await trace.AuditAsync());
            announcedOnPage = trace.Announced;
        }
        using (var trace = new ChangeTrace(factory))
        {
            var created = await factory.ClientAs(WorkspaceRole.Owner).PostAsJsonAsync("/api/workspaces/demo/ideas", new { title, journeyId = map.Id, stepId = map.Two });
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
            throughApi = WithoutClock.Of(await trace.AuditAsync());
            announcedThroughApi = trace.Announced;
        }
        Assert.Single(onPage);
        Assert.Equal(throughApi, onPage);
        var did = $"{UiFactory.OwnerEmail} added the idea '{title}'";
        Assert.Equal([$"board {factory.DemoId}: {did}", $"map {map.Id}: {did}"], announcedOnPage.Order().ToList());
        Assert.Equal(announcedThroughApi.Order(), announcedOnPage.Order());
    }

    private sealed record IdOnly(Guid Id);
}
