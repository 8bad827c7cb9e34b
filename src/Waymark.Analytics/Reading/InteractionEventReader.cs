using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Sylvan.Data.Csv;
using Waymark.Analytics.Model;
using Waymark.Domain.Events;

namespace Waymark.Analytics.Reading;

/// <summary>
/// One record of an event file as it is to be stored: where it is (<see cref="Location"/>, e.g. "line 4"; <see cref="Position"/>
/// counts the same way, for resuming), the event, or what is wrong with it by field.
/// </summary>
public sealed record IncomingEvent(long Position, string Location, InteractionEvent? Event, IReadOnlyList<(string Field, string Problem)> Problems);

/// <summary>
/// Reads events to be stored, one record at a time in file order, with the same column mapping and timestamp rules as the
/// analyzer's readers (<see cref="ColumnMapping"/>). Unlike them it keeps every field of the event (its id, the agent,
/// unmapped columns as attributes) and reports every bad record with its line instead of stopping at the first. A header
/// that lacks a required column throws <see cref="EventLogFormatException"/>.
/// </summary>
public static class InteractionEventReader
{
    /// <summary>The column (or property) in which an export writes an event's attributes as one JSON object.</summary>
    public const string AttributesColumn = "attributes";

    public static IEnumerable<IncomingEvent> ReadCsv(Stream stream, ColumnMapping mapping, string source)
    {
        using var text = new StreamReader(stream, detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16);
        using var csv = CsvDataReader.Create(text, new CsvDataReaderOptions { HasHeaders = true, BufferSize = 1 << 17 });
        var headers = new string[csv.FieldCount];
        for (var i = 0; i < headers.Length; i++) headers[i] = csv.GetName(i);
        var fields = new EventFields(mapping, headers, source);
        var values = new string?[headers.Length];
        while (csv.Read())
        {
            var line = csv.RowNumber + 1L;
            if (csv.RowFieldCount == 1 && headers.Length > 1 && csv.GetFieldSpan(0).IsEmpty) continue; // blank line
            if (csv.RowFieldCount < headers.Length)
            {
                yield return new IncomingEvent(line, $"line {line}", null, [("", $"has {csv.RowFieldCount} fields, the header has {headers.Length}")]);
                continue;
            }
            for (var i = 0; i < values.Length; i++) values[i] = csv.GetString(i);
            yield return fields.Make(line, $"line {line}", values);
        }
    }

    /// <summary>
    /// One flat JSON object per line; objects may leave out properties (a score only on survey answers). Read from the
    /// UTF-8 bytes line by line (<see cref="JsonEventLine"/>): no string is made for a line or a property name.
    /// </summary>
    public static IEnumerable<IncomingEvent> ReadNdjson(Stream stream, ColumnMapping mapping, string source)
    {
        var lines = new Utf8Lines(stream);
        var json = new JsonEventLine();
        EventFields? fields = null;
        long line = 0;
        while (lines.Next(out var offset, out var length))
        {
            line++;
            if (Blank(lines.Buffer.AsSpan(offset, length))) continue;
            var location = $"line {line}";
            var problem = json.Read(lines.Buffer, offset, length, out var newNames);
            if (problem is not null)
            {
                yield return new IncomingEvent(line, location, null, [("", problem)]);
                continue;
            }
            if (fields is null || newNames) fields = EventFields.Covering(json, mapping, source);
            yield return fields.Make(line, location, json);
        }
    }

    private static bool Blank(ReadOnlySpan<byte> line)
    {
        foreach (var b in line)
        {
            if (b >= 0x80) return string.IsNullOrWhiteSpace(Encoding.UTF8.GetString(line));
            if (!char.IsWhiteSpace((char)b)) return false;
        }
        return true;
    }

