using Microsoft.EntityFrameworkCore;
using Waymark.Domain.Personas;
using Waymark.Storage;
using Waymark.Storage.Access;
using Waymark.Web.Infrastructure;

namespace Waymark.Web.Features.Personas;

/// <summary>A persona's picture uploaded or removed, for the HTTP API and the persona form alike.</summary>
public static class PersonaPictureChanges
{
    /// <summary>Stores <paramref name="picture"/> (already checked by <see cref="PersonaPicture.From"/>) as the persona's picture.</summary>
    public static async Task<Persona> StoreAsync(Work work, CurrentWorkspace ws, Guid id, PersonaPicture picture, DateTimeOffset now, int? version, CancellationToken ct)
    {
        await work.AllowAsync(ws, WorkspaceRole.Editor, ct);
        var persona = await work.Db.Personas.FindInAsync(ws, id, "persona", ct);
        if (version is { } v) persona.EnsureVersion(v);
        await AttachAsync(work.Db, persona, picture, now, ct);
        await work.SaveAsync(ct);
        return persona;
    }

    public static async Task RemoveAsync(Work work, CurrentWorkspace ws, Guid id, int? version, CancellationToken ct)
    {
        await work.AllowAsync(ws, WorkspaceRole.Editor, ct);
        var persona = await work.Db.Personas.FindInAsync(ws, id, "persona", ct);
        if (version is { } v) persona.EnsureVersion(v);
        if (await work.Db.PersonaPictures.FirstOrDefaultAsync(p => p.PersonaId == persona.Id, ct) is { } stored) work.Db.PersonaPictures.Remove(stored);
        persona.RemovePicture();
        await work.SaveAsync(ct);
    }

    /// <summary>Puts the picture beside a tracked persona, replacing one stored before; the caller saves.</summary>
    public static async Task AttachAsync(WaymarkDb db, Persona persona, PersonaPicture picture, DateTimeOffset now, CancellationToken ct)
    {
        if (await db.PersonaPictures.FirstOrDefaultAsync(p => p.PersonaId == persona.Id, ct) is { } stored) stored.Replace(picture, now);
        else db.PersonaPictures.Add(new PersonaPictureRow(persona, picture, now));
        persona.ShowPicture(picture);
    }
}
