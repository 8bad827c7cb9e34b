using System.Buffers;
using System.Text;
using System.Text.Json;
using System.Text.Unicode;

namespace Waymark.Analytics.Reading;

/// <summary>
/// One line of NDJSON, a flat object, read straight from its UTF-8 bytes: for each column (a property name, numbered in
/// the order names were first seen on a good line) where its value lies in the line. Nothing is turned into a string
/// until a field needs one, and names, channels, touchpoints and the like that repeat from line to line are made into a
/// string once. Values are given with the same rules as the text readers: a blank value is no value, others trimmed.
/// </summary>
internal sealed class JsonEventLine
{
    private enum Kind : byte { None, String, Number, True, False, Null, Object }

    private struct Slot
    {
        public Kind Kind;
        public int Start, Length;
        /// <summary>The value of a string with escapes, unescaped.</summary>
        public string? Text;
    }

    private const int MaxShared = 10_000;

    private readonly List<string> _names = [];
    private readonly List<byte[]> _utf8Names = [];
    private readonly Dictionary<string, string> _shared = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _sharedLookup;
    private readonly ArrayBufferWriter<byte> _attributes = new(512);
    private readonly Utf8JsonWriter _writer;
    private Slot[] _slots = new Slot[16];
    private byte[] _line = [];
    private int _committed;

    public JsonEventLine()
    {
        _sharedLookup = _shared.GetAlternateLookup<ReadOnlySpan<char>>();
        _writer = new Utf8JsonWriter(_attributes, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
    }

    /// <summary>Every property name seen on a good line so far, in order of first appearance; the columns of the values.</summary>
    public IReadOnlyList<string> Names => _names;

    /// <summary>Adds a column for a name no line has had yet (a required field expected under its usual name).</summary>
    public void AddName(string name)
    {
        _names.Add(name);
        _utf8Names.Add(Encoding.UTF8.GetBytes(name));
        _committed = _names.Count;
    }

    /// <summary>
    /// Reads the line (<paramref name="length"/> bytes of <paramref name="buffer"/> from <paramref name="offset"/>); null
    /// when it is a flat object, else what is wrong with it. <paramref name="newNames"/> tells that it named a property no
    /// earlier good line had (now a column of its own).
    /// </summary>
    public string? Read(byte[] buffer, int offset, int length, out bool newNames)
    {
        newNames = false;
        _line = buffer;
        if (!Utf8.IsValid(buffer.AsSpan(offset, length)))
        {
            // Bytes that are not UTF-8 become U+FFFD, as a text reader would have made them.
            _line = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(buffer, offset, length));
            (offset, length) = (0, _line.Length);
        }
        var span = _line.AsSpan(offset, length);
        Array.Clear(_slots, 0, Math.Min(_slots.Length, _names.Count));
        string? problem = null;
        try
        {
            var json = new Utf8JsonReader(span);
            if (!json.Read() || json.TokenType != JsonTokenType.StartObject) problem = "is not a JSON object";
            else
            {
                while (json.Read() && json.TokenType == JsonTokenType.PropertyName)
                {
                    var column = Column(ref json);
                    json.Read();
                    ref var slot = ref _slots[column];
                    slot.Text = null;
                    switch (json.TokenType)
                    {
                        case JsonTokenType.String:
                            slot.Kind = Kind.String;
                            if (json.ValueIsEscaped) slot.Text = json.GetString();
                            else (slot.Start, slot.Length) = (offset + (int)json.TokenStartIndex + 1, json.ValueSpan.Length);
                            break;
                        case JsonTokenType.Number:
                            (slot.Kind, slot.Start, slot.Length) = (Kind.Number, offset + (int)json.TokenStartIndex, json.ValueSpan.Length);
                            break;
                        case JsonTokenType.True: slot.Kind = Kind.True; break;
                        case JsonTokenType.False: slot.Kind = Kind.False; break;
                        case JsonTokenType.Null: slot.Kind = Kind.Null; break;
                        // An export writes the attributes as one object; it is read back as the attributes it holds.
                        case JsonTokenType.StartObject when string.Equals(_names[column], InteractionEventReader.AttributesColumn, StringComparison.OrdinalIgnoreCase):
                            using (var nested = JsonDocument.ParseValue(ref json)) (slot.Kind, slot.Text) = (Kind.Object, nested.RootElement.GetRawText());
                            break;
                        default:
                            problem ??= $"property '{_names[column]}' holds a nested value; events are flat objects";
                            json.Skip();
                            break;
                    }
                }
                if (problem is null && json.Read()) problem = "holds more than one JSON value";
            }
        }
        catch (JsonException)
        {
            problem = "is not valid JSON: check for a missing comma, quote or brace";
        }
        if (problem is not null)
        {
            // The names of a bad line do not become columns, as if it had not been read.
            _names.RemoveRange(_committed, _names.Count - _committed);
            _utf8Names.RemoveRange(_committed, _utf8Names.Count - _committed);
            return problem;
        }
        newNames = _names.Count > _committed;
        _committed = _names.Count;
        return null;
    }

