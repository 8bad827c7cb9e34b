using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Bunit;
using Waymark.Storage.Access;
using Waymark.Ui.Tests.Support;
using WorkspacesPage = Waymark.Web.Components.Pages.Workspaces.Workspaces;

namespace Waymark.Ui.Tests.Sameness;

/// <summary>A workspace created on the workspaces page and through the API leaves the same trace and meets the same refusal.</summary>
[Collection(UiCollection.Name)]
public sealed class WorkspaceSamenessTests(UiFactory factory)
{
    private static IRenderedComponent<WorkspacesPage> Render(PageHost host)
    {
        var page = host.Context.Render<WorkspacesPage>();
        page.WaitForElement("[data-testid='workspace-list']");
        return page;
    }

    /// <summary>The two workspaces differ in key, moment and ids; who, what and which values must not.</summary>
    private static IReadOnlyList<string> WithoutKeysAndTimes(IReadOnlyList<string> entries) =>
        entries.Select(e => Regex.Replace(Regex.Replace(e, "\"\\d{4}-\\d\\d-\\d\\dT[^\"]*\"", "…"), "\"key\":\"[^\"]*\"", "\"key\":…")).Order(StringComparer.Ordinal).ToList();

    [Fact]
    public async Task Creating_a_workspace_on_the_page_leaves_what_the_api_leaves()
    {
        var name = $"Same {Guid.NewGuid():N}"[..16];
        IReadOnlyList<string> onPage, throughApi;
        using (var trace = new ChangeTrace(factory))
        {
            await using var host = new PageHost(factory, WorkspaceRole.Owner);
            var page = Render(host);
            page.Find("#workspace-name").Input(name);
            await page.Find("form[aria-label='New workspace']").SubmitAsync();
            page.WaitForAssertion(() => Assert.Contains(host.Messages, m => m.StartsWith($"Workspace '{name}' created", StringComparison.Ordinal)));
            onPage = WithoutKeysAndTimes(await trace.AuditAsync());
        }
        using (var trace = new ChangeTrace(factory))
        {
            var answer = await factory.ClientAs(WorkspaceRole.Owner).PostAsJsonAsync("/api/workspaces", new { name });
            Assert.Equal(HttpStatusCode.Created, answer.StatusCode);
            throughApi = WithoutKeysAndTimes(await trace.AuditAsync());
        }
        Assert.Equal(throughApi, onPage);
        Assert.Contains(onPage, a => a.StartsWith($"User {UiFactory.OwnerEmail} Created Workspace ", StringComparison.Ordinal));
        Assert.Single(onPage, a => a.Contains("WorkspaceMembership") && a.Contains("\"role\":\"owner\""));
        Assert.Equal(7, onPage.Count); // the workspace, its five default phases and its owner
    }

    /// <summary>Two workspaces made from one template differ also in the ids their rows refer to each other by.</summary>
    private static IReadOnlyList<string> WithoutIds(IReadOnlyList<string> entries) =>
        WithoutKeysAndTimes(entries.Select(e => Regex.Replace(e, "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", "…")).ToList());

    [Fact]
    public async Task Creating_a_workspace_from_a_template_on_the_page_leaves_what_the_api_leaves()
    {
        var name = $"Insurer {Guid.NewGuid():N}"[..16];
        IReadOnlyList<string> onPage, throughApi;
        using (var trace = new ChangeTrace(factory))
        {
            await using var host = new PageHost(factory, WorkspaceRole.Owner);
            var page = Render(host);
            page.Find("#workspace-name").Input(name);
            page.Find("input[data-template='insurance']").Change(true);
            await page.Find("form[aria-label='New workspace']").SubmitAsync();
            page.WaitForAssertion(() => Assert.Contains(host.Messages, m => m.StartsWith($"Workspace '{name}' created from the template 'Insurance'", StringComparison.Ordinal)), TimeSpan.FromSeconds(30));
            onPage = WithoutIds(await trace.AuditAsync());
        }
        using (var trace = new ChangeTrace(factory))
        {
            var answer = await factory.ClientAs(WorkspaceRole.Owner).PostAsJsonAsync("/api/workspaces", new { name, template = "insurance" });
            Assert.Equal(HttpStatusCode.Created, answer.StatusCode);
            throughApi = WithoutIds(await trace.AuditAsync());
        }
        Assert.Equal(throughApi, onPage);
        Assert.Single(onPage, a => a.Contains("WorkspaceMembership") && a.Contains("\"role\":\"owner\""));
        Assert.Equal(35, onPage.Count(a => a.Contains(" Created Touchpoint ")));
    }

    [Fact]
    public async Task A_taken_key_is_refused_on_the_page_with_the_sentence_the_api_answers()
    {
        var answer = await factory.ClientAs(WorkspaceRole.Owner).PostAsJsonAsync("/api/workspaces", new { key = "demo", name = "Second demo" });
        Assert.Equal(HttpStatusCode.Conflict, answer.StatusCode);
        var detail = (await answer.Content.ReadFromJsonAsync<Microsoft.AspNetCore.Mvc.ProblemDetails>())!.Detail!;

        await using var host = new PageHost(factory, WorkspaceRole.Owner);
        var page = Render(host);
        page.Find("#workspace-name").Input("Second demo");
        page.Find("#workspace-key").Input("demo");
        await page.Find("form[aria-label='New workspace']").SubmitAsync();
        page.WaitForAssertion(() => Assert.Equal(detail, page.Find("[data-testid='create-refusal']").TextContent));
    }
}
