using System.Text.RegularExpressions;

namespace Waymark.Ui.Tests.Sameness;

/// <summary>
/// Audit entries without the moments the server stamps on its own (when a score or measurement was recorded, when an
/// action was completed) and without the ids of rows each run created itself (a measurement names its new KPI): two
/// runs of the same change differ only there.
/// </summary>
internal static partial class WithoutClock
{
    public static IReadOnlyList<string> Of(IReadOnlyList<string> entries, params Guid[] createdInTheRun) =>
        entries.Select(e => createdInTheRun.Aggregate(Stamps().Replace(e, "$1\"…\""), (x, id) => x.Replace(id.ToString(), "…"))).ToList();

    [GeneratedRegex("(\"(?:recordedAt|completedAt)\":)(\\{[^}]*\\}|\"[^\"]*\")")]
    private static partial Regex Stamps();
}
