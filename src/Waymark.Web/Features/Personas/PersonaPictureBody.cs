using Waymark.Domain.Personas;

namespace Waymark.Web.Features.Personas;

/// <summary>Reading an uploaded picture from the request body without ever holding more than the limit.</summary>
public static partial class PersonaPicturesApi
{
    /// <summary>The first file of a multipart form, or else the raw body; never more than one byte past the limit is read.</summary>
    private static async Task<byte[]> ReadAsync(HttpRequest request, CancellationToken ct)
    {
        if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync(ct);
            var file = form.Files.GetFile("picture") ?? form.Files.FirstOrDefault()
                ?? throw new Waymark.Domain.Common.DomainRuleException("picture", "The form holds no file. Send the picture as the form field 'picture'.");
            if (file.Length > PersonaPicture.MaxBytes) throw new PictureTooLargeException(file.Length);
            await using var stream = file.OpenReadStream();
            return await ReadLimitedAsync(stream, ct);
        }
        return await ReadLimitedAsync(request.Body, ct);
    }

    private static async Task<byte[]> ReadLimitedAsync(Stream stream, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await stream.ReadAsync(chunk, ct)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > PersonaPicture.MaxBytes) throw new PictureTooLargeException(buffer.Length);
        }
        return buffer.ToArray();
    }
}
