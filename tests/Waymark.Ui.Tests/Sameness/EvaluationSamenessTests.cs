using System.Net;
using System.Net.Http.Json;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Waymark.Domain.Evaluations;
using Waymark.Domain.Journeys;
using Waymark.Domain.Touchpoints;
using Waymark.Storage;
using Waymark.Storage.Access;
using Waymark.Ui.Tests.Support;
using EvaluatePage = Waymark.Web.Components.Pages.Evaluate.Evaluate;

namespace Waymark.Ui.Tests.Sameness;

/// <summary>A score given on the workshop scoring page and the same score through the API leave the same trace and meet the same refusals.</summary>
[Collection(UiCollection.Name)]
public sealed class EvaluationSamenessTests(UiFactory factory)
{
    /// <summary>A touchpoint of its own, shown by a step of a journey of its own, so the scores reach that map only.</summary>
    private async Task<(Guid Touchpoint, Guid Journey, Guid Persona)> SeedAsync(string name)
    {
        await using var db = factory.OpenDb();
        var ws = factory.DemoId;
        var channel = await db.Channels.Where(c => c.WorkspaceId == ws).Select(c => c.Id).FirstAsync();
        var touchpoint = new Touchpoint(ws, new TouchpointProfile(name, channel, TouchpointCategory.Events));
        var journey = new Journey(ws, $"Journey past {name}", JourneyScenario.RepeatPurchase);
        journey.AddStep(journey.AddStage("Visit").Id, new StepContent($"Stops at {name}", TouchpointIds: [touchpoint.Id]));
        db.AddRange(touchpoint, journey);
        await db.SaveChangesAsync();
        var persona = await db.Personas.Where(p => p.WorkspaceId == ws).OrderBy(p => p.Name).Select(p => p.Id).FirstAsync();
        return (touchpoint.Id, journey.Id, persona);
    }

    private static async Task<IRenderedComponent<EvaluatePage>> OpenAsync(PageHost host, Guid persona, string search)
    {
        var page = host.Context.Render<EvaluatePage>(p => p.Add(x => x.Ws, "demo"));
        page.WaitForElement("#eval-persona option:nth-child(2)");
        await page.Find("#eval-persona").ChangeAsync(new ChangeEventArgs { Value = persona.ToString() });
        page.Find("#eval-search").Input(search);
        page.Find("#eval-evaluator").Change("Workshop June");
        page.WaitForElement("[data-testid=eval-touchpoint]");
        return page;
    }

    private static async Task ScoreAsync(IRenderedComponent<EvaluatePage> page, string key)
    {
        await page.Find("[data-testid=eval-scale]").KeyDownAsync(new KeyboardEventArgs { Key = key });
        await page.Find("[data-testid=eval-scale]").KeyDownAsync(new KeyboardEventArgs { Key = "Enter" });
    }

    private async Task<int> ScoresOfAsync(Guid touchpoint)
    {
        await using var db = factory.OpenDb();
        return await db.Evaluations.CountAsync(e => e.TouchpointId == touchpoint);
    }

    [Fact]
    public async Task Scoring_on_the_page_leaves_what_the_api_leaves_and_redraws_the_maps_that_show_the_touchpoint()
    {
        const string name = "Sameness kiosk";
        var (touchpoint, journey, persona) = await SeedAsync(name);
        IReadOnlyList<string> onPage, throughApi, announcedOnPage, announcedThroughApi;
        using (var trace = new ChangeTrace(factory))
        {
            using var host = new PageHost(factory, WorkspaceRole.Owner);
            var page = await OpenAsync(host, persona, name);
            await ScoreAsync(page, "7");
            page.WaitForAssertion(() => Assert.Contains($"'{name}' scored 7.", host.Messages));
            onPage = WithoutClock.Of(await trace.AuditAsync());
            announcedOnPage = trace.Announced;
        }
        using (var trace = new ChangeTrace(factory))
        {
            var created = await factory.ClientAs(WorkspaceRole.Owner).PostAsJsonAsync("/api/workspaces/demo/evaluations", new
            {
                score = 7, evaluatedOn = DateOnly.FromDateTime(DateTime.UtcNow), touchpointId = touchpoint, personaId = persona,
                source = "workshop", evaluator = "Workshop June",
            });
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
            throughApi = WithoutClock.Of(await trace.AuditAsync());
            announcedThroughApi = trace.Announced;
        }
        Assert.Equal(2, await ScoresOfAsync(touchpoint));
        Assert.Single(onPage);
        Assert.Equal(throughApi, onPage);
        Assert.StartsWith($"User {UiFactory.OwnerEmail} Created Evaluation ", onPage[0]);
        Assert.Equal([$"map {journey}: {UiFactory.OwnerEmail} scored '{name}' 7"], announcedOnPage);
        Assert.Equal(announcedThroughApi, announcedOnPage);
    }

