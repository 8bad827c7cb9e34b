using Bunit;
using Microsoft.EntityFrameworkCore;
using Waymark.Domain.Kpis;
using Waymark.Ui.Tests.Support;
using Waymark.Web.Components.Pages.Kpis;

namespace Waymark.Ui.Tests.Kpis;

[Collection(UiCollection.Name)]
public sealed class KpiFormTests(UiFactory factory) : IDisposable
{
    private readonly ComponentHost _host = new(factory);

    public void Dispose() => _host.Dispose();

    [Fact]
    public async Task A_new_kpi_is_stored_with_every_field_and_an_edit_over_a_newer_version_is_refused()
    {
        Guid? saved = null;
        var form = _host.Context.Render<KpiForm>(p => p.Add(f => f.Ws, "demo").Add(f => f.OnSaved, (Guid id) => saved = id));
        form.WaitForElement("#kpi-channel option:nth-child(2)");

        form.Find("#kpi-name").Input("Callback kept");
        form.Find("#kpi-unit").Input("%");
        form.Find("#kpi-direction").Change(KpiDirection.HigherIsBetter.ToString());
        form.Find("#kpi-target").Change("90");
        form.Find("#kpi-best").Change("97");
        form.Find("#kpi-description").Change("Call-backs made within the promised hour.");
        var channel = form.Find("#kpi-channel option:nth-child(2)").GetAttribute("value");
        form.Find("#kpi-channel").Change(channel);
        await form.Find("form").SubmitAsync();

        form.WaitForAssertion(() => Assert.NotNull(saved));
        Kpi kpi;
        await using (var db = factory.OpenDb()) kpi = await db.Kpis.SingleAsync(k => k.Id == saved);
        Assert.Equal(("Callback kept", "%", 90d, 97d, Guid.Parse(channel!)), (kpi.Name, kpi.Unit, kpi.Target!.Value, kpi.BestInClass!.Value, kpi.ChannelId!.Value));

        // Opened for editing, then changed by someone else, then saved here: refused with the message, nothing overwritten.
        var edit = _host.Context.Render<KpiForm>(p => p.Add(f => f.Ws, "demo").Add(f => f.Existing, kpi));
        await using (var db = factory.OpenDb())
        {
            var other = await db.Kpis.SingleAsync(k => k.Id == kpi.Id);
            other.Define(new KpiDefinition("Callback kept (hour)", "%", KpiDirection.HigherIsBetter, 92, 97));
            await db.SaveChangesAsync();
        }
        edit.Find("#kpi-target").Change("80");
        await edit.Find("form").SubmitAsync();

        edit.WaitForAssertion(() => Assert.Contains("changed", edit.Find("[role=alert]").TextContent, StringComparison.OrdinalIgnoreCase));
        await using (var db = factory.OpenDb())
            Assert.Equal(92, (await db.Kpis.SingleAsync(k => k.Id == kpi.Id)).Target);
    }
}
