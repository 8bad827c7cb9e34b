using Microsoft.EntityFrameworkCore;
using Waymark.Analytics.Reading;
using Waymark.Domain.Common;
using Waymark.Domain.Events;
using Waymark.Storage;
using Waymark.Storage.Access;
using Waymark.Web.Infrastructure;

namespace Waymark.Web.Features.Events;

/// <summary>The workspace's column mapping for the events it is sent, with the version read once it has one.</summary>
public sealed record EventMappingRequest(string? Map, int? Version = null);

/// <summary>The saved mapping (none: fields are found by their usual names), and its version (0 when there is none).</summary>
public sealed record EventMappingResponse(string? Map, int Version);

/// <summary>
/// The workspace's saved column mapping: POST …/events and <c>waymark ingest</c> read a batch or a file that brings no
/// mapping of its own with it. For the API, the settings page and the CLI alike (editors and owners); the save audits the change.
/// </summary>
public static class EventMappingChanges
{
    public static async Task<EventMappingResponse> ReadAsync(WaymarkDb db, CurrentWorkspace ws, CancellationToken ct)
    {
        var saved = await db.EventColumnMappings.AsNoTracking().FirstOrDefaultAsync(m => m.WorkspaceId == ws.Id, ct);
        return new EventMappingResponse(saved?.Mapping, saved?.Version ?? 0);
    }

    /// <summary>The mapping to read events with: the one given with the batch, else the workspace's saved one, else the usual names.</summary>
    public static async Task<ColumnMapping> ForReadingAsync(WaymarkDb db, CurrentWorkspace ws, string? given, CancellationToken ct)
    {
        if (!string.IsNullOrWhiteSpace(given)) return Parse(given);
        var saved = await db.EventColumnMappings.AsNoTracking().Where(m => m.WorkspaceId == ws.Id).Select(m => m.Mapping).FirstOrDefaultAsync(ct);
        return saved is null ? new ColumnMapping() : Parse(saved);
    }

    public static async Task<EventMappingResponse> SaveAsync(Work work, CurrentWorkspace ws, EventMappingRequest r, CancellationToken ct)
    {
        await work.AllowAsync(ws, WorkspaceRole.Editor, ct);
        Parse(r.Map ?? "");
        var saved = await work.Db.EventColumnMappings.FirstOrDefaultAsync(m => m.WorkspaceId == ws.Id, ct);
        if (saved is null) work.Db.EventColumnMappings.Add(saved = new EventColumnMapping(ws.Id));
        else saved.EnsureVersion(Versions.Required(r.Version));
        saved.Define(r.Map);
        await work.SaveAsync(ct);
        return await ReadAsync(work.Db, ws, ct);
    }

    /// <summary>Removes the saved mapping: events are read by the usual field names again.</summary>
    public static async Task<EventMappingResponse> RemoveAsync(Work work, CurrentWorkspace ws, int? version, CancellationToken ct)
    {
        await work.AllowAsync(ws, WorkspaceRole.Editor, ct);
        var saved = await work.Db.EventColumnMappings.FirstOrDefaultAsync(m => m.WorkspaceId == ws.Id, ct);
        if (saved is not null)
        {
            if (version is { } v) saved.EnsureVersion(v);
            work.Db.EventColumnMappings.Remove(saved);
            await work.SaveAsync(ct);
        }
        return await ReadAsync(work.Db, ws, ct);
    }

    private static ColumnMapping Parse(string text)
    {
        if (string.IsNullOrWhiteSpace(text))
            throw new DomainRuleException("map", "Name at least one field and its column, such as customer=cust_id; to read the usual names again, remove the saved mapping.");
        try
        {
            return ColumnMapping.Parse(text);
        }
        catch (FormatException e)
        {
            throw new DomainRuleException("map", e.Message);
        }
    }
}
