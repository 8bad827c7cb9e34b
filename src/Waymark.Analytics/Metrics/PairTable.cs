namespace Waymark.Analytics.Metrics;

/// <summary>Gives each (a, b) pair a dense index: a flat table when a × b is small, a dictionary otherwise.</summary>
internal sealed class PairTable
{
    private readonly int _width;
    private readonly int[]? _dense;
    private readonly Dictionary<long, int>? _sparse;
    private int[] _from = new int[64];
    private int[] _to = new int[64];

    public PairTable(int rows, int columns)
    {
        _width = Math.Max(columns, 1);
        if ((long)Math.Max(rows, 1) * _width <= 1 << 20)
        {
            _dense = new int[Math.Max(rows, 1) * _width];
            Array.Fill(_dense, -1);
        }
        else _sparse = [];
    }

    public int Count { get; private set; }
    public int From(int index) => _from[index];
    public int To(int index) => _to[index];

    public int GetOrAdd(int a, int b)
    {
        if (_dense is not null)
        {
            ref var slot = ref _dense[a * _width + b];
            if (slot >= 0) return slot;
            slot = Add(a, b);
            return slot;
        }
        var key = ((long)a << 32) | (uint)b;
        if (_sparse!.TryGetValue(key, out var i)) return i;
        i = Add(a, b);
        _sparse[key] = i;
        return i;
    }

    private int Add(int a, int b)
    {
        if (Count == _from.Length)
        {
            Array.Resize(ref _from, Count * 2);
            Array.Resize(ref _to, Count * 2);
        }
        _from[Count] = a;
        _to[Count] = b;
        return Count++;
    }
}
