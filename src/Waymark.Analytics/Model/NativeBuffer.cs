using System.Runtime.InteropServices;

namespace Waymark.Analytics.Model;

/// <summary>
/// A fixed-size array outside the GC heap, for the analysis's large short-lived arrays (transition times, journey
/// durations). Freed the moment its owner is disposed, instead of lingering as dead large-object-heap space until the
/// next full collection, which made back-to-back analyses of one log add up. The finalizer frees it otherwise.
/// </summary>
internal sealed unsafe class NativeBuffer<T> : IDisposable where T : unmanaged
{
    // Large buffers are mapped directly so that freeing them returns the memory to the OS; small ones come from the
    // native allocator (a mapping per edge of a few transitions would waste a page each).
    private const long MapThreshold = 1 << 20;
    private T* _items;
    private readonly nuint _bytes;

    public NativeBuffer(int length)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        Length = length;
        _bytes = (nuint)((long)length * sizeof(T));
        if (length == 0) return;
        _items = (T*)(_bytes >= MapThreshold ? ChunkMemory.Alloc(_bytes) : (nint)NativeMemory.Alloc(_bytes));
    }

    ~NativeBuffer() => Free();

    public int Length { get; }

    public Span<T> Span
    {
        get
        {
            ObjectDisposedException.ThrowIf(_items == null && Length > 0, this);
            return new Span<T>(_items, Length);
        }
    }

    /// <summary>The first item's address, for filling loops that must not make a span per write.</summary>
    public T* Pointer
    {
        get
        {
            ObjectDisposedException.ThrowIf(_items == null && Length > 0, this);
            return _items;
        }
    }

    public static NativeBuffer<T> Concat(IReadOnlyList<NativeBuffer<T>> parts)
    {
        if (parts.Count == 1) return parts[0];
        var all = new NativeBuffer<T>(parts.Sum(p => p.Length));
        var at = 0;
        foreach (var part in parts)
        {
            part.Span.CopyTo(all.Span[at..]);
            at += part.Length;
        }
        return all;
    }

    public void Dispose()
    {
        Free();
        GC.SuppressFinalize(this);
    }

    private void Free()
    {
        var items = _items;
        if (items == null) return;
        _items = null;
        if (_bytes >= MapThreshold) ChunkMemory.Free((nint)items, _bytes);
        else NativeMemory.Free(items);
    }
}
