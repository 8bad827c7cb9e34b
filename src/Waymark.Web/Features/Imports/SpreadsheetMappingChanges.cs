using Microsoft.EntityFrameworkCore;
using Waymark.Domain.Imports;
using Waymark.Storage;
using Waymark.Storage.Access;
using Waymark.Web.Infrastructure;

namespace Waymark.Web.Features.Imports;

/// <summary>The workspace's remembered mapping for one kind, with the version read once it has one.</summary>
public sealed record SpreadsheetMappingRequest(string? Mapping, int? Version = null);

/// <summary>The remembered mapping (none yet: columns are suggested from their headers) and its version (0 when there is none).</summary>
public sealed record SpreadsheetMappingResponse(string Kind, string? Mapping, int Version);

/// <summary>
/// The column mapping remembered per workspace and kind of import, offered the next time that kind is imported. Saved
/// by every successful import and by PUT …/imports/mappings/{kind}; for the API, the Import page and the CLI alike
/// (editors and owners); the save audits the change.
/// </summary>
public static class SpreadsheetMappingChanges
{
    public static async Task<SpreadsheetMappingResponse> ReadAsync(WaymarkDb db, CurrentWorkspace ws, string kind, CancellationToken ct)
    {
        var key = ImportKinds.Find(kind).Key;
        var saved = await db.SpreadsheetImportMappings.AsNoTracking().FirstOrDefaultAsync(m => m.WorkspaceId == ws.Id && m.Kind == key, ct);
        return new SpreadsheetMappingResponse(key, saved?.Mapping, saved?.Version ?? 0);
    }

    public static async Task<SpreadsheetMappingResponse> SaveAsync(Work work, CurrentWorkspace ws, string kind, SpreadsheetMappingRequest r, CancellationToken ct)
    {
        await work.AllowAsync(ws, WorkspaceRole.Editor, ct);
        var importKind = ImportKinds.Find(kind);
        var mapping = ColumnMapping.Format(ColumnMapping.Parse(r.Mapping, importKind), importKind);
        var saved = await work.Db.SpreadsheetImportMappings.FirstOrDefaultAsync(m => m.WorkspaceId == ws.Id && m.Kind == importKind.Key, ct);
        if (saved is null) work.Db.SpreadsheetImportMappings.Add(saved = new SpreadsheetImportMapping(ws.Id, importKind.Key));
        else saved.EnsureVersion(Versions.Required(r.Version));
        saved.Define(mapping);
        await work.SaveAsync(ct);
        return await ReadAsync(work.Db, ws, importKind.Key, ct);
    }

    /// <summary>Remembers the mapping an import used, whatever was remembered before; nothing is saved when it is unchanged.</summary>
    internal static async Task RememberAsync(Work work, CurrentWorkspace ws, ImportKind kind, string mapping, CancellationToken ct)
    {
        var current = await ReadAsync(work.Db, ws, kind.Key, ct);
        if (current.Mapping == mapping || mapping.Length == 0) return;
        await SaveAsync(work, ws, kind.Key, new SpreadsheetMappingRequest(mapping, current.Version == 0 ? null : current.Version), ct);
    }
}