    /// <summary>A JSON array of flat objects; records are named by their place in the array ("item 3").</summary>
    public static IEnumerable<IncomingEvent> ReadJsonArray(Stream stream, ColumnMapping mapping, string source)
    {
        // An array is parsed whole; a body already in memory is not copied again.
        ArraySegment<byte> bytes;
        if (stream is MemoryStream memory && memory.TryGetBuffer(out var own)) bytes = own[(int)memory.Position..];
        else
        {
            var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            bytes = new ArraySegment<byte>(buffer.GetBuffer(), 0, (int)buffer.Length);
        }
        var items = JsonObjects.Array(bytes, source);
        EventFields? fields = null;
        for (var i = 0; i < items.Count; i++)
        {
            var (properties, problem) = items[i];
            var location = $"item {i + 1}";
            if (problem is not null)
            {
                yield return new IncomingEvent(i + 1, location, null, [("", problem)]);
                continue;
            }
            fields = EventFields.Covering(fields, properties!, mapping, source);
            yield return fields.Make(i + 1, location, properties!);
        }
    }

    /// <summary>
    /// Parquet, a row group at a time (the file must be seekable): columns are mapped as in CSV, typed columns (timestamps,
    /// numbers) read as their text, and records numbered by row from 1, so an ingestion can go on from a row.
    /// </summary>
    public static IEnumerable<IncomingEvent> ReadParquet(Stream stream, ColumnMapping mapping, string source)
    {
        ParquetSchemaCheck.Check(stream, source);
        var reader = Sync(() => Parquet.ParquetReader.CreateAsync(stream), source);
        using var close = new Disposing(() => reader.DisposeAsync().AsTask().GetAwaiter().GetResult());
        var columns = reader.Schema.GetDataFields();
        var fields = new EventFields(mapping, columns.Select(f => f.Name).ToArray(), source);
        var values = new string?[columns.Length];
        long row = 0;
        for (var g = 0; g < reader.RowGroupCount; g++)
        {
            string?[][] group;
            using (var rg = reader.OpenRowGroupReader(g))
                group = Sync(async () =>
                {
                    var read = new string?[columns.Length][];
                    for (var c = 0; c < columns.Length; c++) read[c] = await ParquetEventReader.ReadAsText(rg, columns[c], (int)rg.RowCount);
                    return read;
                }, source);
            for (var r = 0; r < (group.Length == 0 ? 0 : group[0].Length); r++)
            {
                row++;
                for (var c = 0; c < values.Length; c++) values[c] = group[c][r];
                yield return fields.Make(row, $"row {row}", values);
            }
        }
    }

    private sealed class Disposing(Action dispose) : IDisposable
    {
        public void Dispose() => dispose();
    }

    /// <summary>Parquet.Net reports a damaged or foreign file with exceptions of its own kinds; say it plainly, with its words.</summary>
    private static T Sync<T>(Func<Task<T>> read, string source)
    {
        try
        {
            return read().GetAwaiter().GetResult();
        }
        catch (Exception e) when (e is not (EventLogFormatException or OperationCanceledException or OutOfMemoryException))
        {
            throw new EventLogFormatException(source, "the file", null, $"it is not a Parquet file Waymark can read ({e.Message})");
        }
    }

