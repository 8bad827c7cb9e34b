using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Waymark.Storage.Access;
using Waymark.Web.Tests.Support;

namespace Waymark.Web.Tests.Kpis;

/// <summary>KPIs bound to an event measure: computed after ingestion, period by period, beside what people record.</summary>
public sealed class KpiEventBindingTests(WaymarkApiFactory factory) : ApiTest(factory)
{
    // Two days of a small shop. By hand, per day (a customer's events of the day are one journey):
    // 2 Nov: c-1 web → order → call (unresolved, 300 s) → chat (resolved, 600 s); c-2 web → call (resolved, 120 s); c-3 web.
    //   Service contacts are the call and the chat: c-1's first one was unresolved, c-2's resolved, so FCR = 1 of 2 = 50 %.
    //   1 of 3 journeys reached the order: 33.33 %. Handling 300 + 600 + 120 = 1,020 s over 3 contacts = 340 s = 5.667 min.
    // 3 Nov: c-4 web → order; c-5 chat (unresolved, 240 s). FCR 0 of 1 = 0 %; order 1 of 2 = 50 %; handling 4 min.
    // November: 5 journeys.
    private const string TwoDays = """
        {"customer":"c-1","time":"2026-11-02T09:00:00Z","touchpoint":"web-visit","channel":"website"}
        {"customer":"c-1","time":"2026-11-02T09:10:00Z","touchpoint":"order","channel":"website","outcome":"resolved"}
        {"customer":"c-1","time":"2026-11-02T12:00:00Z","touchpoint":"support-call","channel":"phone","outcome":"unresolved","handling":300}
        {"customer":"c-1","time":"2026-11-02T12:30:00Z","touchpoint":"support-chat","channel":"chat","outcome":"resolved","handling":600}
        {"customer":"c-2","time":"2026-11-02T10:00:00Z","touchpoint":"web-visit","channel":"website"}
        {"customer":"c-2","time":"2026-11-02T11:00:00Z","touchpoint":"support-call","channel":"phone","outcome":"resolved","handling":120}
        {"customer":"c-3","time":"2026-11-02T10:00:00Z","touchpoint":"web-visit","channel":"website"}
        {"customer":"c-4","time":"2026-11-03T08:00:00Z","touchpoint":"web-visit","channel":"website"}
        {"customer":"c-4","time":"2026-11-03T08:05:00Z","touchpoint":"order","channel":"website"}
        {"customer":"c-5","time":"2026-11-03T09:00:00Z","touchpoint":"support-chat","channel":"chat","outcome":"unresolved","handling":240}
        """;

    private static readonly DateTimeOffset Nov2 = new(2026, 11, 2, 0, 0, 0, TimeSpan.Zero), Nov3 = Nov2.AddDays(1), Nov1 = Nov2.AddDays(-1);

    private async Task<(Guid Id, int Version)> Kpi(string name, string unit, double? target = null)
    {
        var kpi = await PostOk($"{Api}/kpis", new { name, unit, target });
        return (kpi.GetProperty("id").GetGuid(), kpi.GetProperty("version").GetInt32());
    }

    private async Task<Guid> Bound(string name, string unit, object binding, double? target = null)
    {
        var (id, version) = await Kpi(name, unit, target);
        var json = JsonSerializer.SerializeToElement(binding, WaymarkApiFactory.Json);
        var body = json.EnumerateObject().ToDictionary(p => p.Name, p => (object?)p.Value);
        body["version"] = version;
        await PutOk($"{Api}/kpis/{id}/binding", body);
        return id;
    }

    private async Task Send(string ndjson)
    {
        var response = await Client.PostAsync($"{Api}/events", new StringContent(ndjson, Encoding.UTF8, "application/x-ndjson"));
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }

