using System.Buffers.Binary;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics.X86;

namespace TradeFlow.Journal.Integrity;

/// <summary>
/// The last version of every stream whose id is ASCII and at most <see cref="MaxLength"/> bytes (the engine's
/// <c>trade-T…</c> ids are 19), keyed by the id's bytes held inside the slot itself: open addressing over one array of
/// 32-byte slots, so a lookup is one cache line — which <see cref="PrefetchSlot"/> asks for a few records ahead — with no
/// string per stream and no pointer to follow. A dictionary of strings took three dependent cache misses per record
/// (bucket, entry, key string) at 200,000 streams, the scanning thread's largest cost.
/// </summary>
internal sealed class ShortStreamTable
{
    /// <summary>The longest stream id kept in this table (the rest go to the general one).</summary>
    public const int MaxLength = 19;

    private const int MinCapacity = 1024;
    private Slot[] _slots = new Slot[MinCapacity];
    private int _mask = MinCapacity - 1;

    /// <summary>Streams held.</summary>
    public int Count { get; private set; }

    /// <summary>Makes room for <paramref name="streams"/> streams without growing (at most half full).</summary>
    public void Reserve(int streams)
    {
        var capacity = (int)Math.Min(BitOperations.RoundUpToPowerOf2((uint)Math.Max(streams, MinCapacity / 2) * 2), 1u << 30);
        if (capacity > _slots.Length)
        {
            Resize(capacity);
        }
    }

    /// <summary>
    /// Faults in every page of the slot array now (a write to each), so that the first inserts — one random page each,
    /// some four thousand at 200,000 streams — do not each stop for the kernel. Safe beside inserts on another thread:
    /// each page is written by an atomic compare-and-swap of a slot's version with itself, which changes nothing.
    /// </summary>
    public void Prefault()
    {
        var slots = _slots;
        var perPage = Environment.SystemPageSize / Unsafe.SizeOf<Slot>();
        for (var i = 0; i < slots.Length; i += perPage)
        {
            Interlocked.CompareExchange(ref slots[i].Version, 0, 0);
        }
    }

    public void Clear()
    {
        Array.Clear(_slots);
        Count = 0;
    }

    /// <summary>Hints the processor to fetch the slot where the lookup of an id with this <see cref="Hash"/> starts.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public unsafe void PrefetchSlot(uint hash)
    {
        if (Sse.IsSupported)
        {
            fixed (Slot* slot = &_slots[(int)hash & _mask])
            {
                Sse.Prefetch0(slot);
            }
        }
    }

    /// <summary>
    /// The stream's version slot (ASCII, at most <see cref="MaxLength"/> bytes); <paramref name="exists"/> false when
    /// the stream was not held before, in which case it now is, with version 0.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public ref long GetOrAdd(ReadOnlySpan<byte> ascii, out bool exists)
    {
        var hash = Hash(ascii);
        var index = (int)hash & _mask;
        while (true)
        {
            ref var slot = ref _slots[index];
            if (slot.LengthPlusOne == 0)
            {
                break;
            }

            if (slot.Hash == hash && slot.LengthPlusOne == ascii.Length + 1 && ascii.SequenceEqual(slot.Name[..ascii.Length]))
            {
                exists = true;
                return ref slot.Version;
            }

            index = (index + 1) & _mask;
        }

        exists = false;
        if ((Count + 1) * 2 > _slots.Length)
        {
            Resize(_slots.Length * 2);
            return ref GetOrAdd(ascii, out _);
        }

        ref var free = ref _slots[index];
        free.Hash = hash;
        free.LengthPlusOne = (byte)(ascii.Length + 1);
        ascii.CopyTo(free.Name);
        free.Version = 0;
        Count++;
        return ref free.Version;
    }

    private void Resize(int capacity)
    {
        var old = _slots;
        _slots = new Slot[capacity];
        _mask = capacity - 1;
        foreach (ref var slot in old.AsSpan())
        {
            if (slot.LengthPlusOne != 0)
            {
                var index = (int)slot.Hash & _mask;
                while (_slots[index].LengthPlusOne != 0)
                {
                    index = (index + 1) & _mask;
                }

                _slots[index] = slot;
            }
        }
    }

    /// <summary>The table's hash of an id (any bytes; only short ASCII ids are ever looked up by it).</summary>
    /// <remarks>
    /// Two overlapping 8-byte reads cover 8-16 bytes, a third the rest; shorter ids are read byte by byte. Mixed with
    /// the length, so ids that differ only by trailing zero bytes do not collide. Longer ids hash their first 24 and
    /// last 8 bytes, which is all a prefetch hint needs.
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint Hash(ReadOnlySpan<byte> ascii)
    {
        ulong a, b;
        if (ascii.Length >= 8)
        {
            a = BinaryPrimitives.ReadUInt64LittleEndian(ascii);
            b = BinaryPrimitives.ReadUInt64LittleEndian(ascii[^8..]);
            if (ascii.Length > 16)
            {
                a ^= BitOperations.RotateLeft(BinaryPrimitives.ReadUInt64LittleEndian(ascii[8..]), 29);
            }
        }
        else
        {
            a = 0;
            foreach (var c in ascii)
            {
                a = (a << 8) | c;
            }

            b = 0;
        }

        var h = ((a * 0x9E3779B97F4A7C15UL) ^ BitOperations.RotateLeft(b * 0xC2B2AE3D27D4EB4FUL, 31) ^ (ulong)ascii.Length) * 0x165667B19E3779F9UL;
        return (uint)(h >> 32);
    }

    /// <summary>One stream: 32 bytes, two to a cache line.</summary>
    [StructLayout(LayoutKind.Sequential, Pack = 1)]
    private struct Slot
    {
        public long Version;
        public uint Hash;
        public byte LengthPlusOne;
        public NameBytes Name;
    }

    [InlineArray(MaxLength)]
    private struct NameBytes
    {
        private byte _first;
    }
}
