using Microsoft.AspNetCore.Http.HttpResults;
using Waymark.Web.Infrastructure;

namespace Waymark.Web.Features.Evidence;

/// <summary>
/// What the stored interaction events say about a map (the figures of its evidence lane) and which touchpoints they use
/// that the inventory lacks. Viewers may read both. They are kept out of the workspace's unchanged-reads cache: events
/// arriving do not move the workspace's stamp, and a read right after an ingestion must see them.
/// </summary>
public static class EvidenceApi
{
    public static RouteGroupBuilder MapEvidenceApi(this RouteGroupBuilder workspace)
    {
        workspace.MapGet("/journeys/{id:guid}/evidence", Get).WithTags("Journeys")
            .WithMetadata(UnchangedReads.BeyondTheWorkspace.Instance);
        workspace.MapGet("/discovered-touchpoints", Discovered).WithTags("Touchpoints")
            .WithMetadata(UnchangedReads.BeyondTheWorkspace.Instance);
        return workspace;
    }

    /// <param name="from">The first day of the period (UTC, YYYY-MM-DD); left out, the 30 days up to the last day.</param>
    /// <param name="to">The last day of the period, included (UTC, YYYY-MM-DD); left out, today.</param>
    private static async Task<Ok<JourneyEvidence>> Get(CurrentWorkspace ws, Guid id, DateOnly? from, DateOnly? to, SharedEvidence evidence, TimeProvider time, CancellationToken ct)
    {
        var (f, t) = JourneyEvidences.Period(from, to, Today(time));
        return TypedResults.Ok((await evidence.OfAsync(ws, id, f, t, ct)).Journey!);
    }

    /// <param name="from">The first day of the period (UTC, YYYY-MM-DD); left out, the 30 days up to the last day.</param>
    /// <param name="to">The last day of the period, included (UTC, YYYY-MM-DD); left out, today.</param>
    private static async Task<Ok<Page<DiscoveredTouchpoint>>> Discovered(CurrentWorkspace ws, DateOnly? from, DateOnly? to, int? page, int? pageSize,
        SharedEvidence evidence, TimeProvider time, CancellationToken ct)
    {
        var (f, t) = JourneyEvidences.Period(from, to, Today(time));
        Paging.Validate(page, pageSize);
        return TypedResults.Ok((await evidence.OfAsync(ws, null, f, t, ct)).Discovered.ToPage(page, pageSize));
    }

    private static DateOnly Today(TimeProvider time) => DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
}
