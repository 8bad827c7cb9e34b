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
    public async Task A_late_event_recomputes_only_the_period_it_falls_in()
    {
        var journeys = await Bound("Journeys", "journeys", new { measure = "journeysStarted", grain = "day" });
        await Send(TwoDays);
        await Computed(journeys, c => c.Count == 2);
        // Someone deletes the computed 3 November; a recomputation of that day would bring it back.
        var nov3 = (await Measurements(journeys)).Single(m => m.At == Nov3);
        Assert.Equal(HttpStatusCode.NoContent, (await Client.DeleteAsync($"{Api}/kpis/{journeys}/measurements/{nov3.Id}")).StatusCode);

        await Send("""{"customer":"c-9","time":"2026-11-02T23:00:00Z","touchpoint":"web-visit","channel":"website"}""");

        Assert.Equal([(Nov2, 4.0)], await Computed(journeys, c => c.Count == 1 && c[0].Value == 4));
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

        var stale = await Problem(await Client.PutAsJsonAsync($"{Api}/service-contacts", new { resolvedOutcomes = new[] { "ok" }, version = 99 }, WaymarkApiFactory.Json), 409);
        Assert.NotNull(stale);
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
