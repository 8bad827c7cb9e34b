using Waymark.Domain.Organisation;
using Waymark.Domain.Workspaces;
using Waymark.Storage.Access;

namespace Waymark.Storage.Demo;

/// <summary>
/// The large workspace: Meridian Telecom, a telecom operator with shops, a web shop, field technicians and a service
/// centre, at the size of a real CX programme — 2,000 touchpoints over 25 channels, 200 journey maps, 100,000
/// evaluations over five years, 60 KPIs measured daily for five years, 5,000 insights, ideas and actions and 50
/// members. Tests and benchmarks use it. Built only through the domain's public constructors and methods from a fixed
/// seed: the same <c>today</c> always gives the same content (apart from identifiers and record timestamps).
/// </summary>
public static partial class LargeWorkspace
{
    public const string DefaultKey = "large";
    public const string DefaultName = "Meridian Telecom";
    public const string Description =
        "Large demo workspace: a telecom operator with 140 shops, a web shop, an app, field technicians and a service " +
        "centre, selling mobile, fibre broadband and TV. Five years of evaluations and daily KPI figures.";

    public const int TouchpointCount = 2000, ChannelCount = 25, JourneyCount = 200, EvaluationCount = 100_000;
    public const int KpiCount = 60, DaysMeasured = 1826, ImprovementCount = 5000, MemberCount = 50;
    public const int MinSteps = 10, MaxSteps = 60;

    /// <summary>A member the large workspace is built with: an account by this e-mail with this role in the workspace.</summary>
    public sealed record Member(string Email, string DisplayName, WorkspaceRole Role);

    /// <summary>The built workspace and the members to give access to it.</summary>
    public sealed record Built(WorkspaceContent Content, IReadOnlyList<Member> Members);

    public static Built Build(string key = DefaultKey, DateOnly? today = null, string name = DefaultName)
    {
        var b = new Builder(new Workspace(key, name, Description), today ?? DateOnly.FromDateTime(DateTime.UtcNow));
        b.AddPhases();
        b.AddChannels();
        b.AddDepartments();
        b.AddPeople();
        b.AddPersonas();
        b.AddTouchpoints();
        b.AddJourneys();
        b.AddEvaluations();
        b.AddKpis();
        b.AddImprovements();
        return new Built(b.Content, b.Members());
    }

    private sealed partial class Builder(Workspace workspace, DateOnly today)
    {
        public WorkspaceContent Content { get; } = new(workspace);
        private readonly DateOnly _today = today;
        private readonly Random _rng = new(20_261_111);
        private Guid Ws => Content.Workspace.Id;

        private T Pick<T>(IReadOnlyList<T> items) => items[_rng.Next(items.Count)];

        private bool Chance(double p) => _rng.NextDouble() < p;

        private double Noise(double amplitude) => (_rng.NextDouble() * 2 - 1) * amplitude;

        /// <summary>A day in the five years before today, today excluded.</summary>
        private DateOnly DayInFiveYears() => _today.AddDays(-1 - _rng.Next(DaysMeasured));

        public void AddPhases()
        {
            string[] descriptions =
            [
                "The customer notices Meridian: ads, shops in the high street, coverage maps, friends on a Meridian plan.",
                "Comparing tariffs, coverage, speeds and devices, online, on the phone and in the shop.",
                "Ordering, contract signing, number porting, credit check and payment.",
                "Activation, installation, everyday use, bills, faults and service.",
                "Renewing, recommending, reviewing — or leaving for a competitor.",
            ];
            foreach (var (phase, i) in Phase.CreateDefaults(Ws).Select((p, i) => (p, i)))
                Content.Phases.Add(phase.Describe(phase.Name, descriptions[i]));
        }
    }
}