    private async Task<List<(DateTimeOffset At, double Value, string Source, Guid Id)>> Measurements(Guid kpi)
    {
        var page = await GetOk($"{Api}/kpis/{kpi}/measurements?pageSize=500");
        return page.GetProperty("items").EnumerateArray().Select(m => (m.GetProperty("measuredAt").GetDateTimeOffset(), m.GetProperty("value").GetDouble(),
            m.GetProperty("source").GetString()!, m.GetProperty("id").GetGuid())).ToList();
    }

    /// <summary>Waits for the background computation until the KPI's computed measurements satisfy the condition.</summary>
    private async Task<List<(DateTimeOffset At, double Value)>> Computed(Guid kpi, Func<List<(DateTimeOffset At, double Value)>, bool> done)
    {
        for (var tries = 0; ; tries++)
        {
            var computed = (await Measurements(kpi)).Where(m => m.Source == "events").Select(m => (m.At, m.Value)).ToList();
            if (done(computed)) return computed;
            if (tries > 300) Assert.Fail($"The computed measurements are still {string.Join(", ", computed)}.");
            await Task.Delay(100);
        }
    }

    [Fact]
    public async Task Ingested_events_fill_bound_kpis_with_the_values_counted_by_hand()
    {
        await PutOk($"{Api}/service-contacts", new { touchpoints = new[] { "support-call", "support-chat" }, resolvedOutcomes = new[] { "resolved" }, unresolvedOutcomes = new[] { "unresolved" } });
        var fcr = await Bound("First-contact resolution", "%", new { measure = "firstContactResolution", grain = "day" }, target: 80);
        var conversion = await Bound("Web visitors who order", "%", new { measure = "conversion", grain = "day", touchpoint = "order" });
        var handling = await Bound("Average handling time", "min", new { measure = "averageHandlingTime", grain = "day" });
        var journeys = await Bound("Journeys", "journeys", new { measure = "journeysStarted", grain = "month" });

        await Send(TwoDays);

        Assert.Equal([(Nov2, 50.0), (Nov3, 0.0)], await Computed(fcr, c => c.Count == 2));
        var orders = await Computed(conversion, c => c.Count == 2);
        Assert.Equal([(Nov2, 33.333), (Nov3, 50.0)], orders.Select(o => (o.At, Math.Round(o.Value, 3))));
        var times = await Computed(handling, c => c.Count == 2);
        Assert.Equal([(Nov2, 5.667), (Nov3, 4.0)], times.Select(o => (o.At, Math.Round(o.Value, 3))));
        Assert.Equal([(Nov1, 5.0)], await Computed(journeys, c => c.Count == 1));
        var kpi = await GetOk($"{Api}/kpis/{fcr}");
        Assert.Equal("firstContactResolution", kpi.GetProperty("binding").GetProperty("measure").GetString());
        // The latest computed value is the KPI's actual value, as the dashboard shows it.
        Assert.Equal(0.0, kpi.GetProperty("performance").GetProperty("actual").GetDouble());
        var furthest = (await GetOk($"{Api}/dashboard")).GetProperty("kpisFurthestFromTarget").EnumerateArray().Single(k => k.GetProperty("id").GetGuid() == fcr);
        Assert.Equal((0.0, Nov3), (furthest.GetProperty("actual").GetDouble(), furthest.GetProperty("measuredAt").GetDateTimeOffset()));
    }

    [Fact]
    public async Task The_built_in_service_contact_definition_counts_contacts_by_their_outcome()
    {
        // Without a definition of its own, every event with a contact outcome is a contact, the order ("resolved") too:
        // 2 Nov c-1's first contact is the order, resolved; c-2's call resolved: 2 of 2 = 100 %.
        var fcr = await Bound("First-contact resolution", "%", new { measure = "firstContactResolution", grain = "day" });

        await Send(TwoDays);

        Assert.Equal([(Nov2, 100.0), (Nov3, 0.0)], await Computed(fcr, c => c.Count == 2));
    }

