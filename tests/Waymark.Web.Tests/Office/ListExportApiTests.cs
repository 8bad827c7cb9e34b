using System.Net;
using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Waymark.Storage.Access;
using Waymark.Web.Tests.Kpis;
using Waymark.Web.Tests.Support;
using static Waymark.Web.Tests.Office.OfficeReaders;

namespace Waymark.Web.Tests.Office;

/// <summary>The lists as an Excel workbook and as CSV files, read back with the Open XML validator, the SDK and Sylvan's CSV reader.</summary>
public sealed class ListExportApiTests(WaymarkApiFactory factory) : ApiTest(factory)
{
    private static readonly string[] Sheets = ["Touchpoints", "Evaluations", "KPIs", "KPI measurements", "Actions", "Insights", "Ideas"];

    private async Task<OfficeSeed> SeedAsync()
    {
        await using var db = Factory.OpenDb();
        return await OfficeSeed.CreateAsync(db, MapSeed.WorkspaceId(Factory, Workspace));
    }

    private static string Today => DateTime.UtcNow.ToString("yyyy-MM-dd");

    [Fact]
    public async Task The_workbook_has_a_valid_sheet_per_list_with_frozen_headers_filters_and_real_cell_types()
    {
        var seed = await SeedAsync();
        var response = await Client.GetAsync($"{Api}/lists.xlsx");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal($"{Workspace}-lists-{Today}.xlsx", response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));

        using var document = SpreadsheetDocument.Open(new MemoryStream(await response.Content.ReadAsByteArrayAsync()), false);
        AssertValid(document);
        Assert.Equal(Sheets, document.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().Select(s => s.Name!.Value));
        foreach (var name in Sheets)
        {
            var sheet = Sheet(document, name);
            var pane = sheet.Worksheet.Descendants<Pane>().Single();
            Assert.Equal(PaneStateValues.Frozen, pane.State!.Value);
            Assert.Contains("ySplit=\"1\"", pane.OuterXml);
            Assert.DoesNotContain("xSplit", pane.OuterXml);
            Assert.Equal("A2", pane.TopLeftCell!.Value);
            var rows = sheet.Worksheet.Descendants<Row>().Count();
            Assert.Matches($"^A1:[A-Z]+{rows}$", sheet.Worksheet.Descendants<AutoFilter>().Single().Reference!.Value);
            Assert.All(sheet.Worksheet.Descendants<Column>(), c => Assert.InRange(c.Width!.Value, 8, 60));
            Assert.Empty(sheet.Worksheet.Descendants<CellFormula>());
        }

