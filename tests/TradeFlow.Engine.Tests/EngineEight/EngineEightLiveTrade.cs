using TradeFlow.Domain.Trades;
using TradeFlow.Engine.Decisions;

namespace TradeFlow.Engine.Tests.EngineEight;

// The reference's live trade, as it was at 2a20d49 (before engine9): the whole Trade state per trade.
/// <summary>
/// A trade as the decision stage holds it: the domain state, its stream id (made once, reused by every
/// append) and the exposure it contributes while unsettled. A value stored inline in the
/// the table's chunks, so a live trade costs the GC no object of its own: with one object
/// per trade every booking left one more survivor for each gen0 and gen1 collection to copy.
/// </summary>
/// <param name="State">The domain state; <see cref="Trade.Version"/> is the stream's event count.</param>
/// <param name="Stream">The stream id, <c>trade-{id}</c>.</param>
/// <param name="Exposure">The exposure figures it keeps (<see cref="LiveExposure"/>); unpriced when reference data could not price the trade.</param>
internal readonly record struct EngineEightLiveTrade(Trade State, string Stream, LiveExposure Exposure)
{
    /// <summary>
    /// True while the trade counts against its limit and the settlement ladder: booked and not yet settled,
    /// cancelled, allocated, novated or matured.
    /// </summary>
    public bool CountsTowardsExposure => Exposure.IsPriced && State.Status is TradeStatus.Booked
        or TradeStatus.SettlementInstructed or TradeStatus.SettlementMatched or TradeStatus.SettlementFailed;
}
