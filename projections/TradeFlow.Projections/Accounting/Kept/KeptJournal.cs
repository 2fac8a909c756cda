using System.Collections;
using System.Collections.Immutable;
using System.Text.Json;
using TradeFlow.Domain.Values;
using TradeFlow.EventSourcing;
using TradeFlow.Projections.Runtime;

namespace TradeFlow.Projections.Accounting.Kept;

/// <summary>
/// The posting journal held in memory, compactly: entries as 48-byte structs numbered by their place, their lines as
/// 12-byte structs (ledger index and scaled amount, <see cref="KeptLine"/>) in one shared line store, each ledger
/// stored once (<see cref="LedgerTable"/>), all in fixed-size chunks. A <see cref="JournalEntry"/> record with its line array was ~300 bytes per booking and, with a
/// <see cref="PostingLine"/> of 64 bytes, the largest part of a live trade's memory. Readers see the same entries,
/// in the same order, as records made on read (<see cref="this[int]"/>); the state writer writes them straight from
/// the structs (<see cref="CopyTo(Stream)"/>), the same bytes as the records.
/// </summary>
internal sealed partial class KeptJournal : IPostingJournal, IReadOnlyList<JournalEntry>
{
    // 1,024 entries (48 KB) and 4,096 lines (48 KB) per chunk: both under the 85,000-byte large-object threshold.
    private const int EntryChunkShift = 10;
    private const int LineChunkShift = 12;
    private const int FlushThreshold = 64 * 1024;
    private readonly ChunkedStore<KeptEntry> _entries = new(EntryChunkShift);
    private readonly ChunkedStore<KeptLine> _lines = new(LineChunkShift);
    private readonly LedgerTable _ledgers = new();

    // Amounts no scaled long holds exactly (a mantissa past 63 bits, a negative zero): none in any history seen so far.
    private readonly List<decimal> _wideAmounts = [];

    // Entry numbers are consecutive from the first one kept (the fold numbers every entry it posts, and a restore adds
    // the saved ones in order), so an entry's number is implied by its place; one that is not is remembered here.
    private long _firstNumber;
    private Dictionary<int, long>? _renumbered;

    /// <inheritdoc />
    public IReadOnlyList<JournalEntry> Entries => this;

    /// <summary>Entries kept.</summary>
    public int Count => _entries.Count;

    /// <summary>The entry at <paramref name="index"/>, as a record made now (equal in every field and line to the one posted).</summary>
    public JournalEntry this[int index]
    {
        get
        {
            ArgumentOutOfRangeException.ThrowIfNegative(index);
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Count);
            ref readonly var entry = ref _entries[index];
            var (first, end) = LinesOf(index);
            var lines = ImmutableArray.CreateBuilder<PostingLine>(end - first);
            for (var i = first; i < end; i++)
            {
                lines.Add(LineAt(i));
            }

            return new JournalEntry(NumberAt(index), entry.Position, entry.EventId, entry.TradeId, entry.Kind,
                entry.EffectiveTime, lines.MoveToImmutable());
        }
    }

    /// <inheritdoc />
    public void Add(long number, GlobalPosition position, Guid eventId, TradeId tradeId, EntryKind kind,
        DateTimeOffset effectiveTime, ReadOnlySpan<PostingLine> lines)
    {
        if (Count == 0)
        {
            _firstNumber = number;
        }
        else if (number != _firstNumber + Count)
        {
            (_renumbered ??= [])[Count] = number;
        }

        _entries.Add(new KeptEntry(position, eventId, tradeId, kind, effectiveTime, _lines.Count));
        foreach (ref readonly var line in lines)
        {
            var ledger = _ledgers.IndexOf(line.Key);
            if (!KeptLine.TryCreate(ledger, line.Amount, out var kept))
            {
                kept = KeptLine.Wide(ledger, _wideAmounts.Count);
                _wideAmounts.Add(line.Amount);
            }

            _lines.Add(kept);
        }
    }

    /// <summary>Up to <paramref name="limit"/> entries, newest first, of one trade or of all: only those are made into records.</summary>
    public IReadOnlyList<JournalEntry> Latest(TradeId? tradeId, int limit)
    {
        var found = new List<JournalEntry>(Math.Min(Math.Max(limit, 0), 256));
        for (var i = Count - 1; i >= 0 && found.Count < limit; i--)
        {
            if (tradeId is not { } id || _entries[i].TradeId == id)
            {
                found.Add(this[i]);
            }
        }

        return found;
    }

    /// <inheritdoc />
    public void CopyTo(Stream output)
    {
        using var writer = new Utf8JsonWriter(output, new JsonWriterOptions { Encoder = ProjectionJson.Options.Encoder, Indented = false });
        writer.WriteStartArray();
        var scratch = new PostingLine[16];
        for (var index = 0; index < Count; index++)
        {
            ref readonly var entry = ref _entries[index];
            var (first, end) = LinesOf(index);
            if (end - first > scratch.Length)
            {
                scratch = new PostingLine[end - first];
            }

            for (var i = first; i < end; i++)
            {
                scratch[i - first] = LineAt(i);
            }

            JournalEntryJsonWriter.Write(writer, NumberAt(index), entry.Position, entry.EventId, entry.TradeId, entry.Kind,
                entry.EffectiveTime, scratch.AsSpan(0, end - first));
            if (writer.BytesPending > FlushThreshold)
            {
                writer.Flush();
            }
        }

        // The array stays open: the caller closes it with the document.
        writer.Flush();
    }

    /// <inheritdoc />
    public void Clear()
    {
        _entries.Clear();
        _lines.Clear();
        _ledgers.Clear();
        _wideAmounts.Clear();
        _firstNumber = 0;
        _renumbered = null;
    }

    /// <inheritdoc />
    public IEnumerator<JournalEntry> GetEnumerator()
    {
        for (var i = 0; i < Count; i++)
        {
            yield return this[i];
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private (int First, int End) LinesOf(int index) =>
        (_entries[index].FirstLine, index + 1 < Count ? _entries[index + 1].FirstLine : _lines.Count);

    private long NumberAt(int index) =>
        _renumbered is not null && _renumbered.TryGetValue(index, out var number) ? number : _firstNumber + index;

    private PostingLine LineAt(int index)
    {
        ref readonly var line = ref _lines[index];
        return _ledgers.LineOf(line, line.IsWide ? _wideAmounts[line.WideIndex] : line.Amount);
    }
}