    [Fact]
    public async Task A_late_event_recomputes_the_periods_whose_journeys_it_can_change_and_no_others()
    {
        var journeys = await Bound("Journeys", "journeys", new { measure = "journeysStarted", grain = "day" });
        await Send(TwoDays);
        await Computed(journeys, c => c.Count == 2);
        // Someone deletes the computed 3 November; a recomputation of that day would bring it back.
        var nov3 = (await Measurements(journeys)).Single(m => m.At == Nov3);
        Assert.Equal(HttpStatusCode.NoContent, (await Client.DeleteAsync($"{Api}/kpis/{journeys}/measurements/{nov3.Id}")).StatusCode);

        // An event of another month changes no journey of November.
        await Send("""{"customer":"c-9","time":"2026-12-20T23:00:00Z","touchpoint":"web-visit","channel":"website"}""");
        var dec20 = new DateTimeOffset(2026, 12, 20, 0, 0, 0, TimeSpan.Zero);
        Assert.Equal([(Nov2, 3.0), (dec20, 1.0)], await Computed(journeys, c => c.Count == 2 && c[^1].At == dec20));

        // c-4's late event on 2 November makes their journey of the 3rd start on the 2nd: both days are computed again.
        await Send("""{"customer":"c-4","time":"2026-11-02T23:00:00Z","touchpoint":"web-visit","channel":"website"}""");
        Assert.Equal([(Nov2, 4.0), (Nov3, 1.0), (dec20, 1.0)], await Computed(journeys, c => c.Count == 3));
    }

    [Fact]
    public async Task A_week_across_a_months_end_measures_the_journeys_the_analytics_report_of_that_week_counts()
    {
        // The week of Monday 30 November to 6 December. Journeys that start in it (a journey ends with its month):
        // a's order of 1 December (their visit of 27 November is another month), b's visit and order, c's visit, f's visit
        // of 30 November and f's order of 1 December apart: 5 journeys, 3 reaching the order (60 %). e's order of 30
        // November belongs to e's journey of the 29th, in the week before; so does d's order of the 29th.
        const string events = """
            {"customer":"a","time":"2026-11-27T09:00:00Z","touchpoint":"web-visit","channel":"website"}
            {"customer":"a","time":"2026-12-01T09:00:00Z","touchpoint":"order","channel":"website"}
            {"customer":"b","time":"2026-11-30T09:00:00Z","touchpoint":"web-visit","channel":"website"}
            {"customer":"b","time":"2026-11-30T09:10:00Z","touchpoint":"order","channel":"website"}
            {"customer":"c","time":"2026-12-02T09:00:00Z","touchpoint":"web-visit","channel":"website"}
            {"customer":"d","time":"2026-11-20T09:00:00Z","touchpoint":"web-visit","channel":"website"}
            {"customer":"d","time":"2026-11-29T09:00:00Z","touchpoint":"order","channel":"website"}
            {"customer":"e","time":"2026-11-29T09:00:00Z","touchpoint":"web-visit","channel":"website"}
            {"customer":"e","time":"2026-11-30T09:00:00Z","touchpoint":"order","channel":"website"}
            {"customer":"f","time":"2026-11-30T23:00:00Z","touchpoint":"web-visit","channel":"website"}
            {"customer":"f","time":"2026-12-01T01:00:00Z","touchpoint":"order","channel":"website"}
            """;
        var conversion = await Bound("Visitors who order", "%", new { measure = "conversion", grain = "week", touchpoint = "order" });
        var weekly = await Bound("Journeys a week", "journeys", new { measure = "journeysStarted", grain = "week" });
        var monthly = await Bound("Journeys a month", "journeys", new { measure = "journeysStarted", grain = "month" });

        await Send(events);

        var week = new DateTimeOffset(2026, 11, 30, 0, 0, 0, TimeSpan.Zero);
        var report = await GetOk($"{Api}/analytics?from=2026-11-30&to=2026-12-06");
        var cases = report.GetProperty("cases").GetInt32();
        var ordering = report.GetProperty("variants").EnumerateArray()
            .Where(v => v.GetProperty("activities").EnumerateArray().Any(a => a.GetString() == "order")).Sum(v => v.GetProperty("count").GetInt32());
        Assert.Equal((5, 3), (cases, ordering));
        var share = (await Computed(conversion, c => c.Any(m => m.At == week))).Single(m => m.At == week).Value;
        Assert.Equal(100.0 * ordering / cases, share, 6);
        Assert.Equal(cases, (await Computed(weekly, c => c.Any(m => m.At == week))).Single(m => m.At == week).Value);
        var months = await Computed(monthly, c => c.Count == 2);
        Assert.Equal((await GetOk($"{Api}/analytics?from=2026-11-01&to=2026-11-30")).GetProperty("cases").GetInt32(), months[0].Value);
        Assert.Equal((await GetOk($"{Api}/analytics?from=2026-12-01&to=2026-12-31")).GetProperty("cases").GetInt32(), months[1].Value);
    }

