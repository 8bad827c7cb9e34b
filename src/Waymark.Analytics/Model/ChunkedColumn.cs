using System.Runtime.InteropServices;

namespace Waymark.Analytics.Model;

/// <summary>
/// An append-only column in 64K-element chunks: growing never copies, so building needs no double-size peak.
/// The chunks live outside the GC heap (anonymous mmap on Linux, the native allocator elsewhere) and are freed
/// explicitly as soon as their values are gathered, so the memory goes back to the OS at once instead of lingering
/// as fragmented large-object-heap space next to the final columns.
/// </summary>
internal sealed unsafe class ChunkedColumn<T> where T : unmanaged
{
    private const int Shift = 16;
    private const int ChunkSize = 1 << Shift;
    private const int Mask = ChunkSize - 1;
    private static readonly nuint ChunkBytes = (nuint)(ChunkSize * sizeof(T));
    private readonly List<nint> _chunks = [];
    private readonly T _fill;
    private bool _finalizerSuppressed;

    public ChunkedColumn(T fill = default) => _fill = fill;

    ~ChunkedColumn() => FreeAll();

    public int Length { get; private set; }

    public void Add(T value)
    {
        var offset = Length & Mask;
        if (offset == 0) _chunks.Add(NewChunk());
        ((T*)_chunks[^1])[offset] = value;
        Length++;
    }

    /// <summary>Sets a value, growing with the fill value up to <paramref name="index"/> when needed.</summary>
    public void Set(int index, T value)
    {
        while (Length <= index) Add(_fill);
        ((T*)_chunks[index >> Shift])[index & Mask] = value;
    }

    public T this[int index] => ((T*)_chunks[index >> Shift])[index & Mask];

    /// <summary>Pads with the fill value to <paramref name="length"/>.</summary>
    public void PadTo(int length)
    {
        while (Length < length) Add(_fill);
    }

    /// <summary>
    /// The values in the given order (or in their own order when <paramref name="order"/> is null, for
    /// <paramref name="count"/> values), then frees the chunks: the column is empty afterwards. In order, each
    /// chunk is freed right after it is copied, so the column and its copy hardly coexist.
    /// </summary>
    public T[] GatherAndClear(int[]? order, int count)
    {
        var result = GC.AllocateUninitializedArray<T>(order?.Length ?? count);
        if (order is null)
        {
            var copied = 0;
            for (var c = 0; c < _chunks.Count && copied < count; c++)
            {
                var take = Math.Min(Math.Min(ChunkSize, Length - copied), count - copied);
                new ReadOnlySpan<T>((T*)_chunks[c], take).CopyTo(result.AsSpan(copied));
                copied += take;
                ChunkMemory.Free(_chunks[c], ChunkBytes);
                _chunks[c] = 0;
            }
            if (copied < count) result.AsSpan(copied, count - copied).Fill(_fill);
        }
        else
        {
            var chunks = _chunks.ToArray();
            var length = Length;
            for (var i = 0; i < order.Length; i++)
            {
                var o = order[i];
                result[i] = o < length ? ((T*)chunks[o >> Shift])[o & Mask] : _fill;
            }
        }
        Clear();
        return result;
    }

    public void Clear()
    {
        FreeAll();
        GC.SuppressFinalize(this);
        _finalizerSuppressed = true;
    }

    private void FreeAll()
    {
        foreach (var chunk in _chunks)
            if (chunk != 0) ChunkMemory.Free(chunk, ChunkBytes);
        _chunks.Clear();
        Length = 0;
    }

    private nint NewChunk()
    {
        if (_finalizerSuppressed)
        {
            GC.ReRegisterForFinalize(this);
            _finalizerSuppressed = false;
        }
        var chunk = ChunkMemory.Alloc(ChunkBytes);
        var span = new Span<T>((void*)chunk, ChunkSize);
        if (!EqualityComparer<T>.Default.Equals(_fill, default)) span.Fill(_fill);
        else if (!OperatingSystem.IsLinux()) span.Clear(); // fresh anonymous mappings are already zero
        return chunk;
    }
}

/// <summary>Chunk memory outside the GC heap, handed back to the OS when freed.</summary>
internal static unsafe class ChunkMemory
{
    public static nint Alloc(nuint bytes)
    {
        if (OperatingSystem.IsLinux())
        {
            var p = mmap(0, bytes, ProtRead | ProtWrite, MapPrivate | MapAnonymous, -1, 0);
            if (p == -1) throw new OutOfMemoryException("Could not map memory for an event column.");
            return p;
        }
        return (nint)NativeMemory.Alloc(bytes);
    }

    public static void Free(nint chunk, nuint bytes)
    {
        if (OperatingSystem.IsLinux()) munmap(chunk, bytes);
        else NativeMemory.Free((void*)chunk);
    }

    private const int ProtRead = 1, ProtWrite = 2, MapPrivate = 2, MapAnonymous = 0x20;

    [DllImport("libc", SetLastError = true)]
    private static extern nint mmap(nint addr, nuint length, int prot, int flags, int fd, nint offset);

    [DllImport("libc", SetLastError = true)]
    private static extern int munmap(nint addr, nuint length);
}
