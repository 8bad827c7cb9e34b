using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Parquet;
using Parquet.Schema;
using Waymark.Analytics.Reading;
using Waymark.Domain.Events;

namespace Waymark.Analytics.Writing;

/// <summary>
/// Writes stored interaction events with every field they were stored with, under the names the ingestion reads first
/// (<see cref="Columns"/>), so that an export can be ingested again unchanged. The attributes go into one
/// <c>attributes</c> column as the JSON object they are kept as (an object in NDJSON), which the reader expands again.
/// Events are written as they come: memory stays the same however many there are (a Parquet row group at most).
/// </summary>
public abstract class InteractionEventWriter
{
    public static readonly string[] Columns =
        ["customer", "time", "touchpoint", "channel", "event_id", "case", "outcome", "agent", "handling", "waiting", "score", "score_kind", InteractionEventReader.AttributesColumn];

    /// <summary>The media type of each format an export offers.</summary>
    public static string MediaType(EventLogFormat format) => format switch
    {
        EventLogFormat.Csv => "text/csv",
        EventLogFormat.Ndjson => "application/x-ndjson",
        EventLogFormat.Parquet => "application/vnd.apache.parquet",
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, "Events are exported as CSV, NDJSON or Parquet."),
    };

    public static string Extension(EventLogFormat format) => format switch
    {
        EventLogFormat.Csv => "csv",
        EventLogFormat.Ndjson => "ndjson",
        _ => "parquet",
    };

    public static InteractionEventWriter Create(Stream stream, EventLogFormat format) => format switch
    {
        EventLogFormat.Csv => new Csv(stream),
        EventLogFormat.Ndjson => new Ndjson(stream),
        EventLogFormat.Parquet => new Parquet(stream),
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, "Events are exported as CSV, NDJSON or Parquet."),
    };

    /// <summary>Writes the events in the order given; returns how many were written.</summary>
    public async Task<long> WriteAllAsync(IAsyncEnumerable<InteractionEvent> events, CancellationToken ct)
    {
        long written = 0;
        await foreach (var e in events.WithCancellation(ct))
        {
            await WriteAsync(e, ct);
            written++;
        }
        await CompleteAsync(ct);
        return written;
    }

    public abstract ValueTask WriteAsync(InteractionEvent e, CancellationToken ct);

    /// <summary>Writes what is still held (and Parquet's footer); the stream stays open.</summary>
    public abstract ValueTask CompleteAsync(CancellationToken ct);

    private static string Time(DateTime at)
    {
        Span<char> text = stackalloc char[40];
        return new string(text[..EventWriters.FormatTime(at.Ticks, text)]);
    }

    private static string Number(float value) => value.ToString("R", CultureInfo.InvariantCulture);

    private static string? Kind(EventScoreKind? kind) => kind switch
    {
        null => null,
        EventScoreKind.Nps => "nps",
        EventScoreKind.Ces => "ces",
        EventScoreKind.Rating => "rating",
        _ => "csat",
    };

    /// <summary>Written through async calls only: a server's response refuses synchronous writes.</summary>
    private sealed class Csv(Stream stream) : InteractionEventWriter
    {
        private const int FlushAt = 1 << 16;
        private readonly StringBuilder _text = new StringBuilder(FlushAt + 4096).Append(string.Join(',', Columns)).Append('\n');
        private readonly StreamWriter _writer = new(stream, new UTF8Encoding(false), FlushAt, leaveOpen: true);

        public override async ValueTask WriteAsync(InteractionEvent e, CancellationToken ct)
        {
            Cell(e.Customer).Append(',').Append(Time(e.At)).Append(',');
            Cell(e.Touchpoint).Append(',');
            Cell(e.Channel).Append(',');
            Cell(e.EventId).Append(',');
            Cell(e.Case).Append(',');
            Cell(e.Outcome).Append(',');
            Cell(e.Agent).Append(',');
            _text.Append(e.HandlingSeconds is { } h ? Number(h) : "").Append(',');
            _text.Append(e.WaitingSeconds is { } w ? Number(w) : "").Append(',');
            _text.Append(e.Score is { } s ? Number(s) : "").Append(',');
            _text.Append(Kind(e.ScoreKind)).Append(',');
            Cell(e.Attributes).Append('\n');
            if (_text.Length >= FlushAt) await FlushAsync(ct);
        }

        public override async ValueTask CompleteAsync(CancellationToken ct)
        {
            await FlushAsync(ct);
            await _writer.FlushAsync(ct);
            await _writer.DisposeAsync();
        }

        private async Task FlushAsync(CancellationToken ct)
        {
            await _writer.WriteAsync(_text, ct);
            _text.Clear();
        }

        /// <summary>Quoted when needed; text a spreadsheet would run as a formula is neutralised (see <see cref="CsvCells"/>).</summary>
        private StringBuilder Cell(string? value) => CsvCells.Append(_text, value);
    }

    private sealed class Ndjson(Stream stream) : InteractionEventWriter
    {
        private const int FlushAt = 1 << 16;
        private readonly ArrayBufferWriter<byte> _buffer = new(FlushAt + 4096);
        private Utf8JsonWriter? _json;

        public override async ValueTask WriteAsync(InteractionEvent e, CancellationToken ct)
        {
            // Attributes are kept as sent, so characters outside ASCII are written as they are, not escaped.
            var json = _json ??= new Utf8JsonWriter(_buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
            json.Reset(_buffer);
            json.WriteStartObject();
            json.WriteString("customer", e.Customer);
            json.WriteString("time", Time(e.At));
            json.WriteString("touchpoint", e.Touchpoint);
            json.WriteString("channel", e.Channel);
            if (e.EventId is { } id) json.WriteString("event_id", id);
            if (e.Case is { } @case) json.WriteString("case", @case);
            if (e.Outcome is { } outcome) json.WriteString("outcome", outcome);
            if (e.Agent is { } agent) json.WriteString("agent", agent);
            if (e.HandlingSeconds is { } h) json.WriteNumber("handling", h);
            if (e.WaitingSeconds is { } w) json.WriteNumber("waiting", w);
            if (e.Score is { } s) json.WriteNumber("score", s);
            if (Kind(e.ScoreKind) is { } kind) json.WriteString("score_kind", kind);
            if (e.Attributes is { } attributes)
            {
                json.WritePropertyName(InteractionEventReader.AttributesColumn);
                json.WriteRawValue(attributes);
            }
            json.WriteEndObject();
            json.Flush();
            _buffer.Write("\n"u8);
            if (_buffer.WrittenCount >= FlushAt) await FlushAsync(ct);
        }

        public override async ValueTask CompleteAsync(CancellationToken ct)
        {
            await FlushAsync(ct);
            await stream.FlushAsync(ct);
        }

        private async Task FlushAsync(CancellationToken ct)
        {
            await stream.WriteAsync(_buffer.WrittenMemory, ct);
            _buffer.ResetWrittenCount();
        }
    }

    /// <summary>One row group per <see cref="RowGroupSize"/> events: a few megabytes held, whatever the export's size.</summary>
    private sealed class Parquet(Stream stream) : InteractionEventWriter
    {
        public const int RowGroupSize = 50_000;
        private static readonly DataField<string> CustomerField = new("customer", false);
        private static readonly DataField<DateTime> TimeField = new("time");
        private static readonly DataField<string> TouchpointField = new("touchpoint", false);
        private static readonly DataField<string> ChannelField = new("channel", false);
        private static readonly DataField<string> EventIdField = new("event_id", true);
        private static readonly DataField<string> CaseField = new("case", true);
        private static readonly DataField<string> OutcomeField = new("outcome", true);
        private static readonly DataField<string> AgentField = new("agent", true);
        private static readonly DataField<float?> HandlingField = new("handling");
        private static readonly DataField<float?> WaitingField = new("waiting");
        private static readonly DataField<float?> ScoreField = new("score");
        private static readonly DataField<string> ScoreKindField = new("score_kind", true);
        private static readonly DataField<string> AttributesField = new(InteractionEventReader.AttributesColumn, true);
        private static readonly ParquetSchema Schema = new(CustomerField, TimeField, TouchpointField, ChannelField, EventIdField, CaseField,
            OutcomeField, AgentField, HandlingField, WaitingField, ScoreField, ScoreKindField, AttributesField);

        private readonly List<InteractionEvent> _rows = new(RowGroupSize);
        private readonly PositionedStream _out = new(stream);
        private ParquetWriter? _writer;

        public override async ValueTask WriteAsync(InteractionEvent e, CancellationToken ct)
        {
            _rows.Add(e);
            if (_rows.Count == RowGroupSize) await FlushAsync(ct);
        }

        public override async ValueTask CompleteAsync(CancellationToken ct)
        {
            await FlushAsync(ct);
            // A file with no events still has its schema, so a reader sees the columns.
            _writer ??= await ParquetWriter.CreateAsync(Schema, _out, cancellationToken: ct);
            await _writer.DisposeAsync();
            await _out.DrainAsync(ct);
        }

        private async Task FlushAsync(CancellationToken ct)
        {
            if (_rows.Count == 0) return;
            _writer ??= await ParquetWriter.CreateAsync(Schema, _out, cancellationToken: ct);
            using (var group = _writer.CreateRowGroup())
            {
                await group.WriteAsync(CustomerField, _rows.Select(r => r.Customer).ToArray());
                await group.WriteAsync<DateTime>(TimeField, _rows.Select(r => r.At).ToArray(), cancellationToken: ct);
                await group.WriteAsync(TouchpointField, _rows.Select(r => r.Touchpoint).ToArray());
                await group.WriteAsync(ChannelField, _rows.Select(r => r.Channel).ToArray());
                await group.WriteAsync(EventIdField, _rows.Select(r => r.EventId).ToArray());
                await group.WriteAsync(CaseField, _rows.Select(r => r.Case).ToArray());
                await group.WriteAsync(OutcomeField, _rows.Select(r => r.Outcome).ToArray());
                await group.WriteAsync(AgentField, _rows.Select(r => r.Agent).ToArray());
                await group.WriteAsync<float>(HandlingField, _rows.Select(r => r.HandlingSeconds).ToArray(), cancellationToken: ct);
                await group.WriteAsync<float>(WaitingField, _rows.Select(r => r.WaitingSeconds).ToArray(), cancellationToken: ct);
                await group.WriteAsync<float>(ScoreField, _rows.Select(r => r.Score).ToArray(), cancellationToken: ct);
                await group.WriteAsync(ScoreKindField, _rows.Select(r => Kind(r.ScoreKind)).ToArray());
                await group.WriteAsync(AttributesField, _rows.Select(r => r.Attributes).ToArray());
            }
            _rows.Clear();
            await _out.DrainAsync(ct);
        }
    }

    /// <summary>
    /// What Parquet.Net writes, held until <see cref="DrainAsync"/> passes it on asynchronously: Parquet.Net writes and
    /// flushes synchronously, which a server's response refuses, and asks for the position to record where each row
    /// group begins, which a network response cannot tell. It holds one row group's bytes at most.
    /// </summary>
    private sealed class PositionedStream(Stream inner) : Stream
    {
        private readonly MemoryStream _pending = new();
        private long _passedOn;

        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => Position;
        public override long Position { get => _passedOn + _pending.Length; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override Task FlushAsync(CancellationToken ct) => Task.CompletedTask;
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => _pending.Write(buffer, offset, count);
        public override void Write(ReadOnlySpan<byte> buffer) => _pending.Write(buffer);

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken ct = default)
        {
            _pending.Write(buffer.Span);
            return ValueTask.CompletedTask;
        }

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken ct) =>
            WriteAsync(buffer.AsMemory(offset, count), ct).AsTask();

        public async Task DrainAsync(CancellationToken ct)
        {
            await inner.WriteAsync(_pending.GetBuffer().AsMemory(0, (int)_pending.Length), ct);
            await inner.FlushAsync(ct);
            _passedOn += _pending.Length;
            _pending.SetLength(0);
        }
    }
}

/// <summary>
/// Formula injection in CSV: a cell beginning with = + - @ (or a tab or carriage return) would be run as a formula by a
/// spreadsheet, so it is written with a leading apostrophe ('=SUM(…) becomes '=SUM(…)). Numbers such as -3.5 are left
/// as they are. The apostrophe stays part of the value when such a file is ingested again.
/// </summary>
public static class CsvCells
{
    public static bool IsFormula(string value) =>
        value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r'
        && !double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out _);

    /// <summary>A text cell as RFC 4180 has it (quoted when it holds a comma, quote or line break), neutralised when it is a formula.</summary>
    public static StringBuilder Append(StringBuilder text, string? value)
    {
        if (string.IsNullOrEmpty(value)) return text;
        var neutralised = IsFormula(value);
        if (!neutralised && value.AsSpan().IndexOfAny(",\"\n\r") < 0) return text.Append(value);
        text.Append('"');
        if (neutralised) text.Append('\'');
        return text.Append(value.Replace("\"", "\"\"")).Append('"');
    }
}
