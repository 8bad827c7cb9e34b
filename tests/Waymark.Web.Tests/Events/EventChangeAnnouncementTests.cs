using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Waymark.Domain.Events;
using Waymark.Storage.Interactions;
using Waymark.Web.Infrastructure;
using Waymark.Web.Live;
using Waymark.Web.Tests.Support;

namespace Waymark.Web.Tests.Events;

/// <summary>
/// However the stored events change — a batch over HTTP, an erasure, the retention, another process on the same
/// database — the one announcement brings the kept journey analytics and the KPIs computed from events up to date,
/// with no other call.
/// </summary>
public sealed class EventChangeAnnouncementTests(WaymarkApiFactory factory) : ApiTest(factory)
{
    private const string Plain = "month-cut-7d/1";

    private async Task Send(string ndjson)
    {
        var response = await Client.PostAsync($"{Api}/events", new StringContent(ndjson, Encoding.UTF8, "application/x-ndjson"));
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }

    private static string Event(string customer, DateTime at) =>
        JsonSerializer.Serialize(new { customer, time = at.ToString("yyyy-MM-ddTHH:mm:ssZ"), touchpoint = "web-visit", channel = "website" });

    private async Task<CurrentWorkspace> Ws()
    {
        await using var db = Factory.OpenDb();
        var w = await db.Workspaces.SingleAsync(x => x.Key == Workspace);
        return new CurrentWorkspace(w.Id, w.Key, w.Name);
    }

    private async Task<Guid> JourneysKpi()
    {
        var kpi = await PostOk($"{Api}/kpis", new { name = "Journeys", unit = "journeys" });
        var id = kpi.GetProperty("id").GetGuid();
        await PutOk($"{Api}/kpis/{id}/binding", new Dictionary<string, object?>
            { ["measure"] = "journeysStarted", ["grain"] = "day", ["version"] = kpi.GetProperty("version").GetInt32() });
        return id;
    }

    /// <summary>Waits until the KPI's computed value of the day is the one expected.</summary>
    private async Task KpiBecomes(Guid kpi, DateOnly day, double value)
    {
        var at = new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        double? seen = null;
        for (var tries = 0; tries < 300; tries++)
        {
            var page = await GetOk($"{Api}/kpis/{kpi}/measurements?pageSize=500");
            seen = page.GetProperty("items").EnumerateArray()
                .Where(m => m.GetProperty("source").GetString() == "events" && m.GetProperty("measuredAt").GetDateTimeOffset() == at)
                .Select(m => (double?)m.GetProperty("value").GetDouble()).FirstOrDefault();
            if (seen == value) return;
            await Task.Delay(100);
        }
        Assert.Fail($"The KPI's computed value of {day} is still {seen?.ToString() ?? "none"}, not {value}.");
    }

    /// <summary>
    /// Waits until the kept analytics of the day are worked out from the events as they are now: kept, and on the basis
    /// of the day's current change count (a changed day's result is worked out again). Returns that basis.
    /// </summary>
    private async Task<long> AnalyticsKept(CurrentWorkspace ws, DateOnly day, long after)
    {
        long basis = -1;
        for (var tries = 0; tries < 300; tries++)
        {
            await using var db = Factory.OpenDb();
            var kept = await EventStore.For(db).ReadPartialsAsync(ws.Id, Plain, day, day, withData: true);
            if (kept.SingleOrDefault() is { Data: not null } k && k.Basis > after) return k.Basis;
            basis = kept.SingleOrDefault()?.Basis ?? -1;
            await Task.Delay(100);
        }
        Assert.Fail($"The kept analytics of {day} were not worked out again (basis {basis}).");
        return basis;
    }

    [Fact]
    public async Task Events_sent_and_erased_over_http_refresh_the_kept_analytics_and_a_bound_kpi()
    {
        var ws = await Ws();
        var kpi = await JourneysKpi();
        var day = new DateOnly(2026, 11, 2);

        await Send(string.Join('\n', Event("ann", new(2026, 11, 2, 9, 0, 0, DateTimeKind.Utc)), Event("bob", new(2026, 11, 2, 10, 0, 0, DateTimeKind.Utc))));
        await KpiBecomes(kpi, day, 2);
        var basis = await AnalyticsKept(ws, day, 0);

        Assert.True((await Client.DeleteAsync($"{Api}/events?customer=bob")).IsSuccessStatusCode);
        await KpiBecomes(kpi, day, 1);
        await AnalyticsKept(ws, day, basis);
    }

    [Fact]
    public async Task Events_past_a_new_retention_refresh_the_kept_analytics_and_a_bound_kpi()
    {
        var ws = await Ws();
        var kpi = await JourneysKpi();
        // One customer a minute before 30 days ago, one a minute after, on the same day (away from midnight).
        var cutoff = DateTime.UtcNow.AddDays(-30);
        if (cutoff.TimeOfDay < TimeSpan.FromMinutes(5)) cutoff = cutoff.AddMinutes(5);
        if (cutoff.TimeOfDay > TimeSpan.FromHours(24) - TimeSpan.FromMinutes(5)) cutoff = cutoff.AddMinutes(-5);
        var day = DateOnly.FromDateTime(cutoff);
        // Retention counts from the moment it is set: the older event must be older than 30 days then.
        await Send(string.Join('\n', Event("old", cutoff.AddMinutes(-2)), Event("new", cutoff.AddMinutes(3))));
        await KpiBecomes(kpi, day, 2);
        var basis = await AnalyticsKept(ws, day, 0);

        var change = await PutOk($"{Api}/events/retention", new { days = 30 });

        Assert.Equal(1, change.GetProperty("erased").GetInt64());
        await KpiBecomes(kpi, day, 1);
        await AnalyticsKept(ws, day, basis);
    }

    [Fact]
    public async Task Events_another_process_stores_are_heard_here_the_kept_analytics_worked_out_and_open_pages_told()
    {
        var ws = await Ws();
        var arrivals = Factory.Services.GetRequiredService<EventArrivals>();
        var before = arrivals.Generation(ws.Id);
        var day = new DateOnly(2026, 10, 7);

        // As `waymark ingest` beside the server: straight into the store, with no announcement in this process.
        await using (var db = Factory.OpenDb())
            await EventStore.For(db).AppendAsync(ws.Id, [new InteractionEvent("cli", new DateTime(2026, 10, 7, 9, 0, 0, DateTimeKind.Utc), "web-visit", "website")]);

        await AnalyticsKept(ws, day, 0);
        Assert.True(arrivals.Generation(ws.Id) > before);
    }
}
