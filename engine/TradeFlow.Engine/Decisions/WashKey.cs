using TradeFlow.Domain.Values;

namespace TradeFlow.Engine.Decisions;

/// <summary>What makes two bookings mirror images: same trader, instrument, price and quantity; the side says which half this is.</summary>
/// <param name="Trader">The trader.</param>
/// <param name="Instrument">The instrument.</param>
/// <param name="Side">The side of the booking.</param>
/// <param name="Price">The price (decimal equality: 190.5 equals 190.50).</param>
/// <param name="Quantity">The quantity.</param>
internal readonly record struct WashKey(TraderId Trader, InstrumentId Instrument, Side Side, Price Price, Quantity Quantity)
{
    /// <summary>The key of the booking that would mirror this one.</summary>
    public WashKey Mirror => this with { Side = Side == Side.Buy ? Side.Sell : Side.Buy };
}
