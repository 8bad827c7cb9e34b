using System.Net;
using System.Net.Http.Json;
using Bunit;
using Microsoft.EntityFrameworkCore;
using Waymark.Storage.Access;
using Waymark.Ui.Tests.Support;
using Waymark.Web.Components.Pages.Settings;

namespace Waymark.Ui.Tests.Sameness;

/// <summary>A department changed on the Departments tab and the same change through the API leave the same trace and meet the same refusals.</summary>
[Collection(UiCollection.Name)]
public sealed class DepartmentSamenessTests(UiFactory factory) : IDisposable
{
    private readonly ComponentHost _host = new(factory);

    public void Dispose() => _host.Dispose();

    private IRenderedComponent<DepartmentsTab> Render() => _host.Context.Render<DepartmentsTab>(p => p.Add(t => t.Context, _host.Settings()));

    private async Task<Guid> IdOfAsync(string name)
    {
        await using var db = factory.OpenDb();
        return await db.Departments.Where(d => d.WorkspaceId == _host.Workspace.Id && d.Name == name).Select(d => d.Id).SingleAsync();
    }

    [Fact]
    public async Task Adding_describing_and_deleting_on_the_tab_leaves_what_the_api_leaves()
    {
        const string name = "Complaints desk";
        IReadOnlyList<string> onPage, throughApi;
        using (var trace = new ChangeTrace(factory))
        {
            var tab = Render();
            tab.Find("#add-department").Input(name);
            await tab.Find("form[aria-label='New department']").SubmitAsync();
            tab.WaitForElement($"[data-department='{name}']");
            await tab.Find($"button[aria-label='Edit {name}']").ClickAsync();
            tab.Find("[id^=dep-description-]").Change("Answers written complaints");
            tab.Find("[id^=dep-bottlenecks-]").Change("Scanning letters\nWaiting for the legal team");
            await tab.Find($"form[aria-label='Edit {name}']").SubmitAsync();
            tab.WaitForAssertion(() => Assert.Contains("Answers written complaints", tab.Markup));
            await tab.Find($"button[aria-label='Delete {name}']").ClickAsync();
            tab.WaitForAssertion(() => Assert.Empty(tab.FindAll($"[data-department='{name}']")));
            onPage = await trace.AuditAsync();
        }
        using (var trace = new ChangeTrace(factory))
        {
            var api = factory.ClientAs(WorkspaceRole.Owner);
            var url = "/api/workspaces/demo/departments";
            var created = await api.PostAsJsonAsync(url, new { name });
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
            var id = await IdOfAsync(name);
            var changed = await api.PutAsJsonAsync($"{url}/{id}", new
            {
                name, description = "Answers written complaints", bottlenecks = new[] { "Scanning letters", "Waiting for the legal team" },
                delays = Array.Empty<string>(), internalProblems = Array.Empty<string>(), version = 1,
            });
            Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
            Assert.Equal(HttpStatusCode.NoContent, (await api.DeleteAsync($"{url}/{id}")).StatusCode);
            throughApi = await trace.AuditAsync();
        }
        Assert.Equal(3, onPage.Count);
        Assert.Equal(throughApi, onPage);
        Assert.All(onPage, a => Assert.StartsWith($"User {UiFactory.OwnerEmail} ", a));
    }

    [Fact]
    public async Task A_department_in_use_is_refused_on_the_tab_with_the_sentence_the_api_answers()
    {
        await using var db = factory.OpenDb();
        var used = await db.Departments.Where(d => d.WorkspaceId == _host.Workspace.Id && db.Touchpoints.Any(t => t.DepartmentId == d.Id)).FirstAsync();

        var answer = await factory.ClientAs(WorkspaceRole.Owner).DeleteAsync($"/api/workspaces/demo/departments/{used.Id}");
        Assert.Equal(HttpStatusCode.Conflict, answer.StatusCode);
        var detail = (await answer.Content.ReadFromJsonAsync<Microsoft.AspNetCore.Mvc.ProblemDetails>())!.Detail!;

        var tab = Render();
        await tab.Find($"button[aria-label='Delete {used.Name}']").ClickAsync();
        tab.WaitForAssertion(() => Assert.Equal(detail, tab.Find("[role=alert]").TextContent));
        Assert.Contains(detail, _host.Messages);
        Assert.Contains("touchpoint", detail);
    }

    [Fact]
    public async Task A_stale_edit_is_refused_on_the_tab_with_the_api_sentence_and_the_api_names_the_current_version()
    {
        const string name = "Returns desk";
        var api = factory.ClientAs(WorkspaceRole.Owner);
        var url = "/api/workspaces/demo/departments";
        Assert.Equal(HttpStatusCode.Created, (await api.PostAsJsonAsync(url, new { name })).StatusCode);
        var id = await IdOfAsync(name);
        var tab = Render();
        await tab.Find($"button[aria-label='Edit {name}']").ClickAsync();

        Assert.Equal(HttpStatusCode.OK, (await api.PutAsJsonAsync($"{url}/{id}", new { name, description = "Someone else's words", version = 1 })).StatusCode);
        var stale = await api.PutAsJsonAsync($"{url}/{id}", new { name, description = "Late words", version = 1 });
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        var problem = (await stale.Content.ReadFromJsonAsync<Microsoft.AspNetCore.Mvc.ProblemDetails>())!;
        Assert.Equal(2, ((System.Text.Json.JsonElement)problem.Extensions["currentVersion"]!).GetInt32());

        tab.Find("[id^=dep-description-]").Change("Words typed on the tab");
        await tab.Find($"form[aria-label='Edit {name}']").SubmitAsync();
        tab.WaitForAssertion(() => Assert.Contains(problem.Detail!, _host.Messages));
        tab.WaitForAssertion(() => Assert.Contains("Someone else's words", tab.Markup));
        await using var db = factory.OpenDb();
        Assert.Equal("Someone else's words", (await db.Departments.SingleAsync(d => d.Id == id)).Description);
    }
}
