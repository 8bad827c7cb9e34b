using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Waymark.Storage.Access;
using Waymark.Ui.Tests.Support;
using Waymark.Web.Components.Pages.Settings;
using Waymark.Web.Components.Pages.Workspaces;

namespace Waymark.Ui.Tests.Workspaces;

/// <summary>The template picker of the workspaces page and "Save as template" in the settings, against the demo database.</summary>
[Collection(UiCollection.Name)]
public sealed class TemplateTests(UiFactory factory)
{
    private static IRenderedComponent<Web.Components.Pages.Workspaces.Workspaces> RenderWorkspaces(PageHost host)
    {
        var page = host.Context.Render<Web.Components.Pages.Workspaces.Workspaces>();
        page.WaitForElement("[data-testid='workspace-list']");
        return page;
    }

    [Fact]
    public async Task The_picker_offers_blank_first_and_each_industry_with_its_description_and_creates_from_the_one_chosen()
    {
        var key = "carrier-" + Guid.NewGuid().ToString("N")[..6];
        await using var host = new PageHost(factory, WorkspaceRole.Owner);
        var page = RenderWorkspaces(host);

        var choices = page.FindAll("[data-testid='template-picker'] input[type=radio]");
        Assert.Equal("", choices[0].GetAttribute("data-template"));
        Assert.True(choices[0].HasAttribute("checked"));
        foreach (var name in new[] { "retail", "telecom", "banking", "insurance", "energy", "b2b-software" })
            Assert.Contains(choices, c => c.GetAttribute("data-template") == name);
        var telecom = page.Find("input[data-template='telecom']").ParentElement!.TextContent;
        Assert.Contains("Telecommunications", telecom);
        Assert.Contains("mobile and broadband provider", telecom);
        Assert.Contains("2 personas, 1 map", telecom);

        page.Find("#workspace-name").Input("Carrier Nord");
        page.Find("#workspace-key").Input(key);
        page.Find("input[data-template='telecom']").Change(true);
        await page.Find("form[aria-label='New workspace']").SubmitAsync();

        page.WaitForAssertion(() => Assert.Contains($"Workspace 'Carrier Nord' created from the template 'Telecommunications' with the key '{key}'.", host.Messages), TimeSpan.FromSeconds(30));
        await using var db = factory.OpenDb();
        var ws = await db.Workspaces.SingleAsync(w => w.Key == key);
        Assert.Contains(await db.Touchpoints.Where(t => t.WorkspaceId == ws.Id).Select(t => t.Name).ToListAsync(), n => n == "Number porting from the old provider");
        Assert.Equal(2, await db.Personas.CountAsync(p => p.WorkspaceId == ws.Id));
        // After creating, the picker is back on Blank.
        Assert.True(page.Find("input[data-template='']").HasAttribute("checked"));
    }

    [Fact]
    public async Task Blank_stays_the_default_and_gives_the_default_phases_only()
    {
        var key = "plain-" + Guid.NewGuid().ToString("N")[..6];
        await using var host = new PageHost(factory, WorkspaceRole.Owner);
        var page = RenderWorkspaces(host);

        page.Find("#workspace-name").Input("Plain");
        page.Find("#workspace-key").Input(key);
        await page.Find("form[aria-label='New workspace']").SubmitAsync();

        page.WaitForAssertion(() => Assert.Contains($"Workspace 'Plain' created with the key '{key}'.", host.Messages));
        await using var db = factory.OpenDb();
        var ws = await db.Workspaces.SingleAsync(w => w.Key == key);
        Assert.Equal(5, await db.Phases.CountAsync(p => p.WorkspaceId == ws.Id));
        Assert.Equal(0, await db.Touchpoints.CountAsync(t => t.WorkspaceId == ws.Id));
    }

