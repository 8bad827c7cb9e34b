using System.Net;
using System.Net.Http.Json;
using Bunit;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.EntityFrameworkCore;
using Waymark.Domain.Improvements;
using Waymark.Storage.Access;
using Waymark.Ui.Tests.Journeys;
using Waymark.Ui.Tests.Support;
using Waymark.Web.Components.Pages.Kpis;

namespace Waymark.Ui.Tests.Sameness;

/// <summary>A KPI and its measurement changed on the KPI pages and the same changes through the API leave the same trace and meet the same refusals.</summary>
[Collection(UiCollection.Name)]
public sealed class KpiSamenessTests(UiFactory factory)
{
    private async Task<Guid> IdOfAsync(string name)
    {
        await using var db = factory.OpenDb();
        return await db.Kpis.Where(k => k.WorkspaceId == factory.DemoId && k.Name == name).Select(k => k.Id).SingleAsync();
    }

    [Fact]
    public async Task Creating_measuring_and_deleting_a_kpi_on_the_pages_leaves_what_the_api_leaves_and_redraws_its_map()
    {
        const string name = "Sameness: callbacks kept";
        var map = await MapSeed.CreateAsync(factory, "Sameness KPI map");
        IReadOnlyList<string> onPage, throughApi, announcedOnPage, announcedThroughApi;
        using (var trace = new ChangeTrace(factory))
        {
            using var host = new PageHost(factory, WorkspaceRole.Owner);
            Guid? created = null;
            var form = host.Context.Render<KpiForm>(p => p.Add(f => f.Ws, "demo").Add(f => f.OnSaved, (Guid id) => created = id));
            form.WaitForElement($"#kpi-journey option[value='{map.Id}']");
            form.Find("#kpi-name").Input(name);
            form.Find("#kpi-unit").Input("%");
            form.Find("#kpi-target").Change("90");
            form.Find("#kpi-journey").Change(map.Id.ToString());
            await form.Find("form").SubmitAsync();
            form.WaitForAssertion(() => Assert.NotNull(created));

            var page = host.Context.Render<KpiPage>(p => p.Add(x => x.Ws, "demo").Add(x => x.Id, created!.Value));
            page.WaitForElement("form[aria-label='New measurement']");
            page.Find("#m-value").Input("84");
            page.Find("#m-date").Change("2026-03-01");
            await page.Find("form[aria-label='New measurement']").SubmitAsync();
            page.WaitForAssertion(() => Assert.Contains("Measurement recorded.", host.Messages));
            await page.FindAll("button").First(b => b.TextContent == "Delete").ClickAsync(new MouseEventArgs());
            await page.Find("button.wm-btn-danger").ClickAsync(new MouseEventArgs());
            page.WaitForAssertion(() => Assert.Contains($"KPI '{name}' deleted.", host.Messages));
            onPage = WithoutClock.Of(await trace.AuditAsync(), created!.Value);
            announcedOnPage = trace.Announced;
        }
        using (var trace = new ChangeTrace(factory))
        {
            var api = factory.ClientAs(WorkspaceRole.Owner);
            const string url = "/api/workspaces/demo/kpis";
            var created = await api.PostAsJsonAsync(url, new { name, unit = "%", target = 90, journeyId = map.Id });
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
            var id = await IdOfAsync(name);
            var measured = await api.PostAsJsonAsync($"{url}/{id}/measurements",
                new { measurements = new[] { new { value = 84, measuredAt = "2026-03-01T12:00:00Z" } }, source = "manual" });
            Assert.Equal(HttpStatusCode.Created, measured.StatusCode);
            Assert.Equal(HttpStatusCode.NoContent, (await api.DeleteAsync($"{url}/{id}")).StatusCode);
            throughApi = WithoutClock.Of(await trace.AuditAsync(), id);
            announcedThroughApi = trace.Announced;
        }
        Assert.Equal(3, onPage.Count);
        Assert.Equal(throughApi, onPage);
        Assert.All(onPage, a => Assert.StartsWith($"User {UiFactory.OwnerEmail} ", a));
        Assert.Equal(
        [
            $"map {map.Id}: {UiFactory.OwnerEmail} added the KPI '{name}'",
            $"map {map.Id}: {UiFactory.OwnerEmail} recorded 1 measurement of '{name}'",
            $"map {map.Id}: {UiFactory.OwnerEmail} deleted the KPI '{name}'",
        ], announcedOnPage);
        Assert.Equal(announcedThroughApi, announcedOnPage);
    }

    [Fact]
    public async Task A_kpi_that_an_action_refers_to_is_refused_on_the_page_with_the_sentence_the_api_answers()
    {
        var map = await MapSeed.CreateAsync(factory, "Sameness KPI in use");
        await using (var db = factory.OpenDb())
        {
            db.Improvements.Add(new Improvement(factory.DemoId, ImprovementKind.Idea, new ImprovementContent("Sameness: measure the wait", KpiId: map.Kpi)));
            await db.SaveChangesAsync();
        }
        var answer = await factory.ClientAs(WorkspaceRole.Owner).DeleteAsync($"/api/workspaces/demo/kpis/{map.Kpi}");
        Assert.Equal(HttpStatusCode.Conflict, answer.StatusCode);
        var detail = (await answer.Content.ReadFromJsonAsync<Microsoft.AspNetCore.Mvc.ProblemDetails>())!.Detail!;

        using var host = new PageHost(factory, WorkspaceRole.Owner);
        var page = host.Context.Render<KpiPage>(p => p.Add(x => x.Ws, "demo").Add(x => x.Id, map.Kpi));
        page.WaitForElement("[data-testid=kpi-name]");
        await page.FindAll("button").First(b => b.TextContent == "Delete").ClickAsync(new MouseEventArgs());
        await page.Find("button.wm-btn-danger").ClickAsync(new MouseEventArgs());

        page.WaitForAssertion(() => Assert.Equal(detail, page.Find("[role=alert]").TextContent));
        Assert.Contains(detail, host.Messages);
        Assert.Contains("is linked to 1 insight, idea or action", detail);
    }
}
