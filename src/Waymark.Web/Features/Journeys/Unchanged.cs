using Waymark.Domain.Journeys;
using Waymark.Web.Infrastructure;

namespace Waymark.Web.Features.Journeys;

/// <summary>
/// The rule of the map page's undo and redo: something is changed back only if it is still as this session left it,
/// never over someone else's change. The "…IfUnchanged" use cases of <see cref="JourneyUndo"/>, <see cref="StageUndo"/>
/// and <see cref="StepUndo"/> apply it.
/// </summary>
internal static class Unchanged
{
    public static void Require(bool unchanged, string what, string how = "changed")
    {
        if (!unchanged) throw new ConflictException($"Someone else {how} {what} since, so it is left as they made it.");
    }

    public static ConflictException Gone(string what) => new($"Someone else removed {what} since, so there is nothing to change back.");

    /// <summary>Two step contents say the same; the domain trims the action, and touchpoints are a set.</summary>
    public static bool Same(StepContent a, StepContent b) =>
        a with { Action = a.Action.Trim(), TouchpointIds = null } == b with { Action = b.Action.Trim(), TouchpointIds = null }
        && (a.TouchpointIds ?? []).ToHashSet().SetEquals(b.TouchpointIds ?? []);
}
