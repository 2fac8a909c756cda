using TradeFlow.Domain.Trades;
using TradeFlow.Domain.Values;

namespace TradeFlow.Engine.Decisions;

/// <summary>
/// A <see cref="TradeEconomics"/> as a value with no references (every field is a packed id, a decimal, a date or an
/// enum): what a <see cref="LiveTrade"/> as booked keeps inline, so that a booking leaves no object of its own in the
/// decision state for the garbage collector to copy as it promotes survivors — the <see cref="TradeEconomics"/> object
/// the decider built dies young with its <c>TradeBooked</c>. <see cref="ToEconomics"/> gives back an equal record.
/// </summary>
internal readonly struct InlineEconomics
{
    private readonly CounterpartyId _counterparty;
    private readonly Quantity _quantity;
    private readonly Price _price;
    private readonly InstrumentId _instrument;
    private readonly BookId _book;
    private readonly TraderId _trader;
    private readonly Side _side;
    private readonly BusinessDate _tradeDate;

    private InlineEconomics(TradeEconomics economics)
    {
        _counterparty = economics.Counterparty;
        _quantity = economics.Quantity;
        _price = economics.Price;
        _instrument = economics.Instrument;
        _book = economics.Book;
        _trader = economics.Trader;
        _side = economics.Side;
        _tradeDate = economics.TradeDate;
        SettlementDate = economics.SettlementDate;
    }

    /// <summary>The contractual settlement date (the settlement ladder's key, read without building the record).</summary>
    public BusinessDate SettlementDate { get; }

    /// <summary>The values of <paramref name="economics"/>.</summary>
    public static InlineEconomics Of(TradeEconomics economics)
    {
        ArgumentNullException.ThrowIfNull(economics);
        return new(economics);
    }

    /// <summary>A record equal to the one these values came from (allocates).</summary>
    public TradeEconomics ToEconomics() =>
        new(_instrument, _side, _quantity, _price, _counterparty, _book, _trader, _tradeDate, SettlementDate);
}
