using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Waymark.Browser.Tests;

/// <summary>Issue 9: a file built to overflow the XES reader's stack, uploaded by a viewer, must not take the server down.</summary>
public sealed class RealJourneysUploadTests(WaymarkServer server) : IClassFixture<WaymarkServer>
{
    [Fact]
    public async Task A_viewer_uploading_a_310_kB_xes_file_of_10000_nested_attributes_gets_a_clear_error_and_the_server_stays_up()
    {
        Guid mapId;
        await using (var db = server.OpenDb())
            mapId = await db.Journeys.Where(j => j.Name == "Broken panel under warranty").Select(j => j.Id).SingleAsync();
        var page = await server.SignedInPageAsync(WaymarkServer.ViewerEmail, $"/w/demo/journeys/{mapId}/real");
        await Expect(page.Locator("#event-log")).ToBeEnabledAsync();
        var xes = "<log><trace><string key=\"concept:name\" value=\"t1\"/><event><string key=\"concept:name\" value=\"call-hotline\"/>"
                  + string.Concat(Enumerable.Repeat("<int key=\"lvl\" value=\"1\">", 10_000)) + string.Concat(Enumerable.Repeat("</int>", 10_000))
                  + "</event></trace></log>";
        Assert.InRange(xes.Length, 300_000, 330_000);

        await page.Locator("#event-log").SetInputFilesAsync(new FilePayload { Name = "nested.xes", MimeType = "application/xml", Buffer = System.Text.Encoding.UTF8.GetBytes(xes) });

        var error = page.Locator("[data-testid=read-error]");
        await Expect(error).ToContainTextAsync("nested.xes could not be read at trace 1, event 1");
        await Expect(error).ToContainTextAsync("nested more than 100 levels deep");
        using (var http = new HttpClient())
        {
            var health = await http.GetAsync($"{server.BaseUrl}/health");
            Assert.Equal(200, (int)health.StatusCode);
        }

        // The same page (same circuit) still analyses a good log afterwards.
        var log = "customer,time,touchpoint\nwalter,2026-03-01T09:00:00Z,call-hotline\nwalter,2026-03-04T10:00:00Z,onsite-repair\n";
        await page.Locator("#event-log").SetInputFilesAsync(new FilePayload { Name = "march.csv", MimeType = "text/csv", Buffer = System.Text.Encoding.UTF8.GetBytes(log) });
        await Expect(page.Locator("[data-testid=journey-count]")).ToHaveTextAsync("1");
        await Expect(page.Locator("[data-testid=journey-source]")).ToContainTextAsync("1 journey from 2 events in march.csv");

        // The flow graph's scroll box is reached with the keyboard.
        var region = page.Locator(".wm-real-dfg .scroll");
        await region.FocusAsync();
        await Expect(region).ToBeFocusedAsync();
        await Expect(region).ToHaveAttributeAsync("role", "region");
    }
}
