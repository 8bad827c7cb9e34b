using System.CommandLine;
using Microsoft.EntityFrameworkCore;
using Waymark.Domain.Common;
using Waymark.Storage;
using Waymark.Web.Features.Office;
using Waymark.Web.Infrastructure;

namespace Waymark.Cli.Commands;

/// <summary>
/// The meeting-room formats of <c>waymark export</c>: the lists as an Excel workbook (xlsx), one list as CSV
/// (<c>--list</c>) and the slide deck (pptx, with <c>--journey</c>, which it shares with <see cref="Exports.PictureExport"/>, for its map), written by the same code as
/// GET …/lists.xlsx, …/lists/{list}.csv and …/deck.pptx.
/// </summary>
internal sealed class OfficeExport(Option<string?> journey)
{
    public static readonly string[] Formats = ["xlsx", "csv", "pptx"];

    private readonly Option<string?> _list = new("--list")
        { Description = $"With --format csv: the list to write ({string.Join(", ", WorkspaceLists.Names)})" };

    public void AddTo(Command command)
    {
        command.Options.Add(_list);
    }

    public async Task<int> WriteAsync(ParseResult result, WaymarkDb db, CurrentWorkspace ws, string format, FileInfo file, CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        try
        {
            var (bytes, what) = format switch
            {
                "xlsx" => (XlsxLists.Write(await WorkspaceLists.AllAsync(db, ws, today, ct)), "the lists"),
                "csv" => await CsvAsync(db, ws, result.GetValue(_list), today, ct),
                _ => (SlideDeck.Write(await DeckContent.LoadAsync(db, ws, await JourneyAsync(db, ws, result.GetValue(journey), ct), today, ct)), "a slide deck"),
            };
            await File.WriteAllBytesAsync(file.FullName, bytes, ct);
            Console.WriteLine($"Exported {what} of '{ws.Key}' to {file.FullName}");
            return 0;
        }
        catch (DomainRuleException e)
        {
            await Console.Error.WriteLineAsync($"{(e.Field.StartsWith("--") ? e.Field : "--" + e.Field)}: {e.Message}");
            return 1;
        }
    }

    private static async Task<(byte[], string)> CsvAsync(WaymarkDb db, CurrentWorkspace ws, string? list, DateOnly today, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(list))
            throw new DomainRuleException("--list", $"A CSV file holds one list: name it with --list ({string.Join(", ", WorkspaceLists.Names)}).");
        var exported = await WorkspaceLists.OneAsync(db, ws, list, today, ct);
        return (CsvList.Write(exported), $"the {exported.Title.ToLowerInvariant()}");
    }

    /// <summary>The map named by --journey: its id, or its name when exactly one map has it.</summary>
    private static async Task<Guid?> JourneyAsync(WaymarkDb db, CurrentWorkspace ws, string? named, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(named)) return null;
        var maps = await db.Journeys.AsNoTracking().Where(j => j.WorkspaceId == ws.Id).Select(j => new { j.Id, j.Name }).ToListAsync(ct);
        if (Guid.TryParse(named, out var id) && maps.Any(m => m.Id == id)) return id;
        var matching = maps.Where(m => string.Equals(m.Name, named.Trim(), StringComparison.OrdinalIgnoreCase)).ToList();
        return matching.Count switch
        {
            1 => matching[0].Id,
            0 => throw new DomainRuleException("--journey", $"There is no map '{named}' in '{ws.Key}'. Its maps: {string.Join(", ", maps.Select(m => m.Name).Order())}."),
            _ => throw new DomainRuleException("--journey", $"{matching.Count} maps are called '{named}': give the id of one ({string.Join(", ", matching.Select(m => m.Id))})."),
        };
    }
}
