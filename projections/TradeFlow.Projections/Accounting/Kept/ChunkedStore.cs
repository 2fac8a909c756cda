namespace TradeFlow.Projections.Accounting.Kept;

/// <summary>
/// A growable store of structs in fixed-size chunks: growing never copies what is stored (a doubling array copies it
/// all and holds up to twice what it needs, and past 85 KB the copies land on the large-object heap), and the unused
/// tail is at most one chunk. Appends and reads by index only: the kept journal never edits what it posted.
/// </summary>
/// <typeparam name="T">The stored struct.</typeparam>
internal sealed class ChunkedStore<T>
    where T : struct
{
    private readonly int _shift;
    private readonly int _mask;
    private readonly List<T[]> _chunks = [];

    /// <summary>Creates an empty store whose chunks hold 2^<paramref name="shift"/> items.</summary>
    public ChunkedStore(int shift)
    {
        _shift = shift;
        _mask = (1 << shift) - 1;
    }

    /// <summary>Items stored.</summary>
    public int Count { get; private set; }

    /// <summary>The item at <paramref name="index"/> (unchecked beyond the chunk's bounds: callers index below <see cref="Count"/>).</summary>
    public ref readonly T this[int index] => ref _chunks[index >> _shift][index & _mask];

    /// <summary>Appends an item.</summary>
    public void Add(in T item)
    {
        var slot = Count & _mask;
        if (slot == 0 && Count >> _shift == _chunks.Count)
        {
            _chunks.Add(new T[1 << _shift]);
        }

        _chunks[Count >> _shift][slot] = item;
        Count++;
    }

    /// <summary>Empties the store and lets its chunks go.</summary>
    public void Clear()
    {
        _chunks.Clear();
        Count = 0;
    }
}
