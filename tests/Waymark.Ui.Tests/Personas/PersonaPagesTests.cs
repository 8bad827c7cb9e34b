using System.Net;
using Microsoft.EntityFrameworkCore;
using Waymark.Storage.Access;
using Waymark.Ui.Tests.Support;

namespace Waymark.Ui.Tests.Personas;

[Collection(UiCollection.Name)]
public sealed class PersonaPagesTests(UiFactory factory)
{
    [Fact]
    public async Task The_persona_cards_show_every_demo_persona()
    {
        await using var db = factory.OpenDb();
        var names = await db.Personas.Select(p => p.Name).ToListAsync();
        Assert.NotEmpty(names);

        var html = await factory.PageAsync("/w/demo/personas");

        foreach (var name in names) Assert.Contains(WebUtility.HtmlEncode(name), html);
    }
}
