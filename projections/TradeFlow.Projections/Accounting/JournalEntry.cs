using System.Text.Json.Serialization;
using System.Collections.Immutable;
using TradeFlow.Domain.Values;
using TradeFlow.EventSourcing;

namespace TradeFlow.Projections.Accounting;

/// <summary>A balanced journal entry, traceable to the event that caused it.</summary>
/// <param name="Number">1-based, in posting order.</param>
/// <param name="Position">The causing event's global position.</param>
/// <param name="EventId">The causing event's id.</param>
/// <param name="TradeId">The trade.</param>
/// <param name="Kind">Why it was posted.</param>
/// <param name="EffectiveTime">The causing event's effective time (the accounting date).</param>
/// <param name="Lines">The lines; they sum to zero per currency.</param>
public sealed record JournalEntry(
    long Number,
    GlobalPosition Position,
    Guid EventId,
    TradeId TradeId,
    EntryKind Kind,
    DateTimeOffset EffectiveTime,
    ImmutableArray<PostingLine> Lines)
{
    /// <summary>True when the lines sum to zero in every currency.</summary>
    [JsonIgnore]
    public bool IsBalanced => Lines.GroupBy(l => l.Currency).All(g => g.Sum(l => l.Amount) == 0m);
}
