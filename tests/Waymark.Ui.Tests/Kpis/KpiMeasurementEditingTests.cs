using Bunit;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.EntityFrameworkCore;
using Waymark.Domain.Kpis;
using Waymark.Storage.Access;
using Waymark.Ui.Tests.Support;
using Waymark.Web.Components.Pages.Kpis;

namespace Waymark.Ui.Tests.Kpis;

[Collection(UiCollection.Name)]
public sealed class KpiMeasurementEditingTests(UiFactory factory)
{
    private static readonly DateTimeOffset March = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    /// <summary>
    /// A KPI of its own (NPS-like, −100…100) with two measurements, so the demo's figures stay as they are; with a target
    /// and best in class like every demo KPI, as the KPI table's test expects of all of them.
    /// </summary>
    private async Task<(Kpi Kpi, KpiMeasurement First, KpiMeasurement Second)> SeedAsync(string name)
    {
        await using var db = factory.OpenDb();
        var kpi = new Kpi(factory.DemoId, new KpiDefinition(name, "points", Target: 40, BestInClass: 60, ValidMinimum: -100, ValidMaximum: 100));
        var first = kpi.Measure(43, March, MeasurementSource.Manual);
        var second = kpi.Measure(51, March.AddMonths(1), MeasurementSource.Api);
        db.Kpis.Add(kpi);
        db.KpiMeasurements.AddRange(first, second);
        await db.SaveChangesAsync();
        return (kpi, first, second);
    }

    private static IRenderedComponent<KpiPage> Open(PageHost host, Guid id)
    {
        var page = host.Context.Render<KpiPage>(p => p.Add(x => x.Ws, "demo").Add(x => x.Id, id));
        page.WaitForElement("[data-testid=measurements] tbody tr");
        return page;
    }

    [Fact]
    public async Task A_measurement_is_corrected_in_the_table_and_another_deleted_after_confirming()
    {
        var (kpi, first, second) = await SeedAsync("Referral score (edit)");
        using var host = new PageHost(factory, WorkspaceRole.Owner);
        var page = Open(host, kpi.Id);

        page.Find("button[aria-label='Edit the measurement of 2026-03-01']").Click();
        page.Find("#me-value").Change("34");
        page.Find("#me-note").Change("typo");
        await page.Find("[data-testid=measurement-edit] button.wm-btn:not(.wm-btn-ghost)").ClickAsync(new MouseEventArgs());

        page.WaitForAssertion(() => Assert.Contains("Measurement corrected.", host.Messages));
        page.Find("button[aria-label='Delete the measurement of 2026-04-01']").Click();
        await page.Find("button.wm-btn-danger").ClickAsync(new MouseEventArgs());

        page.WaitForAssertion(() => Assert.Single(page.FindAll("[data-testid=measurements] tbody tr")));
        await using var db = factory.OpenDb();
        var left = await db.KpiMeasurements.Where(m => m.KpiId == kpi.Id).ToListAsync();
        var only = Assert.Single(left);
        Assert.Equal((first.Id, 34d, "typo", 2), (only.Id, only.Value, only.Note, only.Version));
        Assert.DoesNotContain(left, m => m.Id == second.Id);
    }

    [Fact]
    public async Task A_correction_over_a_newer_version_is_refused_and_changes_nothing()
    {
        var (kpi, first, _) = await SeedAsync("Referral score (conflict)");
        using var host = new PageHost(factory, WorkspaceRole.Owner);
        var page = Open(host, kpi.Id);
        page.Find("button[aria-label='Edit the measurement of 2026-03-01']").Click();
        await using (var db = factory.OpenDb())
        {
            var other = await db.KpiMeasurements.SingleAsync(m => m.Id == first.Id);
            (await db.Kpis.SingleAsync(k => k.Id == kpi.Id)).Correct(other, 40, other.MeasuredAt, "by a colleague");
            await db.SaveChangesAsync();
        }

        page.Find("#me-value").Change("34");
        await page.Find("[data-testid=measurement-edit] button.wm-btn:not(.wm-btn-ghost)").ClickAsync(new MouseEventArgs());

        page.WaitForAssertion(() => Assert.Contains(host.Messages, m => m.Contains("changed by someone else")));
        await using var check = factory.OpenDb();
        Assert.Equal(40, (await check.KpiMeasurements.SingleAsync(m => m.Id == first.Id)).Value);
    }

