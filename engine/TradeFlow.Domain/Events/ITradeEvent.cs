using TradeFlow.Domain.Values;

namespace TradeFlow.Domain.Events;

/// <summary>
/// A fact about one trade, appended to its stream <c>trade-{TradeId}</c>. Every event type has a
/// stable name and schema version (see <see cref="Serialization.DomainEventRegistry"/>).
/// </summary>
public interface ITradeEvent
{
    /// <summary>The trade (and stream) the event belongs to.</summary>
    TradeId TradeId { get; }

    /// <summary>When the fact is true in business terms (the recorded time is on the envelope).</summary>
    DateTimeOffset EffectiveTime { get; }
}
