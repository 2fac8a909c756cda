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
    private Slot[] _slots;
    private int _count;

    /// <summary>A table with room for <paramref name="streams"/> streams before it grows.</summary>
    public StreamTable(int streams = 0) => _slots = new Slot[SlotsFor(streams)];

    /// <summary>How many streams the table holds.</summary>
    public int Count => Volatile.Read(ref _count);

    /// <summary>Every stream, in no particular order (the checkpoint; writer's side, no concurrent add).</summary>
    public IEnumerable<StreamEntry> Entries
    {
        get
        {
            foreach (var slot in Volatile.Read(ref _slots))
            {
                if (slot.Entry is { } entry)
                {
                    yield return entry;
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
        var mask = slots.Length - 1;
        hash = HashOf(name);
        for (var i = hash & mask; ; i = (i + 1) & mask)
        {
            ref var slot = ref slots[i];
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
        if ((count + 1) * 2L > slots.Length)
        {
            slots = Grow(slots);
        }

        Place(slots, entry, hash);
        Volatile.Write(ref _count, count + 1);
    }

    /// <summary>The hash a slot keeps for <paramref name="name"/>: the runtime's randomized string hash, so names chosen by a client cannot force collisions.</summary>
    public static int HashOf(ReadOnlySpan<char> name) => string.GetHashCode(name);

    private Slot[] Grow(Slot[] slots)
    {
        var grown = new Slot[slots.Length * 2];
        foreach (var slot in slots)
        {
            if (slot.Entry is { } entry)
            {
                Place(grown, entry, slot.Hash);
            }
        }

        Volatile.Write(ref _slots, grown);
        return grown;
    }

    private static void Place(Slot[] slots, StreamEntry entry, int hash)
    {
        var mask = slots.Length - 1;
        var i = hash & mask;
        while (slots[i].Entry is not null)
        {
            i = (i + 1) & mask;
        }

        slots[i].Hash = hash;
        Volatile.Write(ref slots[i].Entry, entry);
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
