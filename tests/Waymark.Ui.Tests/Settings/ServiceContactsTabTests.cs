using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Waymark.Storage.Access;
using Waymark.Ui.Tests.Support;

namespace Waymark.Ui.Tests.Settings;

/// <summary>The Settings page's service-contacts tab: the definition in force, set by an editor, and back to the built-in one.</summary>
[Collection(UiCollection.Name)]
public sealed class ServiceContactsTabTests(UiFactory factory)
{
    private IRenderedComponent<Web.Components.Pages.Settings.Settings> Open(PageHost host)
    {
        host.Context.Services.GetRequiredService<NavigationManager>().NavigateTo("/w/demo/settings?tab=service-contacts");
        return host.Context.Render<Web.Components.Pages.Settings.Settings>(p => p.Add(x => x.Ws, "demo"));
    }

    [Fact]
    public async Task An_editor_sets_the_service_contacts_one_per_line_and_goes_back_to_the_built_in_definition()
    {
        using var host = new PageHost(factory, WorkspaceRole.Editor);
        var page = Open(host);
        page.WaitForElement("#sc-touchpoints");
        Assert.StartsWith("Built-in definition:", page.Find("[data-testid=service-contacts-rule]").TextContent);

        page.Find("#sc-touchpoints").Change("hotline-call\nservice-chat\n");
        page.Find("#sc-resolved").Change("solved");
        page.Find("#sc-unresolved").Change("");
        await page.Find("form[aria-label='Service contacts']").SubmitAsync();

        page.WaitForAssertion(() => Assert.Equal("Your definition: Service contacts are events at 'hotline-call' or 'service-chat'; resolved means the outcome 'solved'.",
            page.Find("[data-testid=service-contacts-rule]").TextContent));
        await using (var db = factory.OpenDb())
        {
            var stored = await db.ServiceContactSettings.SingleAsync(s => s.WorkspaceId == factory.DemoId);
            Assert.Equal(["hotline-call", "service-chat"], stored.Touchpoints);
        }

        await page.FindAll("button").First(b => b.TextContent == "Use the built-in definition").ClickAsync(new MouseEventArgs());

        page.WaitForAssertion(() => Assert.StartsWith("Built-in definition:", page.Find("[data-testid=service-contacts-rule]").TextContent));
        await using var after = factory.OpenDb();
        Assert.False(await after.ServiceContactSettings.AnyAsync(s => s.WorkspaceId == factory.DemoId));
    }

    [Fact]
    public void A_viewer_reads_the_definition_without_a_form()
    {
        using var host = new PageHost(factory, WorkspaceRole.Viewer);
        var page = Open(host);
        page.WaitForElement("[data-testid=service-contacts-rule]");
        Assert.Empty(page.FindAll("[data-testid=service-contacts-form]"));
    }
}
