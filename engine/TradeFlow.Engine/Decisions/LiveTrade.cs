using TradeFlow.Domain.Trades;
using TradeFlow.Engine.Checks;

namespace TradeFlow.Engine.Decisions;

/// <summary>
/// A trade as the decision stage holds it: the domain state, its stream id (made once, reused by every
/// append) and the exposure it contributes while unsettled. Mutable, owned by the decide thread alone.
/// </summary>
internal sealed class LiveTrade
{
    /// <summary>Creates the entry for a newly booked trade.</summary>
    public LiveTrade(Trade state, string stream)
    {
        State = state;
        Stream = stream;
    }

    /// <summary>The domain state; <see cref="Trade.Version"/> is the stream's event count.</summary>
    public Trade State { get; set; }

    /// <summary>The stream id, <c>trade-{id}</c>.</summary>
    public string Stream { get; }

    /// <summary>The exposure figures; null when reference data could not price the trade.</summary>
    public ExposureFigures? Figures { get; set; }

    /// <summary>
    /// True while the trade counts against its limit and the settlement ladder: booked and not yet settled,
    /// cancelled, allocated, novated or matured.
    /// </summary>
    public bool CountsTowardsExposure => Figures is not null && State.Status is TradeStatus.Booked
        or TradeStatus.SettlementInstructed or TradeStatus.SettlementMatched or TradeStatus.SettlementFailed;
}
