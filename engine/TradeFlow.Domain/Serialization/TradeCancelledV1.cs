using TradeFlow.Domain.Values;

namespace TradeFlow.Domain.Serialization;

/// <summary>
/// The v1 shape of <see cref="Events.TradeCancelled"/>, which recorded no reason. Kept only so old
/// journals can be read: it is upcast to v2 on read, never written.
/// </summary>
/// <param name="TradeId">The trade.</param>
/// <param name="EffectiveTime">When the cancellation was effective.</param>
public sealed record TradeCancelledV1(TradeId TradeId, DateTimeOffset EffectiveTime);
