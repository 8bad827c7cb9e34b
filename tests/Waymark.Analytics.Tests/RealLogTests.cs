using Waymark.Analytics.Metrics;
using Waymark.Analytics.Reading;
using Waymark.Analytics.Tests.Support;

namespace Waymark.Analytics.Tests;

/// <summary>Public logs written by other tools (../shared/data/event-logs), with their known figures.</summary>
public class RealLogTests
{
    [Fact]
    public void The_running_example_has_six_cases_in_xes_and_csv_alike()
    {
        var xes = JourneyAnalyzer.Analyze(XesReader.Read(Paths.EventLog("running-example.xes")));
        var csv = JourneyAnalyzer.Analyze(CsvEventReader.Read(Paths.EventLog("running-example.csv")));
        Assert.Equal(6, xes.Cases);
        Assert.Equal(42, xes.Events);
        Assert.Equal(8, xes.Activities.Count);
        Assert.Equal(xes.Variants.Select(v => (string.Join(",", v.Activities), v.Count)), csv.Variants.Select(v => (string.Join(",", v.Activities), v.Count)));
        Assert.Equal(xes.Dfg, csv.Dfg);
    }

    /// <summary>
    /// BPIC 2012 has 24 distinct concept:name values and 36 name+lifecycle event classes (counted independently with
    /// a line-by-line script over the file); the log's own "Activity classifier" is name+lifecycle.
    /// </summary>
    [Fact]
    public void Bpic2012_has_13087_cases_262200_events_24_names_and_36_name_lifecycle_classes()
    {
        var log = XesReader.Read(Paths.EventLog("bpic2012.xes.gz"));
        var r = JourneyAnalyzer.Analyze(log);
        Assert.Equal(13087, r.Cases);
        Assert.Equal(262200, r.Events);
        Assert.Equal(24, r.Activities.Count);
        Assert.Equal(r.Events - r.Cases, r.Dfg.Sum(e => e.Count));
        Assert.Equal(1.0, r.Variants.Sum(v => v.Share), 9);
    }

    [Fact]
    public void Bpic2012_with_name_and_lifecycle_names_activities_like_A_SUBMITTED_COMPLETE()
    {
        var r = JourneyAnalyzer.Analyze(XesReader.Read(Paths.EventLog("bpic2012.xes.gz"), new ReadOptions { Classifier = ActivityClassifier.NameAndLifecycle }),
            new AnalysisOptions { Metrics = Metric.Activities });
        Assert.Contains(r.Activities, a => a.Name == "A_SUBMITTED+COMPLETE");
        Assert.Contains(r.Activities, a => a.Name == "W_Completeren aanvraag+START");
        Assert.Equal(36, r.Activities.Count);
        Assert.Equal(262200, r.Activities.Sum(a => a.Count));
    }

    public static TheoryData<string> OtherLogs() =>
    [
        "reviewing.xes", "roadtraffic100traces.xes", "03_repairExample.xes.gz", "02_teleclaims.xes.gz", "helpdesk.xes.gz",
        "07_bpic2013_incidents.xes.gz", "06_bpic2013_closed.xes.gz", "receipt.xes", "08_receipt.xes.gz", "interval_event_log.xes",
        "xes_20.xes", "partial-order-example.xes",
    ];

    [Theory]
    [MemberData(nameof(OtherLogs))]
    public void Every_public_log_reads_and_analyses(string name)
    {
        var log = XesReader.Read(Paths.EventLog(name));
        var r = JourneyAnalyzer.Analyze(log);
        Assert.True(r.Events > 0);
        Assert.Equal(log.Count, r.Events);
        Assert.Equal(r.Cases, r.Variants.Sum(v => v.Count));
    }

    public static TheoryData<string> ImporterCases() =>
        new(Directory.GetFiles(Path.Combine(Paths.EventLogs, "xes-importer-cases"), "*.xes").Select(Path.GetFileName).Order()!);

    /// <summary>Files that must fail (the list); every …Correct… file must load; the rest are documented in docs/analytics.md.</summary>
    private static readonly HashSet<string> MustFail =
    [
        "booleanIncorrectValue.xes", "dateIncorrectValue.xes", "intIncorrectValue.xes", "realIncorrectValue.xes", "idIncorrectValue.xes",
        "noLog.xes", "elementIncorrect.xes",
    ];

    /// <summary>Our strict choices among the other schema violations: elements where XES allows none.</summary>
    private static readonly HashSet<string> StrictlyRefused = ["logOutOfPlace.xes", "traceOutOfPlace.xes"];

    [Theory]
    [MemberData(nameof(ImporterCases))]
    public void The_xes_importer_cases_load_or_fail_with_a_clear_place(string name)
    {
        var path = Path.Combine(Paths.EventLogs, "xes-importer-cases", name);
        if (MustFail.Contains(name) || StrictlyRefused.Contains(name))
        {
            var e = Assert.Throws<EventLogFormatException>(() => XesReader.Read(path));
            Assert.Equal(name, e.File);
            Assert.Matches("line [0-9]+", e.Location);
        }
        else
        {
            var log = XesReader.Read(path);
            JourneyAnalyzer.Analyze(log);
        }
    }
}
