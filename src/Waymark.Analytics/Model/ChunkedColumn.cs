namespace Waymark.Analytics.Model;

/// <summary>An append-only column in 64K-element chunks: growing never copies, so building needs no double-size peak.</summary>
internal sealed class ChunkedColumn<T> where T : struct
{
    private const int Shift = 16;
    private const int ChunkSize = 1 << Shift;
    private const int Mask = ChunkSize - 1;
    private readonly List<T[]> _chunks = [];
    private readonly T _fill;

    public ChunkedColumn(T fill = default) => _fill = fill;

    public int Length { get; private set; }

    public void Add(T value)
    {
        var offset = Length & Mask;
        if (offset == 0) _chunks.Add(NewChunk());
        _chunks[^1][offset] = value;
        Length++;
    }

    /// <summary>Sets a value, growing with the fill value up to <paramref name="index"/> when needed.</summary>
    public void Set(int index, T value)
    {
        while (Length <= index) Add(_fill);
        _chunks[index >> Shift][index & Mask] = value;
    }

    public T this[int index] => _chunks[index >> Shift][index & Mask];

    /// <summary>Pads with the fill value to <paramref name="length"/>.</summary>
    public void PadTo(int length)
    {
        while (Length < length) Add(_fill);
    }

    public T[] Gather(int[] order)
    {
        var result = GC.AllocateUninitializedArray<T>(order.Length);
        var chunks = _chunks.ToArray();
        for (var i = 0; i < order.Length; i++)
        {
            var o = order[i];
            result[i] = o < Length ? chunks[o >> Shift][o & Mask] : _fill;
        }
        return result;
    }

    public void Clear()
    {
        _chunks.Clear();
        Length = 0;
    }

    private T[] NewChunk()
    {
        var chunk = GC.AllocateUninitializedArray<T>(ChunkSize);
        if (!EqualityComparer<T>.Default.Equals(_fill, default)) Array.Fill(chunk, _fill);
        else Array.Clear(chunk);
        return chunk;
    }
}
