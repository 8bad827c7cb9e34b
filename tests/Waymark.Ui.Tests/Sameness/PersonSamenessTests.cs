using System.Net;
using System.Net.Http.Json;
using Bunit;
using Microsoft.EntityFrameworkCore;
using Waymark.Storage.Access;
using Waymark.Ui.Tests.Support;
using Waymark.Web.Components.Pages.Settings;

namespace Waymark.Ui.Tests.Sameness;

/// <summary>A person changed on the People tab and the same change through the API leave the same trace and meet the same refusals.</summary>
[Collection(UiCollection.Name)]
public sealed class PersonSamenessTests(UiFactory factory) : IDisposable
{
    private readonly ComponentHost _host = new(factory);

    public void Dispose() => _host.Dispose();

    private IRenderedComponent<PeopleTab> Render() => _host.Context.Render<PeopleTab>(p => p.Add(t => t.Context, _host.Settings()));

    [Fact]
    public async Task Adding_placing_in_a_department_and_deleting_on_the_tab_leaves_what_the_api_leaves()
    {
        const string name = "Greta Gruber";
        await using var db = factory.OpenDb();
        var department = await db.Departments.Where(d => d.WorkspaceId == _host.Workspace.Id).OrderBy(d => d.Name).FirstAsync();
        IReadOnlyList<string> onPage, throughApi;
        using (var trace = new ChangeTrace(factory))
        {
            var tab = Render();
            tab.Find("#add-person").Input(name);
            await tab.Find("form[aria-label='New person']").SubmitAsync();
            tab.WaitForElement($"[data-person='{name}']");
            await tab.Find($"button[aria-label='Edit {name}']").ClickAsync();
            tab.Find("[id^=person-role-]").Change("Team lead");
            tab.Find("[id^=person-department-]").Change(department.Id.ToString());
            await tab.Find($"form[aria-label='Edit {name}']").SubmitAsync();
            tab.WaitForAssertion(() => Assert.Contains("Team lead", tab.Find($"[data-person='{name}']").TextContent));
            await tab.Find($"button[aria-label='Delete {name}']").ClickAsync();
            tab.WaitForAssertion(() => Assert.Empty(tab.FindAll($"[data-person='{name}']")));
            onPage = await trace.AuditAsync();
        }
        using (var trace = new ChangeTrace(factory))
        {
            var api = factory.ClientAs(WorkspaceRole.Owner);
            const string url = "/api/workspaces/demo/people";
            Assert.Equal(HttpStatusCode.Created, (await api.PostAsJsonAsync(url, new { name })).StatusCode);
            var id = await db.People.Where(p => p.WorkspaceId == _host.Workspace.Id && p.Name == name).Select(p => p.Id).SingleAsync();
            var changed = await api.PutAsJsonAsync($"{url}/{id}", new { name, role = "Team lead", departmentId = department.Id, version = 1 });
            Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
            Assert.Equal(HttpStatusCode.NoContent, (await api.DeleteAsync($"{url}/{id}")).StatusCode);
            throughApi = await trace.AuditAsync();
        }
        Assert.Equal(3, onPage.Count);
        Assert.Equal(throughApi, onPage);
        Assert.Contains(department.Id.ToString(), onPage[1]);
    }

    [Fact]
    public async Task A_person_who_owns_touchpoints_is_refused_on_the_tab_with_the_sentence_the_api_answers()
    {
        await using var db = factory.OpenDb();
        var owner = await db.People.Where(p => p.WorkspaceId == _host.Workspace.Id && db.Touchpoints.Any(t => t.OwnerId == p.Id)).FirstAsync();

        var answer = await factory.ClientAs(WorkspaceRole.Owner).DeleteAsync($"/api/workspaces/demo/people/{owner.Id}");
        var detail = await answer.DetailAsync(HttpStatusCode.Conflict);

        var tab = Render();
        await tab.Find($"button[aria-label='Delete {owner.Name}']").ClickAsync();
        tab.WaitForAssertion(() => Assert.Equal(detail, tab.Find("[role=alert]").TextContent));
        Assert.Contains(detail, _host.Messages);
        Assert.StartsWith($"{owner.Name} still owns ", detail);
        Assert.Contains(await db.People.AsNoTracking().ToListAsync(), p => p.Id == owner.Id);
    }
}
