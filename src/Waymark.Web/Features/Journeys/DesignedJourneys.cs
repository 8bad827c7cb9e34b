using Microsoft.EntityFrameworkCore;
using Waymark.Analytics.Conformance;
using Waymark.Storage;
using Waymark.Web.Infrastructure;

namespace Waymark.Web.Features.Journeys;

/// <summary>
/// A map as the journey analytics hold real journeys against it: stages and steps in order with the event keys of their
/// touchpoints. The API's <c>designed-journey</c>, the real-journeys page and <c>waymark analyze --map</c> all read it here.
/// </summary>
public static class DesignedJourneys
{
    public static async Task<DesignedJourney> OfAsync(WaymarkDb db, CurrentWorkspace ws, Guid journeyId, CancellationToken ct)
    {
        var journey = await db.Journeys.AsNoTracking().Include(j => j.Stages).ThenInclude(s => s.Steps).FindInAsync(ws, journeyId, "journey", ct);
        var ids = journey.Stages.SelectMany(s => s.Steps).SelectMany(s => s.TouchpointIds).Distinct().ToList();
        var touchpoints = await db.Touchpoints.AsNoTracking().Where(t => t.WorkspaceId == ws.Id && ids.Contains(t.Id)).ToDictionaryAsync(t => t.Id, ct);
        return DesignedJourney.FromMap(journey, touchpoints);
    }
}