    [Fact]
    public async Task Record_says_why_it_does_nothing_and_warns_of_a_second_value_on_the_same_day()
    {
        var (kpi, _, _) = await SeedAsync("Referral score (record)");
        using var host = new PageHost(factory, WorkspaceRole.Owner);
        var page = Open(host, kpi.Id);

        Assert.False(page.Find("form[aria-label='New measurement'] button[type=submit]").HasAttribute("disabled"));
        await page.Find("form[aria-label='New measurement']").SubmitAsync();
        Assert.Contains("Enter the value", page.Find("[data-testid=measure-help] [role=alert]").TextContent);

        page.Find("#m-value").Input("-99999999");
        await page.Find("form[aria-label='New measurement']").SubmitAsync();
        Assert.Contains("between -100 and 100", page.Find("[data-testid=measure-help] [role=alert]").TextContent);

        page.Find("#m-date").Change("2026-03-01");
        Assert.Contains("already a measurement on 2026-03-01 (43 points)", page.Find("[data-testid=same-day]").TextContent);
        await using var db = factory.OpenDb();
        Assert.Equal(2, await db.KpiMeasurements.CountAsync(m => m.KpiId == kpi.Id));
    }

    [Fact]
    public async Task Viewers_get_no_edit_or_delete_buttons_and_links_in_text_are_underlined()
    {
        var (kpi, _, _) = await SeedAsync("Referral score (viewer)");

        var viewer = Html.Parse(await factory.PageAsync($"/w/demo/kpis/{kpi.Id}", WorkspaceRole.Viewer));
        var owner = Html.Parse(await factory.PageAsync($"/w/demo/kpis/{kpi.Id}"));

        Assert.Empty(viewer.QuerySelectorAll("[data-testid=measurements] button"));
        Assert.Equal(4, owner.QuerySelectorAll("[data-testid=measurements] button").Length);
        Assert.Contains("valid values between -100 and 100", owner.QuerySelector("h1 + .wm-muted")!.Text());
        Assert.All(Html.Parse(await factory.PageAsync("/w/demo/kpis")).QuerySelectorAll("[data-testid=kpi-table] td a"), a => Assert.Contains("wm-text-link", a.ClassList));
        Assert.Contains("wm-text-link", owner.QuerySelector(".wm-page .wm-small a")!.ClassList);
    }

    [Fact]
    public async Task The_kpi_form_sets_the_valid_range()
    {
        using var host = new ComponentHost(factory);
        Guid? saved = null;
        var form = host.Context.Render<KpiForm>(p => p.Add(f => f.Ws, "demo").Add(f => f.OnSaved, (Guid id) => saved = id));
        form.WaitForElement("#kpi-channel option:nth-child(2)");

        form.Find("#kpi-name").Input("Promoter share");
        form.Find("#kpi-unit").Input("%");
        form.Find("#kpi-target").Change("50");
        form.Find("#kpi-best").Change("70");
        form.Find("#kpi-min").Change("0");
        form.Find("#kpi-max").Change("100");
        await form.Find("form").SubmitAsync();

        form.WaitForAssertion(() => Assert.NotNull(saved));
        await using var db = factory.OpenDb();
        var kpi = await db.Kpis.SingleAsync(k => k.Id == saved);
        Assert.Equal((0d, 100d), (kpi.ValidMinimum!.Value, kpi.ValidMaximum!.Value));
    }
}
