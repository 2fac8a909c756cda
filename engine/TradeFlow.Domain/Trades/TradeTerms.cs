using TradeFlow.Domain.Values;

namespace TradeFlow.Domain.Trades;

/// <summary>
/// The economics as a booking or amendment requests them. The settlement date is optional: when it is
/// missing the decider derives it from the instrument's cycle and calendar (an FX forward must give it).
/// </summary>
/// <param name="Instrument">ISIN or FX pair.</param>
/// <param name="Side">The bank's direction.</param>
/// <param name="Quantity">Shares, face amount, or base-currency amount.</param>
/// <param name="Price">Price per share, clean percent of face, or FX rate.</param>
/// <param name="Counterparty">The counterparty's LEI.</param>
/// <param name="Book">The book the trade belongs to.</param>
/// <param name="Trader">The trader who did the deal.</param>
/// <param name="TradeDate">The trade date.</param>
/// <param name="SettlementDate">The settlement (value) date, or null to derive it.</param>
public sealed record TradeTerms(
    InstrumentId Instrument,
    Side Side,
    Quantity Quantity,
    Price Price,
    CounterpartyId Counterparty,
    BookId Book,
    TraderId Trader,
    BusinessDate TradeDate,
    BusinessDate? SettlementDate = null);
