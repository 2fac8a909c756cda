using System.Collections.Concurrent;
using System.Text;
using TradeFlow.Fix.Codec;

namespace TradeFlow.Fix.TradeCapture;

/// <summary>
/// The text of field values that repeat from one message to the next — the instrument (Symbol 55, SecurityID 48),
/// the book (Account 1), the parties' ids (PartyID 448) and the trade date (75) — shared instead of made anew for
/// every order: a client books thousands of orders in a handful of instruments, books and traders, and a new string
/// per field per order was garbage the collector then paused every thread of the ack path for. Thread-safe; the
/// lookup allocates nothing. Bounded: past <see cref="MaxEntries"/> distinct values new ones are made, not kept, so a
/// session sending unique values costs what it did before and cannot grow the process.
/// </summary>
internal static class RepeatedFieldText
{
    /// <summary>Values longer than this (no instrument, book, LEI or date is) are made per message.</summary>
    private const int MaxLength = 64;

    /// <summary>How many distinct values are kept.</summary>
    private const int MaxEntries = 4096;

    private static readonly ConcurrentDictionary<string, string> Known = new(StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> ByText =
        Known.GetAlternateLookup<ReadOnlySpan<char>>();

    private static int _count;

    /// <summary>The value of <paramref name="tag"/> in <paramref name="message"/>, or null when absent.</summary>
    public static string? Get(FixMessage message, int tag) => message.TryGetValue(tag, out var bytes) ? Of(bytes) : null;

    /// <summary>The value of <paramref name="tag"/> in a group entry, or null when absent.</summary>
    public static string? Get(FixGroupEntry entry, int tag) => entry.TryGetValue(tag, out var bytes) ? Of(bytes) : null;

    /// <summary>The text of <paramref name="bytes"/>: a kept string when the value was seen before.</summary>
    public static string Of(ReadOnlySpan<byte> bytes)
    {
        if (bytes.IsEmpty || bytes.Length > MaxLength || !Ascii.IsValid(bytes))
        {
            return FixAscii.ToString(bytes);
        }

        Span<char> chars = stackalloc char[MaxLength];
        _ = Ascii.ToUtf16(bytes, chars, out var written);
        var text = chars[..written];
        if (ByText.TryGetValue(text, out var known))
        {
            return known;
        }

        var made = new string(text);
        if (Volatile.Read(ref _count) < MaxEntries && Known.TryAdd(made, made))
        {
            Interlocked.Increment(ref _count);
        }

        return made;
    }
}
