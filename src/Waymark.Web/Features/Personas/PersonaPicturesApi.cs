using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Net.Http.Headers;
using Waymark.Domain.Personas;
using Waymark.Storage;
using Waymark.Web.Access;
using Waymark.Web.Infrastructure;

namespace Waymark.Web.Features.Personas;

/// <summary>
/// A persona's picture, uploaded into Waymark (PNG, JPEG or WebP, at most 2 MB) and served from it, so it shows under the
/// content security policy, which allows pictures from Waymark only. Reading it needs the viewer role like every workspace read.
/// </summary>
public static partial class PersonaPicturesApi
{
    /// <summary>Room for a 2 MB picture plus the multipart envelope; larger bodies are refused before they are read.</summary>
    private const long BodyLimit = PersonaPicture.MaxBytes + 64 * 1024;

    public static RouteGroupBuilder MapPersonaPicturesApi(this RouteGroupBuilder personas)
    {
        personas.MapGet("/{id:guid}/picture", Get).Produces(200, contentType: "image/png", additionalContentTypes: ["image/jpeg", "image/webp"]);
        // Raw image bytes or multipart/form-data with one file; PUT only, so no cross-site form can send it.
        personas.MapPut("/{id:guid}/picture", Upload).WithRequestBodyLimit(BodyLimit).ProducesProblem(413).ProducesProblem(409);
        personas.MapDelete("/{id:guid}/picture", Remove).ProducesProblem(409);
        return personas;
    }

    /// <summary>The picture's address for pages: it changes with the picture, so browsers may keep it as long as they like.</summary>
    public static string Address(string workspaceKey, Persona persona) =>
        $"/api/workspaces/{Uri.EscapeDataString(workspaceKey)}/personas/{persona.Id}/picture?v={persona.PictureTag}";

    private static async Task<Results<FileContentHttpResult, StatusCodeHttpResult>> Get(CurrentWorkspace ws, Guid id, WaymarkDb db, HttpContext http, CancellationToken ct)
    {
        var persona = await db.Personas.AsNoTracking().FindInAsync(ws, id, "persona", ct);
        var picture = await db.PersonaPictures.AsNoTracking().FirstOrDefaultAsync(p => p.PersonaId == id && p.WorkspaceId == ws.Id, ct)
            ?? throw new NotFoundException($"The persona '{persona.Name}' has no picture.");
        var etag = new EntityTagHeaderValue($"\"{picture.Tag}\"");
        // Only members may see it: a private cache, checked again after a day.
        http.Response.Headers.CacheControl = "private, max-age=86400";
        http.Response.Headers.XContentTypeOptions = "nosniff";
        if (http.Request.Headers.IfNoneMatch.ToString() is { Length: > 0 } ifNoneMatch && ifNoneMatch.Contains(etag.Tag.ToString(), StringComparison.Ordinal))
        {
            http.Response.Headers.ETag = etag.ToString();
            return TypedResults.StatusCode(StatusCodes.Status304NotModified);
        }
        return TypedResults.File(picture.Content, picture.ContentType, entityTag: etag, lastModified: picture.UploadedAt);
    }

    private static async Task<Results<Ok<PersonasApi.PersonaResponse>, ProblemHttpResult>> Upload(
        CurrentWorkspace ws, Guid id, Work work, HttpContext http, TimeProvider clock, CancellationToken ct)
    {
        // The persona is looked up first, so a picture for a persona that does not exist answers 404, not a check of the bytes.
        await work.Db.Personas.AsNoTracking().FindInAsync(ws, id, "persona", ct);
        PersonaPicture picture;
        try { picture = PersonaPicture.From(await ReadAsync(http.Request, ct)); }
        catch (PictureTooLargeException e)
        {
            return TypedResults.Problem(e.Message, statusCode: StatusCodes.Status413PayloadTooLarge, title: "The picture is too large",
                extensions: new Dictionary<string, object?> { ["errors"] = new Dictionary<string, string[]> { ["picture"] = [e.Message] } });
        }
        var persona = await PersonaPictureChanges.StoreAsync(work, ws, id, picture, clock.GetUtcNow(), Versions.Optional(http), ct);
        http.SetETag(persona.Version);
        return TypedResults.Ok(PersonasApi.PersonaResponse.From(persona));
    }

    private static async Task<NoContent> Remove(CurrentWorkspace ws, Guid id, Work work, HttpContext http, CancellationToken ct)
    {
        await PersonaPictureChanges.RemoveAsync(work, ws, id, Versions.Optional(http), ct);
        return TypedResults.NoContent();
    }
}
