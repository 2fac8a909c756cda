using System.Buffers;
using System.Buffers.Text;
using System.Collections.Concurrent;
using System.Text.Json;
using TradeFlow.Domain.Values;
using TradeFlow.Projections.Accounting;

namespace TradeFlow.Projections.Runtime.StateJson;

/// <summary>
/// A posting line's JSON as one raw value: the bytes up to the amount — <c>{"account":…,"currency":…,"book":…,
/// ["counterparty":…,]"amount":</c> — cached per ledger (account × currency × book × counterparty), then the amount
/// formatted as the writer formats a decimal, then <c>}</c>. A replay spills about a million lines and a state hash
/// writes every open line again; member by member each line was a dozen writer calls and four cache lookups (a third
/// of the fold thread's time went to the spill's JSON), while the ledgers a line can post to are few and repeat.
/// </summary>
/// <remarks>
/// The head is what <see cref="PostingLineStateConverter.WriteLine"/>'s member-by-member path writes for the same
/// ledger (it is made by that path), and the amount is formatted by <see cref="Utf8Formatter"/>, which is what
/// <see cref="Utf8JsonWriter"/> uses for a decimal — a property test compares the bytes with the member-by-member
/// writer's on random lines. Thread-safe (the three state hashes run in parallel). Bounded: past
/// <see cref="Capacity"/> ledgers, and on an indented writer, the caller writes member by member.
/// </remarks>
internal static class PostingLineText
{
    /// <summary>Distinct ledgers whose head is kept.</summary>
    public const int Capacity = 16 * 1024;

    // "{…,"amount":" of the longest head (four ids, names and quotes) is well under 160 bytes; a decimal is at most 31.
    private const int MaxLineBytes = 256;

    private static readonly ConcurrentDictionary<LineHead, byte[]> Heads = new();

    // Set once the cache holds Capacity heads: ConcurrentDictionary.Count takes every lock, so it is asked only until then.
    private static bool _full;

    /// <summary>How many heads are cached (tests).</summary>
    internal static int Count => Heads.Count;

    /// <summary>Whether the head of <paramref name="line"/>'s ledger is cached (tests: the cache is process-wide).</summary>
    internal static bool Holds(in PostingLine line) =>
        Heads.ContainsKey(new LineHead(line.Account, line.Currency, line.Book, line.Counterparty.GetValueOrDefault()));

    /// <summary>
    /// Writes <paramref name="line"/> as one raw JSON value, or returns false (nothing written) when the writer is
    /// indented or the head is not cached and the cache is full.
    /// </summary>
    public static bool TryWrite(Utf8JsonWriter writer, in PostingLine line)
    {
        if (writer.Options.Indented)
        {
            return false;
        }

        var key = new LineHead(line.Account, line.Currency, line.Book, line.Counterparty.GetValueOrDefault());
        if (!Heads.TryGetValue(key, out var head))
        {
            if (IsFull())
            {
                return false;
            }

            head = Heads.GetOrAdd(key, Encode(line));
        }

        Span<byte> text = stackalloc byte[MaxLineBytes];
        head.CopyTo(text);
        if (!Utf8Formatter.TryFormat(line.Amount, text[head.Length..], out var written) || head.Length + written >= MaxLineBytes)
        {
            return false;
        }

        text[head.Length + written] = (byte)'}';
        writer.WriteRawValue(text[..(head.Length + written + 1)], skipInputValidation: true);
        return true;
    }

    private static bool IsFull()
    {
        if (Volatile.Read(ref _full))
        {
            return true;
        }

        if (Heads.Count < Capacity)
        {
            return false;
        }

        Volatile.Write(ref _full, true);
        return true;
    }

    // The member-by-member bytes of the line with a zero amount, less the "0}" after "amount":.
    private static byte[] Encode(in PostingLine line)
    {
        var buffer = new ArrayBufferWriter<byte>(160);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            PostingLineStateConverter.WriteMembers(writer, line with { Amount = 0m }, ProjectionJson.Options);
        }

        var written = buffer.WrittenSpan;
        if (!written.EndsWith("\"amount\":0}"u8))
        {
            throw new InvalidOperationException("A posting line's JSON does not end with its amount: the line writer's member order changed.");
        }

        return written[..^2].ToArray();
    }

    private readonly record struct LineHead(Account Account, Currency Currency, BookId Book, CounterpartyId Counterparty);
}
