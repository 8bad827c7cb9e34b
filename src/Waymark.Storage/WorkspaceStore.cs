using Microsoft.EntityFrameworkCore;
using Waymark.Domain.Workspaces;
using Waymark.Storage.Exchange;

namespace Waymark.Storage;

public static class WorkspaceStore
{
    /// <summary>Saves a whole workspace in one transaction: all of it or, when anything fails, nothing.</summary>
    public static Task AddAsync(WaymarkDb db, WorkspaceContent content, CancellationToken ct = default) =>
        AddAsync(db, content, null, ct);

    /// <summary>How many rows one save of <see cref="AddAsync(WaymarkDb, WorkspaceContent, IProgress{int}, CancellationToken)"/> writes at most (a map counts with its stages and steps).</summary>
    public const int RowsPerSave = 10_000;

    /// <summary>
    /// Saves a whole workspace in one transaction (the caller's, if one is open): all of it or, when anything fails,
    /// nothing. A large workspace is saved in portions of about <see cref="RowsPerSave"/> rows, dependencies first,
    /// reporting the rows saved so far; change detection is off meanwhile, as nothing changes while it is added. When
    /// the context tracked nothing before, each saved portion is let go, so the tracker does not grow with the workspace.
    /// </summary>
    public static async Task AddAsync(WaymarkDb db, WorkspaceContent content, IProgress<int>? progress, CancellationToken ct = default)
    {
        var release = !db.ChangeTracker.Entries().Any();
        var detect = db.ChangeTracker.AutoDetectChangesEnabled;
        var transaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            var (saved, pending) = (0, 0);
            foreach (var (entity, rows) in InDependencyOrder(content))
            {
                db.Add(entity);
                pending += rows;
                if (pending < RowsPerSave) continue;
                await SavePortionAsync(db, release, ct);
                (saved, pending) = (saved + pending, 0);
                progress?.Report(saved);
            }
            await SavePortionAsync(db, release, ct);
            progress?.Report(saved + pending);
            if (transaction is not null) await transaction.CommitAsync(ct);
        }
        finally
        {
            db.ChangeTracker.AutoDetectChangesEnabled = detect;
            if (transaction is not null) await transaction.DisposeAsync();
        }
    }

    /// <summary>Saves what is pending; the rows reported are the content's own, not those storage derives from them (kept scores, stamps).</summary>
    private static async Task SavePortionAsync(WaymarkDb db, bool release, CancellationToken ct)
    {
        await db.SaveChangesAsync(ct);
        if (release) db.ChangeTracker.Clear();
    }

    /// <summary>How many rows saving the content writes (a map counts with its stages and steps).</summary>
    public static int RowsOf(WorkspaceContent content) => InDependencyOrder(content).Sum(e => e.Rows);

    /// <summary>Every entity of the content with the rows it writes, each after what it refers to.</summary>
    private static IEnumerable<(object Entity, int Rows)> InDependencyOrder(WorkspaceContent content)
    {
        yield return (content.Workspace, 1);
        IEnumerable<object>[] lists = [content.Phases, content.Channels, content.Departments, content.People, content.Personas, content.Touchpoints];
        foreach (var entity in lists.SelectMany(l => l)) yield return (entity, 1);
        foreach (var journey in content.Journeys) yield return (journey, 1 + journey.Stages.Count + journey.Stages.Sum(s => s.Steps.Count));
        lists = [content.Evaluations, content.Kpis, content.Measurements, content.Improvements];
        foreach (var entity in lists.SelectMany(l => l)) yield return (entity, 1);
        if (content.ServiceContacts is { } contacts) yield return (contacts, 1);
        if (content.EventMapping is { } mapping) yield return (mapping, 1);
    }

    /// <summary>
    /// Deletes a workspace and all it holds in one transaction, dependants first: references between
    /// a workspace's own rows would otherwise block the database's cascade halfway.
    /// </summary>
    public static async Task DeleteAsync(WaymarkDb db, Guid workspaceId, CancellationToken ct = default)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.Improvements.Where(e => e.WorkspaceId == workspaceId).ExecuteDeleteAsync(ct);
        await db.KpiMeasurements.Where(e => e.WorkspaceId == workspaceId).ExecuteDeleteAsync(ct);
        await db.Kpis.Where(e => e.WorkspaceId == workspaceId).ExecuteDeleteAsync(ct);
        await db.Evaluations.Where(e => e.WorkspaceId == workspaceId).ExecuteDeleteAsync(ct);
        await db.Set<Scores.KeptScore>().Where(e => e.WorkspaceId == workspaceId).ExecuteDeleteAsync(ct);
        await db.Journeys.Where(e => e.WorkspaceId == workspaceId).ExecuteDeleteAsync(ct);
        await db.Touchpoints.Where(e => e.WorkspaceId == workspaceId).ExecuteDeleteAsync(ct);
        await db.Personas.Where(e => e.WorkspaceId == workspaceId).ExecuteDeleteAsync(ct);
        await db.People.Where(e => e.WorkspaceId == workspaceId).ExecuteDeleteAsync(ct);
        await db.Departments.Where(e => e.WorkspaceId == workspaceId).ExecuteDeleteAsync(ct);
        await db.Channels.Where(e => e.WorkspaceId == workspaceId).ExecuteDeleteAsync(ct);
        await db.Phases.Where(e => e.WorkspaceId == workspaceId).ExecuteDeleteAsync(ct);
        await db.Workspaces.Where(w => w.Id == workspaceId).ExecuteDeleteAsync(ct);
        await transaction.CommitAsync(ct);
    }

    /// <summary>The candidate key if free, else the first of candidate-2, candidate-3 … that is.</summary>
    public static async Task<string> FreeKeyAsync(WaymarkDb db, string candidate, CancellationToken ct = default)
    {
        var key = candidate;
        for (var n = 2; await db.Workspaces.AnyAsync(w => w.Key == key, ct); n++) key = $"{candidate}-{n}";
        return key;
    }

    /// <summary>
    /// Creates a new workspace from an exported document, all or nothing. A key asked for must be free;
    /// without one the document's key is used, or the next free variant of it.
    /// </summary>
    public static async Task<Workspace> ImportAsync(WaymarkDb db, WorkspaceDocument document, string? key = null, string? name = null, CancellationToken ct = default)
    {
        string workspaceKey;
        if (!string.IsNullOrWhiteSpace(key))
        {
            workspaceKey = Workspace.ValidKey(key.Trim());
            if (await db.Workspaces.AnyAsync(w => w.Key == workspaceKey, ct))
                throw new WorkspaceKeyTakenException(workspaceKey);
        }
        else
        {
            workspaceKey = await FreeKeyAsync(db, Workspace.KeyFromName(document.Workspace?.Key ?? document.Workspace?.Name ?? "workspace"), ct);
        }
        var content = WorkspaceImporter.Build(document, workspaceKey, name);
        await AddAsync(db, content, ct);
        return content.Workspace;
    }
}