    [Fact]
    public async Task An_owner_saves_the_workspace_as_a_template_which_the_picker_then_offers()
    {
        using var host = new ComponentHost(factory);
        var name = "brightview-" + Guid.NewGuid().ToString("N")[..6];
        var tab = host.Context.Render<SaveAsTemplateTab>(p => p.Add(t => t.Context, new SettingsContext(host.Workspace, true, host.Try, true)));
        Assert.Equal(host.Workspace.Name, tab.Find("#template-title").GetAttribute("value"));

        tab.Find("#template-title").Input("Brightview model");
        tab.Find("#template-name").Input(name);
        tab.Find("#template-description").Change("Stores, web shop, delivery and installation.");
        await tab.Find("form[aria-label='Save as template']").SubmitAsync();

        tab.WaitForAssertion(() => Assert.Contains("Saved as the template 'Brightview model'.", host.Messages));
        await using (var db = factory.OpenDb())
        {
            var saved = await db.WorkspaceTemplates.SingleAsync(t => t.Name == name);
            Assert.Equal(UiFactory.OwnerEmail, saved.CreatedByName);
            Assert.Contains("\"evaluations\":[]", saved.Document);
            Assert.Contains("\"improvements\":[]", saved.Document);
            Assert.Contains(await db.Touchpoints.Where(t => t.WorkspaceId == host.Workspace.Id).Select(t => t.Name).FirstAsync(), saved.Document);
        }

        await using var pageHost = new PageHost(factory, WorkspaceRole.Owner);
        var page = RenderWorkspaces(pageHost);
        var offered = page.Find($"input[data-template='{name}']").ParentElement!.TextContent;
        Assert.Contains("Brightview model", offered);
        Assert.Contains($"saved by {UiFactory.OwnerEmail}", offered);
        Assert.Contains("Stores, web shop, delivery and installation.", offered);

        // Its creator deletes it from the picker; it is gone from the list and the database.
        page.Find($"[data-template-choice='{name}'] button[aria-label='Delete the template Brightview model']").Click();
        page.WaitForAssertion(() => Assert.Contains("The template 'Brightview model' was deleted; workspaces made from it stay as they are.", pageHost.Messages));
        page.WaitForAssertion(() => Assert.Empty(page.FindAll($"input[data-template='{name}']")));
        await using var after = factory.OpenDb();
        Assert.False(await after.WorkspaceTemplates.AnyAsync(t => t.Name == name));
    }

    [Fact]
    public async Task A_template_someone_else_saved_is_offered_without_a_delete_button()
    {
        var name = "theirs-" + Guid.NewGuid().ToString("N")[..6];
        await using (var db = factory.OpenDb())
        {
            db.WorkspaceTemplates.Add(new Storage.Templates.WorkspaceTemplate(name, "Their model", null, Storage.Templates.BuiltInTemplates.Document("retail")!,
                "someone-else", "ben@waymark.test", DateTimeOffset.UtcNow));
            await db.SaveChangesAsync();
        }
        await using var host = new PageHost(factory, WorkspaceRole.Owner);
        var page = RenderWorkspaces(host);

        Assert.Contains("saved by ben@waymark.test", page.Find($"[data-template-choice='{name}']").TextContent);
        Assert.Empty(page.FindAll($"[data-template-choice='{name}'] button"));
        Assert.Empty(page.FindAll("[data-template-choice='retail'] button"));
    }

    [Fact]
    public async Task A_name_already_taken_is_refused_in_words_and_nothing_is_saved()
    {
        using var host = new ComponentHost(factory);
        await using var before = factory.OpenDb();
        var count = await before.WorkspaceTemplates.CountAsync();
        var tab = host.Context.Render<SaveAsTemplateTab>(p => p.Add(t => t.Context, new SettingsContext(host.Workspace, true, host.Try, true)));

        tab.Find("#template-name").Input("retail");
        await tab.Find("form[aria-label='Save as template']").SubmitAsync();

        tab.WaitForAssertion(() => Assert.Contains(host.Messages, m => m.Contains("There is already a template called 'retail'")));
        Assert.Empty(tab.FindAll("[data-testid='template-saved']"));
        await using var after = factory.OpenDb();
        Assert.Equal(count, await after.WorkspaceTemplates.CountAsync());
    }

    [Fact]
    public async Task Save_as_template_is_a_settings_tab_for_owners_only()
    {
        var owner = Html.Parse(await factory.PageAsync("/w/demo/settings?tab=template"));
        Assert.NotNull(owner.QuerySelector("#tab-template"));
        Assert.NotNull(owner.QuerySelector("[data-testid='save-as-template-form']"));
        var viewer = Html.Parse(await factory.PageAsync("/w/demo/settings?tab=template", WorkspaceRole.Viewer));
        Assert.Null(viewer.QuerySelector("#tab-template"));
        Assert.Null(viewer.QuerySelector("[data-testid='save-as-template-form']"));
    }
}
