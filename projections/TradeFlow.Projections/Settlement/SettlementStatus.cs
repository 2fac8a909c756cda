namespace TradeFlow.Projections.Settlement;

/// <summary>Where a trade's settlement stands, from its events.</summary>
public enum SettlementStatus
{
    /// <summary>Booked, not instructed yet.</summary>
    Pending = 1,

    /// <summary>Instructions sent.</summary>
    Instructed = 2,

    /// <summary>The counterparty's instruction matched ours.</summary>
    Matched = 3,

    /// <summary>Failed on (or after) the value date; awaiting re-instruction or late settlement.</summary>
    Failed = 4,

    /// <summary>Settled.</summary>
    Settled = 5,

    /// <summary>Cancelled, allocated or novated: no obligation left.</summary>
    Closed = 6,
}
