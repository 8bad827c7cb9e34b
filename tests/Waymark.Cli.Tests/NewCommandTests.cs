using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Waymark.Domain.Touchpoints;
using Waymark.Storage;
using Waymark.Storage.Exchange;
using Waymark.Storage.Templates;

namespace Waymark.Cli.Tests;

public sealed class NewCommandTests
{
    private static WaymarkDb Open(string file) => StorageSetup.CreateDb(new StorageOptions { SqliteFile = file });

    [Fact]
    public async Task New_with_a_template_creates_the_workspace_with_the_templates_model()
    {
        using var scratch = new Scratch();
        var db = scratch.File("new.db");
        var run = await WaymarkProcess.RunAsync(scratch.Path, "new", "--name", "Stadtwerke Nord", "--template", "energy", "--db", db);

        Assert.True(run.ExitCode == 0, run.Errors);
        Assert.Contains("Created 'Stadtwerke Nord' from the template 'energy'", run.Output);
        Assert.Equal("stadtwerke-nord", run.LastLine);
        await using var data = Open(db);
        var ws = await data.Workspaces.SingleAsync(w => w.Key == "stadtwerke-nord");
        Assert.Equal("Stadtwerke Nord", ws.Name);
        var categories = await data.Touchpoints.Where(t => t.WorkspaceId == ws.Id && t.Category != TouchpointCategory.Custom).Select(t => t.Category).Distinct().CountAsync();
        Assert.Equal(20, categories);
        Assert.Equal(2, await data.Personas.CountAsync(p => p.WorkspaceId == ws.Id));
        Assert.Equal(1, await data.Journeys.CountAsync(j => j.WorkspaceId == ws.Id));
        Assert.True(await data.Kpis.Where(k => k.WorkspaceId == ws.Id).AllAsync(k => k.Target == null));
    }

    [Fact]
    public async Task New_without_a_template_is_blank_with_the_default_phases_and_a_key_given()
    {
        using var scratch = new Scratch();
        var db = scratch.File("blank.db");
        var run = await WaymarkProcess.RunAsync(scratch.Path, "new", "--name", "Hotel guests", "--key", "hotel", "--db", db);

        Assert.True(run.ExitCode == 0, run.Errors);
        Assert.Equal("hotel", run.LastLine);
        await using var data = Open(db);
        var ws = await data.Workspaces.SingleAsync(w => w.Key == "hotel");
        Assert.Equal(5, await data.Phases.CountAsync(p => p.WorkspaceId == ws.Id));
        Assert.Equal(0, await data.Touchpoints.CountAsync(t => t.WorkspaceId == ws.Id));
    }

    [Fact]
    public async Task New_refuses_an_unknown_template_a_taken_key_and_a_missing_name_and_creates_nothing()
    {
        using var scratch = new Scratch();
        var db = scratch.File("refused.db");
        Assert.Equal(0, (await WaymarkProcess.RunAsync(scratch.Path, "new", "--name", "Shop", "--key", "shop", "--db", db)).ExitCode);

        var unknown = await WaymarkProcess.RunAsync(scratch.Path, "new", "--name", "Airline", "--template", "airline", "--db", db);
        Assert.Equal(1, unknown.ExitCode);
        Assert.Contains("Nothing was created. There is no template 'airline'.", unknown.Errors);
        var taken = await WaymarkProcess.RunAsync(scratch.Path, "new", "--name", "Shop again", "--key", "shop", "--template", "retail", "--db", db);
        Assert.Equal(1, taken.ExitCode);
        Assert.Contains("The key 'shop' is already used by another workspace", taken.Errors);
        var nameless = await WaymarkProcess.RunAsync(scratch.Path, "new", "--template", "retail", "--db", db);
        Assert.Equal(1, nameless.ExitCode);
        Assert.Contains("--name", nameless.Errors);

        await using var data = Open(db);
        Assert.Equal(["shop"], await data.Workspaces.Select(w => w.Key).ToListAsync());
    }

    [Fact]
    public async Task List_templates_shows_the_built_in_ones_and_the_organisations_which_new_then_uses()
    {
        using var scratch = new Scratch();
        var db = scratch.File("list.db");
        Assert.Equal(0, (await WaymarkProcess.RunAsync(scratch.Path, "new", "--name", "Our bank", "--key", "our-bank", "--template", "banking", "--db", db)).ExitCode);
        await using (var data = Open(db))
        {
            // As POST …/save-as-template keeps it: the structure of a workspace under a name of the organisation.
            var ws = await data.Workspaces.SingleAsync(w => w.Key == "our-bank");
            var document = TemplateDocument.Structure(await WorkspaceExporter.ExportAsync(data, ws.Id), "our-bank-model", "Our bank model", "Branches and app, as we run them.");
            var json = new JsonSerializerOptions(JsonSerializerDefaults.Web);
            Web.WaymarkWebApp.Configure(json);
            data.WorkspaceTemplates.Add(new WorkspaceTemplate("our-bank-model", "Our bank model", "Branches and app, as we run them.",
                JsonSerializer.Serialize(document, json), "someone", "ana@bank.example", DateTimeOffset.UtcNow));
            await data.SaveChangesAsync();
        }

        var list = await WaymarkProcess.RunAsync(scratch.Path, "new", "--list-templates", "--db", db);
        Assert.True(list.ExitCode == 0, list.Errors);
        foreach (var name in new[] { "retail", "telecom", "banking", "insurance", "energy", "b2b-software" })
            Assert.Matches($@"(?m)^{name}\s+\S.*\(built in; \d+ touchpoints, 2 personas, 1 map, \d+ KPIs\)", list.Output);
        Assert.Contains("our-bank-model", list.Output);
        Assert.Contains("Our bank model (saved by ana@bank.example;", list.Output);

        var run = await WaymarkProcess.RunAsync(scratch.Path, "new", "--name", "Second bank", "--template", "our-bank-model", "--db", db);
        Assert.True(run.ExitCode == 0, run.Errors);
        await using var after = Open(db);
        var first = await after.Workspaces.SingleAsync(w => w.Key == "our-bank");
        var second = await after.Workspaces.SingleAsync(w => w.Key == run.LastLine);
        Assert.Equal(await after.Touchpoints.CountAsync(t => t.WorkspaceId == first.Id), await after.Touchpoints.CountAsync(t => t.WorkspaceId == second.Id));
        Assert.Equal("Branches and app, as we run them.", second.Description);
    }
}