        var touchpoints = Sheet(document, "Touchpoints");
        Assert.Equal(seed.TouchpointNames.Order(StringComparer.Ordinal), touchpoints.Cells.Values.Where(c => c.CellReference!.Value!.StartsWith('A') && c.CellReference.Value != "A1")
            .Select(Text).Order(StringComparer.Ordinal));
        var score = touchpoints.At("Service hotline", "Current score (1–10)")!;
        Assert.Null(score.DataType);
        Assert.Equal(4, double.Parse(score.CellValue!.Text, System.Globalization.CultureInfo.InvariantCulture));
        var gap = touchpoints.At("Service hotline", "Expectation gap")!;
        Assert.Null(gap.DataType);
        Assert.Equal("-3", gap.CellValue!.Text);
        var latest = touchpoints.At("Service hotline", "Latest evaluation")!;
        Assert.Null(latest.DataType);
        Assert.Equal(OfficeSeed.EvaluatedOn.ToDateTime(TimeOnly.MinValue), DateTime.FromOADate(double.Parse(latest.CellValue!.Text, System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal("yyyy-mm-dd", touchpoints.FormatCode(latest));
        var pain = touchpoints.At("Service hotline", "Pain point")!;
        Assert.Equal(CellValues.Boolean, pain.DataType!.Value);
        Assert.Equal("1", pain.CellValue!.Text);
        Assert.Equal(OfficeSeed.PlusFormula, Text(touchpoints.At(OfficeSeed.HostileLine, "Description")!));
        Assert.Equal(CellValues.InlineString, touchpoints.At(OfficeSeed.Formula, "Touchpoint")!.DataType!.Value);
        Assert.Equal("falls short of expectations", Text(touchpoints.At("Service hotline", "Score band")!));

        var measurements = Sheet(document, "KPI measurements");
        Assert.Equal(17, measurements.Worksheet.Descendants<Row>().Count());
        Assert.Contains(measurements.Cells.Values, c => Text(c) == "Events");
        Assert.Contains(measurements.Cells.Values, c => Text(c) == "Manual");
        Assert.Contains(measurements.Cells.Values, c => Text(c) == OfficeSeed.Hostile);
        var moment = measurements.Cells["B2"];
        Assert.Equal("yyyy-mm-dd hh:mm", measurements.FormatCode(moment));
        Assert.Contains("-5", measurements.Cells.Values.Where(c => c.DataType is null).Select(c => c.CellValue!.Text));

        var actions = Sheet(document, "Actions");
        Assert.Equal("1", actions.At("Call-back instead of queue", "Overdue")!.CellValue!.Text);
        Assert.Equal("yyyy-mm-dd", actions.FormatCode(actions.At("Call-back instead of queue", "Due on")!));
        Assert.Equal("Ben Adams", Text(actions.At(OfficeSeed.Formula, "Owner")!));
        Assert.Equal(OfficeSeed.HostileLine, Text(Sheet(document, "Insights").Cells["A2"]));
        Assert.Equal(OfficeSeed.Hostile, Text(Sheet(document, "Insights").Cells["B2"]));
    }

    [Fact]
    public async Task Every_list_downloads_as_csv_and_text_a_spreadsheet_would_run_comes_back_neutralised()
    {
        await SeedAsync();
        foreach (var list in new[] { "touchpoints", "evaluations", "kpis", "kpi-measurements", "actions", "insights", "ideas" })
        {
            var response = await Client.GetAsync($"{Api}/lists/{list}.csv");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
            Assert.Equal($"{Workspace}-{list}-{Today}.csv", response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
            Assert.NotEmpty(Csv(await response.Content.ReadAsByteArrayAsync()));
        }

        var bytes = await Client.GetByteArrayAsync($"{Api}/lists/touchpoints.csv");
        var text = Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3);
        Assert.StartsWith("Touchpoint,Description,Category,", text);
        Assert.Contains("\r\n", text);
        var rows = Csv(bytes);
        Assert.Equal(4, rows.Count);
        Assert.Contains(rows, r => r["Touchpoint"] == "'" + OfficeSeed.Formula && r["Description"] == "'" + OfficeSeed.AtFormula);
        var hostile = Assert.Single(rows, r => r["Touchpoint"] == OfficeSeed.HostileLine);
        Assert.Equal("'" + OfficeSeed.PlusFormula, hostile["Description"]);
        Assert.Equal("true", hostile["Moment of truth"]);
        var hotline = Assert.Single(rows, r => r["Touchpoint"] == "Service hotline");
        // A negative number is a number, not a formula: left as it is.
        Assert.Equal("-3", hotline["Expectation gap"]);
        Assert.Equal("4", hotline["Current score (1–10)"]);
        Assert.Equal("2026-03-01", hotline["Latest evaluation"]);

        var evaluations = Csv(await Client.GetByteArrayAsync($"{Api}/lists/evaluations.csv"));
        Assert.Contains(evaluations, r => r["Comment"] == OfficeSeed.Hostile && r["Gap"] == "-3");
        Assert.Contains(evaluations, r => r["Comment"] == "'" + OfficeSeed.Formula);

        var insight = Assert.Single(Csv(await Client.GetByteArrayAsync($"{Api}/lists/insights.csv")));
        Assert.Equal((OfficeSeed.HostileLine, OfficeSeed.Hostile, "Service hotline"), (insight["Insight"], insight["Description"], insight["Touchpoint"]));

        var measurements = Csv(await Client.GetByteArrayAsync($"{Api}/lists/kpi-measurements.csv"));
        Assert.Equal(16, measurements.Count);
        Assert.Contains(measurements, r => r["KPI"] == "Net promoter score" && r["Value"] == "-5" && r["Source"] == "Manual" && r["Measured at (UTC)"] == "2026-01-31T00:00:00Z"
                                         && r["Target"] == "40" && r["Best in class"] == "60" && r["Direction"] == "Higher is better" && r["Unit"] == "points");
        Assert.Contains(measurements, r => r["KPI"] == "Net promoter score" && r["Source"] == "Events");
    }

    [Fact]
    public async Task An_unknown_list_is_refused_naming_the_lists_there_are()
    {
        var response = await Client.GetAsync($"{Api}/lists/customers.csv");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains("'customers' is not a list", body);
        Assert.Contains("kpi-measurements", body);
    }

    [Fact]
    public async Task Viewers_may_download_the_lists_strangers_and_anonymous_callers_may_not()
    {
        await SeedAsync();
        await Factory.GrantAsync(Workspace, "lists-viewer@waymark.test", WorkspaceRole.Viewer);
        var viewer = Factory.ClientAs("lists-viewer@waymark.test");
        Assert.Equal(HttpStatusCode.OK, (await viewer.GetAsync($"{Api}/lists.xlsx")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await viewer.GetAsync($"{Api}/lists/actions.csv")).StatusCode);

        var other = await MapSeed.OtherWorkspace(Client);
        await Factory.GrantAsync(other, "lists-outsider@waymark.test", WorkspaceRole.Owner);
        var outsider = Factory.ClientAs("lists-outsider@waymark.test");
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync($"{Api}/lists.xlsx")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync($"{Api}/lists/touchpoints.csv")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Factory.AnonymousClient().GetAsync($"{Api}/lists.xlsx")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Factory.AnonymousClient().GetAsync($"{Api}/lists/touchpoints.csv")).StatusCode);
    }
}