    /// <summary>The column of the property name the reader stands on; a name not seen before gets a new one.</summary>
    private int Column(ref Utf8JsonReader json)
    {
        if (!json.ValueIsEscaped)
        {
            var name = json.ValueSpan;
            for (var i = 0; i < _utf8Names.Count; i++)
                if (name.SequenceEqual(_utf8Names[i])) return i;
            return Add(Encoding.UTF8.GetString(name));
        }
        var text = json.GetString()!;
        var known = _names.IndexOf(text);
        return known >= 0 ? known : Add(text);
    }

    private int Add(string name)
    {
        _names.Add(name);
        _utf8Names.Add(Encoding.UTF8.GetBytes(name));
        if (_slots.Length < _names.Count) Array.Resize(ref _slots, _names.Count * 2);
        _slots[_names.Count - 1] = default;
        return _names.Count - 1;
    }

    private ReadOnlySpan<byte> Bytes(in Slot slot) => _line.AsSpan(slot.Start, slot.Length);

    /// <summary>Whether the value lies in the line as it is to be taken: not escaped, not blank, nothing to trim.</summary>
    private bool Plain(int column, out ReadOnlySpan<byte> bytes)
    {
        bytes = default;
        if (column < 0) return false;
        ref var slot = ref _slots[column];
        if (slot.Kind is not (Kind.String or Kind.Number) || slot.Text is not null || slot.Length == 0) return false;
        bytes = Bytes(slot);
        return bytes[0] is > 0x20 and < 0x7F && bytes[^1] is > 0x20 and < 0x7F;
    }

    /// <summary>The value as sent (numbers and booleans as their text); null when the line leaves it out or sends null.</summary>
    public string? Raw(int column)
    {
        if (column < 0) return null;
        var slot = _slots[column];
        return slot.Kind switch
        {
            Kind.String => slot.Text ?? Encoding.UTF8.GetString(Bytes(slot)),
            Kind.Number => Encoding.UTF8.GetString(Bytes(slot)),
            Kind.True => "true",
            Kind.False => "false",
            Kind.Object => slot.Text,
            _ => null,
        };
    }

    /// <summary>The value trimmed; null when it is missing or blank.</summary>
    public string? Text(int column)
    {
        if (Plain(column, out var bytes)) return Encoding.UTF8.GetString(bytes);
        var raw = Raw(column);
        return string.IsNullOrWhiteSpace(raw) ? null : raw.Trim();
    }

    /// <summary>
    /// <see cref="Text"/> for values that repeat from line to line (a channel, a touchpoint, an outcome): each distinct
    /// value is one string, made once.
    /// </summary>
    public string? Shared(int column)
    {
        if (!Plain(column, out var bytes) || bytes.Length > 256) return Text(column);
        Span<char> chars = stackalloc char[bytes.Length];
        var n = Encoding.UTF8.GetChars(bytes, chars);
        if (_sharedLookup.TryGetValue(chars[..n], out var known)) return known;
        var text = new string(chars[..n]);
        if (_shared.Count < MaxShared) _shared[text] = text;
        return text;
    }

    /// <summary>The time as UTC ticks, read from the bytes when it is a plain ISO 8601 string; otherwise null (take <see cref="Text"/>).</summary>
    public bool? TryTime(int column, TimestampParser parser, out long ticks)
    {
        ticks = 0;
        if (parser.HasFormat || !Plain(column, out var bytes) || _slots[column].Kind != Kind.String) return null;
        return parser.TryParse(bytes, out ticks);
    }

    /// <summary>A number read from the bytes of a plain value; null when it is not one that way (take <see cref="Text"/>).</summary>
    public float? Number(int column)
    {
        if (!Plain(column, out var bytes)) return null;
        return float.TryParse(bytes, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var value) && float.IsFinite(value)
            ? value : null;
    }

    /// <summary>The values of the columns not <paramref name="mapped"/> as a flat JSON object of texts (empty ones left out); null when there is none.</summary>
    public string? Attributes(bool[] mapped)
    {
        var any = false;
        for (var i = 0; i < mapped.Length && i < _names.Count; i++)
        {
            if (mapped[i]) continue;
            var slot = _slots[i];
            if (slot.Kind is Kind.None or Kind.Null || (slot.Kind == Kind.String && (slot.Text?.Length ?? slot.Length) == 0)) continue;
            if (!any)
            {
                _attributes.ResetWrittenCount();
                _writer.Reset();
                _writer.WriteStartObject();
                any = true;
            }
            switch (slot.Kind)
            {
                case Kind.True: _writer.WriteString(_utf8Names[i], "true"u8); break;
                case Kind.False: _writer.WriteString(_utf8Names[i], "false"u8); break;
                case Kind.Object:
                    // A flat object is expanded into its pairs; one holding nested values is kept whole, as its text.
                    var (held, problem) = JsonObjects.One(Encoding.UTF8.GetBytes(slot.Text!));
                    if (problem is null)
                        foreach (var (name, value) in held!)
                            if (value is not null) _writer.WriteString(name, value);
                    if (problem is not null) _writer.WriteString(_names[i], slot.Text);
                    break;
                default:
                    if (slot.Text is { } text) _writer.WriteString(_names[i], text);
                    else _writer.WriteString(_utf8Names[i], Bytes(slot));
                    break;
            }
        }
        if (!any) return null;
        _writer.WriteEndObject();
        _writer.Flush();
        return Encoding.UTF8.GetString(_attributes.WrittenSpan);
    }
}
