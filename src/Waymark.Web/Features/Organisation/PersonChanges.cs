using Microsoft.EntityFrameworkCore;
using Waymark.Domain.Organisation;
using Waymark.Storage.Access;
using Waymark.Web.Infrastructure;

namespace Waymark.Web.Features.Organisation;

/// <summary>A person of the organisation who owns touchpoints and actions; they need no account.</summary>
public sealed record PersonRequest(string Name, string? Role = null, string? Email = null, Guid? DepartmentId = null, int? Version = null);

/// <summary>Every change to a person, for the HTTP API and the People tab alike.</summary>
public static class PersonChanges
{
    public static async Task<Person> CreateAsync(Work work, CurrentWorkspace ws, PersonRequest r, CancellationToken ct)
    {
        await work.AllowAsync(ws, WorkspaceRole.Editor, ct);
        await work.Db.RequireAsync<Department>(ws, r.DepartmentId, "departmentId", "department", ct);
        var person = new Person(ws.Id, r.Name).Describe(r.Name, r.Role, r.Email, r.DepartmentId);
        work.Db.People.Add(person);
        await work.SaveAsync(ct);
        return person;
    }

    public static async Task<Person> UpdateAsync(Work work, CurrentWorkspace ws, Guid id, PersonRequest r, CancellationToken ct)
    {
        await work.AllowAsync(ws, WorkspaceRole.Editor, ct);
        var person = await work.Db.People.FindInAsync(ws, id, "person", ct);
        person.EnsureVersion(Versions.Required(r.Version));
        await work.Db.RequireAsync<Department>(ws, r.DepartmentId, "departmentId", "department", ct);
        person.Describe(r.Name, r.Role, r.Email, r.DepartmentId);
        await work.SaveAsync(ct);
        return person;
    }

    /// <summary>A person is deleted only while they own no touchpoint, insight, idea or action.</summary>
    public static async Task DeleteAsync(Work work, CurrentWorkspace ws, Guid id, int? version, CancellationToken ct)
    {
        await work.AllowAsync(ws, WorkspaceRole.Editor, ct);
        var db = work.Db;
        var person = await db.People.FindInAsync(ws, id, "person", ct);
        if (version is { } v) person.EnsureVersion(v);
        var touchpoints = await db.Touchpoints.CountAsync(t => t.OwnerId == id, ct);
        var improvements = await db.Improvements.CountAsync(i => i.OwnerId == id, ct);
        if (touchpoints + improvements > 0)
            throw new ConflictException($"{person.Name} still owns {Count.Of(touchpoints, "touchpoint")} and " +
                $"{Count.Of(improvements, "insight, idea or action", "insights, ideas or actions")}. Hand them over before deleting this person.");
        db.People.Remove(person);
        await work.SaveAsync(ct);
    }
}
