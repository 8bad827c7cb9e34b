using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Waymark.Analytics.Reading;
using Waymark.Domain.Common;
using Waymark.Storage.Access;
using Waymark.Web.Access;
using Waymark.Web.Infrastructure;

namespace Waymark.Web.Features.Events;

/// <summary>Interaction events flowing in from other systems: the endpoint; the use case is <see cref="EventIngestion"/>.</summary>
public static class EventsApi
{
    public static RouteGroupBuilder MapEventsApi(this RouteGroupBuilder workspace)
    {
        workspace.MapPost("/events", Send).WithTags("Events")
            .RequireWorkspaceRole(WorkspaceRole.EventSender)
            .WithRequestBodyLimit(EventLimits.DefaultBytes, EventLimits.BytesSetting)
            // Described rather than declared with Accepts: a declared type would let routing answer 415 without saying why.
            .AddOpenApiOperationTransformer((operation, _, _) =>
            {
                operation.RequestBody = new OpenApiRequestBody
                {
                    Required = true,
                    Description = "The events: NDJSON (one flat object per line), a JSON array of flat objects, or CSV with a header row.",
                    Content = new Dictionary<string, OpenApiMediaType>
                    {
                        ["application/x-ndjson"] = new() { Schema = new OpenApiSchema { Type = JsonSchemaType.String } },
                        ["application/json"] = new() { Schema = new OpenApiSchema { Type = JsonSchemaType.Array, Items = new OpenApiSchema { Type = JsonSchemaType.Object } } },
                        ["text/csv"] = new() { Schema = new OpenApiSchema { Type = JsonSchemaType.String } },
                    },
                };
                return Task.CompletedTask;
            })
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
        workspace.MapDelete("/events", Erase).WithTags("Events").RequireWorkspaceRole(WorkspaceRole.Owner);
        workspace.MapGet("/events/retention", GetRetention).WithTags("Events");
        workspace.MapGet("/events/mapping", GetMapping).WithTags("Events");
        workspace.MapPut("/events/mapping", SaveMapping).WithTags("Events").ProducesProblem(409).ProducesProblem(428);
        workspace.MapDelete("/events/mapping", RemoveMapping).WithTags("Events").ProducesProblem(409);
        workspace.MapPut("/events/retention", SetRetention).WithTags("Events").RequireWorkspaceRole(WorkspaceRole.Owner);
        return workspace;
    }

    /// <summary>
    /// Stores a batch of events sent as NDJSON (one object per line), a JSON array of objects, or CSV with a header row.
    /// Fields are found by their usual names (customer, time, touchpoint, channel, event_id, case, outcome, agent,
    /// handling, waiting, score, score_kind); <c>map</c> names other columns as in <c>waymark analyze --map</c>, e.g.
    /// <c>customer=cust_id,time=ts,touchpoint=activity</c>. Other fields are kept as attributes.
    /// </summary>
    private static async Task<Results<Ok<EventBatchResponse>, ProblemHttpResult>> Send(CurrentWorkspace ws, HttpRequest request, Work work,
        IConfiguration configuration, string? map, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        var format = FormatOf(request.ContentType);
        if (format is null)
            return TypedResults.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, title: "This kind of content is not taken",
                detail: $"Send events as application/x-ndjson, application/json (an array of objects) or text/csv; this request is '{request.ContentType}'.");
        var mapping = await EventMappingChanges.ForReadingAsync(work.Db, ws, map, ct);
        // Sized by the announced length (within the limit), so a batch of megabytes is not copied again as it grows.
        var body = new MemoryStream((int)Math.Clamp(request.ContentLength ?? 0, 0, Math.Min(EventLimits.From(configuration).MaxBatchBytes, int.MaxValue)));
        try
        {
            await request.Body.CopyToAsync(body, ct);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            throw new TooLargeException($"This batch is larger than {EventLimits.From(configuration).MaxBatchBytes:N0} bytes; send it in smaller batches. Nothing was stored.");
        }
        body.Position = 0;
        var source = "the batch";
        var records = format switch
        {
            "csv" => InteractionEventReader.ReadCsv(body, mapping, source),
            "json" => InteractionEventReader.ReadJsonArray(body, mapping, source),
            _ => InteractionEventReader.ReadNdjson(body, mapping, source),
        };
        var result = await EventIngestion.IngestAsync(work, ws, records, EventLimits.From(configuration).MaxBatchEvents, ct);
        // The server's own time for the batch (reading, checking, committing), so a sender can tell it from the network's.
        request.HttpContext.Response.Headers["Server-Timing"] = string.Create(CultureInfo.InvariantCulture, $"ingest;dur={clock.Elapsed.TotalMilliseconds:F1}");
        return TypedResults.Ok(result);
    }

    /// <summary>Erases every event of one customer (the right to erasure, GDPR article 17); owners only.</summary>
    /// <param name="customer">The customer id as the events carry it.</param>
    private static async Task<Ok<ErasureResponse>> Erase(CurrentWorkspace ws, Work work, string? customer, CancellationToken ct) =>
        TypedResults.Ok(await EventErasure.EraseCustomerAsync(work, ws, customer, ct));

    private static async Task<Ok<RetentionSetting>> GetRetention(CurrentWorkspace ws, Storage.WaymarkDb db, CancellationToken ct) =>
        TypedResults.Ok(await EventRetention.GetAsync(db, ws, ct));

    /// <summary>Sets how many days the workspace keeps its events (empty: for ever); older events are erased at once.</summary>
    private static async Task<Ok<RetentionChange>> SetRetention(CurrentWorkspace ws, RetentionSetting setting, Work work, CancellationToken ct) =>
        TypedResults.Ok(await EventRetention.SetAsync(work, ws, setting, ct));

    /// <summary>The workspace's saved column mapping, which batches sent without <c>map</c> are read with.</summary>
    private static async Task<Ok<EventMappingResponse>> GetMapping(CurrentWorkspace ws, Storage.WaymarkDb db, CancellationToken ct) =>
        TypedResults.Ok(await EventMappingChanges.ReadAsync(db, ws, ct));

    /// <summary>Saves the column mapping (as <c>map</c> of a batch, e.g. <c>customer=cust_id,time=ts</c>) for batches and files sent without one.</summary>
    private static async Task<Ok<EventMappingResponse>> SaveMapping(CurrentWorkspace ws, EventMappingRequest r, Work work, HttpContext http, CancellationToken ct) =>
        TypedResults.Ok(await EventMappingChanges.SaveAsync(work, ws, r with { Version = r.Version ?? Versions.Optional(http) }, ct));

    /// <summary>Removes the saved column mapping: fields are found by their usual names again.</summary>
    private static async Task<Ok<EventMappingResponse>> RemoveMapping(CurrentWorkspace ws, Work work, HttpContext http, CancellationToken ct) =>
        TypedResults.Ok(await EventMappingChanges.RemoveAsync(work, ws, Versions.Optional(http), ct));

    private static string? FormatOf(string? contentType) =>
        MediaTypeHeaderValue.TryParse(contentType, out var type) ? type.MediaType?.ToLowerInvariant() switch
        {
            "application/x-ndjson" or "application/ndjson" or "application/jsonl" or "application/x-jsonlines" => "ndjson",
            "application/json" => "json",
            "text/csv" => "csv",
            _ => null,
        } : null;
}
