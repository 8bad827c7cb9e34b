using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Waymark.Storage.Access;
using Waymark.Ui.Tests.Support;

namespace Waymark.Ui.Tests.Settings;

/// <summary>The Settings page's event-columns tab: the saved mapping, set by an editor and removed again; read by a viewer.</summary>
[Collection(UiCollection.Name)]
public sealed class EventMappingTabTests(UiFactory factory)
{
    private IRenderedComponent<Web.Components.Pages.Settings.Settings> Open(PageHost host)
    {
        host.Context.Services.GetRequiredService<NavigationManager>().NavigateTo("/w/demo/settings?tab=event-columns");
        return host.Context.Render<Web.Components.Pages.Settings.Settings>(p => p.Add(x => x.Ws, "demo"));
    }

    [Fact]
    public async Task An_editor_saves_the_event_columns_and_goes_back_to_the_usual_names()
    {
        using var host = new PageHost(factory, WorkspaceRole.Editor);
        var page = Open(host);
        page.WaitForElement("#event-mapping");
        Assert.StartsWith("No saved mapping:", page.Find("[data-testid=event-mapping-rule]").TextContent.Trim());

        page.Find("#event-mapping").Change("customer=cust_id,time=ts");
        await page.Find("form[aria-label='Event columns']").SubmitAsync();

        page.WaitForAssertion(() => Assert.Equal("Saved mapping: customer=cust_id,time=ts", page.Find("[data-testid=event-mapping-rule]").TextContent.Trim()));
        await using (var db = factory.OpenDb())
            Assert.Equal("customer=cust_id,time=ts", (await db.EventColumnMappings.SingleAsync(m => m.WorkspaceId == factory.DemoId)).Mapping);

        await page.FindAll("button").First(b => b.TextContent == "Use the usual names").ClickAsync(new MouseEventArgs());

        page.WaitForAssertion(() => Assert.StartsWith("No saved mapping:", page.Find("[data-testid=event-mapping-rule]").TextContent.Trim()));
        await using var after = factory.OpenDb();
        Assert.False(await after.EventColumnMappings.AnyAsync(m => m.WorkspaceId == factory.DemoId));
    }

    [Fact]
    public void A_viewer_reads_the_event_columns_without_a_form()
    {
        using var host = new PageHost(factory, WorkspaceRole.Viewer);
        var page = Open(host);
        page.WaitForElement("[data-testid=event-mapping-rule]");
        Assert.Empty(page.FindAll("[data-testid=event-mapping-form]"));
    }
}
