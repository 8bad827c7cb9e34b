using System.Text.Json;
using Waymark.Analytics.Model;

namespace Waymark.Analytics.Writing;

/// <summary>One JSON object per line with the NDJSON reader's default property names.</summary>
public sealed class NdjsonEventWriter : IEventWriter
{
    private readonly Stream _stream;
    private readonly Utf8JsonWriter _json;
    private readonly char[] _buf = new char[40];

    public NdjsonEventWriter(string path) : this(new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16)) { }

    public NdjsonEventWriter(Stream stream)
    {
        _stream = stream;
        _json = new Utf8JsonWriter(stream, new JsonWriterOptions { SkipValidation = true });
    }

    public void Write(in EventRecord e)
    {
        _json.WriteStartObject();
        _json.WriteString("customer", e.Customer);
        if (e.Case is not null) _json.WriteString("case", e.Case);
        _json.WriteString("time", _buf.AsSpan(0, EventWriters.FormatTime(e.TimeTicks, _buf)));
        _json.WriteString("touchpoint", e.Activity);
        if (e.Channel.Length > 0) _json.WriteString("channel", e.Channel);
        if (e.Outcome.Length > 0) _json.WriteString("outcome", e.Outcome);
        if (!float.IsNaN(e.Score)) { _json.WriteNumber("score", e.Score); _json.WriteString("score_kind", ScoreKinds.Name(e.ScoreKind)); }
        if (!float.IsNaN(e.Duration)) _json.WriteNumber("duration", e.Duration);
        if (!float.IsNaN(e.Waiting)) _json.WriteNumber("waiting", e.Waiting);
        _json.WriteEndObject();
        _json.Flush();
        _stream.WriteByte((byte)'\n');
        _json.Reset();
    }

    public void Dispose()
    {
        _json.Dispose();
        _stream.Dispose();
    }
}
