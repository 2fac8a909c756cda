using System.Runtime.CompilerServices;
using System.Text.Json;

namespace TradeFlow.Domain.Serialization;

/// <summary>
/// The strings the hand-written event readers have read on this thread, by their exact UTF-8 text, for the texts that
/// repeat across a journal (a settlement instruction's account and agent BIC, taken from the counterparty's standing
/// instructions): one comparison instead of a transcoding and a new string per event, whose copies the settlement
/// projection shares anyway. Direct-mapped and per thread: no lock, and a collision only costs a read.
/// </summary>
/// <remarks>
/// Only an unescaped JSON string of 1–63 bytes in one segment is looked up, keyed by all of its bytes and its length;
/// anything else, and every miss, is read by <see cref="Utf8JsonReader.GetString"/>, which also produces every error (a
/// text it rejects is never remembered). A hit returns a string equal to what <see cref="Utf8JsonReader.GetString"/>
/// returned for the identical bytes — the same instance, which a string's value semantics cannot tell apart.
/// </remarks>
internal static class RecentStrings
{
    private const int SlotBits = 8;
    private const int Slots = 1 << SlotBits;
    private const int SlotSize = 64;
    private const int MaxLength = SlotSize - 1;

    // Each slot: [length][text…], and the string read from it at the same index.
    [ThreadStatic]
    private static byte[]? t_texts;

    [ThreadStatic]
    private static string?[]? t_values;

    /// <summary>The current string token's value, as <see cref="Utf8JsonReader.GetString"/> reads it.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static string Read(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.String || reader.HasValueSequence || reader.ValueIsEscaped
            || reader.ValueSpan.Length is 0 or > MaxLength)
        {
            return reader.GetString()!;
        }

        var text = reader.ValueSpan;
        var texts = t_texts ??= new byte[Slots * SlotSize];
        var values = t_values ??= new string?[Slots];
        var slot = Slot(text);
        var entry = texts.AsSpan(slot * SlotSize, SlotSize);
        if (values[slot] is { } hit && entry[0] == text.Length && text.SequenceEqual(entry.Slice(1, text.Length)))
        {
            return hit;
        }

        var value = reader.GetString()!;
        entry[0] = (byte)text.Length;
        text.CopyTo(entry[1..]);
        values[slot] = value;
        return value;
    }

    private static int Slot(ReadOnlySpan<byte> text)
    {
        var hash = default(HashCode);
        hash.AddBytes(text);
        return hash.ToHashCode() & (Slots - 1);
    }
}
