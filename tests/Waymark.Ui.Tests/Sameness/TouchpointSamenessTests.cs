using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using Bunit;
using Microsoft.EntityFrameworkCore;
using Waymark.Domain.Organisation;
using Waymark.Domain.Touchpoints;
using Waymark.Storage.Access;
using Waymark.Ui.Tests.Support;
using Waymark.Web.Components.Pages.Journeys;
using Waymark.Web.Components.Pages.Touchpoints;

namespace Waymark.Ui.Tests.Sameness;

/// <summary>A touchpoint created and edited in the touchpoint form leaves what the same API calls leave, tells the same journey maps, and meets the same refusals.</summary>
[Collection(UiCollection.Name)]
public sealed class TouchpointSamenessTests(UiFactory factory)
{
    private const string Url = "/api/workspaces/demo/touchpoints";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) } };

    private async Task<List<ChannelItem>> ChannelsAsync()
    {
        await using var db = factory.OpenDb();
        return await db.Channels.Where(c => c.WorkspaceId == factory.DemoId).OrderBy(c => c.Name).Select(c => new ChannelItem(c.Id, c.Name, c.Kind)).ToListAsync();
    }

    private async Task<Touchpoint> LoadAsync(Func<IQueryable<Touchpoint>, IQueryable<Touchpoint>> which)
    {
        await using var db = factory.OpenDb();
        return await which(db.Touchpoints.AsNoTracking().Where(t => t.WorkspaceId == factory.DemoId)).FirstAsync();
    }

    private static IRenderedComponent<TouchpointForm> Form(PageHost host, Touchpoint? existing, IReadOnlyList<ChannelItem> channels, Action<Guid> saved,
        IReadOnlyList<NamedItem>? departments = null) =>
        host.Context.Render<TouchpointForm>(p => p.Add(f => f.Ws, "demo").Add(f => f.Existing, existing).Add(f => f.Channels, channels)
            .Add(f => f.Departments, departments ?? []).Add(f => f.OnSaved, saved));

    [Fact]
    public async Task Creating_and_describing_in_the_form_leaves_what_the_api_leaves()
    {
        var channels = await ChannelsAsync();
        IReadOnlyList<string> onPage, throughApi;
        using (var trace = new ChangeTrace(factory))
        {
            using var host = new PageHost(factory, WorkspaceRole.Owner);
            Guid? created = null, saved = null;
            var form = Form(host, null, channels, id => created = id);
            form.Find("#tp-name").Input("Callback request");
            form.Find("#tp-channel").Change(channels[0].Id.ToString());
            await form.Find("form").SubmitAsync();
            form.WaitForAssertion(() => Assert.NotNull(created));
            var editor = Form(host, await LoadAsync(q => q.Where(t => t.Id == created)), channels, id => saved = id);
            editor.Find("#tp-description").Change("The customer asks to be called back.");
            await editor.Find("form").SubmitAsync();
            editor.WaitForAssertion(() => Assert.NotNull(saved));
            onPage = await trace.AuditAsync();
            await factory.ClientAs(WorkspaceRole.Owner).DeleteAsync($"{Url}/{created}");
        }
        using (var trace = new ChangeTrace(factory))
        {
            var api = factory.ClientAs(WorkspaceRole.Owner);
            Assert.Equal(HttpStatusCode.Created, (await api.PostAsJsonAsync(Url, new { name = "Callback request", channelId = channels[0].Id, category = "eCommerce" })).StatusCode);
            var id = (await LoadAsync(q => q.Where(t => t.Name == "Callback request"))).Id;
            var changed = await api.PutAsJsonAsync($"{Url}/{id}", new
            {
                name = "Callback request", channelId = channels[0].Id, category = "eCommerce", description = "The customer asks to be called back.", version = 1,
            });
            Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
            throughApi = await trace.AuditAsync();
            await api.DeleteAsync($"{Url}/{id}");
        }
        Assert.Equal(2, onPage.Count);
        Assert.Equal(throughApi, onPage);
    }

    /// <summary>Steps show their touchpoints, so a renamed touchpoint redraws the journey maps that use it, whoever renames it.</summary>
    [Fact]
    public async Task Renaming_a_touchpoint_on_a_map_announces_the_same_to_its_journeys_as_the_api()
    {
        await using var db = factory.OpenDb();
        var onSteps = (await db.Steps.AsNoTracking().Select(s => s.TouchpointIds).ToListAsync()).SelectMany(ids => ids).ToHashSet();
        var touchpoint = (await db.Touchpoints.AsNoTracking().Where(t => t.WorkspaceId == factory.DemoId).OrderBy(t => t.Name).ToListAsync()).First(t => onSteps.Contains(t.Id));
        var name = touchpoint.Name;
        var channels = await ChannelsAsync();
        IReadOnlyList<string> onPage, throughApi;
        using (var trace = new ChangeTrace(factory))
        {
            using var host = new PageHost(factory, WorkspaceRole.Owner);
            foreach (var newName in new[] { name + " (new)", name })
            {
                Guid? saved = null;
                var form = Form(host, await LoadAsync(q => q.Where(t => t.Id == touchpoint.Id)), channels, id => saved = id);
                form.Find("#tp-name").Input(newName);
                await form.Find("form").SubmitAsync();
                form.WaitForAssertion(() => Assert.NotNull(saved));
            }
            onPage = trace.Announced;
        }
        using (var trace = new ChangeTrace(factory))
        {
            var api = factory.ClientAs(WorkspaceRole.Owner);
            foreach (var newName in new[] { name + " (new)", name })
            {
                var t = await LoadAsync(q => q.Where(x => x.Id == touchpoint.Id));
                var changed = await api.PutAsJsonAsync($"{Url}/{t.Id}", new
                {
                    name = newName, t.ChannelId, t.Category, t.Relevance, t.Description, t.CustomCategory, t.PhaseIds, t.DepartmentId, t.OwnerId,
                    t.IsMomentOfTruth, t.IsPainPoint, t.IsBrandSuccessPoint, t.DesignCompliance, t.TonalityCompliance, t.ReactionTimeCompliance, t.Tags, t.EventKey, t.Version,
                }, Json);
                Assert.True(changed.IsSuccessStatusCode, await changed.Content.ReadAsStringAsync());
            }
            throughApi = trace.Announced;
        }
        Assert.NotEmpty(onPage);
        Assert.Equal(throughApi, onPage);
        Assert.Contains(onPage, a => a.EndsWith($"changed the touchpoint '{name} (new)'"));
    }

    /// <summary>A department deleted by someone else while the form is open: the form says so in the API's words, and nothing is created.</summary>
    [Fact]
    public async Task A_department_deleted_underneath_is_refused_in_the_form_with_the_sentence_the_api_answers()
    {
        var channels = await ChannelsAsync();
        var department = new Department(factory.DemoId, "Temporary desk");
        await using (var db = factory.OpenDb())
        {
            db.Departments.Add(department);
            await db.SaveChangesAsync();
        }
        using var host = new PageHost(factory, WorkspaceRole.Owner);
        var form = Form(host, null, channels, _ => { }, [new NamedItem(department.Id, department.Name)]);
        form.Find("#tp-name").Input("Walk-in desk");
        form.Find("#tp-channel").Change(channels[0].Id.ToString());
        form.Find("#tp-department").Change(department.Id.ToString());
        await using (var db = factory.OpenDb())
        {
            await db.Departments.Where(d => d.Id == department.Id).ExecuteDeleteAsync();
        }

        await form.Find("form").SubmitAsync();

        var answer = await factory.ClientAs(WorkspaceRole.Owner).PostAsJsonAsync(Url,
            new { name = "Walk-in desk", channelId = channels[0].Id, category = "eCommerce", departmentId = department.Id });
        var detail = await answer.DetailAsync(HttpStatusCode.BadRequest);
        form.WaitForAssertion(() => Assert.Equal(detail, form.Find("[role=alert]").TextContent));
        await using var check = factory.OpenDb();
        Assert.False(await check.Touchpoints.AnyAsync(t => t.Name == "Walk-in desk"));
    }
}
