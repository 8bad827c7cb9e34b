using Waymark.Domain.Common;

namespace Waymark.Domain.Imports;

/// <summary>
/// Which column of a team's spreadsheet holds which field, for one kind of import (touchpoints, evaluations …), in the
/// form of <c>waymark import-sheet --map</c> (e.g. <c>name=Bezeichnung,channel=Kanal</c>): offered again the next time
/// the workspace imports that kind, so a sheet kept up to date in Excel is mapped once.
/// </summary>
public sealed class SpreadsheetImportMapping : WorkspaceEntity
{
    public const int MaxLength = 2_000;

    private SpreadsheetImportMapping() { }

    public SpreadsheetImportMapping(Guid workspaceId, string kind) : base(workspaceId) =>
        Kind = Guard.Required(kind, "kind", 40);

    /// <summary>The kind of import the mapping is for, as the API and the CLI name it (<c>touchpoints</c>, <c>kpi-measurements</c> …).</summary>
    public string Kind { get; private set; } = "";

    /// <summary>The pairs <c>field=Column</c>, comma-separated.</summary>
    public string Mapping { get; private set; } = "";

    public SpreadsheetImportMapping Define(string? mapping)
    {
        if (string.IsNullOrWhiteSpace(mapping))
            throw new DomainRuleException("mapping", "Name at least one field and its column, such as name=Bezeichnung.");
        if (mapping.Trim().Length > MaxLength)
            throw new DomainRuleException("mapping", $"A mapping is at most {MaxLength:N0} characters long.");
        Mapping = mapping.Trim();
        return this;
    }
}
