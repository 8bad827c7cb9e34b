using System.Text;
using System.Text.Json.Nodes;
using Bunit;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.EntityFrameworkCore;
using Waymark.Storage.Access;
using Waymark.Ui.Tests.Support;

namespace Waymark.Ui.Tests.Workspaces;

/// <summary>The workspaces page: creating, importing and exporting a workspace without the API, against the demo database.</summary>
[Collection(UiCollection.Name)]
public sealed class WorkspacesPageTests(UiFactory factory)
{
    private static IRenderedComponent<Web.Components.Pages.Workspaces.Workspaces> Render(PageHost host)
    {
        var page = host.Context.Render<Web.Components.Pages.Workspaces.Workspaces>();
        page.WaitForElement("[data-testid='workspace-list']");
        return page;
    }

    private async Task<string> DemoExportAsync() => await factory.ClientAs(WorkspaceRole.Owner).GetStringAsync("/api/workspaces/demo/export");

    private static void Upload(IRenderedComponent<Web.Components.Pages.Workspaces.Workspaces> page, byte[] file, string name) =>
        page.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromBinary(file, name, contentType: "application/json"));

    [Fact]
    public async Task A_new_workspace_is_created_with_the_default_phases_and_its_creator_as_owner()
    {
        var key = "hotel-" + Guid.NewGuid().ToString("N")[..6];
        await using var host = new PageHost(factory, WorkspaceRole.Owner);
        var page = Render(host);

        page.Find("#workspace-name").Input("Hotel guests");
        page.Find("#workspace-key").Input(key);
        await page.Find("form[aria-label='New workspace']").SubmitAsync();

        page.WaitForAssertion(() => Assert.Contains("Hotel guests", page.Find($"[data-workspace='{key}']").TextContent));
        Assert.Contains("Owner", page.Find($"[data-workspace='{key}']").TextContent);
        Assert.Contains($"Workspace 'Hotel guests' created with the key '{key}'.", host.Messages);
        await using var db = factory.OpenDb();
        var workspace = await db.Workspaces.SingleAsync(w => w.Key == key);
        Assert.True(await db.Phases.CountAsync(p => p.WorkspaceId == workspace.Id) >= 5);
        var owner = await db.Users.SingleAsync(u => u.Email == UiFactory.OwnerEmail);
        Assert.Equal(WorkspaceRole.Owner, (await db.Memberships.SingleAsync(m => m.WorkspaceId == workspace.Id && m.UserId == owner.Id)).Role);
    }

    [Fact]
    public async Task A_key_that_is_taken_or_not_valid_is_refused_in_words_and_nothing_is_created()
    {
        await using var before = factory.OpenDb();
        var count = await before.Workspaces.CountAsync();
        await using var host = new PageHost(factory, WorkspaceRole.Owner);
        var page = Render(host);

        page.Find("#workspace-name").Input("Second demo");
        page.Find("#workspace-key").Input("demo");
        await page.Find("form[aria-label='New workspace']").SubmitAsync();
        page.WaitForAssertion(() => Assert.Contains("The key 'demo' is already used by another workspace", page.Find("[data-testid='create-refusal']").TextContent));

        page.Find("#workspace-key").Input("Not A Key!");
        await page.Find("form[aria-label='New workspace']").SubmitAsync();
        page.WaitForAssertion(() => Assert.Contains("lower-case letters, digits and hyphens", page.Find("[data-testid='create-refusal']").TextContent));

        await using var after = factory.OpenDb();
        Assert.Equal(count, await after.Workspaces.CountAsync());
    }

    [Fact]
    public async Task An_export_file_is_imported_as_a_new_workspace_with_everything_in_it()
    {
        var export = await DemoExportAsync();
        await using var host = new PageHost(factory, WorkspaceRole.Owner);
        var page = Render(host);

        Upload(page, Encoding.UTF8.GetBytes(export), "demo.waymark.json");

        page.WaitForAssertion(() => Assert.Contains(host.Messages, m => m.StartsWith("Imported 'Brightview TV & Home Cinema' from demo.waymark.json as the workspace 'demo-", StringComparison.Ordinal)), TimeSpan.FromSeconds(30));
        var key = host.Messages.Last().Split('\'')[^2];
        page.WaitForAssertion(() => Assert.NotNull(page.Find($"[data-workspace='{key}']")));
        await using var db = factory.OpenDb();
        var demo = await db.Workspaces.SingleAsync(w => w.Key == "demo");
        var copy = await db.Workspaces.SingleAsync(w => w.Key == key);
        Assert.Equal(await db.Touchpoints.CountAsync(t => t.WorkspaceId == demo.Id), await db.Touchpoints.CountAsync(t => t.WorkspaceId == copy.Id));
        Assert.Equal(await db.Journeys.CountAsync(j => j.WorkspaceId == demo.Id), await db.Journeys.CountAsync(j => j.WorkspaceId == copy.Id));
    }

    [Fact]
    public async Task A_broken_file_imports_nothing_and_every_problem_is_shown_with_its_line_and_field()
    {
        var doc = JsonNode.Parse(await DemoExportAsync())!;
        doc["channels"]![0]!.AsObject().Remove("kind");
        doc["touchpoints"]![2]!["relevance"] = 9;
        var text = doc.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true });
        await using var before = factory.OpenDb();
        var count = await before.Workspaces.CountAsync();
        await using var host = new PageHost(factory, WorkspaceRole.Owner);
        var page = Render(host);

        Upload(page, Encoding.UTF8.GetBytes(text), "broken.waymark.json");

        page.WaitForAssertion(() => Assert.Contains("broken.waymark.json could not be imported; nothing was changed.", page.Find("[data-testid='import-problems']").TextContent), TimeSpan.FromSeconds(30));
        Assert.Matches(@"line \d+, channels\[0\]\.kind: This value is required", page.Find("[data-testid='import-problems']").TextContent);
        await using var after = factory.OpenDb();
        Assert.Equal(count, await after.Workspaces.CountAsync());

        // Fixed but saved as Latin-1 instead of UTF-8, it is refused rather than stored with broken characters.
        doc["channels"]![0]!["kind"] = "digital";
        doc["touchpoints"]![2]!["relevance"] = 3;
        doc["workspace"]!["name"] = "Télé & Son";
        var latin1 = Encoding.Latin1.GetBytes(doc.ToJsonString(new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));
        Upload(page, latin1, "latin1.json");
        page.WaitForAssertion(() => Assert.Contains("not UTF-8 text", page.Find("[data-testid='import-problems']").TextContent), TimeSpan.FromSeconds(30));
        await using var db = factory.OpenDb();
        Assert.Equal(count, await db.Workspaces.CountAsync());
    }

    [Fact]
    public async Task Owners_get_the_export_of_their_workspace_as_a_download_and_viewers_do_not()
    {
        await using (var owner = new PageHost(factory, WorkspaceRole.Owner))
        {
            var link = Render(owner).Find("[data-workspace='demo'] a[download]");
            Assert.Equal("/api/workspaces/demo/export", link.GetAttribute("href"));
            Assert.Equal("demo.waymark.json", link.GetAttribute("download"));
        }
        await using var viewer = new PageHost(factory, WorkspaceRole.Viewer);
        var page = Render(viewer);
        Assert.Contains("Viewer", page.Find("[data-workspace='demo']").TextContent);
        Assert.Empty(page.FindAll("[data-workspace='demo'] a[download]"));
    }
}
