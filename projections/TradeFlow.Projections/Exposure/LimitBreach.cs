namespace TradeFlow.Projections.Exposure;

/// <summary>Where a counterparty's utilisation stands against its credit limit.</summary>
public enum LimitBreach
{
    /// <summary>At or below the soft limit.</summary>
    None = 0,

    /// <summary>Above the soft limit (a warning: the risk officer is alerted).</summary>
    Soft = 1,

    /// <summary>Above the hard limit (new bookings are refused by the engine).</summary>
    Hard = 2,
}
