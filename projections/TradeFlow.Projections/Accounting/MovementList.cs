using TradeFlow.Domain.Values;

namespace TradeFlow.Projections.Accounting;

/// <summary>
/// An inventory's movements, in chunks of 1,024 (48 KB, under the large-object threshold): growing past the first chunk
/// never copies what is held, and the unused tail is at most one chunk. A <see cref="List{T}"/> of 48-byte structs
/// doubled (garbage of every smaller copy, one per booking on average) and held up to half its array unused — more, per
/// movement, than the 8-byte references to records it replaces. The first chunk grows by doubling up to its full size,
/// so a position of a few trades holds a few slots, not a whole chunk.
/// </summary>
internal sealed class MovementList
{
    private const int Shift = 10;
    private const int ChunkSize = 1 << Shift;
    private const int Mask = ChunkSize - 1;
    private readonly List<InventoryMovement[]> _chunks = [];

    /// <summary>Movements held.</summary>
    public int Count { get; private set; }

    /// <summary>The movement at <paramref name="index"/> (below <see cref="Count"/>).</summary>
    public ref readonly InventoryMovement this[int index] => ref _chunks[index >> Shift][index & Mask];

    /// <summary>Appends a movement.</summary>
    public void Add(in InventoryMovement movement)
    {
        var chunk = Count >> Shift;
        if (chunk == _chunks.Count)
        {
            _chunks.Add(new InventoryMovement[chunk == 0 ? 4 : ChunkSize]);
        }
        else if (chunk == 0 && Count == _chunks[0].Length)
        {
            // The first chunk doubles up to its full size (a small position stays small).
            var grown = new InventoryMovement[Math.Min(Count * 2, ChunkSize)];
            Array.Copy(_chunks[0], grown, Count);
            _chunks[0] = grown;
        }

        _chunks[chunk][Count & Mask] = movement;
        Count++;
    }

    /// <summary>Replaces the movement at <paramref name="index"/>.</summary>
    public void Set(int index, in InventoryMovement movement) => _chunks[index >> Shift][index & Mask] = movement;

    /// <summary>Removes the movement at <paramref name="index"/>, moving the later ones down by one (a rare change mid-history).</summary>
    public void RemoveAt(int index)
    {
        for (var i = index; i < Count - 1; i++)
        {
            Set(i, this[i + 1]);
        }

        Count--;
        Set(Count, default);
        // At most one chunk beyond the last movement's stays held.
        if (_chunks.Count > 1 && _chunks.Count - 1 > (Count >> Shift) + 1)
        {
            _chunks.RemoveAt(_chunks.Count - 1);
        }
    }

    /// <summary>The index of <paramref name="tradeId"/>'s movement, or -1.</summary>
    public int IndexOf(TradeId tradeId)
    {
        for (var i = 0; i < Count; i++)
        {
            if (this[i].TradeId == tradeId)
            {
                return i;
            }
        }

        return -1;
    }
}
