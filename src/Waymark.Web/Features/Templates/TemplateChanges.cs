using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Waymark.Domain.Common;
using Waymark.Domain.Workspaces;
using Waymark.Storage.Access;
using Waymark.Storage.Exchange;
using Waymark.Storage.Templates;
using Waymark.Web.Features.Workspaces;
using Waymark.Web.Infrastructure;

namespace Waymark.Web.Features.Templates;

/// <summary>A workspace kept as a template of the organisation: a short name to pick it by, a title and what it is for.</summary>
public sealed record SaveTemplateRequest(string? Name, string? Title, string? Description);

/// <summary>
/// Saving a workspace's structure as a template of the organisation, and deleting such a template. Owners of a workspace
/// save it; every signed-in person may then start a workspace from it; its creator or an administrator deletes it.
/// </summary>
public static class TemplateChanges
{
    public static async Task<WorkspaceTemplate> SaveAsync(Work work, CurrentWorkspace ws, SaveTemplateRequest r, CancellationToken ct)
    {
        await work.AllowAsync(ws, WorkspaceRole.Owner, ct);
        var creator = work.PersonAsCreator("save a template");
        var name = ValidName(r.Name);
        var title = Guard.Required(r.Title, "title");
        if (TemplateCatalog.IsBuiltIn(name) || await work.Db.WorkspaceTemplates.AnyAsync(t => t.Name == name, ct))
            throw new ConflictException($"There is already a template called '{name}'. Choose another name, or delete that template first.");
        var export = await WorkspaceExporter.ExportAsync(work.Db, ws.Id, ct);
        var document = TemplateDocument.Structure(export, name, title, r.Description);
        var template = new WorkspaceTemplate(name, title, r.Description, JsonSerializer.Serialize(document, WorkspaceChanges.Json),
            creator.Id, creator.Name, work.Clock.GetUtcNow());
        work.Db.WorkspaceTemplates.Add(template);
        await work.SaveAsync(ct);
        return template;
    }

    /// <summary>A template's name follows the rule of a workspace key, so it can be given on the command line and in an address.</summary>
    private static string ValidName(string? name)
    {
        try
        {
            return Workspace.ValidKey(name?.Trim());
        }
        catch (DomainRuleException)
        {
            throw new DomainRuleException("name", "A template name uses 2 to 60 lower-case letters, digits and hyphens, starting with a letter or digit (e.g. 'retail-dach').");
        }
    }

    public static async Task DeleteAsync(Work work, string name, CancellationToken ct)
    {
        work.AllowSignedInPerson("delete a template");
        if (TemplateCatalog.IsBuiltIn(name)) throw new ConflictException($"'{name}' is one of Waymark's built-in templates; they cannot be deleted.");
        var template = await work.Db.WorkspaceTemplates.FirstOrDefaultAsync(t => t.Name == name, ct)
            ?? throw new NotFoundException($"There is no template '{name}'; someone may have deleted it meanwhile.");
        await work.AllowCreatorOrAdministratorAsync(template.CreatedBy, $"Only {template.CreatedByName}, who saved the template '{name}', or an administrator can delete it.", ct);
        work.Db.WorkspaceTemplates.Remove(template);
        await work.SaveAsync(ct);
    }
}
