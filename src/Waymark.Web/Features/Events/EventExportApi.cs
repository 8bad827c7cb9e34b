using Microsoft.AspNetCore.OpenApi;
using Microsoft.Net.Http.Headers;
using Microsoft.OpenApi;
using Waymark.Analytics.Reading;
using Waymark.Analytics.Writing;
using Waymark.Domain.Common;
using Waymark.Storage.Access;
using Waymark.Web.Access;
using Waymark.Web.Infrastructure;

namespace Waymark.Web.Features.Events;

/// <summary>The stored interaction events taken back out: the endpoint; the use case is <see cref="EventExport"/>.</summary>
public static class EventExportApi
{
    private static readonly (string MediaType, EventLogFormat Format)[] Offered =
    [
        ("text/csv", EventLogFormat.Csv),
        ("application/x-ndjson", EventLogFormat.Ndjson), ("application/ndjson", EventLogFormat.Ndjson), ("application/jsonl", EventLogFormat.Ndjson),
        ("application/vnd.apache.parquet", EventLogFormat.Parquet), ("application/x-parquet", EventLogFormat.Parquet),
    ];

    public static RouteGroupBuilder MapEventExportApi(this RouteGroupBuilder workspace)
    {
        workspace.MapGet("/events", Export).WithTags("Events")
            .RequireWorkspaceRole(WorkspaceRole.Editor)
            // Millions of rows are streamed, never kept whole; and each export must reach the audit trail.
            .CacheOutput(policy => policy.NoCache())
            .AddOpenApiOperationTransformer((operation, _, _) =>
            {
                operation.Summary = "Export the stored interaction events of a period (CSV, NDJSON or Parquet), in time order, with every stored field.";
                operation.OperationId = "exportEvents";
                operation.Description = Description;
                foreach (var parameter in operation.Parameters ?? [])
                    if (parameter is OpenApiParameter p && ParameterDescriptions.TryGetValue(p.Name ?? "", out var text)) p.Description = text;
                operation.Responses!["200"] = new OpenApiResponse
                {
                    Description = "The events in time order, streamed. Columns (CSV, Parquet) or properties (NDJSON): customer, time, touchpoint, "
                                 + "channel, event_id, case, outcome, agent, handling, waiting, score, score_kind, attributes — the names POST …/events "
                                 + "reads, so the file can be sent or ingested again unchanged. attributes holds the event's free attributes as one JSON object.",
                    Content = new Dictionary<string, OpenApiMediaType>
                    {
                        ["text/csv"] = new() { Schema = new OpenApiSchema { Type = JsonSchemaType.String } },
                        ["application/x-ndjson"] = new() { Schema = new OpenApiSchema { Type = JsonSchemaType.String } },
                        ["application/vnd.apache.parquet"] = new() { Schema = new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary" } },
                    },
                };
                return Task.CompletedTask;
            })
            .ProducesProblem(StatusCodes.Status406NotAcceptable);
        return workspace;
    }

    private const string Description =
        "Editors and owners only: raw events carry customer ids, so viewers (who see the analytics) and event-sender tokens are refused (403). "
        + "Every export is recorded in the audit trail (action Exported) with who took which period, the format and, for one customer, only a hash of the id. "
        + "The answer is streamed as the events are read, so any number of events is exported in constant memory. "
        + "The format is `format` when given, else the first of text/csv, application/x-ndjson and application/vnd.apache.parquet that `Accept` names "
        + "(CSV for */* or no Accept; 406 when Accept names none of them). "
        + "In CSV, a text cell beginning with = + - or @ is written with a leading apostrophe (=SUM(A1) becomes '=SUM(A1)) so that a spreadsheet does not run it "
        + "as a formula; numbers such as -3 are left alone. Ingesting such a CSV keeps the apostrophe as part of the value; NDJSON and Parquet are exact copies.";

    private static readonly Dictionary<string, string> ParameterDescriptions = new(StringComparer.Ordinal)
    {
        ["from"] = "First day of the period (2026-11-01, from its first moment in UTC) or the instant it begins (2026-11-01T08:00:00Z); empty: from the first event.",
        ["to"] = "Last day of the period, included (2026-11-30), or the instant it ends, excluded (2026-12-01T00:00:00Z); empty: up to the last event.",
        ["customer"] = "Only this customer's events, as the events carry the id (for a subject access request).",
        ["format"] = "csv, ndjson or parquet; overrides Accept.",
    };

    /// <summary>
    /// Exports the stored events of a period as CSV, NDJSON or Parquet, in time order, with every field they were stored
    /// with; editors and owners only (raw events carry customer ids), and every export is recorded in the audit trail.
    /// The format is <c>format</c> when given, else the first of text/csv, application/x-ndjson and
    /// application/vnd.apache.parquet that <c>Accept</c> names, else CSV. In CSV, a text cell beginning with = + - or @
    /// is written with a leading apostrophe so that spreadsheets do not run it as a formula (numbers such as -3 are left
    /// alone); ingesting such a file keeps the apostrophe, so use NDJSON or Parquet for an exact copy.
    /// </summary>
    /// <param name="from">First day (2026-11-01) or instant (2026-11-01T08:00:00Z) of the period, UTC; empty: the first event.</param>
    /// <param name="to">Last day of the period, included (2026-11-30), or the instant it ends, excluded; empty: the last event.</param>
    /// <param name="customer">Only this customer's events (a subject access request).</param>
    /// <param name="format">csv, ndjson or parquet.</param>
    private static async Task<IResult> Export(CurrentWorkspace ws, HttpRequest request, Work work, string? from, string? to, string? customer, string? format,
        CancellationToken ct)
    {
        EventLogFormat chosen;
        if (!string.IsNullOrWhiteSpace(format))
            chosen = EventExport.FormatNamed(format) ?? throw new DomainRuleException("format", $"'{format}' is not an export format: choose csv, ndjson or parquet.");
        else if (Accepted(request) is { } accepted) chosen = accepted;
        else
            return TypedResults.Problem(statusCode: StatusCodes.Status406NotAcceptable, title: "This kind of content is not offered",
                detail: $"Events are exported as text/csv, application/x-ndjson or application/vnd.apache.parquet; this request accepts only '{request.Headers.Accept}'. Or choose with ?format=csv, ndjson or parquet.");
        var plan = await EventExport.PrepareAsync(work, ws, new EventExportRequest(from, to, customer, chosen), ct);
        return new StreamedEvents(plan);
    }

    /// <summary>The first offered type the Accept header names (in its order of preference), CSV for */* or none.</summary>
    private static EventLogFormat? Accepted(HttpRequest request)
    {
        if (!MediaTypeHeaderValue.TryParseList(request.Headers.Accept, out var accepted) || accepted.Count == 0) return EventLogFormat.Csv;
        foreach (var type in accepted.OrderByDescending(t => t.Quality ?? 1))
        {
            if (type.MatchesAllTypes || type.MediaType.Equals("text/*", StringComparison.OrdinalIgnoreCase)) return EventLogFormat.Csv;
            foreach (var (mediaType, offered) in Offered)
                if (type.MediaType.Equals(mediaType, StringComparison.OrdinalIgnoreCase)) return offered;
        }
        return null;
    }

    /// <summary>Writes the export straight into the response as the store reads it.</summary>
    private sealed class StreamedEvents(EventExportPlan plan) : IResult
    {
        public async Task ExecuteAsync(HttpContext http)
        {
            http.Response.ContentType = plan.Format == EventLogFormat.Csv ? "text/csv; charset=utf-8" : plan.MediaType;
            http.Response.Headers.ContentDisposition = $"attachment; filename=\"{plan.FileName}\"";
            await plan.WriteAsync(http.Response.Body, http.RequestAborted);
        }
    }
}
