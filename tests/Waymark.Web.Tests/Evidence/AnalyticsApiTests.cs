using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Waymark.Analytics.Reporting;
using Waymark.Storage.Access;
using Waymark.Storage.Interactions;
using Waymark.Web.Features.Evidence;
using Waymark.Web.Infrastructure;
using Waymark.Web.Tests.Journeys;
using Waymark.Web.Tests.Support;

namespace Waymark.Web.Tests.Evidence;

/// <summary>
/// GET …/analytics over the stored events (decision 0008): the report of a period merged from kept per-day results equals
/// the report worked out straight from the events; late events, erasure and filters; who may read; what is refused.
/// </summary>
public sealed class AnalyticsApiTests(WaymarkApiFactory factory) : JourneyApiTest(factory)
{
    private static readonly string[] Touchpoints = ["web-visit", "support-call", "chat", "order-placed", "delivery"];
    private static readonly string[] Channels = ["website", "phone", "chat", "shop"];
    private static readonly string[] Outcomes = ["", "resolved", "unresolved"];

    private static string Event(string customer, DateTime at, string touchpoint, string channel, string outcome = "", string? persona = null) =>
        JsonSerializer.Serialize(new Dictionary<string, object?>
        {
            ["customer"] = customer, ["time"] = at.ToString("yyyy-MM-ddTHH:mm:ssZ"), ["touchpoint"] = touchpoint, ["channel"] = channel,
            ["outcome"] = outcome.Length == 0 ? null : outcome, ["handling"] = 120, ["persona"] = persona,
        }.Where(kv => kv.Value is not null).ToDictionary());

    /// <summary>Customers active over two months: gaps of hours to weeks, so journeys cross days and the month's end, and some are cut by a quiet week.</summary>
    private static List<string> RandomEvents(int seed, int customers = 40)
    {
        var random = new Random(seed);
        var lines = new List<string>();
        for (var c = 0; c < customers; c++)
        {
            var at = new DateTime(2026, 9, 20, 8, 0, 0, DateTimeKind.Utc).AddHours(random.Next(0, 24 * 50));
            for (var n = random.Next(1, 12); n > 0; n--)
            {
                lines.Add(Event($"c-{c}", at, Touchpoints[random.Next(Touchpoints.Length)], Channels[random.Next(Channels.Length)],
                    Outcomes[random.Next(Outcomes.Length)], c % 3 == 0 ? "Busy parent" : "Tech enthusiast"));
                at = at.AddMinutes(random.Next(4) switch { 0 => random.Next(1, 90), 1 => random.Next(60, 60 * 30), 2 => random.Next(60 * 24, 60 * 24 * 6), _ => random.Next(60 * 24 * 5, 60 * 24 * 12) });
            }
        }
        return lines.OrderBy(_ => random.Next()).ToList();
    }

    private async Task Send(IEnumerable<string> lines, HttpClient? client = null)
    {
        var response = await (client ?? Client).PostAsync($"{Api}/events", new StringContent(string.Join('\n', lines), Encoding.UTF8, "application/x-ndjson"));
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }

    private async Task<CurrentWorkspace> Ws()
    {
        await using var db = Factory.OpenDb();
        var w = await db.Workspaces.SingleAsync(x => x.Key == Workspace);
        return new CurrentWorkspace(w.Id, w.Key, w.Name);
    }

    /// <summary>The kept-and-merged report and the one worked out straight from the events, as JSON.</summary>
    private async Task<(string Merged, string Direct)> BothWays(EventQuestion question)
    {
        var analytics = Factory.Services.GetRequiredService<EventAnalytics>();
        var ws = await Ws();
        await using var db = Factory.OpenDb();
        var merged = await analytics.AnalyseAsync(db, ws, question, default);
        var direct = await analytics.AnalyseDirectlyAsync(db, ws, question, default);
        return (ReportJson.Serialize(merged.Report), ReportJson.Serialize(direct.Report));
    }

    [Fact]
    public async Task A_period_merged_from_kept_days_equals_the_report_worked_out_from_its_journeys_directly()
    {
        await Send(RandomEvents(1));
        var periods = new (DateOnly From, DateOnly To)[]
        {
            (new(2026, 9, 20), new(2026, 11, 15)), (new(2026, 10, 1), new(2026, 10, 31)), (new(2026, 9, 25), new(2026, 10, 9)),
            (new(2026, 10, 17), new(2026, 10, 17)), (new(2026, 10, 20), new(2026, 11, 4)),
        };
        foreach (var (from, to) in periods)
            foreach (var channel in new[] { null, "phone" })
            {
                var (merged, direct) = await BothWays(new EventQuestion { From = from, To = to, Channel = channel });
                Assert.True(merged == direct, $"{from}–{to} {channel}:\n{merged}\n---\n{direct}");
            }
        // Asked again (now from kept days only, and then from the kept report), the answer is the same.
        var again = await BothWays(new EventQuestion { From = new(2026, 10, 1), To = new(2026, 10, 31) });
        Assert.Equal(again.Direct, again.Merged);
    }