    /// <summary>
    /// The events of a log the analyzer read (XES, Parquet), in the log's order (by customer, then time), numbered from 1.
    /// Columns the log keeps as attributes are mapped by the same names as in a CSV file.
    /// </summary>
    public static IEnumerable<IncomingEvent> FromLog(EventLog log, ColumnMapping mapping, string source = "the log")
    {
        var keys = log.AttributeKeys.ToList();
        var eventId = Find(keys, mapping.EventId, ColumnMapping.EventIdNames);
        var agent = Find(keys, mapping.Agent, ColumnMapping.AgentNames);
        // XES logs rarely name a channel; --map channel=<attribute> takes it from one of the event's attributes.
        var channel = Find(keys, mapping.Channel, ["channel"]);
        if (mapping.Channel is not null && channel is null)
            throw new EventLogFormatException(source, "the log", "channel",
                $"no event has an attribute '{mapping.Channel}'" + (keys.Count == 0 ? "" : $"; its events have {string.Join(", ", keys.Take(12))}"));
        if (channel is null && mapping.DefaultChannel is null && Enumerable.Range(0, log.Count).All(i => log.Channel[i] < 0 || string.IsNullOrEmpty(log.ChannelOf(i))))
            throw new EventLogFormatException(source, "the log", "channel",
                "no event names a channel; map it with channel=<attribute>" + (keys.Count == 0 ? "" : $" (its events have {string.Join(", ", keys.Take(12))})"));
        for (var i = 0; i < log.Count; i++)
        {
            var attributes = keys.Where(k => k != eventId && k != agent && k != channel).Select(k => (k, log.AttributeOf(i, k))).Where(a => a.Item2 is not null).ToList();
            var score = log.ScoreOf(i);
            var kind = log.ScoreKindOf(i);
            var ownChannel = log.Channel[i] < 0 ? null : Text(log.ChannelOf(i));
            var e = new InteractionEvent(log.CustomerOf(i), log.TimeOf(i), log.ActivityOf(i),
                ownChannel ?? Text(channel is null ? null : log.AttributeOf(i, channel)) ?? mapping.DefaultChannel ?? "")
            {
                EventId = eventId is null ? null : log.AttributeOf(i, eventId),
                Agent = agent is null ? null : log.AttributeOf(i, agent),
                Case = log.CaseOf(i),
                Outcome = log.Outcome[i] < 0 ? null : Text(log.OutcomeOf(i)),
                Score = float.IsNaN(score) ? null : score,
                ScoreKind = float.IsNaN(score) ? null : kind switch { ScoreKind.Nps => EventScoreKind.Nps, ScoreKind.Ces => EventScoreKind.Ces, _ => EventScoreKind.Csat },
                HandlingSeconds = float.IsNaN(log.DurationOf(i)) ? null : log.DurationOf(i),
                WaitingSeconds = float.IsNaN(log.WaitingOf(i)) ? null : log.WaitingOf(i),
                Attributes = attributes.Count == 0 ? null : JsonObjects.Write(attributes!),
            };
            var problems = e.Problems().ToList();
            yield return new IncomingEvent(i + 1, $"event {i + 1}", problems.Count == 0 ? e : null, problems);
        }
    }

    private static string? Find(List<string> keys, string? explicitName, string[] candidates) =>
        explicitName is not null
            ? keys.FirstOrDefault(k => string.Equals(k, explicitName, StringComparison.OrdinalIgnoreCase))
            : candidates.Select(c => keys.FirstOrDefault(k => string.Equals(k, c, StringComparison.OrdinalIgnoreCase))).FirstOrDefault(k => k is not null);

    private static string? Text(string? value) => string.IsNullOrEmpty(value) ? null : value;

    /// <summary>Which column holds which field of an event, resolved once from the header (or the first object's names).</summary>
    private sealed class EventFields
    {
        private readonly IReadOnlyList<string> _headers;
        private readonly ResolvedColumns _c;
        private readonly int _eventId, _agent, _attributes;
        private readonly string? _defaultChannel;
        private readonly TimestampParser _time;
        private readonly bool[] _mapped;

        public EventFields(ColumnMapping mapping, IReadOnlyList<string> headers, string source)
        {
            _headers = headers;
            _c = mapping.Resolve(headers, source);
            _defaultChannel = mapping.DefaultChannel;
            if (_c.Channel < 0 && _defaultChannel is null)
                throw new EventLogFormatException(source, "header", "channel",
                    mapping.Channel is null ? "no column found (tried channel); map it with channel=<column>" : $"column '{mapping.Channel}' is not in the header");
            _eventId = Column(headers, mapping.EventId, ColumnMapping.EventIdNames, "eventId", source);
            _agent = Column(headers, mapping.Agent, ColumnMapping.AgentNames, "agent", source);
            _time = new TimestampParser(mapping.TimeFormat, mapping.TimeZone);
            _attributes = Column(headers, null, [AttributesColumn], "attributes", source);
            _mapped = new bool[headers.Count];
            foreach (var i in new[] { _c.Customer, _c.Case, _c.Time, _c.Activity, _c.Channel, _c.Outcome, _c.Score, _c.ScoreKind, _c.Duration, _c.Waiting, _eventId, _agent })
                if (i >= 0) _mapped[i] = true;
        }

        private static int Column(IReadOnlyList<string> headers, string? explicitName, string[] candidates, string field, string source)
        {
            foreach (var name in explicitName is null ? candidates : [explicitName])
                for (var i = 0; i < headers.Count; i++)
                    if (string.Equals(headers[i], name, StringComparison.OrdinalIgnoreCase)) return i;
            if (explicitName is not null)
                throw new EventLogFormatException(source, "header", field, $"column '{explicitName}' is not in the header ({string.Join(", ", headers)})");
            return -1;
        }

