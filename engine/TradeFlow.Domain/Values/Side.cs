namespace TradeFlow.Domain.Values;

/// <summary>The bank's direction in a trade. Zero is deliberately not a side, so an unset value is caught.</summary>
public enum Side
{
    /// <summary>The bank buys the instrument (receives securities or the base currency).</summary>
    Buy = 1,

    /// <summary>The bank sells the instrument (delivers securities or the base currency).</summary>
    Sell = 2,
}
