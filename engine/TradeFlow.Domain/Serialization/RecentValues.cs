using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Text.Json;
using TradeFlow.Domain.Serialization.Converters;

namespace TradeFlow.Domain.Serialization;

/// <summary>
/// The values of one type the hand-written event readers have parsed on this thread, by their exact UTF-8 text, for
/// the ids that repeat across a journal (counterparties' LEIs, ISINs, books, traders, business dates): their parsers
/// are pure functions of the text — an LEI's mod-97 check, an ISIN's check digit, a calendar date — and a replay read
/// each of them again in every booking (the counterparty alone was 8 % of `replay`'s decode thread). Direct-mapped and
/// per thread: no lock, and a collision only costs a parse.
/// </summary>
/// <remarks>
/// Only an unescaped JSON string of 1–24 bytes in one segment is looked up, keyed by all of its bytes and its length;
/// anything else, and every miss, goes to the converter, which also produces every error (a text the converter
/// rejects is never remembered). A hit returns the value the converter returned for the identical text.
/// </remarks>
/// <typeparam name="T">The value type.</typeparam>
internal static class RecentValues<T>
    where T : struct
{
    private const int SlotBits = 8;
    private const int MaxLength = 3 * sizeof(ulong);

    [ThreadStatic]
    private static Entry[]? t_entries;

    /// <summary>Reads the current string token as <paramref name="converter"/> reads it, from this thread's recent texts when it can.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static T Read(ref Utf8JsonReader reader, SpanValueConverter<T> converter, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String || reader.HasValueSequence || reader.ValueIsEscaped
            || reader.ValueSpan.Length is 0 or > MaxLength)
        {
            return converter.Read(ref reader, typeof(T), options);
        }

        var text = reader.ValueSpan;
        Span<byte> padded = stackalloc byte[MaxLength];
        padded.Clear();
        text.CopyTo(padded);
        var a = BinaryPrimitives.ReadUInt64LittleEndian(padded);
        var b = BinaryPrimitives.ReadUInt64LittleEndian(padded[sizeof(ulong)..]);
        var c = BinaryPrimitives.ReadUInt64LittleEndian(padded[(2 * sizeof(ulong))..]);
        var entries = t_entries ??= new Entry[1 << SlotBits];
        ref var entry = ref entries[Slot(a, b, c)];
        if (entry.Length == text.Length && entry.A == a && entry.B == b && entry.C == c)
        {
            return entry.Value;
        }

        var value = converter.Read(ref reader, typeof(T), options);
        entry = new Entry(a, b, c, text.Length, value);
        return value;
    }

    private static int Slot(ulong a, ulong b, ulong c)
    {
        // Texts differing only in a late character (two dates of one month, LEIs of one issuer) must land apart:
        // multiply each word, fold the high half down, and take the top bits of a last product.
        var mixed = unchecked((a * 0x9E3779B97F4A7C15UL) ^ (b * 0xC2B2AE3D27D4EB4FUL) ^ (c * 0x165667B19E3779F9UL));
        mixed ^= mixed >> 32;
        return (int)(unchecked(mixed * 0x9E3779B97F4A7C15UL) >> (64 - SlotBits));
    }

    // Length 0 marks an empty slot: a text of no bytes is never looked up.
    private readonly record struct Entry(ulong A, ulong B, ulong C, int Length, T Value);
}