        public IncomingEvent Make(long position, string location, IReadOnlyList<(string Name, string? Value)> properties)
        {
            var values = new string?[_headers.Count];
            List<(string, string?)>? extra = null;
            foreach (var (name, value) in properties)
            {
                var i = IndexOf(name);
                if (i >= 0) values[i] = value;
                else if (value is not null) (extra ??= []).Add((name, value));
            }
            return Make(position, location, values, extra);
        }

        /// <summary>
        /// Fields that know every property of the object: JSON objects may leave out what they do not have, so a property
        /// first seen later (the score of a survey answer) is mapped from then on, as if it had been in the first object.
        /// JSON has no header: a required field that no object has named yet is expected under its usual (or mapped)
        /// name, so an object without it is refused on its own line ("channel is empty"), not the whole input.
        /// </summary>
        public static EventFields Covering(EventFields? fields, IReadOnlyList<(string Name, string? Value)> properties, ColumnMapping mapping, string source)
        {
            if (fields is not null && properties.All(p => fields.IndexOf(p.Name) >= 0)) return fields;
            var names = fields?._headers.ToList() ?? [];
            foreach (var (name, _) in properties)
                if (!names.Contains(name, StringComparer.Ordinal)) names.Add(name);
            foreach (var (explicitName, candidates) in new[]
                     {
                         (mapping.Customer, ColumnMapping.CustomerNames), (mapping.Time, ColumnMapping.TimeNames),
                         (mapping.Activity, ColumnMapping.ActivityNames), (mapping.Channel, ColumnMapping.ChannelNames),
                     })
            {
                var wanted = explicitName is null ? candidates : [explicitName];
                if (!names.Any(n => wanted.Contains(n, StringComparer.OrdinalIgnoreCase))) names.Add(wanted[0]);
            }
            return new EventFields(mapping, names, source);
        }

        /// <summary>The same for NDJSON read from bytes: the line's names are the columns, with the required ones added.</summary>
        public static EventFields Covering(JsonEventLine line, ColumnMapping mapping, string source)
        {
            foreach (var (explicitName, candidates) in Required(mapping))
            {
                var wanted = explicitName is null ? candidates : [explicitName];
                if (!line.Names.Any(n => wanted.Contains(n, StringComparer.OrdinalIgnoreCase))) line.AddName(wanted[0]);
            }
            return new EventFields(mapping, line.Names.ToList(), source);
        }

        private static (string?, string[])[] Required(ColumnMapping mapping) =>
        [
            (mapping.Customer, ColumnMapping.CustomerNames), (mapping.Time, ColumnMapping.TimeNames),
            (mapping.Activity, ColumnMapping.ActivityNames), (mapping.Channel, ColumnMapping.ChannelNames),
        ];

        /// <summary>
        /// An event from an NDJSON line, by the same rules as from texts (<see cref="Make(long, string, string?[], List{ValueTuple{string, string?}}?)"/>)
        /// but read from the line's bytes: times and numbers are parsed there, repeating values are shared strings.
        /// </summary>
        public IncomingEvent Make(long position, string location, JsonEventLine line)
        {
            List<(string, string)>? problems = null;
            var at = default(DateTime);
            if (line.TryTime(_c.Time, _time, out var ticks) == true) at = new DateTime(ticks, DateTimeKind.Utc);
            else
            {
                var timeText = line.Text(_c.Time);
                if (timeText is null) (problems ??= []).Add(("time", "is empty"));
                else if (_time.TryParse(timeText, out ticks)) at = new DateTime(ticks, DateTimeKind.Utc);
                else (problems ??= []).Add(("time", $"'{timeText}' is not a timestamp (expected ISO 8601, e.g. 2026-03-01T09:30:00Z, or the given time format)"));
            }
            var score = line.Number(_c.Score) ?? Number(line.Text(_c.Score), "score", "is not a number", ref problems);
            EventScoreKind? kind = null;
            var kindText = line.Shared(_c.ScoreKind);
            if (!InteractionEvent.TryParseKind(kindText, out kind)) (problems ??= []).Add(("scoreKind", $"'{kindText}' is not nps, csat, ces or rating"));
            if (score is not null && kind is null) kind = EventScoreKind.Csat;
            var handling = line.Number(_c.Duration) ?? Number(line.Text(_c.Duration), "handling", "is not a number of seconds", ref problems);
            var waiting = line.Number(_c.Waiting) ?? Number(line.Text(_c.Waiting), "waiting", "is not a number of seconds", ref problems);

            var e = new InteractionEvent(line.Text(_c.Customer) ?? "", at, line.Shared(_c.Activity) ?? "", line.Shared(_c.Channel) ?? "")
            {
                EventId = line.Text(_eventId),
                Case = line.Text(_c.Case),
                Outcome = line.Shared(_c.Outcome),
                Agent = line.Shared(_agent),
                Score = score,
                ScoreKind = kind,
                HandlingSeconds = handling,
                WaitingSeconds = waiting,
                Attributes = line.Attributes(_mapped),
            };
            // The time's own problem is already named; the event's rules add the rest.
            foreach (var p in e.Problems())
                if (p.Field != "time" || at != default) (problems ??= []).Add(p);
            return new IncomingEvent(position, location, problems is null ? e : null, problems is null ? NoProblems : problems);
        }

