using System.Text;

namespace Waymark.Analytics.Reading;

internal enum XmlTokenKind
{
    StartElement,
    EndElement,
    EndOfFile,
}

/// <summary>
/// A minimal pull scanner over UTF-8 XML bytes, enough for XES: elements and their attributes, with the five
/// predefined and numeric character entities decoded. Comments, processing instructions, DOCTYPE, CDATA and text
/// between elements are skipped (XES keeps its data in attributes). Names and values are spans into the buffer,
/// valid until the next call to <see cref="Next"/>; nothing is allocated per element.
/// </summary>
internal sealed class XmlScanner(Stream stream, string file)
{
    private byte[] _buf = new byte[1 << 20];
    private int _pos, _len;
    private bool _eof, _started;
    private long _linesDiscarded;
    private int _tokenStart;
    private int _nameStart, _nameLen;
    private (int NameStart, int NameLen, int ValueStart, int ValueLen)[] _attrs = new (int, int, int, int)[8];
    private int _attrCount;

    public XmlTokenKind Kind { get; private set; }
    public bool SelfClosing { get; private set; }

    /// <summary>The element name without any namespace prefix (XES files use several namespaces).</summary>
    public ReadOnlySpan<byte> LocalName
    {
        get
        {
            var name = _buf.AsSpan(_nameStart, _nameLen);
            var colon = name.LastIndexOf((byte)':');
            return colon < 0 ? name : name[(colon + 1)..];
        }
    }

    public string LocalNameString => Encoding.UTF8.GetString(LocalName);

    /// <summary>1-based line of the current token (computed on demand).</summary>
    public long Line => _linesDiscarded + _buf.AsSpan(0, Math.Min(_tokenStart, _len)).Count((byte)'\n') + 1;

    public bool TryGetAttribute(ReadOnlySpan<byte> name, out ReadOnlySpan<byte> value)
    {
        for (var i = 0; i < _attrCount; i++)
        {
            var a = _attrs[i];
            var n = _buf.AsSpan(a.NameStart, a.NameLen);
            if (n.SequenceEqual(name))
            {
                value = _buf.AsSpan(a.ValueStart, a.ValueLen);
                return true;
            }
        }
        value = default;
        return false;
    }

    public EventLogFormatException Error(string problem, string? field = null) =>
        new(file, $"line {Line}", field, problem);

    public void Next()
    {
        while (true)
        {
            if (!_started)
            {
                _started = true;
                Fill(0);
                if (_len >= 3 && _buf[0] == 0xEF && _buf[1] == 0xBB && _buf[2] == 0xBF) _pos = 3;
                if (_len >= 2 && (_buf[0] == 0xFF || _buf[0] == 0xFE)) throw Error("the file is UTF-16; XES files must be UTF-8");
            }
            var idx = _buf.AsSpan(_pos, _len - _pos).IndexOf((byte)'<');
            if (idx < 0)
            {
                _pos = _len;
                _tokenStart = _len;
                if (!Fill(_len))
                {
                    Kind = XmlTokenKind.EndOfFile;
                    return;
                }
                continue;
            }
            _pos += idx;
            _tokenStart = _pos;
            var end = FindMarkupEnd(_pos);
            if (end < 0)
            {
                if (!Fill(_pos)) throw Error("the file ends inside a tag");
                continue;
            }
            var isToken = Parse(_pos, end);
            _pos = end + 1;
            if (isToken) return;
        }
    }

    /// <summary>Keeps bytes from <paramref name="keepFrom"/>, reads more; false at end of input with nothing new.</summary>
    private bool Fill(int keepFrom)
    {
        if (_eof) return false;
        if (keepFrom > 0)
        {
            _linesDiscarded += _buf.AsSpan(0, keepFrom).Count((byte)'\n');
            var keep = _len - keepFrom;
            Buffer.BlockCopy(_buf, keepFrom, _buf, 0, keep);
            _len = keep;
            _pos -= keepFrom;
            _tokenStart -= keepFrom;
            if (_pos < 0) _pos = 0;
            if (_tokenStart < 0) _tokenStart = 0;
        }
        if (_len == _buf.Length) Array.Resize(ref _buf, _buf.Length * 2);
        var read = 0;
        while (_len < _buf.Length)
        {
            var n = stream.Read(_buf, _len, _buf.Length - _len);
            if (n == 0) { _eof = true; break; }
            _len += n;
            read += n;
            if (read >= 1 << 16) break;
        }
        return read > 0;
    }

    private int FindMarkupEnd(int start)
    {
        var s = _buf.AsSpan(start, _len - start);
        if (s.Length < 2) return -1;
        if (s[1] == (byte)'!')
        {
            if (s.Length < 9 && !_eof) return -1;
            int k;
            if (s.StartsWith("<!--"u8))
            {
                k = s[4..].IndexOf("-->"u8);
                return k < 0 ? -1 : start + 4 + k + 2;
            }
            if (s.StartsWith("<![CDATA["u8))
            {
                k = s[9..].IndexOf("]]>"u8);
                return k < 0 ? -1 : start + 9 + k + 2;
            }
            k = s.IndexOf((byte)'>');
            return k < 0 ? -1 : start + k;
        }
        if (s[1] == (byte)'?')
        {
            var k = s[2..].IndexOf("?>"u8);
            return k < 0 ? -1 : start + 2 + k + 1;
        }
        var i = 1;
        while (true)
        {
            var j = s[i..].IndexOfAny((byte)'>', (byte)'"', (byte)'\'');
            if (j < 0) return -1;
            var c = s[i + j];
            if (c == (byte)'>') return start + i + j;
            var q = s[(i + j + 1)..].IndexOf(c);
            if (q < 0) return -1;
            i = i + j + 1 + q + 1;
        }
    }

