using Microsoft.EntityFrameworkCore;
using Waymark.Domain.Common;
using Waymark.Storage;
using Waymark.Storage.Access;
using Waymark.Web.Infrastructure;

namespace Waymark.Web.Features.Imports;

/// <summary>
/// A sheet to import: the file's name and bytes (CSV or XLSX), the kind of records it holds, the worksheet of a workbook
/// (the first one when left out) and which column holds which field (<c>name=Bezeichnung,channel=Kanal</c>; fields left
/// out are taken from the remembered mapping or suggested from the headers).
/// </summary>
public sealed record SpreadsheetImportRequest(string FileName, byte[] Content, string Kind, string? Sheet = null, string? Mapping = null);

/// <summary>A field of the kind and the column that fills it (none: the field is not imported).</summary>
public sealed record ImportFieldColumn(string Field, string Label, bool Required, string? Column);

/// <summary>A data row as it will be stored: "new" or "updates …", the values by field, and its problems.</summary>
public sealed record ImportPreviewRow(int Row, string Action, IReadOnlyDictionary<string, string> Values, IReadOnlyList<ImportProblem> Problems);

/// <summary>
/// What importing the sheet would do, before anything is stored: the sheets of a workbook, the header row found, the
/// columns, the mapping used, every row as it will be stored and every problem by row and column.
/// </summary>
public sealed record ImportPreview(
    string Kind, string FileName, IReadOnlyList<string> Sheets, string? Sheet, int HeaderRow, IReadOnlyList<string> Columns,
    IReadOnlyList<ImportFieldColumn> Fields, string Mapping, IReadOnlyList<ImportPreviewRow> Rows, IReadOnlyList<ImportProblem> Problems,
    int New, int Updates);

/// <summary>What an import stored.</summary>
public sealed record ImportOutcome(string Kind, int Created, int Updated);

/// <summary>
/// Brings touchpoints, personas, channels, departments, people, evaluations or KPI measurements in from a team's
/// spreadsheet, for the API, the Import page and <c>waymark import-sheet</c> alike. Each row goes through the change use
/// case of its kind (its rules, audit entries and announcements); a row that matches a record updates it. All or
/// nothing: every row is checked first, and the rows are stored in one transaction that any problem rolls back.
/// </summary>
public static class SpreadsheetImport
{
    public const int MaxRows = 5_000;

    public static async Task<ImportPreview> PreviewAsync(Work work, CurrentWorkspace ws, SpreadsheetImportRequest r, CancellationToken ct)
    {
        await work.AllowAsync(ws, WorkspaceRole.Editor, ct);
        return (await PlanAsync(work.Db, ws, r, ct)).Preview;
    }

    /// <summary>Stores every row, or refuses with every problem (<see cref="InvalidItemsException"/>) and stores nothing.</summary>
    public static async Task<ImportOutcome> ImportAsync(Work work, CurrentWorkspace ws, SpreadsheetImportRequest r, CancellationToken ct)
    {
        await work.AllowAsync(ws, WorkspaceRole.Editor, ct);
        var db = work.Db;
        await using var transaction = await db.Database.BeginTransactionAsync(
            db.IsSqlite ? System.Data.IsolationLevel.Serializable : System.Data.IsolationLevel.ReadCommitted, ct);
        var (preview, plans, kind) = await PlanAsync(db, ws, r, ct);
        if (preview.Problems.Count > 0) throw Refusal(r.FileName, preview.Problems);
        foreach (var (row, plan) in plans)
        {
            try
            {
                await plan.Apply(work, ws, ct);
            }
            catch (Exception e) when (e is DomainRuleException or ConflictException or NotFoundException or StaleVersionException or DbUpdateException)
            {
                // The transaction is left without commit: every row stored before this one goes too.
                throw Refusal(r.FileName, [new ImportProblem(row, null, e is DbUpdateException ? "Someone changed the same records meanwhile; import the file again." : e.Message)]);
            }
        }
        await SpreadsheetMappingChanges.RememberAsync(work, ws, kind, preview.Mapping, ct);
        await transaction.CommitAsync(ct);
        return new ImportOutcome(kind.Key, preview.New, preview.Updates);
    }

    private static InvalidItemsException Refusal(string fileName, IReadOnlyList<ImportProblem> problems) =>
        new($"{Count.Of(problems.Count, "problem")} in '{fileName}'; nothing was imported. First: {problems[0]}",
            problems.GroupBy(p => p.Row is { } row ? p.Column is { } c ? $"row {row}, column '{c}'" : $"row {row}" : p.Column is { } col ? $"column '{col}'" : "file")
                .ToDictionary(g => g.Key, g => g.Select(p => p.Message).ToArray()));

