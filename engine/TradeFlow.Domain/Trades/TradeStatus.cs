namespace TradeFlow.Domain.Trades;

/// <summary>
/// Where a trade is in its life. Confirmation is orthogonal (<see cref="Trade.IsConfirmed"/>) and a
/// partial termination keeps the trade <see cref="Booked"/> with a smaller quantity; see docs/lifecycle.md.
/// </summary>
public enum TradeStatus
{
    /// <summary>Live: booked (possibly amended, confirmed or partially terminated), settlement not yet instructed.</summary>
    Booked = 1,

    /// <summary>Closed: a block trade split into child trades, which carry on its life.</summary>
    Allocated = 2,

    /// <summary>Settlement instructions sent to the agent/CSD.</summary>
    SettlementInstructed = 3,

    /// <summary>The counterparty's instruction matched ours.</summary>
    SettlementMatched = 4,

    /// <summary>Settlement failed; it may be re-instructed, re-matched or settle late.</summary>
    SettlementFailed = 5,

    /// <summary>Securities and cash exchanged.</summary>
    Settled = 6,

    /// <summary>Closed: cancelled before settlement.</summary>
    Cancelled = 7,

    /// <summary>Closed: novated to a new counterparty; a new trade carries on its life.</summary>
    Novated = 8,

    /// <summary>Closed: a settled trade in an instrument with a maturity has reached it.</summary>
    Matured = 9,
}
