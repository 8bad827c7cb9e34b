using Microsoft.EntityFrameworkCore;
using Waymark.Domain.Organisation;
using Waymark.Storage;
using Waymark.Web.Infrastructure;
using Waymark.Web.Features.Organisation;

namespace Waymark.Web.Features.Imports;

/// <summary>Department rows, matched by name; bottlenecks, delays and internal problems one a line or separated by semicolons.</summary>
internal sealed class DepartmentRows : KindRows
{
    private NameIndex<Department> _departments = null!;

    public override ImportKind Kind => ImportKinds.Departments;

    public override async Task LoadAsync(WaymarkDb db, CurrentWorkspace ws, CancellationToken ct) =>
        _departments = new(await db.Departments.AsNoTracking().Where(d => d.WorkspaceId == ws.Id).ToListAsync(ct), d => d.Name);

    public override RowPlan? Plan(ImportRow row, CurrentWorkspace ws)
    {
        var name = row.Text("name");
        if (name is null)
        {
            row.Missing("name", "The department's name");
            return null;
        }
        var existing = _departments.Find(name);
        IReadOnlyList<string>? List(string field, string[]? had) => row.Text(field) is { } t ? CellText.List(t) : had;
        var request = new DepartmentRequest(name, row.Text("description") ?? existing?.Description, List("bottlenecks", existing?.Bottlenecks),
            List("delays", existing?.Delays), List("internalProblems", existing?.InternalProblems), existing?.Version);
        row.Check(() => new Department(ws.Id, request.Name).Describe(request.Name, request.Description, request.Bottlenecks, request.Delays, request.InternalProblems), f => f);
        if (row.Problems.Count > 0) return null;
        var values = Shown(("name", name), ("description", request.Description), ("bottlenecks", string.Join("; ", request.Bottlenecks ?? [])),
            ("delays", string.Join("; ", request.Delays ?? [])), ("internalProblems", string.Join("; ", request.InternalProblems ?? [])));
        return new RowPlan(existing?.Id.ToString() ?? name.ToLowerInvariant(), existing?.Name, values,
            existing is null
                ? (work, w, ct) => DepartmentChanges.CreateAsync(work, w, request, ct)
                : (work, w, ct) => DepartmentChanges.UpdateAsync(work, w, existing.Id, request, ct));
    }
}
