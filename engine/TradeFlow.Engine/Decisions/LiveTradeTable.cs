using System.Runtime.CompilerServices;
using TradeFlow.Domain.Values;

namespace TradeFlow.Engine.Decisions;

/// <summary>
/// Every trade the decision stage knows, as <see cref="LiveTrade"/> values in fixed-size chunks, found through an
/// id → slot index. Chunks are allocated once and never copied or freed (the state only grows), so a booking
/// allocates nothing here (the <see cref="TradeSlotIndex"/> is chunked too), and the values are never moved by a collection; a
/// <c>Dictionary&lt;TradeId, LiveTrade&gt;</c> would copy every value at each resize instead. Decide thread only
/// (or recovery before it starts).
/// </summary>
internal sealed class LiveTradeTable
{
    // 1,024 values of 80 bytes (two references, the id, the asset class and a LiveExposure): 80 KB, just under the
    // runtime's 85,000-byte large-object threshold. A large chunk (engine9's 160 KB) was never copied, but was charged
    // to the large-object heap's budget, which is small: a saturated round ran it out and the runtime answered with a
    // blocking gen2 collection of the whole retained state (reason AllocLarge, 30–330 ms, engine11's GC trace). A small
    // chunk is copied once or twice as gen0 and gen1 promote it (~160 B per trade in all) and is then left alone.
    private const int ChunkShift = 10;

    /// <summary>Trades per chunk: as many as keep a chunk under the large-object threshold.</summary>
    internal const int ChunkSize = 1 << ChunkShift;

    private readonly TradeSlotIndex _index;
    private LiveTrade[][] _chunks;

    /// <summary>Creates an empty table with every chunk for <paramref name="capacity"/> trades allocated now (0: none).</summary>
    public LiveTradeTable(int capacity = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(capacity);
        _index = new TradeSlotIndex(capacity);
        var chunks = (int)(((long)capacity + ChunkSize - 1) >> ChunkShift);
        _chunks = new LiveTrade[Math.Max(16, chunks)][];
        for (var i = 0; i < chunks; i++)
        {
            _chunks[i] = new LiveTrade[ChunkSize];
        }
    }

    /// <summary>How many trades.</summary>
    public int Count => _index.Count;

    /// <summary>Every trade, in booking order (for the state hash; allocates).</summary>
    public IEnumerable<LiveTrade> Values
    {
        get
        {
            for (var i = 0; i < _index.Count; i++)
            {
                yield return _chunks[i >> ChunkShift][i & (ChunkSize - 1)];
            }
        }
    }

    /// <summary>True when the trade is known.</summary>
    public bool Contains(TradeId id) => _index.TryGet(id, out _);

    /// <summary>Finds a trade (a copy of its value).</summary>
    public bool TryGet(TradeId id, out LiveTrade trade)
    {
        if (_index.TryGet(id, out var slot))
        {
            trade = At(slot);
            return true;
        }

        trade = default;
        return false;
    }

    /// <summary>The stored value of a trade, to replace in place; a null reference when unknown (test with <see cref="Unsafe.IsNullRef{T}(ref readonly T)"/>).</summary>
    public ref LiveTrade Find(TradeId id) =>
        ref _index.TryGet(id, out var slot) ? ref At(slot) : ref Unsafe.NullRef<LiveTrade>();

    /// <summary>Adds a trade that is not yet known.</summary>
    /// <exception cref="ArgumentException">The id is already known.</exception>
    public void Add(TradeId id, in LiveTrade trade)
    {
        var slot = _index.Count;
        _index.Add(id, slot);
        var chunk = slot >> ChunkShift;
        if (chunk == _chunks.Length)
        {
            Array.Resize(ref _chunks, _chunks.Length * 2);
        }

        _chunks[chunk] ??= new LiveTrade[ChunkSize];
        _chunks[chunk][slot & (ChunkSize - 1)] = trade;
    }

    /// <summary>How many chunks are allocated (tests: where the table's own arrays live).</summary>
    internal int Chunks => _chunks.Count(c => c is not null);

    /// <summary>The table's chunk <paramref name="chunk"/> itself (tests: its size and generation).</summary>
    internal LiveTrade[] ChunkAt(int chunk) => _chunks[chunk];

    private ref LiveTrade At(int slot) => ref _chunks[slot >> ChunkShift][slot & (ChunkSize - 1)];
}
