using Bunit;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.EntityFrameworkCore;
using Waymark.Domain.Personas;
using Waymark.Storage.Access;
using Waymark.Ui.Tests.Support;
using Waymark.Web.Components.Pages.Personas;

namespace Waymark.Ui.Tests.Personas;

[Collection(UiCollection.Name)]
public sealed class PersonaPictureFormTests(UiFactory factory)
{
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, (byte)'I', (byte)'H', (byte)'D', (byte)'R'];

    private async Task<Persona> SeedAsync(string name)
    {
        await using var db = factory.OpenDb();
        var persona = new Persona(factory.DemoId, name);
        db.Personas.Add(persona);
        await db.SaveChangesAsync();
        return persona;
    }

    private static IRenderedComponent<PersonaForm> Open(PageHost host, Persona persona, Action<Guid>? saved = null) =>
        host.Context.Render<PersonaForm>(p => p.Add(f => f.Ws, "demo").Add(f => f.Existing, persona).Add(f => f.OnSaved, (Guid id) => saved?.Invoke(id)));

    [Fact]
    public async Task An_uploaded_picture_is_stored_with_the_persona_and_shown_from_waymark_with_an_empty_alt()
    {
        var persona = await SeedAsync("Picture Paula");
        // MudBlazor's upload button holds services that are only disposed asynchronously.
        var host = new PageHost(factory, WorkspaceRole.Owner);
        await using var context = host.Context;
        Guid? saved = null;
        var form = Open(host, persona, id => saved = id);
        Assert.Empty(form.FindAll("#persona-picture"));

        form.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromBinary(Png, "paula.png", contentType: "image/png"));
        form.WaitForAssertion(() => Assert.Contains("paula.png", form.Find("[data-testid=persona-picture-field]").TextContent));
        await form.Find("form").SubmitAsync();

        form.WaitForAssertion(() => Assert.NotNull(saved));
        await using var db = factory.OpenDb();
        var stored = await db.Personas.SingleAsync(p => p.Id == persona.Id);
        Assert.NotNull(stored.PictureTag);
        Assert.Equal(Png, (await db.PersonaPictures.SingleAsync(p => p.PersonaId == persona.Id)).Content);

        var page = Html.Parse(await factory.PageAsync($"/w/demo/personas/{persona.Id}"));
        var img = page.QuerySelector("img.wm-avatar")!;
        Assert.Equal($"/api/workspaces/demo/personas/{persona.Id}/picture?v={stored.PictureTag}", img.GetAttribute("src"));
        Assert.Equal("", img.GetAttribute("alt"));
        var picture = await factory.ClientAs(WorkspaceRole.Viewer).GetAsync(img.GetAttribute("src"));
        Assert.Equal("image/png", picture.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task A_file_that_is_no_picture_is_named_at_once_and_a_picture_can_be_removed()
    {
        var persona = await SeedAsync("Picture Pete");
        await using (var db = factory.OpenDb())
        {
            var tracked = await db.Personas.SingleAsync(p => p.Id == persona.Id);
            await Waymark.Web.Features.Personas.PersonaPictureChanges.AttachAsync(db, tracked, PersonaPicture.From(Png), DateTimeOffset.UtcNow, default);
            await db.SaveChangesAsync();
            persona = tracked;
        }
        // MudBlazor's upload button holds services that are only disposed asynchronously.
        var host = new PageHost(factory, WorkspaceRole.Owner);
        await using var context = host.Context;
        Guid? saved = null;
        var form = Open(host, persona, id => saved = id);

        form.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromText("<svg onload=alert(1)>", "pete.png", contentType: "image/png"));
        form.WaitForAssertion(() => Assert.Contains("'pete.png' cannot be used", form.Find("[data-testid=persona-picture-error]").TextContent));
        Assert.Contains("PNG, JPEG or WebP", form.Find("[data-testid=persona-picture-error]").TextContent);

        form.FindAll("button").Single(b => b.TextContent == "Remove picture").Click();
        await form.Find("form").SubmitAsync();

        form.WaitForAssertion(() => Assert.NotNull(saved));
        await using var check = factory.OpenDb();
        Assert.Null((await check.Personas.SingleAsync(p => p.Id == persona.Id)).PictureTag);
        Assert.False(await check.PersonaPictures.AnyAsync(p => p.PersonaId == persona.Id));
    }

    [Fact]
    public async Task The_goals_needs_and_frustrations_boxes_are_tall_enough_to_read()
    {
        var persona = await SeedAsync("Roomy Rita");
        // MudBlazor's upload button holds services that are only disposed asynchronously.
        var host = new PageHost(factory, WorkspaceRole.Owner);
        await using var context = host.Context;
        var form = Open(host, persona);

        foreach (var id in new[] { "persona-goals", "persona-needs", "persona-frustrations" })
            Assert.True(int.Parse(form.Find($"#{id}").GetAttribute("rows") ?? "2") >= 5, $"{id} is too low");
    }
}
