using System.Security.Cryptography;
using Waymark.Domain.Common;

namespace Waymark.Domain.Personas;

/// <summary>
/// A persona's picture, uploaded into Waymark so it is served from Waymark itself (the content security policy allows
/// no other source). Only PNG, JPEG and WebP are taken, recognised by their first bytes rather than by a file name or
/// a declared type, and at most <see cref="MaxBytes"/>.
/// </summary>
public sealed class PersonaPicture
{
    public const int MaxBytes = 2 * 1024 * 1024;
    public const string Accepted = "PNG, JPEG or WebP";

    private PersonaPicture(string contentType, byte[] content)
    {
        ContentType = contentType;
        Content = content;
        Tag = Convert.ToHexStringLower(SHA256.HashData(content))[..16];
    }

    public string ContentType { get; }
    public byte[] Content { get; }
    /// <summary>Changes whenever the picture does: the picture's ETag and the cache-busting part of its address.</summary>
    public string Tag { get; }

    /// <summary>The picture in these bytes; refused with a sentence naming the field "picture" when it is empty, too large or not an image Waymark takes.</summary>
    public static PersonaPicture From(byte[] content)
    {
        if (content.Length == 0) throw new DomainRuleException("picture", "The picture is empty. Choose a PNG, JPEG or WebP file.");
        if (content.Length > MaxBytes) throw new PictureTooLargeException(content.Length);
        var type = ContentTypeOf(content)
            ?? throw new DomainRuleException("picture", $"The picture must be a {Accepted} image; this file is none of them.");
        return new PersonaPicture(type, content);
    }

    /// <summary>The image type announced by the file's first bytes (its "magic number"); null when it is not PNG, JPEG or WebP.</summary>
    public static string? ContentTypeOf(ReadOnlySpan<byte> b) =>
        b.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) ? "image/png"
        : b.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]) ? "image/jpeg"
        : b.Length >= 12 && b[..4].SequenceEqual("RIFF"u8) && b[8..12].SequenceEqual("WEBP"u8) ? "image/webp"
        : null;
}

/// <summary>A picture above <see cref="PersonaPicture.MaxBytes"/>; answered with 413.</summary>
public sealed class PictureTooLargeException(long bytes)
    : Exception($"The picture has {bytes / 1024.0 / 1024.0:0.0} MB; a persona picture may have at most {PersonaPicture.MaxBytes / 1024 / 1024} MB. Make it smaller (for example 400 × 400 pixels) and upload it again.")
{
    public long Bytes { get; } = bytes;
}