    private static async Task<(ImportPreview Preview, List<(int Row, RowPlan Plan)> Plans, ImportKind Kind)> PlanAsync(
        WaymarkDb db, CurrentWorkspace ws, SpreadsheetImportRequest r, CancellationToken ct)
    {
        var kind = ImportKinds.Find(r.Kind);
        var given = r.Mapping is null ? null : ColumnMapping.Parse(r.Mapping, kind);
        var remembered = await RememberedAsync(db, ws, kind, ct);
        var content = SheetFile.Read(r.FileName, r.Content, r.Sheet);
        var table = SheetTable.Of(content, kind, (given?.Values.AsEnumerable() ?? []).Concat(remembered.Values));
        if (table.Rows.Count > MaxRows)
            throw new TooLargeException($"'{r.FileName}' has {table.Rows.Count:N0} rows; an import takes at most {MaxRows:N0}. Split the sheet up.");

        var problems = new List<ImportProblem>();
        var columnOf = Map(kind, table, given, remembered, problems);
        if (table.Columns.Count == 0) problems.Add(new ImportProblem(null, null, $"'{r.FileName}' holds no rows."));
        else if (table.Rows.Count == 0) problems.Add(new ImportProblem(table.HeaderRow, null, $"There are no rows below the header in row {table.HeaderRow}."));

        var mappingProblems = problems.Count > 0;
        var rows = KindRows.For(kind);
        await rows.LoadAsync(db, ws, ct);
        var previews = new List<ImportPreviewRow>();
        var plans = new List<(int, RowPlan)>();
        var seen = new Dictionary<string, int>();
        var nameColumn = columnOf.TryGetValue(kind.Fields[0].Key, out var first) ? table.Columns[first] : null;
        foreach (var sheetRow in table.Rows)
        {
            var row = new ImportRow(sheetRow, columnOf, table.Columns);
            // Rows are read only once the columns are settled; until then the problems of the mapping are the ones to fix.
            var plan = mappingProblems ? null : rows.Plan(row, ws);
            var rowProblems = row.Problems.ToList();
            if (plan is not null && seen.TryGetValue(plan.Key, out var earlier))
                rowProblems.Add(new ImportProblem(row.Number, nameColumn, $"Row {earlier} already imports this {Singular(kind)}; a sheet names each once."));
            else if (plan is not null) seen[plan.Key] = row.Number;
            problems.AddRange(rowProblems);
            previews.Add(new ImportPreviewRow(row.Number, plan is null ? "" : plan.Updates is { } u ? $"updates {u}" : "new", plan?.Values ?? new Dictionary<string, string>(), rowProblems));
            if (plan is not null && rowProblems.Count == 0) plans.Add((row.Number, plan));
        }
        var fields = kind.Fields.Select(f => new ImportFieldColumn(f.Key, f.Label, f.Required, columnOf.TryGetValue(f.Key, out var i) ? table.Columns[i] : null)).ToList();
        var mapping = ColumnMapping.Format(fields.Where(f => f.Column is not null).ToDictionary(f => f.Field, f => f.Column!), kind);
        var preview = new ImportPreview(kind.Key, r.FileName, content.SheetNames, content.SheetName, table.HeaderRow, table.Columns, fields, mapping,
            previews, problems, plans.Count(p => p.Item2.Updates is null), plans.Count(p => p.Item2.Updates is not null));
        return (preview, plans, kind);
    }

    /// <summary>
    /// For each field, the column the request names; else the remembered one, when the sheet has it; else the first
    /// unused column whose header names the field. A required field left without a column is a problem.
    /// </summary>
    private static Dictionary<string, int> Map(ImportKind kind, SheetTable table, Dictionary<string, string>? given,
        Dictionary<string, string> remembered, List<ImportProblem> problems)
    {
        var columnOf = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        foreach (var (field, column) in given ?? [])
        {
            if (column.Length == 0) continue;
            var index = table.ColumnIndex(column);
            if (index >= 0) columnOf[field] = index;
            else problems.Add(new ImportProblem(table.HeaderRow, column,
                $"The sheet has no column '{column}' for {kind.Field(field)!.Label}; its columns are {string.Join(", ", table.Columns.Select(c => $"'{c}'"))}."));
        }
        foreach (var field in kind.Fields.Where(f => given is null || !given.ContainsKey(f.Key)))
        {
            var index = remembered.TryGetValue(field.Key, out var column) ? table.ColumnIndex(column) : -1;
            if (index < 0)
                index = Suggested(kind, field, table, columnOf);
            if (index >= 0 && !columnOf.ContainsValue(index)) columnOf[field.Key] = index;
        }
        foreach (var field in kind.Fields.Where(f => f.Required && !columnOf.ContainsKey(f.Key) && table.Columns.Count > 0))
            problems.Add(new ImportProblem(table.HeaderRow, null, $"No column is chosen for {field.Label}; {kind.Label.ToLowerInvariant()} need it."));
        return columnOf;
    }

    /// <summary>The first free column whose header names the field exactly, else one that names it apart from a remark no other field claims exactly.</summary>
    private static int Suggested(ImportKind kind, ImportField field, SheetTable table, Dictionary<string, int> taken)
    {
        var free = Enumerable.Range(0, table.Columns.Count).Where(i => !taken.ContainsValue(i)).ToList();
        return free.FirstOrDefault(i => field.MatchesExactly(table.Columns[i]), -1) is var exact and >= 0 ? exact
            : free.FirstOrDefault(i => field.Matches(table.Columns[i]) && !kind.Fields.Any(f => f.MatchesExactly(table.Columns[i])), -1);
    }

    private static async Task<Dictionary<string, string>> RememberedAsync(WaymarkDb db, CurrentWorkspace ws, ImportKind kind, CancellationToken ct)
    {
        var saved = await db.SpreadsheetImportMappings.AsNoTracking().Where(m => m.WorkspaceId == ws.Id && m.Kind == kind.Key).Select(m => m.Mapping).FirstOrDefaultAsync(ct);
        try
        {
            return ColumnMapping.Parse(saved, kind);
        }
        catch (DomainRuleException)
        {
            // A field no longer offered: the headers suggest the columns again.
            return new Dictionary<string, string>();
        }
    }

    private static string Singular(ImportKind kind) => kind.Key switch
    {
        "people" => "person",
        "kpi-measurements" => "KPI measurement",
        _ => kind.Label.TrimEnd('s').ToLowerInvariant(),
    };
}
