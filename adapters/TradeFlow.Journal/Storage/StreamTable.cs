using System.Numerics;

namespace TradeFlow.Journal.Storage;

/// <summary>
/// The journal's streams by name: one writer (the journal's, under its lock) adds, any thread finds. Open
/// addressing over an array of (entry, name hash) slots, at most half full, grown by doubling into a new array that
/// is filled and then published. The hash is kept in the slot so that growing rehashes nothing and touches no entry
/// (the first version, which re-read every entry's name to hash it, was the journal thread's hottest method), and a
/// probe compares names only when the hashes match. Replaces a <c>ConcurrentDictionary</c>, which allocates a 48-byte node per stream
/// and, at every doubling, a new node for every stream already there (a booking is a new stream, so that was
/// most of what the journal's writer allocated per command); here a stream costs one or two array slots.
/// The slots live in chunks of <see cref="ChunkSlots"/> (64 KB, under the runtime's 85,000-byte large-object
/// threshold): one array of 2<sup>k</sup> slots was a large object from 8,192 slots up, and every doubling of it spent
/// the large-object heap's small allocation budget, which the runtime answers with a blocking gen2 collection
/// (docs/benchmarks.md, pass <c>engine12</c>). A slot index <c>i</c> is chunk <c>i &gt;&gt; ChunkBits</c>, offset
/// <c>i &amp; (ChunkSlots - 1)</c>; a table smaller than one chunk is one shorter chunk, so the arithmetic is the same.
/// </summary>
/// <remarks>
/// Memory ordering: an entry is fully built, and its slot's hash written, before the release store that puts the
/// entry in the slot (a reader acquires the entry, then reads the hash), and a grown array
/// is published (release) only after every entry of the old one is in it, so a reader that sees a slot or an
/// array sees what it refers to. A reader holding an older array misses only streams added after it read the
/// array; a reader that first read the journal's head (acquire) sees every stream added before that head was
/// published. The entries are never removed, so a probe that reaches an empty slot has seen every candidate.
/// </remarks>
internal sealed class StreamTable
{
    private const int MinimumSlots = 16;
    private const int ChunkBits = 12;

    /// <summary>Slots per chunk: 4,096 of 16 bytes, 64 KB, a small object.</summary>
    internal const int ChunkSlots = 1 << ChunkBits;

    private Slot[][] _slots;
    private int _count;

    /// <summary>A table with room for <paramref name="streams"/> streams before it grows.</summary>
    public StreamTable(int streams = 0) => _slots = NewSlots(SlotsFor(streams));

    /// <summary>The bytes of one full chunk's array, elements only (under 85,000, so never on the large-object heap).</summary>
    internal static int ChunkBytes => ChunkSlots * System.Runtime.CompilerServices.Unsafe.SizeOf<Slot>();

    /// <summary>One of the table's current chunks, for tests (writer's side).</summary>
    internal object ChunkAt(int chunk) => _slots[chunk];

    /// <summary>How many chunks the table's slots are in now.</summary>
    internal int Chunks => _slots.Length;

    /// <summary>How many streams the table holds before it must grow (half its slots; writer's side).</summary>
    internal int Capacity => (MaskOf(_slots) + 1) / 2;

    /// <summary>How many streams the table holds.</summary>
    public int Count => Volatile.Read(ref _count);

    /// <summary>Every stream, in no particular order (the checkpoint; writer's side, no concurrent add).</summary>
    public IEnumerable<StreamEntry> Entries
    {
        get
        {
            foreach (var chunk in Volatile.Read(ref _slots))
            {
                foreach (var slot in chunk)
                {
                    if (slot.Entry is { } entry)
                    {
                        yield return entry;
                    }
                }
            }
        }
    }

    /// <summary>The stream named <paramref name="name"/>, or null (any thread).</summary>
    public StreamEntry? Find(ReadOnlySpan<char> name) => Find(name, out _);