    [Fact]
    public async Task A_manual_measurement_of_the_same_period_is_kept_beside_the_computed_one()
    {
        var journeys = await Bound("Journeys", "journeys", new { measure = "journeysStarted", grain = "day" });
        await PostOk($"{Api}/kpis/{journeys}/measurements", new { source = "manual", measurements = new[] { new { value = 7, measuredAt = Nov2 } } });

        await Send(TwoDays);

        await Computed(journeys, c => c.Count == 2);
        var all = await Measurements(journeys);
        Assert.Contains(all, m => m is { Source: "manual", Value: 7 } && m.At == Nov2);
        Assert.Contains(all, m => m is { Source: "events", Value: 3 } && m.At == Nov2);
    }

    [Fact]
    public async Task A_new_binding_computes_the_whole_history_and_a_changed_one_replaces_it()
    {
        await Send(TwoDays);
        var journeys = await Bound("Journeys", "journeys", new { measure = "journeysStarted", grain = "day" });
        var daily = await Computed(journeys, c => c.Count >= 2);
        Assert.Equal([(Nov2, 3.0), (Nov3, 2.0)], daily.Take(2));

        var version = (await GetOk($"{Api}/kpis/{journeys}")).GetProperty("version").GetInt32();
        await PutOk($"{Api}/kpis/{journeys}/binding", new { measure = "journeysStarted", grain = "month", version });

        var monthly = await Computed(journeys, c => c.Count >= 1 && c[0].At == Nov1);
        Assert.Equal((Nov1, 5.0), monthly[0]);
        Assert.DoesNotContain(monthly, m => m.At == Nov2);
    }

    [Fact]
    public async Task A_binding_missing_what_its_measure_needs_is_refused_naming_the_field()
    {
        var (id, version) = await Kpi("Orders", "%");

        var noTouchpoint = await Problem(await Client.PutAsJsonAsync($"{Api}/kpis/{id}/binding", new { measure = "conversion", grain = "week", version }, WaymarkApiFactory.Json), 400);
        Assert.Equal(["touchpoint"], ErrorFields(noTouchpoint));
        var noMeasure = await Problem(await Client.PutAsJsonAsync($"{Api}/kpis/{id}/binding", new { grain = "week", version }, WaymarkApiFactory.Json), 400);
        Assert.Equal(["measure"], ErrorFields(noMeasure));
        await Problem(await Client.PutAsJsonAsync($"{Api}/kpis/{id}/binding", new { measure = "nps", grain = "week" }, WaymarkApiFactory.Json), 428);
        await Problem(await Client.PutAsJsonAsync($"{Api}/kpis/{id}/binding", new { measure = "nps", grain = "week", version = version + 1 }, WaymarkApiFactory.Json), 409);
    }

