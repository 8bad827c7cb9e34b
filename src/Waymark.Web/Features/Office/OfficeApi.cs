using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Waymark.Storage;
using Waymark.Web.Features.Improvements;
using Waymark.Web.Infrastructure;

namespace Waymark.Web.Features.Office;

/// <summary>
/// The workspace for the meeting room: its lists as an Excel workbook or one list as CSV, and a slide deck. Reads, so
/// viewers may take them. Never kept by the workspace's stamp: the date in the file name and on the slides moves with the clock.
/// </summary>
public static class OfficeApi
{
    public static RouteGroupBuilder MapOfficeApi(this RouteGroupBuilder workspace)
    {
        var group = workspace.MapGroup("").WithTags("Exports");
        group.MapGet("/lists.xlsx", Workbook).Produces(200, contentType: XlsxLists.MediaType).WithMetadata(UnchangedReads.BeyondTheWorkspace.Instance)
            .AddOpenApiOperationTransformer((operation, _, _) => Describe(operation, "exportListsXlsx",
                "Touchpoints (with current scores and expectation gaps), evaluations, KPIs, KPI measurements, actions, insights and ideas as one Excel workbook, a sheet per list.",
                "Real cell types (numbers, dates with a date format, booleans), a frozen header row and a filter on every sheet."));
        group.MapGet("/lists/{list}.csv", Csv).Produces(200, contentType: "text/csv").WithMetadata(UnchangedReads.BeyondTheWorkspace.Instance)
            .AddOpenApiOperationTransformer((operation, _, _) => Describe(operation, "exportListCsv",
                "One list as CSV: touchpoints, evaluations, kpis, kpi-measurements, actions, insights or ideas.",
                "UTF-8 with a byte-order mark, RFC 4180 quoting, CRLF line ends. Text beginning with = + - @, tab or carriage return is written with a leading "
                + "apostrophe so that a spreadsheet does not run it as a formula; number columns (such as an expectation gap of -3) are plain numbers."));
        group.MapGet("/deck.pptx", Deck).Produces(200, contentType: PptxPackage.MediaType).WithMetadata(UnchangedReads.BeyondTheWorkspace.Instance)
            .AddOpenApiOperationTransformer((operation, _, _) => Describe(operation, "exportDeckPptx",
                "A 16:9 slide deck for a steering meeting: title, the map (a run of stages per slide when wide), pain points and moments of truth without an action, KPIs against target and best in class with charts, open actions by owner and due date.",
                "With `journey`, the map and that map's pain points, moments of truth and actions; without it, the whole workspace's."));
        return workspace;
    }

    private static async Task<FileContentHttpResult> Workbook(CurrentWorkspace ws, WaymarkDb db, TimeProvider time, CancellationToken ct)
    {
        var today = ImprovementsApi.Today(time);
        return TypedResults.File(XlsxLists.Write(await WorkspaceLists.AllAsync(db, ws, today, ct)), XlsxLists.MediaType, OfficeFiles.Name(ws, "lists", today, "xlsx"));
    }

    /// <param name="list">touchpoints, evaluations, kpis, kpi-measurements, actions, insights or ideas.</param>
    private static async Task<FileContentHttpResult> Csv(CurrentWorkspace ws, string list, WaymarkDb db, TimeProvider time, CancellationToken ct)
    {
        var today = ImprovementsApi.Today(time);
        var exported = await WorkspaceLists.OneAsync(db, ws, list, today, ct);
        return TypedResults.File(CsvList.Write(exported), CsvList.MediaType, OfficeFiles.Name(ws, exported.Name, today, "csv"));
    }

    /// <param name="journey">The id of the map the deck presents; left out, the deck covers the whole workspace without a map.</param>
    private static async Task<FileContentHttpResult> Deck(CurrentWorkspace ws, Guid? journey, WaymarkDb db, TimeProvider time, CancellationToken ct)
    {
        var today = ImprovementsApi.Today(time);
        var deck = await DeckContent.LoadAsync(db, ws, journey, today, ct);
        return TypedResults.File(SlideDeck.Write(deck), PptxPackage.MediaType, OfficeFiles.Name(ws, "deck", today, "pptx"));
    }

    private static Task Describe(OpenApiOperation operation, string id, string summary, string description)
    {
        operation.OperationId = id;
        operation.Summary = summary;
        operation.Description = description + " Any member may download it (viewers too).";
        return Task.CompletedTask;
    }
}

/// <summary>File names of the exports: the workspace's key, what it holds and the day, e.g. demo-touchpoints-2026-12-04.csv.</summary>
public static class OfficeFiles
{
    public static string Name(CurrentWorkspace ws, string what, DateOnly day, string extension) => $"{ws.Key}-{what}-{day:yyyy-MM-dd}.{extension}";
}
