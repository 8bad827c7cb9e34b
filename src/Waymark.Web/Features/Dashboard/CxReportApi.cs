using Microsoft.AspNetCore.Http.HttpResults;
using Waymark.Storage;
using Waymark.Web.Features.Improvements;
using Waymark.Web.Infrastructure;

namespace Waymark.Web.Features.Dashboard;

public static class CxReportApi
{
    public static RouteGroupBuilder MapCxReportApi(this RouteGroupBuilder workspace)
    {
        workspace.MapGet("/report.pdf", Report).WithTags("Dashboard").Produces(200, contentType: "application/pdf");
        return workspace;
    }

    /// <summary>The CX report for a steering meeting as a PDF: the dashboard's figures, KPIs against target and best in class, the importance–performance grid, the touchpoints to concentrate on and the overdue actions.</summary>
    private static async Task<FileContentHttpResult> Report(CurrentWorkspace ws, WaymarkDb db, TimeProvider time, CancellationToken ct)
    {
        var today = ImprovementsApi.Today(time);
        return TypedResults.File(await CxReport.PdfAsync(db, ws, today, ct), "application/pdf", Journeys.MapSvg.FileName($"CX report {ws.Name} {today:yyyy-MM-dd}", ".pdf"));
    }
}