    [Fact]
    public async Task The_report_has_the_fields_of_waymark_analyze_json_and_counts_the_journeys_that_start_in_the_period()
    {
        await Send([
            Event("anna", new(2026, 10, 30, 9, 0, 0, DateTimeKind.Utc), "web-visit", "website"),
            Event("anna", new(2026, 10, 31, 9, 0, 0, DateTimeKind.Utc), "support-call", "phone", "resolved"),
            // A new month starts a new journey, however close.
            Event("anna", new(2026, 11, 1, 9, 0, 0, DateTimeKind.Utc), "chat", "chat"),
            Event("ben", new(2026, 10, 2, 9, 0, 0, DateTimeKind.Utc), "web-visit", "website"),
            // Eight days later: a second journey.
            Event("ben", new(2026, 10, 10, 9, 0, 0, DateTimeKind.Utc), "order-placed", "shop"),
        ]);

        var october = await GetOk($"{Api}/analytics?from=2026-10-01&to=2026-10-31");

        foreach (var field in new[] { "cases", "events", "variants", "dfg", "channelSwitches", "kpis", "repeatContacts", "times", "journeyDuration" })
            Assert.True(october.TryGetProperty(field, out _), $"no '{field}'");
        Assert.Equal((3, 4), (october.GetProperty("cases").GetInt32(), october.GetProperty("events").GetInt32()));
        // The service-contact definition is named in words; its internal comparison key stays inside.
        var definition = october.GetProperty("kpis").GetProperty("firstContactResolution").GetProperty("definition");
        Assert.True(definition.TryGetProperty("description", out _));
        Assert.False(definition.TryGetProperty("key", out _));
        Assert.Equal(("2026-10-01", "2026-10-31"), (october.GetProperty("from").GetString(), october.GetProperty("to").GetString()));
        Assert.Equal(new DateTime(2026, 11, 1, 9, 0, 0, DateTimeKind.Utc), october.GetProperty("lastEventAt").GetDateTime().ToUniversalTime());
        // Anna's journey starts on 30 October and keeps its 31 October call although the period ends earlier.
        var end = await GetOk($"{Api}/analytics?from=2026-10-30&to=2026-10-30");
        Assert.Equal((1, 2), (end.GetProperty("cases").GetInt32(), end.GetProperty("events").GetInt32()));
        // Left open, the period is the 30 days up to the newest event.
        var recent = await GetOk($"{Api}/analytics");
        Assert.Equal(("2026-10-03", "2026-11-01"), (recent.GetProperty("from").GetString(), recent.GetProperty("to").GetString()));
        Assert.Equal(3, recent.GetProperty("cases").GetInt32());
        var phone = await GetOk($"{Api}/analytics?from=2026-10-01&to=2026-10-31&channel=Phone");
        Assert.Equal((1, 1), (phone.GetProperty("cases").GetInt32(), phone.GetProperty("events").GetInt32()));
    }

    [Fact]
    public async Task A_read_after_new_or_late_events_sees_them_and_matches_the_direct_report()
    {
        await Send(RandomEvents(2));
        var path = $"{Api}/analytics?from=2026-10-01&to=2026-10-31";
        var before = await GetOk(path);
        Assert.Equal(before.GetProperty("cases").GetInt32(), (await GetOk(path)).GetProperty("cases").GetInt32());

        // A late event of a new customer in the middle of October, and one that joins c-0's journeys.
        await Send([Event("late-1", new(2026, 10, 12, 10, 0, 0, DateTimeKind.Utc), "support-call", "phone", "unresolved"),
                    Event("c-0", new(2026, 10, 20, 10, 0, 0, DateTimeKind.Utc), "chat", "chat")]);
        var after = await GetOk(path);

        Assert.Equal(before.GetProperty("events").GetInt32() + 2, after.GetProperty("events").GetInt32());
        var (merged, direct) = await BothWays(new EventQuestion { From = new(2026, 10, 1), To = new(2026, 10, 31) });
        Assert.Equal(direct, merged);
    }

    [Fact]
    public async Task After_events_arrive_the_plain_days_are_worked_out_in_the_background()
    {
        await Send(RandomEvents(3, customers: 10));
        var ws = await Ws();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        IReadOnlyList<KeptPartial> kept;
        do
        {
            await Task.Delay(250);
            await using var db = Factory.OpenDb();
            kept = await EventStore.For(db).ReadPartialsAsync(ws.Id, "month-cut-7d/1", new DateOnly(2026, 9, 1), new DateOnly(2026, 12, 31), withData: false);
        }
        while (kept.Count == 0 && DateTime.UtcNow < deadline);
        Assert.NotEmpty(kept);
        Assert.Contains(kept, k => k.Day == new DateOnly(2026, 10, 31));
    }