public static class WorkspaceImport
{
    private static readonly System.Text.UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>
    /// Imports a document given as the bytes of a file or request. It must be UTF-8 throughout: a byte that is not would
    /// otherwise become a replacement character in names and texts, so the import is refused with the line it is on.
    /// </summary>
    public static Task<Workspace> FromUtf8Async(WaymarkDb db, ReadOnlyMemory<byte> utf8, System.Text.Json.JsonSerializerOptions options, string? key = null, string? name = null, CancellationToken ct = default)
    {
        var bytes = utf8.Span;
        if (bytes.StartsWith(System.Text.Encoding.UTF8.Preamble)) bytes = bytes[System.Text.Encoding.UTF8.Preamble.Length..];
        string json;
        try
        {
            json = StrictUtf8.GetString(bytes);
        }
        catch (System.Text.DecoderFallbackException e)
        {
            var at = Math.Max(0, e.Index);
            var line = bytes[..Math.Min(at, bytes.Length)].Count((byte)'\n') + 1;
            throw new ImportException([new ImportError("$",
                $"The file is not UTF-8 text: byte {at + 1} (line {line}) is not a valid character. Save the file as UTF-8 and import it again.", line)]);
        }
        return FromJsonAsync(db, json, options, key, name, ct);
    }

    /// <summary>Parses and imports a document given as text; every problem carries the line where it sits.</summary>
    public static async Task<Workspace> FromJsonAsync(WaymarkDb db, string json, System.Text.Json.JsonSerializerOptions options, string? key = null, string? name = null, CancellationToken ct = default)
    {
        try
        {
            var document = WorkspaceImporter.Parse(json, options);
            return await WorkspaceStore.ImportAsync(db, document, key, name, ct);
        }
        catch (ImportException e) when (e.Errors.Any(x => x.Line is null))
        {
            var lines = JsonLines.Index(json);
            throw new ImportException(e.Errors.Select(x => x with { Line = x.Line ?? JsonLines.LineOf(lines, x.Path) }).ToList());
        }
    }
}

public sealed class WorkspaceKeyTakenException(string key)
    : Exception($"The key '{key}' is already used by another workspace. Choose another.");
