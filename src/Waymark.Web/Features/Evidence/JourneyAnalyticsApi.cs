using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Waymark.Domain.Common;
using Waymark.Storage;
using Waymark.Storage.Access;
using Waymark.Web.Access;
using Waymark.Web.Infrastructure;

namespace Waymark.Web.Features.Evidence;

/// <summary>
/// Who is behind the journey analytics: example customers of a figure and one customer's timeline. Both name customers
/// and show what they did, so they are for editors and owners, not viewers or event-sending tokens. Events do not move
/// the workspace stamp, so these answers are never kept as unchanged reads.
/// </summary>
public static class JourneyAnalyticsApi
{
    public static RouteGroupBuilder MapJourneyAnalyticsApi(this RouteGroupBuilder workspace)
    {
        workspace.MapGet("/analytics/examples", Examples).WithTags("Analytics")
            .RequireWorkspaceRole(WorkspaceRole.Editor).WithMetadata(UnchangedReads.BeyondTheWorkspace.Instance);
        workspace.MapGet("/customers/{customer}/timeline", Timeline).WithTags("Analytics")
            .RequireWorkspaceRole(WorkspaceRole.Editor).WithMetadata(UnchangedReads.BeyondTheWorkspace.Instance);
        return workspace;
    }

    /// <summary>
    /// Example customers whose journeys in the period take a variant (<c>kind=variant</c>, <c>of</c> = its touchpoints in
    /// order), pass an edge of the directly-follows graph (<c>kind=edge</c>, <c>of</c> = the two touchpoints) or switch
    /// between two channels (<c>kind=switch</c>, <c>of</c> = the two channels); the earliest first.
    /// </summary>
    /// <param name="from">The first day of the period (UTC), e.g. 2026-11-01.</param>
    /// <param name="to">The last day of the period (UTC), included.</param>
    /// <param name="channel">Only the events of this channel.</param>
    /// <param name="persona">Only the events whose <c>persona</c> attribute names this persona.</param>
    /// <param name="kind">variant, edge or switch.</param>
    /// <param name="of">The touchpoints or channels drilled into, in order; repeat the parameter for each.</param>
    /// <param name="limit">How many customers at most (1 to 100; 20 when left out).</param>
    private static async Task<Ok<ExampleCustomersResponse>> Examples(CurrentWorkspace ws, WaymarkDb db, DateOnly? from, DateOnly? to,
        string? channel, string? persona, string? kind, string[]? of, int? limit, CancellationToken ct)
    {
        var question = Question(from, to, channel, persona);
        var drill = Enum.TryParse<DrillDown>(kind, ignoreCase: true, out var k) && Enum.IsDefined(k) && !int.TryParse(kind, out _)
            ? k
            : throw new DomainRuleException("kind", "Say what to drill into: kind=variant, kind=edge or kind=switch.");
        return TypedResults.Ok(await ExampleCustomers.FindAsync(db, ws, question, drill, of ?? [], limit ?? ExampleCustomers.DefaultLimit, ct));
    }

    /// <summary>
    /// Every stored event of one customer across channels in time order, in journeys, with lost context marked: a service
    /// contact within 2 days after an unresolved one on another channel.
    /// </summary>
    /// <param name="customer">The customer id exactly as the events carry it, percent-encoded (a slash as %2F).</param>
    private static async Task<Ok<CustomerTimelineResponse>> Timeline(CurrentWorkspace ws, WaymarkDb db, string customer, HttpContext http, CancellationToken ct) =>
        TypedResults.Ok(await CustomerTimeline.ReadAsync(db, ws, CustomerAsSent(http, customer), ct));

    /// <summary>
    /// The customer id as the client wrote it. The server decodes a path except its escaped slashes, so routing hands over
    /// "K%2F1" both for the id "K/1" (sent as K%2F1) and for the id "K%2F1" (sent as K%252F1); the path as sent (Kestrel
    /// keeps it) tells them apart. A host that does not keep it gets the far likelier reading: an escaped slash is a slash.
    /// </summary>
    private static string CustomerAsSent(HttpContext http, string routed)
    {
        var target = http.Features.Get<IHttpRequestFeature>()?.RawTarget;
        var segments = string.IsNullOrEmpty(target) ? [] : target.Split('?', 2)[0].TrimEnd('/').Split('/');
        return segments.Length >= 3 && segments[^3].Equals("customers", StringComparison.OrdinalIgnoreCase)
            ? Uri.UnescapeDataString(segments[^2])
            : routed.Replace("%2F", "/", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>A period and filters as the analytics take them; a day that is missing or out of order is refused naming it.</summary>
    public static EventQuestion Question(DateOnly? from, DateOnly? to, string? channel, string? persona)
    {
        if (from is null) throw new DomainRuleException("from", "Give the first day of the period, e.g. from=2026-11-01.");
        if (to is null) throw new DomainRuleException("to", "Give the last day of the period, e.g. to=2026-11-30.");
        if (to < from) throw new DomainRuleException("to", $"The period ends ({to:yyyy-MM-dd}) before it begins ({from:yyyy-MM-dd}).");
        return new EventQuestion
        {
            From = from.Value,
            To = to.Value,
            Channel = string.IsNullOrWhiteSpace(channel) ? null : channel,
            Persona = string.IsNullOrWhiteSpace(persona) ? null : persona,
        };
    }
}
