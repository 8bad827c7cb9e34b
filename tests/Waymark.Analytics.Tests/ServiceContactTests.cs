using Waymark.Analytics.Generation;
using Waymark.Analytics.Metrics;
using Waymark.Analytics.Model;
using Waymark.Analytics.Reading;
using Waymark.Analytics.Reporting;
using Waymark.Analytics.Tests.Support;
using Waymark.Analytics.Writing;
using static Waymark.Analytics.Tests.Support.Some;

namespace Waymark.Analytics.Tests;

/// <summary>First-contact resolution and repeat contacts count service contacts, as the definition says, and nothing else.</summary>
public class ServiceContactTests
{
    private sealed class Collector : IEventWriter
    {
        public List<EventRecord> Events { get; } = [];
        public void Write(in EventRecord e) => Events.Add(e);
        public void Dispose() { }
    }

    private static List<EventRecord> Generated(int customers, int seed)
    {
        var collector = new Collector();
        EventGenerator.Generate(new GeneratorOptions { Customers = customers, Seed = seed }, collector);
        return collector.Events;
    }

    private static EventLog Build(IEnumerable<EventRecord> events)
    {
        var b = new EventLogBuilder();
        foreach (var e in events)
            b.Add(e.Customer, new DateTime(e.TimeTicks, DateTimeKind.Utc), e.Activity, e.Channel, e.Outcome, e.Score, e.ScoreKind, e.Duration, e.Waiting);
        return b.Build();
    }

    [Theory]
    [InlineData(1000, 42)]
    [InlineData(3000, 7)]
    public void The_generated_logs_first_contact_resolution_is_the_share_of_customers_whose_first_support_contact_resolved(int customers, int seed)
    {
        var events = Generated(customers, seed);
        // By hand from the raw events: the generator's service contacts are its support-contact events; a customer is
        // one journey; FCR when the first of them was resolved; a repeat is a further contact within 7 days of the previous.
        var contacts = events.Where(e => e.Activity == "support-contact").GroupBy(e => e.Customer).ToList();
        long firstResolved = contacts.Count(g => g.First().Outcome == "resolved");
        long repeatJourneys = 0, repeats = 0;
        foreach (var g in contacts)
        {
            var times = g.Select(e => e.TimeTicks).ToList();
            var n = times.Zip(times.Skip(1)).Count(p => p.Second - p.First <= TimeSpan.FromDays(7).Ticks);
            repeats += n;
            if (n > 0) repeatJourneys++;
        }
        Assert.Contains(events, e => e.Outcome == "purchased");

        var report = JourneyAnalyzer.Analyze(Build(events));

        var fcr = report.Kpis.FirstContactResolution;
        Assert.Equal(contacts.Count, fcr.ContactJourneys);
        Assert.Equal(firstResolved, fcr.FirstContactResolved);
        Assert.Equal((double)firstResolved / contacts.Count, fcr.Rate!.Value, 12);
        Assert.Equal(ServiceContactDefinition.Default, fcr.Definition);
        // The generator's own odds: 55–80 % per contact, less with waiting; far from the 5.7 % that counting purchases gave.
        Assert.InRange(fcr.Rate.Value, 0.5, 0.75);
        Assert.Equal(contacts.Count, report.RepeatContacts.ContactJourneys);
        Assert.Equal(repeatJourneys, report.RepeatContacts.RepeatJourneys);
        Assert.Equal(repeats, report.RepeatContacts.Total);
        Assert.Equal((double)repeatJourneys / contacts.Count, report.RepeatContacts.Rate!.Value, 12);
        Assert.Equal([new NameCount("support-contact", repeats)], report.RepeatContacts.ByTouchpoint);
    }

    [Fact]
    public void Purchases_surveys_and_visits_are_never_contacts_however_they_end()
    {
        var log = Log(
            new Row("a", 0, "web-checkout", "web", "purchased"),
            new Row("a", 10, "order-form", "web", "completed"),
            new Row("a", 20, "support-contact", "phone", "resolved"),
            new Row("b", 0, "store-purchase", "store", "purchased"),
            new Row("b", 5, "nps-survey", "email", "", 9, ScoreKind.Nps),
            new Row("b", 30, "support-contact", "chat", "unresolved"),
            new Row("b", 40, "support-contact", "phone", "Resolved"),
            new Row("c", 0, "web-checkout", "web", "purchased"),
            new Row("c", 1, "web-checkout", "web", "purchased"));
        var r = JourneyAnalyzer.Analyze(log);

        // Contacts: a's one resolved call; b's chat (unresolved) then call (resolved). c bought twice: no contact, no repeat.
        Assert.Equal(new FcrStats(2, 2, 1, 0.5), r.Kpis.FirstContactResolution);
        Assert.Equal((2L, 1L, 1L), (r.RepeatContacts.ContactJourneys, r.RepeatContacts.RepeatJourneys, r.RepeatContacts.Total));
        Assert.Equal(0.5, r.RepeatContacts.Rate);
        Assert.Equal([new NameCount("support-contact", 1)], r.RepeatContacts.ByTouchpoint);
        // The only escalation: b's unresolved chat followed by a call; leaving a purchase for another channel is none.
        Assert.Equal([new ChannelCell("chat", "phone", 1, 1.0)], r.Kpis.Escalations);
    }

