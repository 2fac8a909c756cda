namespace TradeFlow.Engine;

/// <summary>What the decision stage does with a booking that looks like a wash trade.</summary>
public enum WashTradeMode
{
    /// <summary>No wash-trade detection.</summary>
    Off = 0,

    /// <summary>Book it with a warning on the event and the outcome.</summary>
    Flag = 1,

    /// <summary>Reject it (<c>WashTrade</c>).</summary>
    Reject = 2,
}