        private static readonly (string, string)[] NoProblems = [];

        private static float? Number(string? text, string field, string problem, ref List<(string, string)>? problems)
        {
            if (text is null) return null;
            if (float.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && float.IsFinite(value)) return value;
            (problems ??= []).Add((field, $"'{text}' {problem}"));
            return null;
        }

        private int IndexOf(string name)
        {
            for (var i = 0; i < _headers.Count; i++)
                if (string.Equals(_headers[i], name, StringComparison.Ordinal)) return i;
            return -1;
        }

        public IncomingEvent Make(long position, string location, string?[] values, List<(string, string?)>? extra = null)
        {
            var problems = new List<(string, string)>();
            string? Get(int column) => column < 0 ? null : string.IsNullOrWhiteSpace(values[column]) ? null : values[column]!.Trim();

            var at = default(DateTime);
            var timeText = Get(_c.Time);
            if (timeText is null) problems.Add(("time", "is empty"));
            else if (_time.TryParse(timeText, out var ticks)) at = new DateTime(ticks, DateTimeKind.Utc);
            else problems.Add(("time", $"'{timeText}' is not a timestamp (expected ISO 8601, e.g. 2026-03-01T09:30:00Z, or the given time format)"));
            var score = Number(Get(_c.Score), "score", "is not a number", problems);
            EventScoreKind? kind = null;
            var kindText = Get(_c.ScoreKind);
            if (!InteractionEvent.TryParseKind(kindText, out kind)) problems.Add(("scoreKind", $"'{kindText}' is not nps, csat, ces or rating"));
            if (score is not null && kind is null) kind = EventScoreKind.Csat;
            var handling = Number(Get(_c.Duration), "handling", "is not a number of seconds", problems);
            var waiting = Number(Get(_c.Waiting), "waiting", "is not a number of seconds", problems);

            for (var i = 0; i < values.Length; i++)
                if (!_mapped[i] && !string.IsNullOrEmpty(values[i]))
                {
                    if (i == _attributes && Expanded(values[i]!) is { } held) (extra ??= []).AddRange(held);
                    else (extra ??= []).Add((_headers[i], values[i]));
                }

            var e = new InteractionEvent(Get(_c.Customer) ?? "", at, Get(_c.Activity) ?? "", Get(_c.Channel) ?? _defaultChannel ?? "")
            {
                EventId = Get(_eventId),
                Case = Get(_c.Case),
                Outcome = Get(_c.Outcome),
                Agent = Get(_agent),
                Score = score,
                ScoreKind = kind,
                HandlingSeconds = handling,
                WaitingSeconds = waiting,
                Attributes = extra is null ? null : JsonObjects.Write(extra),
            };
            // The time's own problem is already named; the event's rules add the rest.
            problems.AddRange(e.Problems().Where(p => p.Field != "time" || at != default));
            return new IncomingEvent(position, location, problems.Count == 0 ? e : null, problems);
        }