    [Fact]
    public void A_log_without_contacts_has_no_first_contact_resolution_rather_than_zero()
    {
        var r = JourneyAnalyzer.Analyze(Log(new Row("a", 0, "web-checkout", "web", "purchased"), new Row("a", 1, "web-checkout", "web", "purchased")));
        Assert.Equal(new FcrStats(0, 0, 0, null), r.Kpis.FirstContactResolution);
        Assert.Null(r.RepeatContacts.Rate);
        Assert.Equal(0, r.RepeatContacts.Total);
        using var json = System.Text.Json.JsonDocument.Parse(ReportJson.Serialize(r));
        Assert.False(json.RootElement.GetProperty("repeatContacts").TryGetProperty("rate", out _));
        Assert.False(json.RootElement.GetProperty("kpis").GetProperty("firstContactResolution").TryGetProperty("rate", out _));
    }

    /// <summary>Touchpoints named, channels narrowed, resolved outcomes chosen: each changes what counts, as worked out in the comments.</summary>
    [Fact]
    public void A_custom_definition_counts_the_touchpoints_channels_and_outcomes_it_names()
    {
        var log = Log(
            new Row("a", 0, "callback-request", "web"),
            new Row("a", 10, "support-contact", "phone", "resolved"),
            new Row("b", 0, "support-contact", "chat", "answered"),
            new Row("b", 10, "support-contact", "phone", "unresolved"),
            new Row("b", 20, "support-contact", "phone", "resolved"),
            new Row("c", 0, "support-contact", "phone", "resolved"),
            new Row("d", 0, "complaint-tweet", "social", "escalated"));

        // Default: outcomes tell contacts. a: resolved first. b: chat "answered" is no known contact outcome, so the
        // first contact is the unresolved call. c: resolved. d: the escalated tweet is a contact, unresolved. 2 of 4.
        var byDefault = JourneyAnalyzer.Analyze(log).Kpis.FirstContactResolution;
        Assert.Equal((4L, 2L, 0.5), (byDefault.ContactJourneys, byDefault.FirstContactResolved, byDefault.Rate));

        // Named touchpoints: a's callback request (no outcome, so not resolved) comes first; b's "answered" chat is a
        // contact now and not resolved; c resolved; d has none. 1 of 3.
        var named = new ServiceContactDefinition { Touchpoints = ["support-contact", "callback-request"] };
        var n = JourneyAnalyzer.Analyze(log, new AnalysisOptions { ServiceContacts = named }).Kpis.FirstContactResolution;
        Assert.Equal((3L, 1L), (n.ContactJourneys, n.FirstContactResolved));
        Assert.Equal(named, n.Definition);

        // "answered" counted as resolved: b's chat resolves at the first contact too. 2 of 3.
        var answered = named with { ResolvedOutcomes = ["Resolved", "ANSWERED"] };
        Assert.Equal(2, JourneyAnalyzer.Analyze(log, new AnalysisOptions { ServiceContacts = answered }).Kpis.FirstContactResolution.FirstContactResolved);

        // Only phone contacts: a, b (its two calls, the first unresolved) and c. 2 of 3, and b's second call is a repeat.
        var phone = named with { Channels = ["Phone"] };
        var p = JourneyAnalyzer.Analyze(log, new AnalysisOptions { ServiceContacts = phone });
        Assert.Equal((3L, 2L), (p.Kpis.FirstContactResolution.ContactJourneys, p.Kpis.FirstContactResolution.FirstContactResolved));
        Assert.Equal((1L, 1L), (p.RepeatContacts.RepeatJourneys, p.RepeatContacts.Total));
    }

