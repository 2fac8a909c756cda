using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Unicode;

namespace TradeFlow.Journal.Integrity;

/// <summary>
/// The last version seen of every stream, looked up by the stream id's UTF-8 bytes as stored in the record. After a
/// gap the scanner could not read (a missing segment, an unreadable record header), versions are no longer trusted:
/// a stream first seen after it may start at any version, so one gap is not reported a thousand times.
/// </summary>
/// <remarks>
/// Open addressing over an array of (name, hash, version) slots, at most half full, the names' bytes in one arena.
/// Why not a <c>Dictionary&lt;string, long&gt;</c> (the first version): it decoded every record's stream id to
/// characters and hashed them, and kept a string object per stream — on the scan's sequential thread, and 100-odd
/// bytes per stream of a store with millions of them; here a stream costs its bytes and one or two 24-byte slots,
/// and a record costs one hash of its bytes and one compare. Streams are the same streams as by their decoded
/// names: a stream id that is not valid UTF-8 is keyed by the UTF-8 of its decoded text (invalid bytes become
/// U+FFFD), exactly as decoding to a string and comparing strings did.
/// </remarks>
internal sealed class StreamVersions
{
    private const int MinimumSlots = 1 << 10;
    private Slot[] _slots = new Slot[MinimumSlots];
    private byte[] _names = new byte[1 << 16];
    private int _namesUsed;
    private bool _trusted = true;

    public int Count { get; private set; }

    public void Distrust()
    {
        _slots = new Slot[MinimumSlots];
        _namesUsed = 0;
        Count = 0;
        _trusted = false;
    }

    /// <summary>Records <paramref name="version"/> of the stream; returns the expected version when it is not the next one, else null.</summary>
    /// <remarks>One probe per record (find or add, then write through the slot's reference); the stream's name is decoded only for a problem report.</remarks>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public long? Advance(ReadOnlySpan<byte> streamUtf8, long version, out string stream)
    {
        var name = Utf8.IsValid(streamUtf8) ? streamUtf8 : Canonical(streamUtf8);
        ref var slot = ref FindOrAdd(name, out var exists);
        var previous = slot.Version;
        slot.Version = version;
        stream = string.Empty;
        if (exists)
        {
            if (version == previous + 1)
            {
                return null;
            }

            stream = Encoding.UTF8.GetString(name);
            return previous + 1;
        }

        if (version == 0 || !_trusted)
        {
            return null;
        }

        stream = Encoding.UTF8.GetString(name);
        return 0;
    }

    // Invalid UTF-8 decodes with U+FFFD replacements; keying by that text's UTF-8 makes two ids one stream exactly when
    // their decoded strings are equal. Never on a well-formed store.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static byte[] Canonical(ReadOnlySpan<byte> streamUtf8) => Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(streamUtf8));

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private ref Slot FindOrAdd(ReadOnlySpan<byte> name, out bool exists)
    {
        var hash = Hash(name);
        var slots = _slots;
        var mask = slots.Length - 1;
        var i = hash & mask;
        for (; slots[i].LengthPlusOne != 0; i = (i + 1) & mask)
        {
            ref var candidate = ref slots[i];
            if (candidate.Hash == hash && candidate.LengthPlusOne == name.Length + 1
                && _names.AsSpan(candidate.NameOffset, name.Length).SequenceEqual(name))
            {
                exists = true;
                return ref candidate;
            }
        }

        exists = false;
        return ref Add(name, hash, i);
    }

    // Adds the name at the empty slot the probe ended on (or, when the table must grow first, at its new place).
    private ref Slot Add(ReadOnlySpan<byte> name, int hash, int empty)
    {
        if ((Count + 1) * 2 > _slots.Length)
        {
            Grow();
            var mask = _slots.Length - 1;
            for (empty = hash & mask; _slots[empty].LengthPlusOne != 0; empty = (empty + 1) & mask)
            {
            }
        }

        if (_namesUsed + name.Length > _names.Length)
        {
            Array.Resize(ref _names, (int)Math.Min(Array.MaxLength, Math.Max((long)_names.Length * 2, (long)_namesUsed + name.Length)));
        }

        name.CopyTo(_names.AsSpan(_namesUsed));
        ref var slot = ref _slots[empty];
        slot.NameOffset = _namesUsed;
        slot.LengthPlusOne = name.Length + 1;
        slot.Hash = hash;
        _namesUsed += name.Length;
        Count++;
        return ref slot;
    }

    // The hash is kept in the slot, so growing moves slots without reading a name.
    private void Grow()
    {
        var grown = new Slot[_slots.Length * 2];
        var mask = grown.Length - 1;
        foreach (var slot in _slots)
        {
            if (slot.LengthPlusOne == 0)
            {
                continue;
            }

            var i = slot.Hash & mask;
            while (grown[i].LengthPlusOne != 0)
            {
                i = (i + 1) & mask;
            }

            grown[i] = slot;
        }

        _slots = grown;
    }

    // Seeded per process (HashCode), so no store can be crafted to make every stream collide.
    private static int Hash(ReadOnlySpan<byte> name)
    {
        var hash = default(HashCode);
        hash.AddBytes(name);
        return hash.ToHashCode() & int.MaxValue;
    }

    /// <summary>One stream: where its name lies in the arena, its hash, and its last version.</summary>
    private struct Slot
    {
        public long Version;
        public int NameOffset;
        public int LengthPlusOne;
        public int Hash;
    }
}