        /// <summary>
        /// The pairs of an <c>attributes</c> column that holds a flat JSON object (as an export writes it), so that an
        /// exported event is stored again with the attributes it had; any other text is kept as one attribute.
        /// </summary>
        private static IEnumerable<(string, string?)>? Expanded(string value)
        {
            if (!value.AsSpan().TrimStart().StartsWith("{")) return null;
            var (properties, problem) = JsonObjects.One(Encoding.UTF8.GetBytes(value));
            return problem is null ? properties!.Where(p => p.Value is not null) : null;
        }

        private static float? Number(string? text, string field, string problem, List<(string, string)> problems)
        {
            if (text is null) return null;
            if (float.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && float.IsFinite(value)) return value;
            problems.Add((field, $"'{text}' {problem}"));
            return null;
        }
    }
}

/// <summary>Flat JSON objects as (name, text) pairs: numbers and booleans as their text, null as null, nested values refused.</summary>
internal static class JsonObjects
{
    public static (List<(string Name, string? Value)>? Properties, string? Problem) One(ReadOnlySpan<byte> utf8)
    {
        try
        {
            var json = new Utf8JsonReader(utf8);
            if (!json.Read() || json.TokenType != JsonTokenType.StartObject) return (null, "is not a JSON object");
            var properties = ReadObject(ref json, out var problem);
            if (problem is null && json.Read()) return (null, "holds more than one JSON value");
            return problem is null ? (properties, null) : (null, problem);
        }
        catch (JsonException)
        {
            return (null, "is not valid JSON: check for a missing comma, quote or brace");
        }
    }

    public static List<(List<(string Name, string? Value)>? Properties, string? Problem)> Array(ReadOnlySpan<byte> utf8, string source)
    {
        var items = new List<(List<(string, string?)>?, string?)>();
        try
        {
            var json = new Utf8JsonReader(utf8);
            if (!json.Read() || json.TokenType != JsonTokenType.StartArray)
                throw new EventLogFormatException(source, "the body", null, "is not a JSON array of events");
            while (json.Read() && json.TokenType != JsonTokenType.EndArray)
            {
                if (json.TokenType != JsonTokenType.StartObject)
                {
                    json.Skip();
                    items.Add((null, "is not a JSON object"));
                    continue;
                }
                var properties = ReadObject(ref json, out var problem);
                items.Add(problem is null ? (properties, null) : (null, problem));
            }
        }
        catch (JsonException e)
        {
            throw new EventLogFormatException(source, $"line {e.LineNumber + 1}, item {items.Count + 1}", null, "is not valid JSON: check for a missing comma, quote or bracket");
        }
        return items;
    }

    /// <summary>Reads the properties of the object the reader stands on, leaving it on its end; a nested value is a problem.</summary>
    private static List<(string, string?)> ReadObject(ref Utf8JsonReader json, out string? problem)
    {
        problem = null;
        var properties = new List<(string, string?)>();
        while (json.Read() && json.TokenType == JsonTokenType.PropertyName)
        {
            var name = json.GetString()!;
            json.Read();
            switch (json.TokenType)
            {
                case JsonTokenType.String: properties.Add((name, json.GetString())); break;
                case JsonTokenType.Number: properties.Add((name, Encoding.UTF8.GetString(json.ValueSpan))); break;
                case JsonTokenType.True: properties.Add((name, "true")); break;
                case JsonTokenType.False: properties.Add((name, "false")); break;
                case JsonTokenType.Null: properties.Add((name, null)); break;
                // An export writes the attributes as one object; it is read back as the flat object it holds.
                case JsonTokenType.StartObject when string.Equals(name, InteractionEventReader.AttributesColumn, StringComparison.OrdinalIgnoreCase):
                    using (var nested = JsonDocument.ParseValue(ref json)) properties.Add((name, nested.RootElement.GetRawText()));
                    break;
                default:
                    problem ??= $"property '{name}' holds a nested value; events are flat objects";
                    json.Skip();
                    break;
            }
        }
        return properties;
    }

    public static string Write(IEnumerable<(string Name, string? Value)> properties)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            writer.WriteStartObject();
            foreach (var (name, value) in properties) writer.WriteString(name, value);
            writer.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
