using System.Net;
using UglyToad.PdfPig;
using Waymark.Domain.Improvements;
using Waymark.Domain.Kpis;
using Waymark.Domain.Organisation;
using Waymark.Storage.Access;
using Waymark.Web.Tests.Kpis;
using Waymark.Web.Tests.Support;

namespace Waymark.Web.Tests.Printing;

/// <summary>The CX report as a PDF, read back with PdfPig: A4 pages that hold the dashboard's figures, the KPIs, the grid, the touchpoints to concentrate on and overdue actions.</summary>
public sealed class CxReportApiTests(WaymarkApiFactory factory) : ApiTest(factory)
{
    private string ReportPath => $"{Api}/report.pdf";

    [Fact]
    public async Task The_report_shows_the_dashboard_kpis_against_target_the_worst_touchpoints_and_overdue_actions()
    {
        await using (var db = Factory.OpenDb())
        {
            var ws = db.Workspaces.Single(w => w.Key == Workspace).Id;
            var owner = new Person(ws, "Dana <Owner> & Co");
            db.People.Add(owner);
            var kpi = new Kpi(ws, new KpiDefinition("Hotline waiting time", "min", KpiDirection.LowerIsBetter, Target: 2, BestInClass: 1));
            db.Kpis.Add(kpi);
            db.Improvements.Add(new Improvement(ws, ImprovementKind.Action, new ImprovementContent("Call-back instead of queue 😀", OwnerId: owner.Id, DueOn: new DateOnly(2020, 1, 31))));
            db.Improvements.Add(new Improvement(ws, ImprovementKind.Action, new ImprovementContent("Not due yet", OwnerId: owner.Id, DueOn: new DateOnly(2099, 1, 31))));
            await db.SaveChangesAsync();
            await PostOk($"{Api}/kpis/{kpi.Id}/measurements", new { measurements = new[] { new { value = 4.5, measuredAt = "2026-01-15T00:00:00Z" } } });
        }
        var channel = (await PostOk($"{Api}/channels", new { name = "Phone", kind = "analog", reach = "direct" })).GetProperty("id").GetGuid();
        var hotline = MapSeed.Touchpoint(Factory, Workspace, "Service hotline", channel, relevance: 5);
        MapSeed.Evaluate(Factory, Workspace, hotline, 2, new DateOnly(2026, 3, 1));

        var response = await Client.GetAsync(ReportPath);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        using var pdf = PdfDocument.Open(await response.Content.ReadAsByteArrayAsync());
        Assert.All(pdf.GetPages(), p => Assert.Equal((595, 842), ((int)Math.Round(p.Width), (int)Math.Round(p.Height))));
        var text = string.Join(" ", pdf.GetPages().SelectMany(p => p.GetWords()).Select(w => w.Text));
        foreach (var expected in new[] { "CX score", "Score by phase", "Score by channel", "KPIs against target and best in class", "Importance–performance grid",
                     "Touchpoints to concentrate on", "Overdue actions · 1", "Hotline waiting time", "Service hotline", "score 2.0 · relevance 5",
                     "Call-back instead of queue 😀", "Dana <Owner> & Co" })
            Assert.Contains(expected, text);
        // 4.5 minutes against a target of 2 when lower is better: 2.5 worse, in the report's signed variance.
        Assert.Contains("-2.5", text);
        Assert.DoesNotContain("Not due yet", text);
    }

    [Fact]
    public async Task A_viewer_may_download_the_report_others_may_not()
    {
        await Factory.GrantAsync(Workspace, "report-viewer@waymark.test", WorkspaceRole.Viewer);
        Assert.Equal(HttpStatusCode.OK, (await Factory.ClientAs("report-viewer@waymark.test").GetAsync(ReportPath)).StatusCode);
        await Problem(await Factory.AnonymousClient().GetAsync(ReportPath), 401);
        var sender = Factory.TokenClient(await Factory.TokenAsync(Workspace, WorkspaceRole.EventSender));
        await Problem(await sender.GetAsync(ReportPath), 403);
        var other = await MapSeed.OtherWorkspace(Client);
        await Factory.GrantAsync(other, "outsider-report@waymark.test", WorkspaceRole.Owner);
        await Problem(await Factory.ClientAs("outsider-report@waymark.test").GetAsync(ReportPath), 404);
    }
}
