using System.Collections;
using System.Runtime.CompilerServices;
using System.Text;

namespace Waymark.Analytics.Model;

/// <summary>
/// Dictionary encoding for one string column: each distinct value gets a dense id in order of first appearance.
/// Values are kept as characters in one shared buffer with an open-addressing table of ids, about 20 bytes per
/// distinct value plus its characters, instead of a string object and a dictionary entry each (about 75 bytes):
/// a log of millions of customers keeps its customer ids in a fifth of the memory. The first
/// <see cref="CachedStrings"/> values (the touchpoints, channels and outcomes of any real log) are also kept as
/// strings, so reading them back costs nothing; larger ids make their string on request.
/// </summary>
public sealed class StringPool
{
    private const int CachedStrings = 4096;
    private char[] _chars = new char[256];
    private int _charCount;
    private int[] _starts = new int[17]; // value id's characters are _chars[_starts[id].._starts[id + 1]]
    private int[] _hashes = new int[16];
    private int[] _slots = new int[32]; // id + 1, 0 when empty; capacity a power of two, at most half full
    private readonly List<string> _cached = [];

    public int Count { get; private set; }

    public string this[int id]
    {
        get
        {
            if ((uint)id >= (uint)Count) throw new ArgumentOutOfRangeException(nameof(id));
            return id < CachedStrings ? _cached[id] : new string(Chars(id));
        }
    }

    /// <summary>The characters of a value, without making a string.</summary>
    public ReadOnlySpan<char> Chars(int id) => _chars.AsSpan(_starts[id], _starts[id + 1] - _starts[id]);

    public IReadOnlyList<string> Values => new ValueList(this);

    public int GetOrAdd(ReadOnlySpan<char> value)
    {
        var hash = Hash(value);
        var mask = _slots.Length - 1;
        for (var slot = hash & mask; ; slot = (slot + 1) & mask)
        {
            var entry = _slots[slot];
            if (entry == 0) return Add(value, hash, slot);
            var id = entry - 1;
            if (_hashes[id] == hash && Chars(id).SequenceEqual(value)) return id;
        }
    }

    public int GetOrAdd(string value) => GetOrAdd(value.AsSpan());

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

    public bool TryGet(ReadOnlySpan<char> value, out int id)
    {
        var hash = Hash(value);
        var mask = _slots.Length - 1;
        for (var slot = hash & mask; ; slot = (slot + 1) & mask)
        {
            var entry = _slots[slot];
            if (entry == 0) { id = -1; return false; }
            id = entry - 1;
            if (_hashes[id] == hash && Chars(id).SequenceEqual(value)) return true;
        }
    }

    // FNV-1a with a final mix: quick on the short values of event logs (ids, codes, names).
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Hash(ReadOnlySpan<char> value)
    {
        var h = 0x811C9DC5u;
        foreach (var c in value) h = (h ^ c) * 0x01000193u;
        h ^= h >> 15;
        h *= 0x2C1B3C6Du;
        h ^= h >> 12;
        return (int)(h & 0x7FFFFFFF);
    }

    private int Add(ReadOnlySpan<char> value, int hash, int slot)
    {
        var id = Count;
        if (_charCount + value.Length > _chars.Length)
            Array.Resize(ref _chars, (int)Math.Min(Array.MaxLength, Math.Max(_chars.Length * 2L, _charCount + (long)value.Length)));
        value.CopyTo(_chars.AsSpan(_charCount));
        _charCount += value.Length;
        if (id + 2 > _starts.Length) Array.Resize(ref _starts, _starts.Length * 2);
        _starts[id + 1] = _charCount;
        if (id + 1 > _hashes.Length) Array.Resize(ref _hashes, _hashes.Length * 2);
        _hashes[id] = hash;
        if (id < CachedStrings) _cached.Add(value.ToString());
        _slots[slot] = id + 1;
        Count = id + 1;
        if (Count * 2 > _slots.Length) Grow();
        return id;
    }

    private void Grow()
    {
        var slots = new int[_slots.Length * 2];
        var mask = slots.Length - 1;
        for (var id = 0; id < Count; id++)
        {
            var slot = _hashes[id] & mask;
            while (slots[slot] != 0) slot = (slot + 1) & mask;
            slots[slot] = id + 1;
        }
        _slots = slots;
    }

    private sealed class ValueList(StringPool pool) : IReadOnlyList<string>
    {
        public string this[int index] => pool[index];
        public int Count => pool.Count;

        public IEnumerator<string> GetEnumerator()
        {
            for (var i = 0; i < pool.Count; i++) yield return pool[i];
        }

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
