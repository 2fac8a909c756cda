using TradeFlow.Domain.Values;

namespace TradeFlow.Domain.Trades;

/// <summary>The economics of a trade as booked: <see cref="TradeTerms"/> with the settlement date resolved.</summary>
/// <param name="Instrument">ISIN or FX pair.</param>
/// <param name="Side">The bank's direction.</param>
/// <param name="Quantity">The live quantity: shares, face amount, or base-currency amount.</param>
/// <param name="Price">Price per share, clean percent of face, or FX rate.</param>
/// <param name="Counterparty">The counterparty's LEI.</param>
/// <param name="Book">The book the trade belongs to.</param>
/// <param name="Trader">The trader who did the deal.</param>
/// <param name="TradeDate">The trade date.</param>
/// <param name="SettlementDate">The settlement (value) date.</param>
public sealed record TradeEconomics(
    InstrumentId Instrument,
    Side Side,
    Quantity Quantity,
    Price Price,
    CounterpartyId Counterparty,
    BookId Book,
    TraderId Trader,
    BusinessDate TradeDate,
    BusinessDate SettlementDate);
