using TradeFlow.Domain.Values;

namespace TradeFlow.Engine.Decisions;

/// <summary>
/// Trade id → slot in the <see cref="LiveTradeTable"/>. The engine hands out ids from one dense sequence
/// (1, 2, 3, …; a refused capture leaves a gap), so ids up to 2^28 are looked up directly in chunks of 4,096
/// ints indexed by the id (slot + 1; 0 = unknown): no hashing, no entry per trade and no resize copies, where a
/// <c>Dictionary&lt;TradeId, int&gt;</c> cost ~100 bytes of entries and rehashed copies per booking. A chunk is
/// allocated once, by the first booking that falls in it, so a booking into an existing chunk allocates nothing.
/// Any other id (a journal written elsewhere, a test's arbitrary number) goes to a dictionary, so every id is
/// still accepted. Decide thread only (or recovery before it starts).
/// </summary>
internal sealed class TradeSlotIndex
{
    private const int ChunkShift = 12;
    private const int ChunkSize = 1 << ChunkShift;
    private const long DenseIds = 1L << 28;

    private int[]?[] _chunks;
    private Dictionary<TradeId, int>? _sparse;

    /// <summary>Creates an empty index with the chunks for ids 1 to <paramref name="capacity"/> allocated now (0: none).</summary>
    public TradeSlotIndex(int capacity = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(capacity);
        var chunks = (int)((Math.Min(capacity, DenseIds) + ChunkSize - 1) >> ChunkShift);
        _chunks = new int[]?[Math.Max(16, chunks)];
        for (var i = 0; i < chunks; i++)
        {
            _chunks[i] = new int[ChunkSize];
        }
    }

    /// <summary>How many ids are indexed.</summary>
    public int Count { get; private set; }

    /// <summary>Finds the slot of <paramref name="id"/>.</summary>
    public bool TryGet(TradeId id, out int slot)
    {
        var offset = id.Value - 1;
        if ((ulong)offset < DenseIds)
        {
            var chunk = (int)(offset >> ChunkShift);
            var chunks = _chunks;
            if (chunk < chunks.Length && chunks[chunk] is { } ints && ints[offset & (ChunkSize - 1)] is var stored and > 0)
            {
                slot = stored - 1;
                return true;
            }

            slot = -1;
            return false;
        }

        if (_sparse is not null && _sparse.TryGetValue(id, out slot))
        {
            return true;
        }

        slot = -1;
        return false;
    }

    /// <summary>Indexes <paramref name="id"/> at <paramref name="slot"/> (0 or more).</summary>
    /// <exception cref="ArgumentException">The id is already indexed.</exception>
    public void Add(TradeId id, int slot)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(slot);
        if (TryGet(id, out _))
        {
            throw new ArgumentException($"Trade {id} is already indexed.", nameof(id));
        }

        var offset = id.Value - 1;
        if ((ulong)offset < DenseIds)
        {
            var chunk = (int)(offset >> ChunkShift);
            if (chunk >= _chunks.Length)
            {
                Array.Resize(ref _chunks, Math.Max(_chunks.Length * 2, chunk + 1));
            }

            (_chunks[chunk] ??= new int[ChunkSize])[offset & (ChunkSize - 1)] = slot + 1;
        }
        else
        {
            (_sparse ??= []).Add(id, slot);
        }

        Count++;
    }
}
