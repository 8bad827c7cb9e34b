using Microsoft.EntityFrameworkCore;
using Waymark.Storage;
using Waymark.Web.Infrastructure;

namespace Waymark.Web.Components.Services;

/// <summary>
/// Opens a short-lived DbContext per piece of work: a Blazor circuit lives for hours, a DbContext should not.
/// </summary>
public sealed class UiData(StorageOptions options, TimeProvider time)
{
    public WaymarkDb Open() => StorageSetup.CreateDb(options);

    public DateOnly Today => DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);

    public async Task<CurrentWorkspace?> WorkspaceAsync(string? key, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(key)) return null;
        await using var db = Open();
        return await db.Workspaces.AsNoTracking().Where(w => w.Key == key)
            .Select(w => new CurrentWorkspace(w.Id, w.Key, w.Name)).FirstOrDefaultAsync(ct);
    }

    public async Task<List<CurrentWorkspace>> AllWorkspacesAsync(CancellationToken ct = default)
    {
        await using var db = Open();
        return await db.Workspaces.AsNoTracking().OrderBy(w => w.Name)
            .Select(w => new CurrentWorkspace(w.Id, w.Key, w.Name)).ToListAsync(ct);
    }
}
