using TradeFlow.Domain.Values;
using TradeFlow.EventSourcing;

namespace TradeFlow.Projections.Accounting;

/// <summary>Where accounting keeps its posting journal: in memory, compactly (<see cref="Kept.KeptJournal"/>), or spilled to a file (<see cref="JournalSpill"/>).</summary>
internal interface IPostingJournal
{
    /// <summary>The entries as <see cref="AccountingProjection.Journal"/> shows them (empty when they are not held in memory).</summary>
    IReadOnlyList<JournalEntry> Entries { get; }

    /// <summary>Keeps the entry these fields make; the lines are copied, the span is the fold's scratch.</summary>
    void Add(long number, GlobalPosition position, Guid eventId, TradeId tradeId, EntryKind kind,
        DateTimeOffset effectiveTime, ReadOnlySpan<PostingLine> lines);

    /// <summary>Writes the entries as the state document's journal array without its closing bracket: <c>[e1,e2,…</c>.</summary>
    void CopyTo(Stream output);

    /// <summary>Forgets every entry.</summary>
    void Clear();
}
