using Microsoft.EntityFrameworkCore;
using Waymark.Domain.Personas;
using Waymark.Storage;
using Waymark.Web.Infrastructure;
using Waymark.Web.Features.Personas;

namespace Waymark.Web.Features.Imports;

/// <summary>Persona rows, matched by name; goals, needs and frustrations one a line or separated by semicolons; share of customers in percent.</summary>
internal sealed class PersonaRows : KindRows
{
    private static readonly Dictionary<string, OnlineAffinity> Affinities = new()
    {
        ["low"] = OnlineAffinity.Low, ["niedrig"] = OnlineAffinity.Low, ["gering"] = OnlineAffinity.Low,
        ["medium"] = OnlineAffinity.Medium, ["mittel"] = OnlineAffinity.Medium,
        ["high"] = OnlineAffinity.High, ["hoch"] = OnlineAffinity.High,
    };

    private NameIndex<Persona> _personas = null!;

    public override ImportKind Kind => ImportKinds.Personas;

    public override async Task LoadAsync(WaymarkDb db, CurrentWorkspace ws, CancellationToken ct) =>
        _personas = new(await db.Personas.AsNoTracking().Where(p => p.WorkspaceId == ws.Id).ToListAsync(ct), p => p.Name);

    public override RowPlan? Plan(ImportRow row, CurrentWorkspace ws)
    {
        var name = row.Text("name");
        if (name is null) row.Missing("name", "The persona's name");
        var affinity = row.Choice("onlineAffinity", Affinities, "low, medium or high");
        var share = row.Decimal("shareOfCustomers");
        if (row.Problems.Count > 0) return null;
        var p = _personas.Find(name!);
        string? Text(string field, string? had) => row.Text(field) ?? had;
        IReadOnlyList<string>? List(string field, string[]? had) => row.Text(field) is { } t ? CellText.List(t) : had;
        var request = new PersonaRequest(name!, Text("initials", p?.Initials), p?.PictureUrl, Text("quote", p?.Quote), Text("description", p?.Description),
            Text("ageBand", p?.AgeBand), Text("occupation", p?.Occupation), Text("incomeBand", p?.IncomeBand), Text("location", p?.Location),
            Text("household", p?.Household), List("goals", p?.Goals), List("needs", p?.Needs), List("frustrations", p?.Frustrations),
            Text("purchasingBehaviour", p?.PurchasingBehaviour), affinity ?? p?.OnlineAffinity ?? OnlineAffinity.Medium, p?.PreferredChannelIds,
            share ?? p?.ShareOfCustomers, p?.Version);
        Persona? made = null;
        row.Check(() => made = new Persona(ws.Id, request.Name).Describe(request.Profile()), f => f);
        if (made is null) return null;
        var values = Shown(("name", made.Name), ("initials", made.Initials), ("quote", made.Quote), ("description", made.Description),
            ("ageBand", made.AgeBand), ("occupation", made.Occupation), ("incomeBand", made.IncomeBand), ("location", made.Location),
            ("household", made.Household), ("goals", string.Join("; ", made.Goals)), ("needs", string.Join("; ", made.Needs)),
            ("frustrations", string.Join("; ", made.Frustrations)), ("purchasingBehaviour", made.PurchasingBehaviour),
            ("onlineAffinity", made.OnlineAffinity.ToString().ToLowerInvariant()), ("shareOfCustomers", made.ShareOfCustomers is { } s ? CellText.Show(s) : null));
        return new RowPlan(p?.Id.ToString() ?? name!.ToLowerInvariant(), p?.Name, values,
            p is null
                ? (work, w, ct) => PersonaChanges.CreateAsync(work, w, request, ct)
                : (work, w, ct) => PersonaChanges.UpdateAsync(work, w, p.Id, request, ct));
    }
}