    /// <summary>
    /// The stream named <paramref name="name"/>, or null (any thread); <paramref name="hash"/> is the name's hash, for
    /// <see cref="Add(StreamEntry, int)"/> when the stream is new, so the writer hashes a new stream's name once.
    /// </summary>
    public StreamEntry? Find(ReadOnlySpan<char> name, out int hash)
    {
        var slots = Volatile.Read(ref _slots);
        var mask = MaskOf(slots);
        hash = HashOf(name);
        for (var i = hash & mask; ; i = (i + 1) & mask)
        {
            ref var slot = ref slots[i >> ChunkBits][i & (ChunkSlots - 1)];
            var entry = Volatile.Read(ref slot.Entry);
            if (entry is null)
            {
                return null;
            }

            if (slot.Hash == hash && name.SequenceEqual(entry.Name))
            {
                return entry;
            }
        }
    }

    /// <summary>Adds a stream that <see cref="Find(ReadOnlySpan{char})"/> did not find (writer only).</summary>
    public void Add(StreamEntry entry) => Add(entry, HashOf(entry.Name));

    /// <summary>
    /// Adds a stream that <see cref="Find(ReadOnlySpan{char}, out int)"/> did not find, with the hash that call gave
    /// (writer only; the hash must be <paramref name="entry"/>'s name's, or no reader will find it).
    /// </summary>
    public void Add(StreamEntry entry, int hash)
    {
        var count = _count;
        var slots = _slots;
        if ((count + 1) * 2L > MaskOf(slots) + 1L)
        {
            slots = Grow(slots);
        }

        Place(slots, entry, hash);
        Volatile.Write(ref _count, count + 1);
    }

    /// <summary>The hash a slot keeps for <paramref name="name"/>: the runtime's randomized string hash, so names chosen by a client cannot force collisions.</summary>
    public static int HashOf(ReadOnlySpan<char> name) => string.GetHashCode(name);

    /// <summary>
    /// Grows the table, when smaller, to hold <paramref name="streams"/> streams before it must grow again (writer only:
    /// published as a doubling is, so readers may run).
    /// </summary>
    public void Reserve(int streams)
    {
        var slots = _slots;
        var total = SlotsFor(streams);
        if (total > MaskOf(slots) + 1)
        {
            Rehash(slots, total);
        }
    }

    private Slot[][] Grow(Slot[][] slots) => Rehash(slots, (MaskOf(slots) + 1) * 2);

    private Slot[][] Rehash(Slot[][] slots, int total)
    {
        var grown = NewSlots(total);
        foreach (var chunk in slots)
        {
            foreach (var slot in chunk)
            {
                if (slot.Entry is { } entry)
                {
                    Place(grown, entry, slot.Hash);
                }
            }
        }

        Volatile.Write(ref _slots, grown);
        return grown;
    }

    private static void Place(Slot[][] slots, StreamEntry entry, int hash)
    {
        var mask = MaskOf(slots);
        var i = hash & mask;
        while (slots[i >> ChunkBits][i & (ChunkSlots - 1)].Entry is not null)
        {
            i = (i + 1) & mask;
        }

        ref var slot = ref slots[i >> ChunkBits][i & (ChunkSlots - 1)];
        slot.Hash = hash;
        Volatile.Write(ref slot.Entry, entry);
    }

    // Total slots (a power of two) minus one; every chunk is full length except a lone chunk smaller than ChunkSlots.
    private static int MaskOf(Slot[][] slots) => (slots.Length == 1 ? slots[0].Length : slots.Length << ChunkBits) - 1;

    // Every chunk is allocated before the array is published, so a reader never meets a missing chunk.
    private static Slot[][] NewSlots(int total)
    {
        var length = Math.Min(total, ChunkSlots);
        var chunks = new Slot[total / length][];
        for (var c = 0; c < chunks.Length; c++)
        {
            chunks[c] = new Slot[length];
        }

        return chunks;
    }

    // A mutable struct on purpose: slots are written in place, the hash before the entry's release store.
    private struct Slot
    {
        public StreamEntry? Entry;
        public int Hash;
    }

    private static int SlotsFor(int streams) =>
        streams <= MinimumSlots / 2 ? MinimumSlots : (int)BitOperations.RoundUpToPowerOf2((uint)Math.Min(streams, 1 << 29) * 2);
}