    [Fact]
    public async Task A_touchpoint_deleted_before_scoring_is_refused_on_the_page_with_the_sentence_the_api_answers()
    {
        var (touchpoint, _, persona) = await SeedAsync("Sameness pop-up stand");
        using var host = new PageHost(factory, WorkspaceRole.Owner);
        var page = await OpenAsync(host, persona, "Sameness pop-up");
        await using (var db = factory.OpenDb()) await db.Touchpoints.Where(t => t.Id == touchpoint).ExecuteDeleteAsync();
        await ForgetJourneyAsync("Sameness pop-up stand");

        var answer = await factory.ClientAs(WorkspaceRole.Owner).PostAsJsonAsync("/api/workspaces/demo/evaluations",
            new { score = 5, evaluatedOn = "2026-05-01", touchpointId = touchpoint, personaId = persona });
        Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
        var detail = (await answer.Content.ReadFromJsonAsync<Microsoft.AspNetCore.Mvc.ProblemDetails>())!.Detail!;

        await ScoreAsync(page, "5");

        page.WaitForAssertion(() => Assert.Equal(detail, page.Find("[data-testid=eval-gone]").TextContent));
        Assert.Contains("someone may have deleted it", detail);
        Assert.Empty(page.FindAll("[data-testid=eval-touchpoint]"));
    }

    /// <summary>
    /// The touchpoint still exists when the score is checked and is deleted by someone else just before it is saved:
    /// the database refuses the score (a DbUpdateException), and the page says so instead of breaking.
    /// </summary>
    [Fact]
    public async Task A_touchpoint_deleted_between_the_check_and_the_save_gives_a_message_not_a_broken_page()
    {
        const string name = "Sameness vanishing booth";
        var (touchpoint, _, persona) = await SeedAsync(name);
        var deleter = new DeletesTheTouchpointFirst(factory, touchpoint);
        await using var racing = factory.WithWebHostBuilder(b => b.ConfigureTestServices(s =>
            s.ConfigureDbContext<WaymarkDb>((_, o) => o.AddInterceptors(deleter))));
        using var host = new PageHost(factory, WorkspaceRole.Owner, racing.Services);
        var page = await OpenAsync(host, persona, name);

        await ScoreAsync(page, "4");

        page.WaitForAssertion(() => Assert.Equal(
            $"There is no touchpoint with id {touchpoint} in this workspace; someone may have deleted it meanwhile.",
            page.Find("[data-testid=eval-gone]").TextContent));
        Assert.Equal(1, deleter.Deleted);
        Assert.Empty(page.FindAll("[data-testid=eval-touchpoint]"));
        Assert.Equal(0, await ScoresOfAsync(touchpoint));
        Assert.DoesNotContain(host.Messages, m => m.Contains("went wrong"));
        await ForgetJourneyAsync(name);
    }

    /// <summary>
    /// A raw delete leaves the seeded step pointing at the touchpoint; the demo workspace is shared by the page tests
    /// (one exports and re-imports it), so the map that shows the touchpoint goes too.
    /// </summary>
    private async Task ForgetJourneyAsync(string touchpoint)
    {
        await using var db = factory.OpenDb();
        Assert.Equal(1, await db.Journeys.Where(j => j.Name == $"Journey past {touchpoint}").ExecuteDeleteAsync());
    }

    /// <summary>
    /// Deletes the touchpoint through another connection at the last moment before a score of it is written: as the save
    /// opens its transaction, which on SQLite takes the write lock (a delete inside it would wait for the save).
    /// </summary>
    private sealed class DeletesTheTouchpointFirst(UiFactory factory, Guid touchpoint) : DbTransactionInterceptor
    {
        public int Deleted { get; private set; }

        public override async ValueTask<InterceptionResult<System.Data.Common.DbTransaction>> TransactionStartingAsync(System.Data.Common.DbConnection connection,
            TransactionStartingEventData eventData, InterceptionResult<System.Data.Common.DbTransaction> result, CancellationToken ct = default)
        {
            var scoresIt = eventData.Context!.ChangeTracker.Entries<Evaluation>().Any(e => e.State == EntityState.Added && e.Entity.TouchpointId == touchpoint);
            if (scoresIt)
            {
                await using var other = factory.OpenDb();
                Deleted += await other.Touchpoints.Where(t => t.Id == touchpoint).ExecuteDeleteAsync(ct);
            }
            return result;
        }
    }
}
