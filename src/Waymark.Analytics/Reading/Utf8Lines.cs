using System.Text;

namespace Waymark.Analytics.Reading;

/// <summary>
/// The lines of a UTF-8 text as slices of one buffer, without a string per line: a body already in memory is sliced
/// where it lies, a stream is read in chunks. Lines end at \n, \r\n or a lone \r, as <see cref="StreamReader.ReadLine"/>
/// counts them; a UTF-8 byte order mark is skipped, and a text with a UTF-16 or UTF-32 mark is read as that encoding.
/// </summary>
internal sealed class Utf8Lines
{
    private readonly Stream? _stream;
    private byte[] _buffer;
    private int _start, _end;
    private bool _first = true, _done;

    public Utf8Lines(Stream stream)
    {
        if (stream is MemoryStream memory && memory.TryGetBuffer(out var own))
        {
            _buffer = own.Array!;
            _start = own.Offset + (int)memory.Position;
            _end = own.Offset + own.Count;
            _done = true;
        }
        else
        {
            _stream = stream;
            _buffer = new byte[1 << 16];
        }
    }

    /// <summary>The buffer the slices of <see cref="Next"/> point into; it changes when a stream is read further.</summary>
    public byte[] Buffer => _buffer;

    /// <summary>The next line (without its line break) as a slice of <see cref="Buffer"/>; false at the end of the text.</summary>
    public bool Next(out int offset, out int length)
    {
        while (true)
        {
            if (_first)
            {
                _first = false;
                if (!_done) Fill();
                Start();
            }
            var at = _buffer.AsSpan(_start, _end - _start).IndexOfAny((byte)'\n', (byte)'\r');
            // A \r at the end of what is read may be the first half of \r\n: read on before deciding.
            if (at >= 0 && !(_buffer[_start + at] == '\r' && _start + at + 1 == _end && !_done))
            {
                (offset, length) = (_start, at);
                _start += at + (_buffer[_start + at] == '\r' && _start + at + 1 < _end && _buffer[_start + at + 1] == '\n' ? 2 : 1);
                return true;
            }
            if (_done)
            {
                if (_start == _end)
                {
                    (offset, length) = (0, 0);
                    return false;
                }
                (offset, length) = (_start, _end - _start);
                _start = _end;
                return true;
            }
            Fill();
        }
    }

    /// <summary>Reads more of the stream behind what is left of the buffer (growing it for a long line); false at its end.</summary>
    private bool Fill()
    {
        if (_start > 0)
        {
            _buffer.AsSpan(_start, _end - _start).CopyTo(_buffer);
            (_end, _start) = (_end - _start, 0);
        }
        if (_end == _buffer.Length) Array.Resize(ref _buffer, _buffer.Length * 2);
        var n = _stream!.Read(_buffer, _end, _buffer.Length - _end);
        if (n == 0) _done = true;
        _end += n;
        return n > 0;
    }

    /// <summary>Skips a UTF-8 byte order mark; a UTF-16 or UTF-32 text is decoded whole and read as UTF-8 from then on.</summary>
    private void Start()
    {
        var head = _buffer.AsSpan(_start, _end - _start);
        while (!_done && head.Length < 4 && Fill()) head = _buffer.AsSpan(_start, _end - _start);
        if (head.StartsWith("\uFEFF"u8))
        {
            _start += 3;
            return;
        }
        if (!(head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || head.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]) || head.StartsWith((ReadOnlySpan<byte>)[0, 0, 0xFE, 0xFF])))
            return;
        var whole = new MemoryStream();
        whole.Write(head);
        _stream?.CopyTo(whole);
        whole.Position = 0;
        using var text = new StreamReader(whole, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        _buffer = Encoding.UTF8.GetBytes(text.ReadToEnd());
        (_start, _end, _done) = (0, _buffer.Length, true);
    }
}
