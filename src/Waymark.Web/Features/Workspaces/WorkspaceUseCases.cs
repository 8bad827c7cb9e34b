using Microsoft.EntityFrameworkCore;
using Waymark.Domain.Organisation;
using Waymark.Domain.Workspaces;
using Waymark.Storage;
using Waymark.Storage.Exchange;

namespace Waymark.Web.Features.Workspaces;

/// <summary>
/// Creating and importing a workspace, written once for the HTTP API and the workspaces page. The saving user becomes
/// the owner through the audit trail, in the same save.
/// </summary>
public static class WorkspaceUseCases
{
    /// <summary>A new workspace starts with the default phases, ready to map; without a key, one is made from the name.</summary>
    public static async Task<Workspace> CreateAsync(WaymarkDb db, string? key, string? name, string? description, CancellationToken ct)
    {
        var workspaceKey = string.IsNullOrWhiteSpace(key) ? await WorkspaceStore.FreeKeyAsync(db, Workspace.KeyFromName(name ?? ""), ct) : key.Trim();
        var workspace = new Workspace(workspaceKey, name!, description);
        if (await db.Workspaces.AnyAsync(w => w.Key == workspace.Key, ct)) throw new WorkspaceKeyTakenException(workspace.Key);
        db.Workspaces.Add(workspace);
        db.Phases.AddRange(Phase.CreateDefaults(workspace.Id));
        await db.SaveChangesAsync(ct);
        return workspace;
    }

    /// <summary>
    /// Creates a new workspace from an exported document, given as the file's bytes; <paramref name="key"/> and
    /// <paramref name="name"/> override the document's. All or nothing: an <see cref="ImportException"/> names the
    /// line and field of every problem.
    /// </summary>
    public static Task<Workspace> ImportAsync(WaymarkDb db, ReadOnlyMemory<byte> document, string? key, string? name, CancellationToken ct) =>
        WorkspaceImport.FromUtf8Async(db, document, Json, key, name, ct);

    /// <summary>The API's JSON rules (camelCase, enums as words, required values), so a file imports the same way everywhere.</summary>
    public static System.Text.Json.JsonSerializerOptions Json { get; } = CreateJson();

    private static System.Text.Json.JsonSerializerOptions CreateJson()
    {
        var json = new System.Text.Json.JsonSerializerOptions(System.Text.Json.JsonSerializerDefaults.Web);
        WaymarkWebApp.Configure(json);
        return json;
    }
}