    [Fact]
    public async Task Years_without_events_answer_an_empty_report_and_keep_nothing()
    {
        await Send([Event("anna", new(2026, 10, 5, 9, 0, 0, DateTimeKind.Utc), "web-visit", "website")]);

        var report = await GetOk($"{Api}/analytics?from=1990-01-01&to=2025-12-31");

        Assert.Equal((0, 0), (report.GetProperty("cases").GetInt32(), report.GetProperty("events").GetInt32()));
        await using var db = Factory.OpenDb();
        var ws = await Ws();
        Assert.Empty(await EventStore.For(db).ReadPartialsAsync(ws.Id, "month-cut-7d/1", new DateOnly(1990, 1, 1), new DateOnly(2025, 12, 31), withData: false));
    }

    [Fact]
    public async Task An_erased_customer_is_gone_from_the_report()
    {
        await Send([Event("anna", new(2026, 10, 5, 9, 0, 0, DateTimeKind.Utc), "web-visit", "website"),
                    Event("anna", new(2026, 10, 5, 9, 30, 0, DateTimeKind.Utc), "support-call", "phone", "resolved"),
                    Event("ben", new(2026, 10, 5, 10, 0, 0, DateTimeKind.Utc), "web-visit", "website")]);
        var path = $"{Api}/analytics?from=2026-10-01&to=2026-10-31";
        Assert.Equal(2, (await GetOk(path)).GetProperty("cases").GetInt32());

        Assert.Equal(HttpStatusCode.OK, (await Client.DeleteAsync($"{Api}/events?customer=anna")).StatusCode);

        var after = await GetOk(path);
        Assert.Equal((1, 1), (after.GetProperty("cases").GetInt32(), after.GetProperty("events").GetInt32()));
        Assert.DoesNotContain("support-call", after.GetRawText());
    }

    [Fact]
    public async Task Journeys_are_held_against_a_chosen_map()
    {
        await Send([Event("anna", new(2026, 10, 5, 9, 0, 0, DateTimeKind.Utc), "web-visit", "website")]);
        var map = await CreateJourney("Service case");

        var report = await GetOk($"{Api}/analytics?from=2026-10-01&to=2026-10-31&journey={IdOf(map)}");

        Assert.Equal(JsonValueKind.Object, report.GetProperty("conformance").ValueKind);
        Assert.Equal(IdOf(map).ToString(), report.GetProperty("journey").GetString());
        // As in waymark analyze --json, a report without a map has no conformance.
        Assert.False((await GetOk($"{Api}/analytics?from=2026-10-01&to=2026-10-31")).TryGetProperty("conformance", out _));
    }

    [Fact]
    public async Task Viewers_may_read_and_event_senders_may_not()
    {
        await Send([Event("anna", new(2026, 10, 5, 9, 0, 0, DateTimeKind.Utc), "web-visit", "website")]);
        await Factory.GrantAsync(Workspace, "viewer-analytics@waymark.test", WorkspaceRole.Viewer);
        var viewer = Factory.ClientAs("viewer-analytics@waymark.test");
        Assert.Equal(HttpStatusCode.OK, (await viewer.GetAsync($"{Api}/analytics?from=2026-10-01&to=2026-10-31")).StatusCode);
        var sender = Factory.TokenClient(await Factory.TokenAsync(Workspace, WorkspaceRole.EventSender));

        await Problem(await sender.GetAsync($"{Api}/analytics?from=2026-10-01&to=2026-10-31"), 403);
        await Problem(await Factory.ClientAs("stranger-analytics@waymark.test").GetAsync($"{Api}/analytics"), 404);
    }

    [Theory]
    [InlineData("from=2026-13-01", "from", "is not a date")]
    [InlineData("from=1.10.2026", "from", "is not a date")]
    [InlineData("to=1900-01-01", "to", "1950")]
    [InlineData("from=2026-10-31&to=2026-10-01", "to", "before it starts")]
    [InlineData("journey=first-purchase", "journey", "not the id of a journey map")]
    public async Task A_question_that_cannot_be_read_is_refused_naming_its_field(string query, string field, string words)
    {
        var problem = await Problem(await Client.GetAsync($"{Api}/analytics?{query}"), 400);

        Assert.Equal([field], ErrorFields(problem));
        Assert.Contains(words, problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task An_unknown_map_is_not_found()
    {
        var problem = await Problem(await Client.GetAsync($"{Api}/analytics?journey={Guid.NewGuid()}"), 404);
        Assert.Contains("journey", problem.GetProperty("detail").GetString());
    }
}
