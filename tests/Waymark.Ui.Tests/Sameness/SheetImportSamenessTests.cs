using System.Net;
using System.Net.Http.Json;
using System.Text;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Waymark.Storage.Access;
using Waymark.Ui.Tests.Support;

namespace Waymark.Ui.Tests.Sameness;

/// <summary>A sheet imported on the Import page and the same sheet posted to the API leave the same trace.</summary>
[Collection(UiCollection.Name)]
public sealed class SheetImportSamenessTests(UiFactory factory)
{
    private const string Name = "Sameness returns desk";
    private static byte[] Sheet(string description) => Encoding.UTF8.GetBytes($"Abteilung;Beschreibung\n{Name};{description}\n");

    private static MultipartFormDataContent Form(byte[] file)
    {
        var form = new MultipartFormDataContent();
        form.Add(new ByteArrayContent(file), "file", "abteilungen.csv");
        form.Add(new StringContent("departments"), "kind");
        return form;
    }

    private async Task DeleteAsync(HttpClient api)
    {
        await using var db = factory.OpenDb();
        var id = await db.Departments.Where(d => d.WorkspaceId == factory.DemoId && d.Name == Name).Select(d => d.Id).SingleAsync();
        Assert.Equal(HttpStatusCode.NoContent, (await api.DeleteAsync($"/api/workspaces/demo/departments/{id}")).StatusCode);
    }

    private static async Task ImportOnPageAsync(IRenderedComponent<Web.Components.Pages.Imports.SheetImport> page, byte[] file)
    {
        page.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromBinary(file, "abteilungen.csv", contentType: "text/csv"));
        page.WaitForAssertion(() => Assert.False(page.Find("[data-testid=import-run]").HasAttribute("disabled")));
        await page.Find("[data-testid=import-run]").ClickAsync(new MouseEventArgs());
        page.WaitForElement("[data-testid=import-outcome]");
    }

    [Fact]
    public async Task Importing_and_importing_again_on_the_page_leaves_what_the_api_leaves()
    {
        var api = factory.ClientAs(WorkspaceRole.Owner);
        // The same remembered mapping before both, so neither run saves one the other does not.
        var mapping = await (await api.GetAsync("/api/workspaces/demo/imports/mappings/departments")).Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();
        var version = mapping.GetProperty("version").GetInt32();
        var put = await api.PutAsJsonAsync("/api/workspaces/demo/imports/mappings/departments", new { mapping = "name=Abteilung,description=Beschreibung", version = version == 0 ? (int?)null : version });
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);

        IReadOnlyList<string> onPage, throughApi;
        using (var trace = new ChangeTrace(factory))
        {
            var host = new PageHost(factory, WorkspaceRole.Owner);
            await using var context = host.Context;
            host.Context.Services.GetRequiredService<NavigationManager>().NavigateTo("/w/demo/import?kind=departments");
            var page = host.Context.Render<Web.Components.Pages.Imports.SheetImport>(p => p.Add(x => x.Ws, "demo"));
            page.WaitForElement("#import-kind");
            await ImportOnPageAsync(page, Sheet("Takes back what customers return"));
            await ImportOnPageAsync(page, Sheet("Takes back returns within a day"));
            await DeleteAsync(api);
            onPage = await trace.AuditAsync();
        }
        using (var trace = new ChangeTrace(factory))
        {
            Assert.Equal(HttpStatusCode.OK, (await api.PostAsync("/api/workspaces/demo/imports", Form(Sheet("Takes back what customers return")))).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await api.PostAsync("/api/workspaces/demo/imports", Form(Sheet("Takes back returns within a day")))).StatusCode);
            await DeleteAsync(api);
            throughApi = await trace.AuditAsync();
        }
        Assert.Equal(3, onPage.Count);
        Assert.Equal(throughApi, onPage);
    }
}
