using System.Net;
using Microsoft.EntityFrameworkCore;
using Waymark.Domain.Personas;
using Waymark.Storage.Access;
using Waymark.Ui.Tests.Support;

namespace Waymark.Ui.Tests.Personas;

[Collection(UiCollection.Name)]
public sealed class PersonaPagesTests(UiFactory factory)
{
    [Fact]
    public async Task The_persona_cards_show_every_demo_persona_with_quote_and_a_link_to_the_profile()
    {
        await using var db = factory.OpenDb();
        var personas = await db.Personas.Where(p => p.WorkspaceId == factory.DemoId).ToListAsync();
        Assert.NotEmpty(personas);

        var page = Html.Parse(await factory.PageAsync("/w/demo/personas"));

        foreach (var p in personas)
        {
            var card = page.QuerySelector($"[data-persona='{p.Name}']");
            Assert.NotNull(card);
            Assert.Equal($"/w/demo/personas/{p.Id}", card!.GetAttribute("href"));
            Assert.Contains(p.Name, card.Text());
            if (p.Quote is { } quote) Assert.Contains(quote, card.Text());
            if (p.AgeBand is { } age) Assert.Contains(age, card.Text());
            var channelIds = p.PreferredChannelIds.ToList();
            var channels = await db.Channels.Where(c => channelIds.Contains(c.Id)).Select(c => c.Name).ToListAsync();
            Assert.Equal(channels.Order(), card.QuerySelectorAll("[data-channel]").Select(c => c.GetAttribute("data-channel")).Order());
        }
    }

    [Fact]
    public async Task The_profile_shows_every_field_the_preferred_channels_and_the_journeys_that_use_the_persona()
    {
        await using var db = factory.OpenDb();
        var persona = await db.Personas.Where(p => p.WorkspaceId == factory.DemoId).OrderBy(p => p.Name)
            .FirstAsync(p => db.Journeys.Any(j => j.PersonaId == p.Id));
        var channelIds = persona.PreferredChannelIds.ToList();
        var channels = await db.Channels.Where(c => channelIds.Contains(c.Id)).Select(c => c.Name).ToListAsync();
        var journeys = await db.Journeys.Where(j => j.PersonaId == persona.Id).ToListAsync();

        var page = Html.Parse(await factory.PageAsync($"/w/demo/personas/{persona.Id}"));
        var text = page.QuerySelector(".wm-page")!.Text();

        Assert.Equal(persona.Name, page.QuerySelector("[data-testid=persona-name]")!.Text());
        foreach (var field in new[] { persona.Quote, persona.Description, persona.AgeBand, persona.Occupation, persona.IncomeBand,
                     persona.Location, persona.Household, persona.PurchasingBehaviour }.Where(f => f is not null))
            Assert.Contains(Norm(field!), text);
        foreach (var item in persona.Goals.Concat(persona.Needs).Concat(persona.Frustrations)) Assert.Contains(Norm(item), text);
        Assert.Contains(persona.OnlineAffinity.ToString(), text);
        Assert.NotEmpty(channels);
        foreach (var c in channels) Assert.Contains(c, text);
        Assert.NotEmpty(journeys);
        foreach (var j in journeys)
        {
            var link = page.QuerySelector($"a[href='/w/demo/journeys/{j.Id}']");
            Assert.NotNull(link);
            Assert.Equal(Norm(j.Name), link!.Text());
        }
    }

    [Fact]
    public async Task What_a_person_typed_is_shown_as_text_not_markup()
    {
        Guid id;
        await using (var db = factory.OpenDb())
        {
            var persona = new Persona(factory.DemoId, "Mallory <b>Markup</b>").Describe(new PersonaProfile("Mallory <b>Markup</b>", null, null,
                "I type <script>alert(1)</script> everywhere", null, null, null, null, null, null, ["<i>goal</i>"], [], [], null,
                OnlineAffinity.High, [], null));
            db.Personas.Add(persona);
            await db.SaveChangesAsync();
            id = persona.Id;
        }

        foreach (var path in new[] { "/w/demo/personas", $"/w/demo/personas/{id}" })
        {
            var html = await factory.PageAsync(path);
            Assert.Contains("Mallory &lt;b&gt;Markup&lt;/b&gt;", html);
            Assert.DoesNotContain("<script>alert(1)</script>", html);
            Assert.DoesNotContain("<b>Markup</b>", html);
            Assert.DoesNotContain("<i>goal</i>", html);
        }
    }

    [Fact]
    public async Task A_viewer_sees_the_personas_but_no_way_to_change_them()
    {
        await using var db = factory.OpenDb();
        var persona = await db.Personas.Where(p => p.WorkspaceId == factory.DemoId).OrderBy(p => p.Name).FirstAsync();

        foreach (var path in new[] { "/w/demo/personas", $"/w/demo/personas/{persona.Id}" })
        {
            var owner = Html.Parse(await factory.PageAsync(path, WorkspaceRole.Owner));
            var viewer = Html.Parse(await factory.PageAsync(path, WorkspaceRole.Viewer));

            Assert.NotEmpty(Html.EditControls(owner));
            Assert.Empty(Html.EditControls(viewer));
            Assert.NotNull(viewer.QuerySelector("[data-testid=read-only]"));
            Assert.Null(owner.QuerySelector("[data-testid=read-only]"));
            Assert.Contains(persona.Name, viewer.QuerySelector(".wm-page")!.Text());
        }
    }

    private static string Norm(string s) => string.Join(' ', s.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