    [Fact]
    public void Definitions_are_equal_when_they_count_the_same_events()
    {
        var a = new ServiceContactDefinition { Touchpoints = ["call", "chat"], ResolvedOutcomes = ["Resolved", "fixed"] };
        var b = new ServiceContactDefinition { Touchpoints = ["chat", "call", "chat"], ResolvedOutcomes = ["FIXED", "resolved"], UnresolvedOutcomes = ["other"] };
        Assert.Equal(a, b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.NotEqual(a, a with { Touchpoints = ["Call", "chat"] });
        Assert.NotEqual(a, a with { Channels = ["phone"] });
        Assert.NotEqual(ServiceContactDefinition.Default, ServiceContactDefinition.Default with { UnresolvedOutcomes = ["unresolved"] });
        Assert.Equal(ServiceContactDefinition.Default, new ServiceContactDefinition());
    }

    [Fact]
    public void Partials_of_different_definitions_refuse_to_merge_and_of_the_same_merge_exactly()
    {
        var events = Generated(400, 3);
        var first = Build(events.Where(e => string.CompareOrdinal(e.Customer, "C0000200") <= 0));
        var second = Build(events.Where(e => string.CompareOrdinal(e.Customer, "C0000200") > 0));
        var custom = new AnalysisOptions { ServiceContacts = new ServiceContactDefinition { Touchpoints = ["support-contact"], ResolvedOutcomes = ["resolved", "escalated"] } };

        using var byDefault = JourneyAnalyzer.AnalyzePartial(first, new AnalysisOptions());
        using var other = JourneyAnalyzer.AnalyzePartial(second, custom);
        var refused = Assert.Throws<InvalidOperationException>(() => byDefault.Merge(other));
        Assert.Contains("counted service contacts differently", refused.Message);
        Assert.Equal(ServiceContactDefinition.Default, byDefault.ServiceContacts);
        Assert.Equal(custom.ServiceContacts, other.ServiceContacts);

        using var merged = JourneyAnalyzer.AnalyzePartial(first, custom);
        merged.Merge(JourneyAnalyzer.AnalyzePartial(second, custom));
        var whole = JourneyAnalyzer.Analyze(Build(events), custom);
        Assert.Equal(ReportJson.Serialize(whole), ReportJson.Serialize(JourneyAnalyzer.ToReport(merged)));
        Assert.Equal(custom.ServiceContacts, whole.Kpis.FirstContactResolution.Definition);
    }

    [Fact]
    public void The_report_says_which_definition_counted()
    {
        var definition = new ServiceContactDefinition { Touchpoints = ["call"], Channels = ["phone"], ResolvedOutcomes = ["resolved"] };
        var r = JourneyAnalyzer.Analyze(ServiceLog(), new AnalysisOptions { ServiceContacts = definition });
        using var json = System.Text.Json.JsonDocument.Parse(ReportJson.Serialize(r));
        foreach (var figure in new[] { json.RootElement.GetProperty("kpis").GetProperty("firstContactResolution"), json.RootElement.GetProperty("repeatContacts") })
        {
            var d = figure.GetProperty("definition");
            Assert.Equal(["call"], d.GetProperty("touchpoints").EnumerateArray().Select(x => x.GetString()));
            Assert.Equal(["phone"], d.GetProperty("channels").EnumerateArray().Select(x => x.GetString()));
            Assert.Equal(["resolved"], d.GetProperty("resolvedOutcomes").EnumerateArray().Select(x => x.GetString()));
            Assert.Equal("Service contacts are events at 'call' in 'phone'; resolved means the outcome 'resolved'.", d.GetProperty("description").GetString());
        }
        var html = HtmlReport.Render(r, "t");
        Assert.Contains("Service contacts are events at &#39;call&#39; in &#39;phone&#39;", html);
        Assert.Contains("4 journeys had a service contact", html);
    }

    [Fact]
    public void Named_touchpoints_and_channels_missing_from_the_log_are_noted()
    {
        var definition = new ServiceContactDefinition { Touchpoints = ["call", "cal"], Channels = ["PHONE", "fax"] };
        Assert.Equal(["No event has the service contact touchpoint 'cal'.", "No event is in the service contact channel 'fax'."], definition.MissingFrom(ServiceLog()));
    }

    /// <summary>
    /// Teleclaims' outcomes are decisions on the claim ("processed", "rejected"), not how a contact ended: by default
    /// the log has no service contacts. Named as contacts, its "end" events give the share of claims whose first
    /// decision was "processed", counted here from the raw events.
    /// </summary>
    [Fact]
    public void The_teleclaims_log_has_no_contacts_by_default_and_counts_the_ones_named()
    {
        var log = XesReader.Read(Paths.EventLog("02_teleclaims.xes.gz"));
        var byDefault = JourneyAnalyzer.Analyze(log);
        Assert.Equal(new FcrStats(0, 0, 0, null), byDefault.Kpis.FirstContactResolution);

        var firstEnd = new Dictionary<string, string>();
        for (var i = 0; i < log.Count; i++)
            if (log.ActivityOf(i) == "end") firstEnd.TryAdd(log.CustomerOf(i), log.OutcomeOf(i));
        var named = new ServiceContactDefinition { Touchpoints = ["end"], ResolvedOutcomes = ["processed"] };
        var fcr = JourneyAnalyzer.Analyze(log, new AnalysisOptions { ServiceContacts = named }).Kpis.FirstContactResolution;
        Assert.True(firstEnd.Count > 3000);
        Assert.Equal(firstEnd.Count, fcr.ContactJourneys);
        Assert.Equal(firstEnd.Values.Count(o => o == "processed"), fcr.FirstContactResolved);
    }
}
