using System.Net;
using System.Net.Http.Json;
using Bunit;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.EntityFrameworkCore;
using Waymark.Storage.Access;
using Waymark.Ui.Tests.Support;
using Waymark.Web.Components.Pages.Kpis;

namespace Waymark.Ui.Tests.Sameness;

/// <summary>Binding a KPI to events and unbinding it on the KPI page leaves the trace the API leaves.</summary>
[Collection(UiCollection.Name)]
public sealed class KpiBindingSamenessTests(UiFactory factory)
{
    private async Task<(Guid Id, int Version)> KpiAsync(string name)
    {
        var created = await factory.ClientAs(WorkspaceRole.Owner).PostAsJsonAsync("/api/workspaces/demo/kpis", new { name, unit = "points" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        await using var db = factory.OpenDb();
        return await db.Kpis.Where(k => k.WorkspaceId == factory.DemoId && k.Name == name).Select(k => new ValueTuple<Guid, int>(k.Id, k.Version)).SingleAsync();
    }

    [Fact]
    public async Task Binding_and_unbinding_on_the_page_leaves_what_the_api_leaves()
    {
        const string name = "Sameness: NPS from events";
        IReadOnlyList<string> onPage, throughApi;
        var (pageKpi, _) = await KpiAsync(name);
        using (var trace = new ChangeTrace(factory))
        {
            using var host = new PageHost(factory, WorkspaceRole.Owner);
            var page = host.Context.Render<KpiPage>(p => p.Add(x => x.Ws, "demo").Add(x => x.Id, pageKpi));
            page.WaitForElement("[data-testid=kpi-name]");
            await page.FindAll("button").First(b => b.TextContent == "Compute from events").ClickAsync(new MouseEventArgs());
            page.WaitForElement("#kb-measure");
            page.Find("#kb-measure").Change("Nps");
            page.Find("#kb-grain").Change("Week");
            page.Find("#kb-touchpoint").Change("nps-survey");
            await page.Find("form[aria-label='Compute from events']").SubmitAsync();
            page.WaitForAssertion(() => Assert.Contains("NPS at 'nps-survey', per week.", page.Find("[data-testid=kpi-binding]").TextContent));
            await page.FindAll("button").First(b => b.TextContent == "Change computation").ClickAsync(new MouseEventArgs());
            page.WaitForElement("#kb-measure");
            await page.FindAll("button").First(b => b.TextContent == "Stop computing").ClickAsync(new MouseEventArgs());
            page.WaitForAssertion(() => Assert.Empty(page.FindAll("[data-testid=kpi-binding]")));
            onPage = WithoutClock.Of(await trace.AuditAsync(), pageKpi);
        }
        var (apiKpi, version) = await KpiAsync(name + " (API)");
        using (var trace = new ChangeTrace(factory))
        {
            var api = factory.ClientAs(WorkspaceRole.Owner);
            var url = $"/api/workspaces/demo/kpis/{apiKpi}/binding";
            Assert.Equal(HttpStatusCode.OK, (await api.PutAsJsonAsync(url, new { measure = "nps", grain = "week", touchpoint = "nps-survey", version })).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await api.DeleteAsync($"{url}?version={version + 1}")).StatusCode);
            throughApi = WithoutClock.Of(await trace.AuditAsync(), apiKpi);
        }
        Assert.Equal(2, onPage.Count);
        Assert.Equal(throughApi.Select(e => e.Replace(" (API)", "")), onPage);
    }
}
