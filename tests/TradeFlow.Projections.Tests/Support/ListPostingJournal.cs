using System.Text.Json;
using TradeFlow.Domain.Values;
using TradeFlow.EventSourcing;
using TradeFlow.Projections.Accounting;
using TradeFlow.Projections.Runtime;

namespace TradeFlow.Projections.Tests.Support;

/// <summary>
/// The posting journal as accounting held it in memory before mem9: a list of <see cref="JournalEntry"/> records, each
/// with its own copy of the lines (<c>[.. _scratch]</c>). The reference the compact kept journal must read back.
/// </summary>
internal sealed class ListPostingJournal : IPostingJournal
{
    private readonly List<JournalEntry> _entries = [];

    public IReadOnlyList<JournalEntry> Entries => _entries;

    public void Add(long number, GlobalPosition position, Guid eventId, TradeId tradeId, EntryKind kind,
        DateTimeOffset effectiveTime, ReadOnlySpan<PostingLine> lines) =>
        _entries.Add(new JournalEntry(number, position, eventId, tradeId, kind, effectiveTime, [.. lines]));

    // Through the serializer, entry by entry: the bytes the state document's journal array had.
    public void CopyTo(Stream output)
    {
        output.Write("["u8);
        for (var i = 0; i < _entries.Count; i++)
        {
            if (i > 0)
            {
                output.Write(","u8);
            }

            JsonSerializer.Serialize(output, _entries[i], ProjectionJson.Options);
        }
    }

    public void Clear() => _entries.Clear();
}
