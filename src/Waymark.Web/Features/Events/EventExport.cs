using System.Globalization;
using Waymark.Analytics.Reading;
using Waymark.Analytics.Writing;
using Waymark.Domain.Common;
using Waymark.Domain.Events;
using Waymark.Storage.Access;
using Waymark.Storage.Interactions;
using Waymark.Web.Infrastructure;

namespace Waymark.Web.Features.Events;

/// <summary>Which stored events to export: a period (texts as given, checked here), one customer or all, and the format.</summary>
public sealed record EventExportRequest(string? From, string? To, string? Customer, EventLogFormat Format);

/// <summary>An export that may go ahead: its period, the file name to offer and how to write it.</summary>
public sealed class EventExportPlan(IEventStore store, CurrentWorkspace ws, DateTime from, DateTime to, string? customer, EventLogFormat format)
{
    public DateTime From => from;
    public DateTime To => to;
    public EventLogFormat Format => format;
    public string MediaType => InteractionEventWriter.MediaType(format);

    /// <summary>e.g. demo-events-2026-11-01-to-2026-11-30.csv (the last day the period covers).</summary>
    public string FileName =>
        $"{ws.Key}-events" + (from == EventExport.Earliest ? "" : $"-{from:yyyy-MM-dd}") + (to == EventExport.Latest ? "" : $"-to-{to.AddTicks(-1):yyyy-MM-dd}")
        + $".{InteractionEventWriter.Extension(format)}";

    /// <summary>Streams the events in time order into <paramref name="output"/>, one at a time; returns how many were written.</summary>
    public Task<long> WriteAsync(Stream output, CancellationToken ct) =>
        InteractionEventWriter.Create(output, format).WriteAllAsync(
            customer is null ? store.ReadAsync(ws.Id, from, to, ct) : store.ReadCustomerAsync(ws.Id, customer, from, to, ct), ct);
}

/// <summary>
/// The stored events taken back out (CSV, NDJSON, Parquet) with every field they were stored with, under the names the
/// ingestion reads, so that an export can be ingested again unchanged. Raw events carry customer ids, so editors and
/// owners may export and viewers may not (they see the analytics); event-sender tokens read nothing. Every export is
/// audited before the first event leaves: who took which period (and, for one customer, only a hash of the id).
/// </summary>
public static class EventExport
{
    public static readonly DateTime Earliest = new(1970, 1, 1, 0, 0, 0, DateTimeKind.Utc), Latest = new(2101, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    public static async Task<EventExportPlan> PrepareAsync(Work work, CurrentWorkspace ws, EventExportRequest request, CancellationToken ct)
    {
        await work.AllowAsync(ws, WorkspaceRole.Editor, ct);
        var from = Moment(request.From, "from", endOfDay: false) ?? Earliest;
        var to = Moment(request.To, "to", endOfDay: true) ?? Latest;
        if (to <= from)
            throw new DomainRuleException("to", $"The period ends before it begins: 'to' ({request.To}) must come after 'from' ({request.From}).");
        var customer = string.IsNullOrWhiteSpace(request.Customer) ? null : request.Customer.Trim();
        if (customer is { Length: > InteractionEvent.MaxKey })
            throw new DomainRuleException("customer", $"A customer id is at most {InteractionEvent.MaxKey} characters long.");
        await work.AuditAsync(ws, AuditAction.Exported, "InteractionEvents", ws.Key, new
        {
            from = from == Earliest ? null : (DateTime?)from,
            to = to == Latest ? null : (DateTime?)to,
            customer = customer is null ? null : EventErasure.CustomerHash(customer),
            format = InteractionEventWriter.Extension(request.Format),
        }, ct);
        return new EventExportPlan(EventStore.For(work.Db), ws, from, to, customer, request.Format);
    }

    /// <summary>csv, ndjson (or jsonl) or parquet; null when the text names none of them.</summary>
    public static EventLogFormat? FormatNamed(string? text) => text?.Trim().ToLowerInvariant() switch
    {
        "csv" => EventLogFormat.Csv,
        "ndjson" or "jsonl" => EventLogFormat.Ndjson,
        "parquet" => EventLogFormat.Parquet,
        _ => null,
    };

    /// <summary>
    /// A date (2026-11-30) is a whole day in UTC: 'from' its first moment, 'to' includes it. A timestamp with an offset
    /// or Z is that instant, and 'to' excludes it; without an offset it is UTC.
    /// </summary>
    private static DateTime? Moment(string? text, string field, bool endOfDay)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        text = text.Trim();
        DateTime at;
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            at = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc).AddDays(endOfDay ? 1 : 0);
        else if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var instant)
                 && text.Contains('T', StringComparison.OrdinalIgnoreCase))
            at = instant.UtcDateTime;
        else
            throw new DomainRuleException(field, $"'{text}' is not a date or a time: give a date such as 2026-11-30 or a time such as 2026-11-30T14:00:00Z.");
        if (at < Earliest || at > Latest)
            throw new DomainRuleException(field, $"'{text}' lies outside 1970–2100, where events are kept.");
        return at;
    }
}