    private static bool IsSpace(byte b) => b is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n';

    private static bool IsNameEnd(byte b) => IsSpace(b) || b is (byte)'/' or (byte)'>' or (byte)'=';

    /// <summary>Parses markup [start, end]; returns false for markup that is not an element (comment, PI, DOCTYPE, CDATA).</summary>
    private bool Parse(int start, int end)
    {
        var b = _buf;
        if (b[start + 1] is (byte)'!' or (byte)'?') return false;
        _attrCount = 0;
        SelfClosing = false;
        var i = start + 1;
        if (b[i] == (byte)'/')
        {
            Kind = XmlTokenKind.EndElement;
            i++;
            _nameStart = i;
            while (i < end && !IsNameEnd(b[i])) i++;
            _nameLen = i - _nameStart;
            if (_nameLen == 0) throw Error("an end tag has no name");
            return true;
        }
        Kind = XmlTokenKind.StartElement;
        _nameStart = i;
        while (i < end && !IsNameEnd(b[i])) i++;
        _nameLen = i - _nameStart;
        if (_nameLen == 0) throw Error("a tag has no name");
        while (true)
        {
            while (i < end && IsSpace(b[i])) i++;
            if (i >= end) return true;
            if (b[i] == (byte)'/')
            {
                SelfClosing = true;
                return true;
            }
            var nameStart = i;
            while (i < end && !IsNameEnd(b[i])) i++;
            var nameLen = i - nameStart;
            while (i < end && IsSpace(b[i])) i++;
            if (nameLen == 0 || i >= end || b[i] != (byte)'=') throw Error($"malformed attribute in <{LocalNameString}>");
            i++;
            while (i < end && IsSpace(b[i])) i++;
            if (i >= end || b[i] is not ((byte)'"' or (byte)'\'')) throw Error($"attribute value not quoted in <{LocalNameString}>");
            var quote = b[i];
            var valueStart = ++i;
            var rel = b.AsSpan(valueStart, end - valueStart).IndexOf(quote);
            if (rel < 0) throw Error($"unterminated attribute value in <{LocalNameString}>");
            var valueLen = rel;
            i = valueStart + rel + 1;
            if (b.AsSpan(valueStart, valueLen).IndexOf((byte)'&') >= 0) valueLen = DecodeEntities(valueStart, valueLen);
            if (_attrCount == _attrs.Length) Array.Resize(ref _attrs, _attrs.Length * 2);
            _attrs[_attrCount++] = (nameStart, nameLen, valueStart, valueLen);
        }
    }

    /// <summary>Decodes entities in place (the decoded text is never longer); returns the new length.</summary>
    private int DecodeEntities(int start, int length)
    {
        var b = _buf;
        var r = start;
        var w = start;
        var stop = start + length;
        while (r < stop)
        {
            if (b[r] != (byte)'&')
            {
                b[w++] = b[r++];
                continue;
            }
            var semi = b.AsSpan(r, stop - r).IndexOf((byte)';');
            if (semi < 0) throw Error("unterminated entity in an attribute value");
            var entity = b.AsSpan(r + 1, semi - 1);
            if (entity.SequenceEqual("lt"u8)) b[w++] = (byte)'<';
            else if (entity.SequenceEqual("gt"u8)) b[w++] = (byte)'>';
            else if (entity.SequenceEqual("amp"u8)) b[w++] = (byte)'&';
            else if (entity.SequenceEqual("quot"u8)) b[w++] = (byte)'"';
            else if (entity.SequenceEqual("apos"u8)) b[w++] = (byte)'\'';
            else if (entity.Length > 1 && entity[0] == (byte)'#')
            {
                var hex = entity[1] is (byte)'x' or (byte)'X';
                var digits = entity[(hex ? 2 : 1)..];
                int code = 0;
                foreach (var d in digits)
                {
                    int v = d switch
                    {
                        >= (byte)'0' and <= (byte)'9' => d - '0',
                        >= (byte)'a' and <= (byte)'f' when hex => d - 'a' + 10,
                        >= (byte)'A' and <= (byte)'F' when hex => d - 'A' + 10,
                        _ => throw Error($"bad character reference &{Encoding.UTF8.GetString(entity)};"),
                    };
                    code = code * (hex ? 16 : 10) + v;
                    if (code > 0x10FFFF) throw Error("character reference out of range");
                }
                if (!Rune.TryCreate(code, out var rune)) throw Error("character reference is not a character");
                // A reference takes at least 4 bytes (&#N;), its UTF-8 at most 4: it fits over the reference just read.
                var n = rune.EncodeToUtf8(b.AsSpan(w));
                w += n;
            }
            else throw Error($"unknown entity &{Encoding.UTF8.GetString(entity)};");
            r += semi + 1;
        }
        return w - start;
    }
}