    [Fact]
    public async Task Viewers_and_event_sender_tokens_may_not_bind_or_change_service_contacts()
    {
        var (id, version) = await Kpi("NPS", "points");
        await Factory.GrantAsync(Workspace, "viewer-binding@waymark.test", WorkspaceRole.Viewer);
        var viewer = Factory.ClientAs("viewer-binding@waymark.test");
        var sender = Factory.TokenClient(await Factory.TokenAsync(Workspace, WorkspaceRole.EventSender));
        var binding = new { measure = "nps", grain = "month", version };
        var contacts = new { resolvedOutcomes = new[] { "solved" } };

        foreach (var client in new[] { viewer, sender })
        {
            await Problem(await client.PutAsJsonAsync($"{Api}/kpis/{id}/binding", binding, WaymarkApiFactory.Json), 403);
            await Problem(await client.DeleteAsync($"{Api}/kpis/{id}/binding?version={version}"), 403);
            await Problem(await client.PutAsJsonAsync($"{Api}/service-contacts", contacts, WaymarkApiFactory.Json), 403);
        }
        await Problem(await sender.GetAsync($"{Api}/service-contacts"), 403);
        Assert.True((await GetOk($"{Api}/kpis/{id}")).GetProperty("binding").ValueKind == JsonValueKind.Null);
        Assert.True((await GetOk($"{Api}/service-contacts")).GetProperty("builtIn").GetBoolean());
    }

    [Fact]
    public async Task The_service_contact_definition_is_read_set_guarded_and_reset()
    {
        var builtIn = await GetOk($"{Api}/service-contacts");
        Assert.True(builtIn.GetProperty("builtIn").GetBoolean());
        Assert.Contains("resolved", builtIn.GetProperty("resolvedOutcomes").EnumerateArray().Select(o => o.GetString()));

        var own = await PutOk($"{Api}/service-contacts", new { touchpoints = new[] { "support-call" }, channels = new[] { "phone" }, resolvedOutcomes = new[] { "fixed", " fixed " } });
        Assert.False(own.GetProperty("builtIn").GetBoolean());
        Assert.Equal(["fixed"], own.GetProperty("resolvedOutcomes").EnumerateArray().Select(o => o.GetString()));
        Assert.Equal("Service contacts are events at 'support-call' in 'phone'; resolved means the outcome 'fixed'.", own.GetProperty("description").GetString());

        // A stale version is a conflict (Problem checks the 409 and that it says why).
        await Problem(await Client.PutAsJsonAsync($"{Api}/service-contacts", new { resolvedOutcomes = new[] { "ok" }, version = 99 }, WaymarkApiFactory.Json), 409);
        var none = await Problem(await Client.PutAsJsonAsync($"{Api}/service-contacts",
            new { resolvedOutcomes = Array.Empty<string>(), version = own.GetProperty("version").GetInt32() }, WaymarkApiFactory.Json), 400);
        Assert.Equal(["resolvedOutcomes"], ErrorFields(none));

        var reset = JsonDocument.Parse(await (await Client.DeleteAsync($"{Api}/service-contacts")).Content.ReadAsStringAsync()).RootElement;
        Assert.True(reset.GetProperty("builtIn").GetBoolean());
    }

    [Fact]
    public async Task Nobody_may_send_a_measurement_as_computed_from_events_or_correct_one()
    {
        var journeys = await Bound("Journeys", "journeys", new { measure = "journeysStarted", grain = "day" });
        var forged = await Problem(await Client.PostAsJsonAsync($"{Api}/kpis/{journeys}/measurements",
            new { source = "events", measurements = new[] { new { value = 1, measuredAt = Nov2 } } }, WaymarkApiFactory.Json), 400);
        Assert.Equal(["source"], ErrorFields(forged));

        await Send(TwoDays);
        await Computed(journeys, c => c.Count == 2);
        var computed = (await Measurements(journeys))[0];
        var one = await GetOk($"{Api}/kpis/{journeys}/measurements/{computed.Id}");
        var correction = await Problem(await Client.PutAsJsonAsync($"{Api}/kpis/{journeys}/measurements/{computed.Id}",
            new { value = 9, measuredAt = Nov2, version = one.GetProperty("version").GetInt32() }, WaymarkApiFactory.Json), 400);
        Assert.Equal(["measurementId"], ErrorFields(correction));
    }
}
