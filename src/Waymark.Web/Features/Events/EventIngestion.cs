using Waymark.Analytics.Reading;
using Waymark.Domain.Events;
using Waymark.Storage.Access;
using Waymark.Storage.Interactions;
using Waymark.Web.Infrastructure;

namespace Waymark.Web.Features.Events;

/// <summary>What one batch did: events received, events stored, and events left out because their id was already stored.</summary>
public sealed record EventBatchResponse(int Received, int Stored, int Duplicates);

/// <summary>How much one batch may hold (Waymark:Events:MaxBatchBytes, Waymark:Events:MaxBatchEvents).</summary>
public sealed record EventLimits(long MaxBatchBytes, int MaxBatchEvents)
{
    public const string BytesSetting = "Waymark:Events:MaxBatchBytes", EventsSetting = "Waymark:Events:MaxBatchEvents";
    public const long DefaultBytes = 32L * 1024 * 1024;
    public const int DefaultEvents = 50_000;

    public static EventLimits From(IConfiguration configuration) =>
        new(configuration.GetValue(BytesSetting, DefaultBytes), configuration.GetValue(EventsSetting, DefaultEvents));
}

/// <summary>
/// Interaction events sent by a call-centre system, a shop, a CRM (the API) or read from a file (<c>waymark ingest</c>).
/// A batch is checked whole before anything is stored: one bad event refuses the batch, naming every problem by line
/// and field. An accepted batch is committed by the event store before the answer goes out, so an acknowledged event
/// is never lost; events whose id is already stored are counted as duplicates, so a retry after a timeout is harmless.
/// Editors, owners and event-sender tokens may send events; viewers may not.
/// </summary>
public static class EventIngestion
{
    /// <summary>Problems listed in one refusal; the count says how many there were in all.</summary>
    public const int MaxProblemsListed = 100;

    public static async Task<EventBatchResponse> IngestAsync(Work work, CurrentWorkspace ws, IEnumerable<IncomingEvent> records, int maxEvents, CancellationToken ct)
    {
        await work.AllowAsync(ws, WorkspaceRole.EventSender, ct);
        var events = Validate(records, maxEvents);
        var result = await EventStore.For(work.Db).AppendAsync(ws.Id, events, ct);
        // Events are not saved through the context, so the audit trail gets one entry per batch here, after the commit.
        await work.AuditAsync(ws, AuditAction.Created, "InteractionEvents", ws.Key,
            new { received = events.Count, stored = result.Stored, duplicates = result.Duplicates }, ct);
        if (result.Stored > 0) work.AnnounceEvents(ws.Id, events.Select(e => DateOnly.FromDateTime(e.At)));
        return new EventBatchResponse(events.Count, result.Stored, result.Duplicates);
    }

    /// <summary>The batch's events when every one is fine; otherwise a refusal naming each problem by line and field.</summary>
    public static List<InteractionEvent> Validate(IEnumerable<IncomingEvent> records, int maxEvents)
    {
        var events = new List<InteractionEvent>();
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var (problems, badEvents) = (0, 0);
        string? first = null;
        try
        {
            foreach (var record in records)
            {
                if (events.Count + badEvents >= maxEvents)
                    throw new TooLargeException($"This batch holds more than {Count.Of(maxEvents, "event")}; send at most {maxEvents:N0} events per request. Nothing was stored.");
                if (record.Event is { } e && record.Problems.Count == 0)
                {
                    events.Add(e);
                    continue;
                }
                badEvents++;
                foreach (var (field, problem) in record.Problems)
                {
                    problems++;
                    var key = field.Length == 0 ? record.Location : $"{record.Location}: {field}";
                    first ??= field.Length == 0 ? $"{record.Location} {problem}" : $"{record.Location}, field '{field}': {problem}";
                    if (errors.Count < MaxProblemsListed) errors[key] = errors.TryGetValue(key, out var known) ? [.. known, problem] : [problem];
                }
            }
        }
        catch (EventLogFormatException e)
        {
            var key = e.Field is null ? e.Location : $"{e.Location}: {e.Field}";
            throw new InvalidItemsException($"Nothing was stored: {e.Location}{(e.Field is null ? "" : $", field '{e.Field}'")}: {e.Problem}.",
                new Dictionary<string, string[]> { [key] = [e.Problem] });
        }
        if (problems > 0)
            throw new InvalidItemsException(
                $"Nothing was stored: {Count.Of(problems, "problem")} in {Count.Of(badEvents, "event")}" +
                (problems > MaxProblemsListed ? $" (the first {MaxProblemsListed} are listed)" : "") + $". The first: {first}.", errors);
        if (events.Count == 0) throw new InvalidItemsException("The batch holds no events; nothing was stored.", new Dictionary<string, string[]> { ["events"] = ["The batch is empty."] });
        return events;
    }
}
