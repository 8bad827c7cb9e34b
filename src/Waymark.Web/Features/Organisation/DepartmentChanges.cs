using Microsoft.EntityFrameworkCore;
using Waymark.Domain.Organisation;
using Waymark.Storage.Access;
using Waymark.Web.Infrastructure;

namespace Waymark.Web.Features.Organisation;

/// <summary>What a department (the backstage of a journey) is, as a person or a program describes it.</summary>
public sealed record DepartmentRequest(
    string Name, string? Description = null, IReadOnlyList<string>? Bottlenecks = null, IReadOnlyList<string>? Delays = null,
    IReadOnlyList<string>? InternalProblems = null, int? Version = null);

/// <summary>Every change to a department, for the HTTP API, the Departments tab and the CLI alike.</summary>
public static class DepartmentChanges
{
    public static async Task<Department> CreateAsync(Work work, CurrentWorkspace ws, DepartmentRequest r, CancellationToken ct)
    {
        await work.AllowAsync(ws, WorkspaceRole.Editor, ct);
        var department = new Department(ws.Id, r.Name).Describe(r.Name, r.Description, r.Bottlenecks, r.Delays, r.InternalProblems);
        work.Db.Departments.Add(department);
        await work.SaveAsync(ct);
        return department;
    }

    public static async Task<Department> UpdateAsync(Work work, CurrentWorkspace ws, Guid id, DepartmentRequest r, CancellationToken ct)
    {
        await work.AllowAsync(ws, WorkspaceRole.Editor, ct);
        var department = await work.Db.Departments.FindInAsync(ws, id, "department", ct);
        department.EnsureVersion(Versions.Required(r.Version));
        department.Describe(r.Name, r.Description, r.Bottlenecks, r.Delays, r.InternalProblems);
        await work.SaveAsync(ct);
        return department;
    }

    /// <summary>A department is deleted only while no person, touchpoint or journey step belongs to it.</summary>
    public static async Task DeleteAsync(Work work, CurrentWorkspace ws, Guid id, int? version, CancellationToken ct)
    {
        await work.AllowAsync(ws, WorkspaceRole.Editor, ct);
        var db = work.Db;
        var department = await db.Departments.FindInAsync(ws, id, "department", ct);
        if (version is { } v) department.EnsureVersion(v);
        var people = await db.People.CountAsync(p => p.DepartmentId == id, ct);
        var touchpoints = await db.Touchpoints.CountAsync(t => t.DepartmentId == id, ct);
        var steps = await db.Steps.CountAsync(s => s.BackstageDepartmentId == id, ct);
        if (people + touchpoints + steps > 0)
            throw new ConflictException($"The department '{department.Name}' still has {Count.Of(people, "person", "people")}, " +
                $"{Count.Of(touchpoints, "touchpoint")} and {Count.Of(steps, "journey step")}. Reassign them before deleting it.");
        db.Departments.Remove(department);
        await work.SaveAsync(ct);
    }
}
