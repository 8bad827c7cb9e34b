namespace Waymark.Analytics.Reading;

/// <summary>
/// Which header (CSV) or property (NDJSON, Parquet) holds each field. A null name means "try the usual names".
/// Parse from text with <see cref="Parse"/>: <c>customer=cust_id,time=ts,activity=touchpoint</c>.
/// </summary>
public sealed record ColumnMapping
{
    public string? Customer { get; init; }
    public string? Case { get; init; }
    public string? Time { get; init; }
    public string? Activity { get; init; }
    public string? Lifecycle { get; init; }
    public string? Channel { get; init; }
    public string? Outcome { get; init; }
    public string? Score { get; init; }
    public string? ScoreKind { get; init; }
    public string? Duration { get; init; }
    public string? Waiting { get; init; }
    /// <summary>The source's own id of the event (stored events only: it makes sending an event again harmless).</summary>
    public string? EventId { get; init; }
    /// <summary>Who served the customer (stored events only).</summary>
    public string? Agent { get; init; }
    /// <summary>The channel of stored events whose source names none (an XES log rarely does): <c>waymark ingest --channel</c>.</summary>
    public string? DefaultChannel { get; init; }
    /// <summary>A .NET exact format (e.g. <c>dd.MM.yyyy HH:mm</c>); ISO 8601 is read when null.</summary>
    public string? TimeFormat { get; init; }
    /// <summary>Zone for times without an offset (IANA or Windows id); UTC when null.</summary>
    public string? TimeZone { get; init; }

    internal static readonly string[] CustomerNames = ["customer", "customer_id", "customerId", "case:concept:name", "case_id", "caseId", "case"];
    internal static readonly string[] CaseNames = ["case", "case_id", "caseId", "ticket", "ticket_id"];
    internal static readonly string[] TimeNames = ["time", "timestamp", "time:timestamp", "ts", "date"];
    internal static readonly string[] ActivityNames = ["touchpoint", "activity", "concept:name", "event", "touchpoint_key", "touchpointKey"];
    internal static readonly string[] LifecycleNames = ["lifecycle", "lifecycle:transition", "transition"];
    internal static readonly string[] ChannelNames = ["channel"];
    internal static readonly string[] OutcomeNames = ["outcome", "result", "status"];
    internal static readonly string[] ScoreNames = ["score"];
    internal static readonly string[] ScoreKindNames = ["score_kind", "scoreKind", "survey"];
    internal static readonly string[] DurationNames = ["duration", "handling", "handling_seconds", "duration_seconds"];
    internal static readonly string[] WaitingNames = ["waiting", "wait", "waiting_seconds", "wait_seconds"];
    internal static readonly string[] EventIdNames = ["event_id", "eventId", "id"];
    internal static readonly string[] AgentNames = ["agent", "agent_id", "agentId"];

    public static ColumnMapping Parse(string text)
    {
        var mapping = new ColumnMapping();
        foreach (var part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var eq = part.IndexOf('=');
            if (eq <= 0) throw new FormatException($"Column mapping '{part}' is not field=column.");
            var field = part[..eq].Trim();
            var column = part[(eq + 1)..].Trim();
            mapping = field.ToLowerInvariant() switch
            {
                "customer" => mapping with { Customer = column },
                "case" => mapping with { Case = column },
                "time" => mapping with { Time = column },
                "activity" or "touchpoint" => mapping with { Activity = column },
                "lifecycle" => mapping with { Lifecycle = column },
                "channel" => mapping with { Channel = column },
                "outcome" => mapping with { Outcome = column },
                "score" => mapping with { Score = column },
                "scorekind" or "score_kind" => mapping with { ScoreKind = column },
                "duration" => mapping with { Duration = column },
                "waiting" => mapping with { Waiting = column },
                "eventid" or "event_id" => mapping with { EventId = column },
                "agent" => mapping with { Agent = column },
                "timeformat" or "time_format" => mapping with { TimeFormat = column },
                "timezone" or "time_zone" => mapping with { TimeZone = column },
                _ => throw new FormatException($"Unknown field '{field}' in column mapping; known: customer, case, time, activity, lifecycle, channel, outcome, score, scoreKind, duration, waiting, eventId, agent, timeFormat, timeZone."),
            };
        }
        return mapping;
    }

    /// <summary>Finds the column index of each field among the given headers (-1 when absent).</summary>
    internal ResolvedColumns Resolve(IReadOnlyList<string> headers, string file)
    {
        int Find(string? explicitName, string[] candidates, string field, bool required)
        {
            if (explicitName is not null)
            {
                for (var i = 0; i < headers.Count; i++)
                    if (string.Equals(headers[i], explicitName, StringComparison.OrdinalIgnoreCase)) return i;
                throw new EventLogFormatException(file, "header", field, $"column '{explicitName}' is not in the header ({string.Join(", ", headers)})");
            }
            foreach (var c in candidates)
                for (var i = 0; i < headers.Count; i++)
                    if (string.Equals(headers[i], c, StringComparison.OrdinalIgnoreCase)) return i;
            if (required)
                throw new EventLogFormatException(file, "header", field, $"no column found (tried {string.Join(", ", candidates)}); map it with {field}=<column>");
            return -1;
        }

        var r = new ResolvedColumns
        {
            Customer = Find(Customer, CustomerNames, "customer", true),
            Time = Find(Time, TimeNames, "time", true),
            Activity = Find(Activity, ActivityNames, "activity", true),
            Lifecycle = Find(Lifecycle, LifecycleNames, "lifecycle", false),
            Channel = Find(Channel, ChannelNames, "channel", false),
            Outcome = Find(Outcome, OutcomeNames, "outcome", false),
            Score = Find(Score, ScoreNames, "score", false),
            ScoreKind = Find(ScoreKind, ScoreKindNames, "scoreKind", false),
            Duration = Find(Duration, DurationNames, "duration", false),
            Waiting = Find(Waiting, WaitingNames, "waiting", false),
        };
        var @case = Find(Case, CaseNames, "case", false);
        r.Case = @case == r.Customer ? -1 : @case;
        return r;
    }
}

internal sealed class ResolvedColumns
{
    public int Customer, Case = -1, Time, Activity, Lifecycle, Channel, Outcome, Score, ScoreKind, Duration, Waiting;

    public bool IsMapped(int column) =>
        column == Customer || column == Case || column == Time || column == Activity || column == Lifecycle || column == Channel ||
        column == Outcome || column == Score || column == ScoreKind || column == Duration || column == Waiting;
}
