using System.Buffers.Binary;
using System.Runtime.CompilerServices;

namespace TradeFlow.Domain.Serialization;

/// <summary>
/// The domain value texts a thread's <see cref="PayloadMatcher"/> has already seen its parser accept, for the values
/// whose check is costly and which repeat across a journal (an LEI's mod-97 check, an ISIN's check digit, a calendar
/// date): the parsers are pure functions of the text, so a text accepted once is accepted again. Direct-mapped and
/// per thread, so it needs no lock and a collision only costs a parse.
/// </summary>
internal static class AcceptedTexts
{
    private const int SlotBits = 9;
    private const int Slots = 1 << SlotBits;
    private const int MinLength = sizeof(ulong);

    // One fixed-size entry per slot in a single array: [kind][length][text…]. Replacing an entry overwrites its
    // bytes, so a journal whose texts keep evicting each other costs a parse per collision but never an allocation.
    private const int SlotSize = 32;
    private const int MaxLength = SlotSize - 2;

    [ThreadStatic]
    private static byte[]? t_slots;

    /// <summary>True for the kinds worth remembering (a costly parse, few distinct values, at least 8 characters).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool Remembers(DomainValueText kind) =>
        kind is DomainValueText.CounterpartyId or DomainValueText.InstrumentId or DomainValueText.BusinessDate;

    /// <summary>True when this thread has seen the parser of <paramref name="kind"/> accept <paramref name="text"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static bool Contains(DomainValueText kind, ReadOnlySpan<byte> text)
    {
        if (text.Length < MinLength || text.Length > MaxLength || t_slots is not { } slots)
        {
            return false;
        }

        var entry = slots.AsSpan(Slot(kind, text) * SlotSize, SlotSize);
        return entry[0] == (byte)kind && entry[1] == text.Length && text.SequenceEqual(entry.Slice(2, text.Length));
    }

    /// <summary>Remembers that the parser of <paramref name="kind"/> accepted <paramref name="text"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Add(DomainValueText kind, ReadOnlySpan<byte> text)
    {
        if (text.Length < MinLength || text.Length > MaxLength)
        {
            return;
        }

        var entry = (t_slots ??= new byte[Slots * SlotSize]).AsSpan(Slot(kind, text) * SlotSize, SlotSize);
        entry[0] = (byte)kind;
        entry[1] = (byte)text.Length;
        text.CopyTo(entry[2..]);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Slot(DomainValueText kind, ReadOnlySpan<byte> text)
    {
        var head = BinaryPrimitives.ReadUInt64LittleEndian(text);
        var tail = BinaryPrimitives.ReadUInt64LittleEndian(text[^MinLength..]);
        // A product only carries a byte's change upwards, so fold the high half down and take the top bits of a
        // last product: texts differing in their last character only (two dates of one month) land apart.
        var mixed = unchecked((head * 0x9E3779B97F4A7C15UL) ^ (tail * 0xC2B2AE3D27D4EB4FUL) ^ (ulong)kind);
        mixed ^= mixed >> 32;
        return (int)(unchecked(mixed * 0x9E3779B97F4A7C15UL) >> (64 - SlotBits));
    }
}
