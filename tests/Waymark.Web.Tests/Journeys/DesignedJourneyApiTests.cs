using System.Net;
using System.Text.Json;
using Waymark.Analytics.Conformance;
using Waymark.Analytics.Metrics;
using Waymark.Analytics.Model;
using Waymark.Domain.Journeys;
using Waymark.Domain.Organisation;
using Waymark.Domain.Touchpoints;
using Waymark.Web.Tests.Support;

namespace Waymark.Web.Tests.Journeys;

/// <summary>A journey map as the analytics check real journeys against it.</summary>
public sealed class DesignedJourneyApiTests(WaymarkApiFactory factory) : ApiTest(factory)
{
    private async Task<Guid> SeedAsync()
    {
        await using var db = Factory.OpenDb();
        var ws = db.Workspaces.Single(w => w.Key == Workspace).Id;
        var phone = new Channel(ws, "Phone", ChannelKind.Analog, ChannelReach.Direct);
        db.Channels.Add(phone);
        Touchpoint Tp(string name, string? eventKey) =>
            new Touchpoint(ws, new TouchpointProfile(name, phone.Id, TouchpointCategory.SupportChannels, EventKey: eventKey));
        var hotline = Tp("Service hotline", "call-hotline");
        var repair = Tp("Technician visit", "onsite-repair");
        var letter = Tp("Confirmation letter", null);
        db.Touchpoints.AddRange(hotline, repair, letter);
        var journey = new Journey(ws, "Broken panel", JourneyScenario.ServiceCase);
        var report = journey.AddStage("Report");
        var fix = journey.AddStage("Fix");
        var empty = journey.AddStage("Wait");
        journey.AddStep(fix.Id, new StepContent("Technician repairs the TV", TouchpointIds: [repair.Id]));
        journey.AddStep(report.Id, new StepContent("Calls the hotline", TouchpointIds: [hotline.Id, letter.Id]));
        journey.AddStep(report.Id, new StepContent("Waits for a call back"), position: 0);
        journey.AddStep(empty.Id, new StepContent("Hopes for the best"));
        db.Journeys.Add(journey);
        await db.SaveChangesAsync();
        return journey.Id;
    }

    [Fact]
    public async Task The_designed_journey_lists_stages_and_steps_in_order_with_the_event_keys_of_their_touchpoints()
    {
        var id = await SeedAsync();
        var designed = await GetOk($"{Api}/journeys/{id}/designed-journey");
        Assert.Equal("Broken panel", designed.GetProperty("name").GetString());
        var stages = designed.GetProperty("stages").EnumerateArray().ToList();
        // Steps without touchpoints (and so the stage "Wait") are left out: no event can fulfil them.
        Assert.Equal(["Report", "Fix"], stages.Select(s => s.GetProperty("name").GetString()));
        var calls = stages[0].GetProperty("steps").EnumerateArray().Single();
        Assert.Equal("Calls the hotline", calls.GetProperty("name").GetString());
        Assert.Equal(["call-hotline", "Confirmation letter"], calls.GetProperty("touchpoints").EnumerateArray().Select(t => t.GetString()));
        Assert.Equal(["onsite-repair"], stages[1].GetProperty("steps")[0].GetProperty("touchpoints").EnumerateArray().Select(t => t.GetString()));

        // The same document is what `waymark analyze --journey` reads, and it drives the conformance check.
        var file = Path.GetTempFileName();
        try
        {
            await File.WriteAllTextAsync(file, designed.GetRawText());
            var journey = DesignedJourney.Load(file);
            var b = new EventLogBuilder();
            var start = new DateTime(2026, 3, 1, 9, 0, 0, DateTimeKind.Utc);
            b.Add("walter", start, "call-hotline");
            b.Add("walter", start.AddDays(2), "onsite-repair");
            b.Add("anna", start, "onsite-repair");
            var conformance = JourneyAnalyzer.Analyze(b.Build(), new AnalysisOptions { Journey = journey }).Conformance!;
            Assert.Equal(2, conformance.Steps);
            Assert.Equal(0.5, conformance.ConformanceRate);
            Assert.Contains(conformance.Deviations, d => d.Kind == DeviationKind.SkippedStep && d.Subject == "Calls the hotline");
        }
        finally { File.Delete(file); }
    }

    [Fact]
    public async Task An_unknown_map_answers_404()
    {
        await Problem(await Client.GetAsync($"{Api}/journeys/{Guid.NewGuid()}/designed-journey"), 404);
    }
}
