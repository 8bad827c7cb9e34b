using Waymark.Domain.Common;
using Waymark.Domain.Workspaces;

namespace Waymark.Storage.Templates;

/// <summary>
/// A workspace's structure kept by the organisation as a starting point for new workspaces: a workspace document
/// (the export format) without evaluations, measurements, actions, events or members.
/// </summary>
public sealed class WorkspaceTemplate
{
    private WorkspaceTemplate() { Name = Title = Document = CreatedBy = CreatedByName = ""; }

    public WorkspaceTemplate(string name, string title, string? description, string document, string createdBy, string createdByName, DateTimeOffset createdAt)
    {
        Id = Guid.CreateVersion7();
        // Names follow the workspace key's rule, so a template can be named on the command line and in an address.
        Name = Workspace.ValidKey(name?.Trim());
        Title = Guard.Required(title, "title");
        Description = Guard.Limited(description, "description", 1000);
        Document = document;
        CreatedBy = createdBy;
        CreatedByName = createdByName;
        CreatedAt = createdAt;
    }

    public Guid Id { get; private set; }
    /// <summary>The short name used to pick it, e.g. <c>retail-de</c>.</summary>
    public string Name { get; private set; }
    public string Title { get; private set; }
    public string? Description { get; private set; }
    /// <summary>The workspace document as JSON.</summary>
    public string Document { get; private set; }
    /// <summary>The account that saved it, who may delete it (as may an administrator).</summary>
    public string CreatedBy { get; private set; }
    public string CreatedByName { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
}
