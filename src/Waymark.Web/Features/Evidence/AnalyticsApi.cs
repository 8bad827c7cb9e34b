using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Waymark.Analytics.Metrics;
using Waymark.Analytics.Reporting;
using Waymark.Domain.Common;
using Waymark.Storage;
using Waymark.Storage.Interactions;
using Waymark.Web.Infrastructure;

namespace Waymark.Web.Features.Evidence;

/// <summary>Journey analytics of a period over the stored events: the same report as <c>waymark analyze --json</c>.</summary>
public static class AnalyticsApi
{
    /// <summary>A period left open ends on the day of the newest event and spans this many days.</summary>
    public const int DefaultDays = 30;

    /// <summary>The report's JSON settings (the field names and numbers of <c>waymark analyze --json</c>), not indented.</summary>
    private static readonly JsonSerializerOptions Compact = new(ReportJson.Options) { WriteIndented = false };

    public static RouteGroupBuilder MapAnalyticsApi(this RouteGroupBuilder workspace)
    {
        // Events move no workspace stamp, so this answer is never kept by the stamp-keyed output cache; EventAnalytics
        // keeps merged reports by the events' own change counts instead.
        workspace.MapGet("/analytics", Get).WithTags("Analytics")
            .WithMetadata(UnchangedReads.BeyondTheWorkspace.Instance)
            .Produces<AnalysisReport>(StatusCodes.Status200OK, "application/json");
        return workspace;
    }

    /// <summary>
    /// The report of the journeys that start in the period (UTC days, both inclusive), each with all its events: a journey
    /// is a customer's events with no gap longer than 7 days, ending at the latest at the end of its calendar month.
    /// The answer holds every field of <c>waymark analyze --json</c> (cases, events, variants, dfg, channelSwitches,
    /// kpis, conformance, funnel …) and, beside them, the period asked (<c>from</c>, <c>to</c>), the filters and
    /// <c>lastEventAt</c>, the time of the workspace's newest event.
    /// </summary>
    /// <param name="from">First day, YYYY-MM-DD; by default 30 days before <c>to</c>.</param>
    /// <param name="to">Last day, YYYY-MM-DD; by default the day of the newest stored event (today when there is none).</param>
    /// <param name="channel">Only events in this channel.</param>
    /// <param name="persona">Only events whose <c>persona</c> attribute is this.</param>
    /// <param name="journey">Id of a journey map to check the journeys' conformance against.</param>
    private static async Task<IResult> Get(CurrentWorkspace ws, WaymarkDb db, EventAnalytics analytics, TimeProvider clock,
        string? from, string? to, string? channel, string? persona, string? journey, CancellationToken ct)
    {
        var question = await QuestionAsync(db, ws, clock, from, to, channel, persona, journey, ct);
        var answer = await analytics.AnalyseAsync(db, ws, question, ct);
        return Results.Text(Json(answer), "application/json");
    }

    /// <summary>
    /// The answer as the endpoint and <c>waymark analyze --workspace</c> write it: the period and filters asked, the newest
    /// event's time, then every field of the report.
    /// </summary>
    public static string Json(EventAnalysis answer)
    {
        var question = answer.Question;
        // As the report leaves out what it does not have (no map, no funnel), so does the question.
        var body = new JsonObject
        {
            ["from"] = question.From.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["to"] = question.To.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        };
        if (question.Channel is { } channelAsked) body["channel"] = channelAsked;
        if (question.Persona is { } personaAsked) body["persona"] = personaAsked;
        if (question.Journey is { } map) body["journey"] = map.ToString();
        if (answer.LastEventAt is { } last) body["lastEventAt"] = last;
        foreach (var (name, value) in JsonSerializer.SerializeToNode(answer.Report, ReportJson.Options)!.AsObject().ToList())
            body[name] = value?.DeepClone();
        return body.ToJsonString(Compact);
    }

    /// <summary>The question the query asks, with the defaults filled in; a date or id that cannot be read is refused naming its field.</summary>
    public static async Task<EventQuestion> QuestionAsync(WaymarkDb db, CurrentWorkspace ws, TimeProvider clock,
        string? from, string? to, string? channel, string? persona, string? journey, CancellationToken ct)
    {
        var first = Day(from, "from");
        var last = Day(to, "to");
        Guid? map = null;
        if (!string.IsNullOrWhiteSpace(journey))
            map = Guid.TryParse(journey.Trim(), out var id)
                ? id
                : throw new DomainRuleException("journey", $"'{journey}' is not the id of a journey map; use the id that GET …/journeys lists.");
        if (last is null)
        {
            var newest = await EventStore.For(db).LastEventAtAsync(ws.Id, ct) ?? clock.GetUtcNow().UtcDateTime;
            var day = DateOnly.FromDateTime(newest);
            last = first is { } f && f > day ? f.AddDays(DefaultDays - 1) : day;
        }
        first ??= last.Value.AddDays(-(DefaultDays - 1));
        if (last < first)
            throw new DomainRuleException("to", $"The period ends on {last:yyyy-MM-dd}, before it starts on {first:yyyy-MM-dd}; 'to' must be on or after 'from'.");
        return new EventQuestion
        {
            From = first.Value, To = last.Value,
            Channel = string.IsNullOrWhiteSpace(channel) ? null : channel.Trim(),
            Persona = string.IsNullOrWhiteSpace(persona) ? null : persona.Trim(),
            Journey = map,
        };
    }

    private static DateOnly? Day(string? text, string field)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (!DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            throw new DomainRuleException(field, $"'{text}' is not a date; write it as year-month-day, for example 2026-11-30.");
        if (day < Guard.EarliestDate || day > Guard.LatestDate)
            throw new DomainRuleException(field, $"{day:yyyy-MM-dd} lies outside the dates Waymark keeps (1 January 1950 to 31 December 2100).");
        return day;
    }
}
