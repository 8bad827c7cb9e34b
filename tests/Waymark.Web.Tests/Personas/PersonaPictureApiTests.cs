using System.Net;
using System.Net.Http.Headers;
using Waymark.Storage.Access;
using Waymark.Web.Tests.Support;

namespace Waymark.Web.Tests.Personas;

/// <summary>Persona pictures are uploaded into Waymark, checked by their bytes and size, and served from it.</summary>
public sealed class PersonaPictureApiTests(WaymarkApiFactory factory) : ApiTest(factory)
{
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, (byte)'I', (byte)'H', (byte)'D', (byte)'R', 0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0];
    private static readonly byte[] Jpeg = [0xFF, 0xD8, 0xFF, 0xE0, 0, 16, (byte)'J', (byte)'F', (byte)'I', (byte)'F', 0, 1];
    private static readonly byte[] Gif = "GIF89a\u0001\u0000\u0001\u0000"u8.ToArray();

    private async Task<Guid> Persona() => (await PostOk($"{Api}/personas", new { name = "Tech-savvy Tom" })).GetProperty("id").GetGuid();

    private static ByteArrayContent Raw(byte[] bytes, string type = "application/octet-stream")
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue(type);
        return content;
    }

    [Fact]
    public async Task A_png_sent_as_the_body_is_served_back_with_its_type_an_etag_a_private_cache_and_nosniff()
    {
        var id = await Persona();
        var path = $"{Api}/personas/{id}/picture";

        var upload = await Client.PutAsync(path, Raw(Png));
        Assert.Equal(HttpStatusCode.OK, upload.StatusCode);
        var persona = await GetOk($"{Api}/personas/{id}");
        Assert.True(persona.GetProperty("hasPicture").GetBoolean());

        var picture = await Client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, picture.StatusCode);
        Assert.Equal("image/png", picture.Content.Headers.ContentType!.MediaType);
        Assert.Equal(Png, await picture.Content.ReadAsByteArrayAsync());
        Assert.Equal("nosniff", picture.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.True(picture.Headers.CacheControl!.Private);
        var etag = picture.Headers.ETag!;
        Assert.Equal($"\"{persona.GetProperty("pictureTag").GetString()}\"", etag.Tag);

        var again = new HttpRequestMessage(HttpMethod.Get, path);
        again.Headers.IfNoneMatch.Add(etag);
        Assert.Equal(HttpStatusCode.NotModified, (await Client.SendAsync(again)).StatusCode);
    }

    [Fact]
    public async Task A_jpeg_in_a_multipart_form_replaces_the_picture_and_removing_it_brings_back_the_initials()
    {
        var id = await Persona();
        var path = $"{Api}/personas/{id}/picture";
        Assert.Equal(HttpStatusCode.OK, (await Client.PutAsync(path, Raw(Png))).StatusCode);

        using var form = new MultipartFormDataContent { { Raw(Jpeg, "image/jpeg"), "picture", "tom.jpg" } };
        Assert.Equal(HttpStatusCode.OK, (await Client.PutAsync(path, form)).StatusCode);
        var picture = await Client.GetAsync(path);
        Assert.Equal("image/jpeg", picture.Content.Headers.ContentType!.MediaType);
        Assert.Equal(Jpeg, await picture.Content.ReadAsByteArrayAsync());

        Assert.Equal(HttpStatusCode.NoContent, (await Client.DeleteAsync(path)).StatusCode);
        await Problem(await Client.GetAsync(path), 404);
        Assert.False((await GetOk($"{Api}/personas/{id}")).GetProperty("hasPicture").GetBoolean());
    }

    [Fact]
    public async Task A_file_that_is_not_png_jpeg_or_webp_is_refused_whatever_type_it_claims()
    {
        var id = await Persona();
        var problem = await Problem(await Client.PutAsync($"{Api}/personas/{id}/picture", Raw(Gif, "image/png")), 400);

        Assert.Equal(["picture"], ErrorFields(problem));
        Assert.Contains("PNG, JPEG or WebP", problem.GetProperty("detail").GetString());
        Assert.False((await GetOk($"{Api}/personas/{id}")).GetProperty("hasPicture").GetBoolean());
        await Problem(await Client.PutAsync($"{Api}/personas/{id}/picture", Raw([])), 400);
    }

    [Fact]
    public async Task A_picture_over_2_mb_is_refused_with_413_saying_the_limit()
    {
        var id = await Persona();
        var big = new byte[2 * 1024 * 1024 + 10];
        Png.CopyTo(big, 0);

        var problem = await Problem(await Client.PutAsync($"{Api}/personas/{id}/picture", Raw(big, "image/png")), 413);

        Assert.Contains("at most 2 MB", problem.GetProperty("detail").GetString());
        Assert.Equal(["picture"], ErrorFields(problem));
    }

    [Fact]
    public async Task Viewers_see_the_picture_but_may_not_change_it_and_non_members_get_404()
    {
        var id = await Persona();
        var path = $"{Api}/personas/{id}/picture";
        Assert.Equal(HttpStatusCode.OK, (await Client.PutAsync(path, Raw(Png))).StatusCode);
        await Factory.GrantAsync(Workspace, "picture-viewer@waymark.test", WorkspaceRole.Viewer);
        var viewer = Factory.ClientAs("picture-viewer@waymark.test");
        var outsider = Factory.ClientAs("picture-outsider@waymark.test");

        Assert.Equal(HttpStatusCode.OK, (await viewer.GetAsync(path)).StatusCode);
        await Problem(await viewer.PutAsync(path, Raw(Jpeg)), 403);
        await Problem(await viewer.DeleteAsync(path), 403);
        await Problem(await outsider.GetAsync(path), 404);
        await Problem(await outsider.PutAsync(path, Raw(Jpeg)), 404);
        Assert.Equal(Png, await Client.GetByteArrayAsync(path));
    }
}
