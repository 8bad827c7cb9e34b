using Microsoft.AspNetCore.Http.HttpResults;
using Waymark.Domain.Common;
using Waymark.Domain.Journeys;
using Waymark.Storage;
using Waymark.Web.Features.Improvements;
using Waymark.Web.Features.Printing;
using Waymark.Web.Infrastructure;

namespace Waymark.Web.Features.Journeys;

/// <summary>A journey map as a PDF to print (one sheet or a poster) and as a PNG picture, each one GET a viewer may follow or a script fetch.</summary>
public static class MapExportsApi
{
    public static RouteGroupBuilder MapMapExportsApi(this RouteGroupBuilder journeys)
    {
        // Not kept by the workspace's stamp, like map.svg: the evidence lane moves with events.
        journeys.MapGet("/{id:guid}/map.pdf", Pdf).Produces(200, contentType: "application/pdf").WithMetadata(UnchangedReads.BeyondTheWorkspace.Instance);
        journeys.MapGet("/{id:guid}/map.png", Png).Produces(200, contentType: "image/png").WithMetadata(UnchangedReads.BeyondTheWorkspace.Instance);
        return journeys;
    }

    /// <summary>The map as a vector PDF, text kept as text in embedded fonts.</summary>
    /// <param name="paper">a4, a3 (default), a2, a1, a0, letter or tabloid.</param>
    /// <param name="orientation">landscape (default) or portrait.</param>
    /// <param name="fit">sheet (default): the map scaled to one sheet of the paper; poster: the map at the paper's size, printed over sheets of <paramref name="sheet"/> with overlap, crop marks and sheet numbers.</param>
    /// <param name="sheet">For a poster: a4 (default) or a3.</param>
    /// <param name="lanes">The lanes to draw, comma separated, in that order (actions, thoughts, questions, obstacles, emotion, channels, evidence, backstage, highlights, kpis, improvements); the map's own lanes when left out.</param>
    /// <param name="from">With the evidence lane: the first day of its period, as for map.svg.</param>
    /// <param name="to">With the evidence lane: the last day of its period, as for map.svg.</param>
    private static async Task<FileContentHttpResult> Pdf(CurrentWorkspace ws, Guid id, WaymarkDb db, TimeProvider time, Evidence.SharedEvidence evidence,
        string? paper, string? orientation, string? fit, string? sheet, string? lanes, DateOnly? from, DateOnly? to, CancellationToken ct)
    {
        var print = new MapPrint(
            Filters.Enum<Paper>(paper, "paper") ?? Paper.A3,
            Filters.Enum<PaperOrientation>(orientation, "orientation") ?? PaperOrientation.Landscape,
            Filters.Enum<MapFit>(fit, "fit") ?? MapFit.Sheet,
            Filters.Enum<Paper>(sheet, "sheet") ?? Paper.A4,
            Lanes(lanes));
        var drawing = await LoadAsync(db, ws, id, time, evidence, print.Lanes, from, to, ct);
        return TypedResults.File(MapPictures.Pdf(drawing, print), "application/pdf", MapSvg.FileName(drawing.Map.Name, ".pdf"));
    }

    /// <summary>The map as a PNG picture for wikis and slides.</summary>
    /// <param name="width">Its width in pixels (100 to 20,000); 1,600 when neither it nor dpi is given.</param>
    /// <param name="dpi">Instead of a width: dots per inch of the map's natural size (96 is 100 %).</param>
    /// <param name="lanes">The lanes to draw, comma separated, in that order; the map's own lanes when left out.</param>
    /// <param name="from">With the evidence lane: the first day of its period, as for map.svg.</param>
    /// <param name="to">With the evidence lane: the last day of its period, as for map.svg.</param>
    private static async Task<FileContentHttpResult> Png(CurrentWorkspace ws, Guid id, WaymarkDb db, TimeProvider time, Evidence.SharedEvidence evidence,
        int? width, int? dpi, string? lanes, DateOnly? from, DateOnly? to, CancellationToken ct)
    {
        if (width is not null && dpi is not null) throw new DomainRuleException("dpi", "Give the picture a width or a dpi, not both.");
        var shown = Lanes(lanes);
        var drawing = await LoadAsync(db, ws, id, time, evidence, shown, from, to, ct);
        var png = dpi is { } d ? MapPictures.PngAtDpi(drawing, d, shown) : MapPictures.Png(drawing, width ?? 1600, shown);
        return TypedResults.File(png, "image/png", MapSvg.FileName(drawing.Map.Name, ".png"));
    }

    /// <summary>The lanes asked for, each one the map can show; null (the map's own) when none are named.</summary>
    public static IReadOnlyList<string>? Lanes(string? lanes)
    {
        if (string.IsNullOrWhiteSpace(lanes)) return null;
        var named = lanes.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(l => l.ToLowerInvariant()).Distinct().ToList();
        if (named.FirstOrDefault(l => !JourneyLanes.All.Contains(l)) is { } unknown)
            throw new DomainRuleException("lanes", $"'{unknown}' is not a lane of a map. Use some of: {string.Join(", ", JourneyLanes.All)}.");
        return named;
    }

    /// <summary>The map as map.svg draws it, with the evidence of the period when the lanes drawn include it.</summary>
    internal static async Task<MapDrawing> LoadAsync(WaymarkDb db, CurrentWorkspace ws, Guid id, TimeProvider time, Evidence.SharedEvidence evidence,
        IReadOnlyList<string>? lanes, DateOnly? from, DateOnly? to, CancellationToken ct)
    {
        var today = ImprovementsApi.Today(time);
        var drawing = await MapDrawing.LoadAsync(db, ws, id, today, ct);
        if (!(lanes ?? drawing.Map.Lanes).Contains(JourneyLanes.Evidence)) return drawing;
        var (f, t) = Evidence.JourneyEvidences.Period(from, to, today);
        return drawing with { Evidence = (await evidence.OfAsync(ws, id, f, t, ct)).Journey };
    }
}
