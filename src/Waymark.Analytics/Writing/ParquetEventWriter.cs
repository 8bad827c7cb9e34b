using Parquet;
using Parquet.Schema;
using Waymark.Analytics.Model;

namespace Waymark.Analytics.Writing;

/// <summary>Parquet with one column per field (strings, UTC timestamp, nullable floats), in row groups of 1M events.</summary>
public sealed class ParquetEventWriter : IEventWriter
{
    private const int RowGroupSize = 1 << 20;
    private static readonly DataField<string> CustomerField = new("customer");
    private static readonly DataField<string> CaseField = new("case", true);
    private static readonly DataField<DateTime> TimeField = new("time");
    private static readonly DataField<string> TouchpointField = new("touchpoint");
    private static readonly DataField<string> ChannelField = new("channel", true);
    private static readonly DataField<string> OutcomeField = new("outcome", true);
    private static readonly DataField<float?> ScoreField = new("score");
    private static readonly DataField<string> ScoreKindField = new("score_kind", true);
    private static readonly DataField<float?> DurationField = new("duration");
    private static readonly DataField<float?> WaitingField = new("waiting");
    private static readonly ParquetSchema Schema = new(CustomerField, CaseField, TimeField, TouchpointField, ChannelField, OutcomeField,
        ScoreField, ScoreKindField, DurationField, WaitingField);

    private readonly Stream _stream;
    private readonly ParquetWriter _writer;
    private readonly List<EventRecord> _rows = new(RowGroupSize);

    public ParquetEventWriter(string path) : this(new FileStream(path, FileMode.Create, FileAccess.ReadWrite, FileShare.None, 1 << 16)) { }

    public ParquetEventWriter(Stream stream)
    {
        _stream = stream;
        _writer = ParquetWriter.CreateAsync(Schema, stream).GetAwaiter().GetResult();
    }

    public void Write(in EventRecord e)
    {
        _rows.Add(e);
        if (_rows.Count == RowGroupSize) Flush();
    }

    private void Flush()
    {
        if (_rows.Count == 0) return;
        FlushAsync().GetAwaiter().GetResult();
        _rows.Clear();
    }

    private async Task FlushAsync()
    {
        using var rg = _writer.CreateRowGroup();
        static string? Empty(string s) => s.Length == 0 ? null : s;
        static float? Num(float f) => float.IsNaN(f) ? null : f;
        await rg.WriteAsync(CustomerField, _rows.Select(r => r.Customer).ToArray());
        await rg.WriteAsync(CaseField, _rows.Select(r => r.Case).ToArray()!);
        await rg.WriteAsync<DateTime>(TimeField, _rows.Select(r => new DateTime(r.TimeTicks, DateTimeKind.Utc)).ToArray());
        await rg.WriteAsync(TouchpointField, _rows.Select(r => r.Activity).ToArray());
        await rg.WriteAsync(ChannelField, _rows.Select(r => Empty(r.Channel)).ToArray()!);
        await rg.WriteAsync(OutcomeField, _rows.Select(r => Empty(r.Outcome)).ToArray()!);
        await rg.WriteAsync<float>(ScoreField, _rows.Select(r => Num(r.Score)).ToArray());
        await rg.WriteAsync(ScoreKindField, _rows.Select(r => r.ScoreKind == ScoreKind.None ? null : ScoreKinds.Name(r.ScoreKind)).ToArray()!);
        await rg.WriteAsync<float>(DurationField, _rows.Select(r => Num(r.Duration)).ToArray());
        await rg.WriteAsync<float>(WaitingField, _rows.Select(r => Num(r.Waiting)).ToArray());
    }

    public void Dispose()
    {
        Flush();
        _writer.DisposeAsync().AsTask().GetAwaiter().GetResult();
        _stream.Dispose();
    }
}
