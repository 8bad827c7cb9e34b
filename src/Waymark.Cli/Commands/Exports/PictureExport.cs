using System.CommandLine;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Waymark.Storage;
using Waymark.Web.Features;
using Waymark.Web.Features.Dashboard;
using Waymark.Web.Features.Journeys;
using Waymark.Web.Features.Printing;
using Waymark.Web.Infrastructure;

namespace Waymark.Cli.Commands.Exports;

/// <summary>
/// <c>waymark export --format svg|pdf|png</c>: a journey map (<c>--journey</c>) as SVG, PDF or PNG, or without a journey the
/// CX report as PDF; the same renderings as <c>GET …/map.svg</c>, <c>…/map.pdf</c>, <c>…/map.png</c> and <c>…/report.pdf</c>.
/// </summary>
internal sealed class PictureExport
{
    public static readonly string[] Formats = ["svg", "pdf", "png"];

    private readonly Option<string?> _journey = new("--journey") { Description = "The journey map to draw, by name or id (svg, png, pdf); a pdf without it is the CX report; pptx: the map the deck presents (default: none)" };

    /// <summary>--journey, which the slide deck (<see cref="OfficeExport"/>) reads too.</summary>
    public Option<string?> Journey => _journey;
    private readonly Option<string?> _paper = new("--paper") { Description = "pdf: a4, a3 (default), a2, a1, a0, letter or tabloid" };
    private readonly Option<string?> _orientation = new("--orientation") { Description = "pdf: landscape (default) or portrait" };
    private readonly Option<string?> _poster = new("--poster") { Description = "pdf: print the map as a poster of --paper's size over sheets of this paper (a4 or a3)" };
    private readonly Option<int?> _width = new("--width") { Description = "png: width in pixels (default 1600)" };
    private readonly Option<int?> _dpi = new("--dpi") { Description = "png: dots per inch of the map's natural size, instead of --width (96 is 100 %)" };
    private readonly Option<string?> _lanes = new("--lanes") { Description = "svg, pdf, png: the lanes to draw, comma separated, in that order (default: the map's own)" };

    public void AddTo(Command command)
    {
        foreach (var option in new Option[] { _journey, _paper, _orientation, _poster, _width, _dpi, _lanes }) command.Options.Add(option);
    }

    /// <summary>Writes the picture or report; a refusal (unknown journey, paper, lane) is printed in the API's words and gives exit code 1.</summary>
    public async Task<int> WriteAsync(ParseResult result, WaymarkDb db, CurrentWorkspace ws, string format, FileInfo file, CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime);
        try
        {
            byte[] bytes;
            string what;
            if (result.GetValue(_journey) is not { } journey)
            {
                if (format != "pdf") return await FailAsync("Name the journey map to draw with --journey NAME (only the CX report is a PDF without one).");
                bytes = await CxReport.PdfAsync(db, ws, today, ct);
                what = "the CX report";
            }
            else
            {
                if (await FindJourneyAsync(db, ws, journey, ct) is not { } id) return await FailAsync($"There is no journey map '{journey}' in workspace '{ws.Key}'.");
                var drawing = await MapDrawing.LoadAsync(db, ws, id, today, ct);
                var lanes = MapExportsApi.Lanes(result.GetValue(_lanes));
                bytes = format switch
                {
                    "svg" => Encoding.UTF8.GetBytes(MapSvg.Render(drawing, lanes)),
                    "png" when result.GetValue(_dpi) is { } dpi => MapPictures.PngAtDpi(drawing, dpi, lanes),
                    "png" => MapPictures.Png(drawing, result.GetValue(_width) ?? 1600, lanes),
                    _ => MapPictures.Pdf(drawing, Print(result, lanes)),
                };
                what = $"the journey map '{drawing.Map.Name}'";
            }
            await File.WriteAllBytesAsync(file.FullName, bytes, ct);
            Console.WriteLine($"Wrote {what} to {file.FullName}");
            return 0;
        }
        catch (Exception e) when (Refusals.Of(e) is { } refusal)
        {
            return await FailAsync(refusal.Detail ?? refusal.Title);
        }
    }

    private MapPrint Print(ParseResult result, IReadOnlyList<string>? lanes)
    {
        var poster = Filters.Enum<Paper>(result.GetValue(_poster), "poster");
        return new MapPrint(
            Filters.Enum<Paper>(result.GetValue(_paper), "paper") ?? Paper.A3,
            Filters.Enum<PaperOrientation>(result.GetValue(_orientation), "orientation") ?? PaperOrientation.Landscape,
            poster is null ? MapFit.Sheet : MapFit.Poster, poster ?? Paper.A4, lanes);
    }

    /// <summary>The journey by id, or else by its name (ignoring case).</summary>
    private static async Task<Guid?> FindJourneyAsync(WaymarkDb db, CurrentWorkspace ws, string nameOrId, CancellationToken ct)
    {
        var journeys = db.Journeys.AsNoTracking().Where(j => j.WorkspaceId == ws.Id);
        if (Guid.TryParse(nameOrId, out var id) && await journeys.AnyAsync(j => j.Id == id, ct)) return id;
        var named = await journeys.Select(j => new { j.Id, j.Name }).ToListAsync(ct);
        return named.Where(j => string.Equals(j.Name.Trim(), nameOrId.Trim(), StringComparison.OrdinalIgnoreCase)).Select(j => (Guid?)j.Id).FirstOrDefault();
    }

    private static async Task<int> FailAsync(string message)
    {
        await Console.Error.WriteLineAsync(message);
        return 1;
    }
}
