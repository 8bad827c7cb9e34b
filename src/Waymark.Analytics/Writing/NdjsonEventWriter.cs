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

    /// <summary>Every property is written (null when missing): the reader learns the property set from the first line.</summary>
    public void Write(in EventRecord e)
    {
        _json.WriteStartObject();
        _json.WriteString("customer", e.Customer);
        if (e.Case is null) _json.WriteNull("case"); else _json.WriteString("case", e.Case);
        _json.WriteString("time", _buf.AsSpan(0, EventWriters.FormatTime(e.TimeTicks, _buf)));
        _json.WriteString("touchpoint", e.Activity);
        _json.WriteString("channel", e.Channel);
        _json.WriteString("outcome", e.Outcome);
        Number("score", e.Score);
        if (e.ScoreKind == ScoreKind.None) _json.WriteNull("score_kind"); else _json.WriteString("score_kind", ScoreKinds.Name(e.ScoreKind));
        Number("duration", e.Duration);
        Number("waiting", e.Waiting);
        _json.WriteEndObject();
        _json.Flush();
        _stream.WriteByte((byte)'\n');
        _json.Reset();
    }

    private void Number(string name, float value)
    {
        if (float.IsNaN(value)) _json.WriteNull(name);
        else _json.WriteNumber(name, value);
    }

    public void Dispose()
    {
        _json.Dispose();
        _stream.Dispose();
    }
}
