using System.Text;

namespace Waymark.Analytics.Model;

/// <summary>Dictionary encoding for one string column: each distinct value gets a dense id in order of first appearance.</summary>
public sealed class StringPool
{
    private readonly Dictionary<string, int> _ids = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _lookup;
    private readonly List<string> _values = [];

    public StringPool() => _lookup = _ids.GetAlternateLookup<ReadOnlySpan<char>>();

    public int Count => _values.Count;

    public string this[int id] => _values[id];

    public IReadOnlyList<string> Values => _values;

    public int GetOrAdd(ReadOnlySpan<char> value)
    {
        if (_lookup.TryGetValue(value, out var id)) return id;
        return Add(value.ToString());
    }

    public int GetOrAdd(string value) => _ids.TryGetValue(value, out var id) ? id : Add(value);

    /// <summary>Looks a UTF-8 value up without allocating when it is already known.</summary>
    public int GetOrAddUtf8(ReadOnlySpan<byte> utf8)
    {
        if (utf8.Length <= 256)
        {
            Span<char> chars = stackalloc char[256];
            var n = Encoding.UTF8.GetChars(utf8, chars);
            return GetOrAdd(chars[..n]);
        }
        return GetOrAdd(Encoding.UTF8.GetString(utf8));
    }

    public bool TryGet(ReadOnlySpan<char> value, out int id) => _lookup.TryGetValue(value, out id);

    private int Add(string value)
    {
        var id = _values.Count;
        _ids.Add(value, id);
        _values.Add(value);
        return id;
    }
}
