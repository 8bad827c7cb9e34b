using System.Text;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Waymark.Storage.Access;
using Waymark.Ui.Tests.Support;

namespace Waymark.Ui.Tests.Imports;

/// <summary>The Import page: upload, columns, a preview with problems marked per cell, and the Import button only without problems.</summary>
[Collection(UiCollection.Name)]
public sealed class SheetImportPageTests(UiFactory factory)
{
    private static IRenderedComponent<Web.Components.Pages.Imports.SheetImport> Open(PageHost host, string kind)
    {
        host.Context.Services.GetRequiredService<NavigationManager>().NavigateTo($"/w/demo/import?kind={kind}");
        return host.Context.Render<Web.Components.Pages.Imports.SheetImport>(p => p.Add(x => x.Ws, "demo"));
    }

    [Fact]
    public async Task A_problem_is_marked_in_its_cell_and_blocks_the_import_until_the_column_is_left_out()
    {
        var host = new PageHost(factory, WorkspaceRole.Editor);
        await using var context = host.Context;
        var page = Open(host, "people");
        page.WaitForElement("#import-kind");
        var csv = Encoding.UTF8.GetBytes("Mitarbeiterliste;\n;\nName;Abteilung\nImport Ida ;Nirgendwo\nImport Ivo;\n");
        page.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromBinary(csv, "leute.csv", contentType: "text/csv"));

        page.WaitForAssertion(() => Assert.Contains("1 problem", page.Find("[data-testid=import-summary]").TextContent));
        Assert.Equal("people", page.Find("#import-kind").GetAttribute("value"));
        Assert.Equal("Abteilung", page.Find("#map-department").GetAttribute("value"));
        var marked = Assert.Single(page.FindAll("td[data-problem=true]"));
        Assert.Contains("There is no department 'Nirgendwo'", marked.GetAttribute("title"));
        Assert.Contains("row 4, column 'Abteilung'", page.Find("[data-testid=import-problems]").TextContent);
        Assert.True(page.Find("[data-testid=import-run]").HasAttribute("disabled"));

        await page.Find("#map-department").ChangeAsync(new ChangeEventArgs { Value = "" });

        page.WaitForAssertion(() => Assert.False(page.Find("[data-testid=import-run]").HasAttribute("disabled")));
        Assert.Empty(page.FindAll("td[data-problem=true]"));
        Assert.Contains("Import Ida", page.Find("[data-testid=import-preview]").TextContent);
        await page.Find("[data-testid=import-run]").ClickAsync(new MouseEventArgs());

        page.WaitForAssertion(() => Assert.Equal("leute.csv: 2 new and 0 updated people imported.", page.Find("[data-testid=import-outcome]").TextContent));
        await using var db = factory.OpenDb();
        Assert.Equal(["Import Ida", "Import Ivo"], await db.People.Where(p => p.WorkspaceId == factory.DemoId && p.Name.StartsWith("Import I")).OrderBy(p => p.Name).Select(p => p.Name).ToListAsync());
        Assert.Equal("name=Name", (await db.SpreadsheetImportMappings.SingleAsync(m => m.WorkspaceId == factory.DemoId && m.Kind == "people")).Mapping);
    }

    [Fact]
    public async Task A_viewer_is_told_that_only_editors_import()
    {
        var host = new PageHost(factory, WorkspaceRole.Viewer);
        await using var context = host.Context;
        var page = Open(host, "touchpoints");
        page.WaitForElement("[data-testid=import-read-only]");
        Assert.Empty(page.FindAll("#import-kind"));
    }
}
