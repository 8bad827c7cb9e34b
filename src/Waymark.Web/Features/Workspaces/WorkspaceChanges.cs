using Microsoft.EntityFrameworkCore;
using Waymark.Domain.Common;
using Waymark.Domain.Organisation;
using Waymark.Domain.Workspaces;
using Waymark.Storage;
using Waymark.Storage.Access;
using Waymark.Storage.Exchange;
using Waymark.Web.Infrastructure;

namespace Waymark.Web.Features.Workspaces;

/// <summary>
/// A workspace as a person or a program names it; without a key on creation, one is made from the name. On creation,
/// <c>Template</c> names a built-in or organisation template to start from (GET /api/templates); without one it starts blank.
/// </summary>
public sealed record WorkspaceRequest(string? Key, string Name, string? Description, int? Version = null, string? Template = null);

/// <summary>
/// Every change to a workspace as a whole, for the HTTP API, the workspaces page and the command line alike. Any signed-in
/// person may create or import one and becomes its owner (the audit trail adds the membership in the same save);
/// only owners rename or delete it.
/// </summary>
public static class WorkspaceChanges
{
    /// <summary>
    /// A new workspace starts with the default phases, ready to map; or, from a template, with the template's structure,
    /// created by the same all-or-nothing import as an export file.
    /// </summary>
    public static async Task<Workspace> CreateAsync(Work work, WorkspaceRequest r, CancellationToken ct)
    {
        work.AllowSignedInPerson("create a workspace");
        var db = work.Db;
        var workspaceKey = string.IsNullOrWhiteSpace(r.Key) ? await WorkspaceStore.FreeKeyAsync(db, Workspace.KeyFromName(r.Name ?? ""), ct) : r.Key.Trim();
        if (!string.IsNullOrWhiteSpace(r.Template)) return await FromTemplateAsync(db, r with { Key = workspaceKey }, r.Template.Trim(), ct);
        var workspace = new Workspace(workspaceKey, r.Name!, r.Description);
        if (await db.Workspaces.AnyAsync(w => w.Key == workspace.Key, ct)) throw new WorkspaceKeyTakenException(workspace.Key);
        db.Workspaces.Add(workspace);
        db.Phases.AddRange(Phase.CreateDefaults(workspace.Id));
        await work.SaveAsync(ct);
        return workspace;
    }

    private static async Task<Workspace> FromTemplateAsync(WaymarkDb db, WorkspaceRequest r, string template, CancellationToken ct)
    {
        // The request's own mistakes are named by its fields, as for a blank workspace, before the template is read.
        var key = Workspace.ValidKey(r.Key);
        var name = Guard.Required(r.Name, "name");
        Guard.Limited(r.Description, "description");
        var document = await Templates.TemplateCatalog.DocumentAsync(db, template, ct)
            ?? throw new DomainRuleException("template", $"There is no template '{template}'. Choose one of those listed on the Workspaces page (also GET /api/templates and waymark new --list-templates).");
        var named = document with { Workspace = new WorkspaceInfo(key, name, r.Description ?? document.Workspace.Description) };
        return await WorkspaceStore.ImportAsync(db, named, key, name, ct);
    }

    /// <summary>
    /// Creates a new workspace from an exported document, given as the file's bytes; <paramref name="key"/> and
    /// <paramref name="name"/> override the document's. All or nothing: an <see cref="ImportException"/> names the
    /// line and field of every problem.
    /// </summary>
    public static Task<Workspace> ImportAsync(Work work, ReadOnlyMemory<byte> document, string? key, string? name, CancellationToken ct)
    {
        work.AllowSignedInPerson("import a workspace");
        return WorkspaceImport.FromUtf8Async(work.Db, document, Json, key, name, ct);
    }

    public static async Task<Workspace> UpdateAsync(Work work, CurrentWorkspace ws, WorkspaceRequest r, CancellationToken ct)
    {
        await work.AllowAsync(ws, WorkspaceRole.Owner, ct);
        var workspace = await work.Db.Workspaces.FirstOrDefaultAsync(w => w.Id == ws.Id, ct) ?? throw new NotFoundException($"There is no workspace '{ws.Key}'.");
        var expected = Versions.Required(r.Version);
        if (expected != workspace.Version) throw new StaleVersionException("workspace", expected, workspace.Version);
        workspace.Rename(r.Name!, r.Description);
        await work.SaveAsync(ct);
        return workspace;
    }

    /// <summary>Deletes the workspace with everything in it, in one transaction.</summary>
    public static async Task DeleteAsync(Work work, CurrentWorkspace ws, CancellationToken ct)
    {
        await work.AllowAsync(ws, WorkspaceRole.Owner, ct);
        await WorkspaceStore.DeleteAsync(work.Db, ws.Id, ct);
    }

    /// <summary>The API's JSON rules (camelCase, enums as words, required values), so a file imports the same way everywhere.</summary>
    public static System.Text.Json.JsonSerializerOptions Json { get; } = CreateJson();

    private static System.Text.Json.JsonSerializerOptions CreateJson()
    {
        var json = new System.Text.Json.JsonSerializerOptions(System.Text.Json.JsonSerializerDefaults.Web);
        WaymarkWebApp.Configure(json);
        return json;
    }
}
