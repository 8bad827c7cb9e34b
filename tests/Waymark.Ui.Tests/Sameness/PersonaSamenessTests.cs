using System.Net;
using System.Net.Http.Json;
using Bunit;
using Microsoft.EntityFrameworkCore;
using Waymark.Domain.Personas;
using Waymark.Storage.Access;
using Waymark.Ui.Tests.Support;
using Waymark.Web.Components.Pages.Personas;

namespace Waymark.Ui.Tests.Sameness;

/// <summary>A persona created and edited in the persona form and deleted on its page leaves what the same API calls leave, and meets the same refusals.</summary>
[Collection(UiCollection.Name)]
public sealed class PersonaSamenessTests(UiFactory factory)
{
    private async Task<Persona> LoadAsync(string name)
    {
        await using var db = factory.OpenDb();
        return await db.Personas.AsNoTracking().SingleAsync(p => p.WorkspaceId == factory.DemoId && p.Name == name);
    }

    [Fact]
    public async Task Creating_describing_and_deleting_on_the_pages_leaves_what_the_api_leaves()
    {
        const string name = "Sara Saver";
        IReadOnlyList<string> onPage, throughApi;
        using (var trace = new ChangeTrace(factory))
        {
            // MudBlazor's upload button holds services that are only disposed asynchronously.
            var host = new PageHost(factory, WorkspaceRole.Owner);
            await using (host.Context)
            {
                Guid? created = null;
                var form = host.Context.Render<PersonaForm>(p => p.Add(f => f.Ws, "demo").Add(f => f.OnSaved, (Guid id) => created = id));
                form.Find("#persona-name").Input(name);
                await form.Find("form").SubmitAsync();
                form.WaitForAssertion(() => Assert.NotNull(created));

                Guid? saved = null;
                var persona = await LoadAsync(name);
                var editor = host.Context.Render<PersonaForm>(p => p.Add(f => f.Ws, "demo").Add(f => f.Existing, persona).Add(f => f.OnSaved, (Guid id) => saved = id));
                editor.Find("#persona-description").Change("Compares three offers before she buys.");
                await editor.Find("form").SubmitAsync();
                editor.WaitForAssertion(() => Assert.NotNull(saved));

                var page = host.Context.Render<PersonaPage>(p => p.Add(x => x.Ws, "demo").Add(x => x.Id, persona.Id));
                page.WaitForElement("[data-testid=persona-name]");
                await page.FindAll("button").Single(b => b.TextContent == "Delete").ClickAsync();
                await page.FindAll("button").Single(b => b.TextContent == "Yes, delete").ClickAsync();
                page.WaitForAssertion(() => Assert.Contains($"Persona '{name}' deleted.", host.Messages));
            }
            onPage = await trace.AuditAsync();
            Assert.Empty(trace.Announced);
        }
        using (var trace = new ChangeTrace(factory))
        {
            var api = factory.ClientAs(WorkspaceRole.Owner);
            const string url = "/api/workspaces/demo/personas";
            Assert.Equal(HttpStatusCode.Created, (await api.PostAsJsonAsync(url, new { name })).StatusCode);
            var id = (await LoadAsync(name)).Id;
            var changed = await api.PutAsJsonAsync($"{url}/{id}", new { name, description = "Compares three offers before she buys.", version = 1 });
            Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
            Assert.Equal(HttpStatusCode.NoContent, (await api.DeleteAsync($"{url}/{id}")).StatusCode);
            throughApi = await trace.AuditAsync();
            Assert.Empty(trace.Announced);
        }
        Assert.Equal(3, onPage.Count);
        Assert.Equal(throughApi, onPage);
    }

    /// <summary>A journey map's header names its persona, so renaming the persona redraws the maps drawn for it, whoever renames it.</summary>
    [Fact]
    public async Task Renaming_a_persona_announces_the_same_to_its_journeys_as_the_api()
    {
        await using var db = factory.OpenDb();
        var used = await db.Personas.AsNoTracking().Where(p => p.WorkspaceId == factory.DemoId && db.Journeys.Any(j => j.PersonaId == p.Id)).FirstAsync();
        var journeys = await db.Journeys.Where(j => j.PersonaId == used.Id).Select(j => j.Id).ToListAsync();
        IReadOnlyList<string> onPage, throughApi;
        using (var trace = new ChangeTrace(factory))
        {
            var host = new PageHost(factory, WorkspaceRole.Owner);
            await using (host.Context)
            {
                foreach (var name in new[] { used.Name + " (new)", used.Name })
                {
                    Guid? saved = null;
                    var form = host.Context.Render<PersonaForm>(p => p.Add(f => f.Ws, "demo").Add(f => f.Existing, db.Personas.AsNoTracking().Single(x => x.Id == used.Id))
                        .Add(f => f.OnSaved, (Guid id) => saved = id));
                    form.Find("#persona-name").Input(name);
                    await form.Find("form").SubmitAsync();
                    form.WaitForAssertion(() => Assert.NotNull(saved));
                }
            }
            onPage = trace.Announced;
        }
        using (var trace = new ChangeTrace(factory))
        {
            var api = factory.ClientAs(WorkspaceRole.Owner);
            foreach (var name in new[] { used.Name + " (new)", used.Name })
            {
                // The persona as read, with its version, renamed: the same whole description the form sends.
                var read = await api.GetFromJsonAsync<Dictionary<string, System.Text.Json.JsonElement>>($"/api/workspaces/demo/personas/{used.Id}");
                read!["name"] = System.Text.Json.JsonSerializer.SerializeToElement(name);
                read.Remove("journeys");
                var changed = await api.PutAsJsonAsync($"/api/workspaces/demo/personas/{used.Id}", read);
                Assert.True(changed.IsSuccessStatusCode, await changed.Content.ReadAsStringAsync());
            }
            throughApi = trace.Announced;
        }
        Assert.Equal(journeys.Count * 2, onPage.Count);
        Assert.Equal(throughApi, onPage);
        Assert.All(journeys, j => Assert.Contains($"map {j}: ", string.Join("\n", onPage)));
        Assert.Contains(onPage, a => a.EndsWith($"changed the persona '{used.Name} (new)'"));
    }

    [Fact]
    public async Task A_persona_with_journeys_is_refused_on_its_page_with_the_sentence_the_api_answers()
    {
        await using var db = factory.OpenDb();
        var used = await db.Personas.Where(p => p.WorkspaceId == factory.DemoId && db.Journeys.Any(j => j.PersonaId == p.Id)).FirstAsync();

        var answer = await factory.ClientAs(WorkspaceRole.Owner).DeleteAsync($"/api/workspaces/demo/personas/{used.Id}");
        var detail = await answer.DetailAsync(HttpStatusCode.Conflict);

        using var host = new PageHost(factory, WorkspaceRole.Owner);
        var page = host.Context.Render<PersonaPage>(p => p.Add(x => x.Ws, "demo").Add(x => x.Id, used.Id));
        page.WaitForElement("[data-testid=persona-name]");
        await page.FindAll("button").Single(b => b.TextContent == "Delete").ClickAsync();
        await page.FindAll("button").Single(b => b.TextContent == "Yes, delete").ClickAsync();

        page.WaitForAssertion(() => Assert.Equal(detail, page.Find("[data-testid=persona-refusal]").TextContent));
        Assert.Contains(detail, host.Messages);
        Assert.Matches(@"is used by \d+ journey maps? \(", detail);
    }
}
