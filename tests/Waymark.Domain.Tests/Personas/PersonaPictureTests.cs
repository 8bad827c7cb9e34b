using Waymark.Domain.Personas;
using Waymark.Domain.Tests.Support;

namespace Waymark.Domain.Tests.Personas;

public class PersonaPictureTests
{
    private static byte[] Bytes(byte[] head, int length = 64)
    {
        var bytes = new byte[length];
        head.CopyTo(bytes, 0);
        return bytes;
    }

    [Theory]
    [InlineData(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }, "image/png")]
    [InlineData(new byte[] { 0xFF, 0xD8, 0xFF, 0xE0 }, "image/jpeg")]
    [InlineData(new byte[] { (byte)'R', (byte)'I', (byte)'F', (byte)'F', 1, 2, 3, 4, (byte)'W', (byte)'E', (byte)'B', (byte)'P' }, "image/webp")]
    public void Png_jpeg_and_webp_are_recognised_by_their_first_bytes(byte[] head, string type)
    {
        var picture = PersonaPicture.From(Bytes(head));

        Assert.Equal(type, picture.ContentType);
        Assert.Equal(16, picture.Tag.Length);
    }

    [Fact]
    public void Anything_else_is_refused_naming_the_picture_whatever_it_is_called()
    {
        Rule.Broken("picture", () => PersonaPicture.From(Bytes("GIF89a"u8.ToArray())));
        Rule.Broken("picture", () => PersonaPicture.From(Bytes("<svg xmlns="u8.ToArray())));
        Rule.Broken("picture", () => PersonaPicture.From("RIFF1234WAVE"u8.ToArray()));
        Rule.Broken("picture", () => PersonaPicture.From([]));
    }

    [Fact]
    public void A_picture_over_2_mb_is_too_large_and_says_so()
    {
        var e = Assert.Throws<PictureTooLargeException>(() => PersonaPicture.From(Bytes([0xFF, 0xD8, 0xFF], PersonaPicture.MaxBytes + 1)));

        Assert.Contains("at most 2 MB", e.Message);
        Assert.Equal("image/jpeg", PersonaPicture.From(Bytes([0xFF, 0xD8, 0xFF], PersonaPicture.MaxBytes)).ContentType);
    }

    [Fact]
    public void A_persona_shows_a_picture_until_it_is_removed_and_a_new_picture_has_a_new_tag()
    {
        var persona = Some.Persona();
        var first = PersonaPicture.From(Bytes([0xFF, 0xD8, 0xFF, 1]));
        var second = PersonaPicture.From(Bytes([0xFF, 0xD8, 0xFF, 2]));

        persona.ShowPicture(first);
        Assert.Equal((first.Tag, "image/jpeg"), (persona.PictureTag, persona.PictureType));
        persona.ShowPicture(second);
        Assert.NotEqual(first.Tag, persona.PictureTag);
        persona.RemovePicture();
        Assert.Null(persona.PictureTag);
    }
}
