using Microsoft.EntityFrameworkCore;
using Waymark.Domain.Organisation;
using Waymark.Storage;
using Waymark.Web.Infrastructure;
using Waymark.Web.Features.Organisation;

namespace Waymark.Web.Features.Imports;

/// <summary>Rows of people of the organisation, matched by name; their department found by name.</summary>
internal sealed class PersonRows : KindRows
{
    private NameIndex<Person> _people = null!;
    private NameIndex<Department> _departments = null!;
    private Dictionary<Guid, string> _departmentNames = null!;

    public override ImportKind Kind => ImportKinds.People;

    public override async Task LoadAsync(WaymarkDb db, CurrentWorkspace ws, CancellationToken ct)
    {
        _people = new(await db.People.AsNoTracking().Where(p => p.WorkspaceId == ws.Id).ToListAsync(ct), p => p.Name);
        var departments = await db.Departments.AsNoTracking().Where(d => d.WorkspaceId == ws.Id).ToListAsync(ct);
        _departments = new(departments, d => d.Name, "; import the departments first (kind 'departments') or correct the name");
        _departmentNames = departments.ToDictionary(d => d.Id, d => d.Name);
    }

    public override RowPlan? Plan(ImportRow row, CurrentWorkspace ws)
    {
        var name = row.Text("name");
        if (name is null) row.Missing("name", "The person's name");
        var department = row.Reference("department", _departments, "department");
        if (row.Problems.Count > 0) return null;
        var existing = _people.Find(name!);
        var request = new PersonRequest(name!, row.Text("role") ?? existing?.Role, row.Text("email") ?? existing?.Email,
            department?.Id ?? existing?.DepartmentId, existing?.Version);
        row.Check(() => new Person(ws.Id, request.Name).Describe(request.Name, request.Role, request.Email, request.DepartmentId), f => f == "departmentId" ? "department" : f);
        if (row.Problems.Count > 0) return null;
        var values = Shown(("name", name), ("role", request.Role), ("email", request.Email),
            ("department", request.DepartmentId is { } d ? _departmentNames.GetValueOrDefault(d) : null));
        return new RowPlan(existing?.Id.ToString() ?? name!.ToLowerInvariant(), existing?.Name, values,
            existing is null
                ? (work, w, ct) => PersonChanges.CreateAsync(work, w, request, ct)
                : (work, w, ct) => PersonChanges.UpdateAsync(work, w, existing.Id, request, ct));
    }
}
