using TradeFlow.Domain.Values;

namespace TradeFlow.Server.Http.Views;

/// <summary>One line of the trade blotter: an event, latest first, with the economics it set (if any).</summary>
/// <param name="Position">Global position.</param>
/// <param name="TradeId">The trade.</param>
/// <param name="Event">The event type, e.g. <c>TradeBooked</c>.</param>
/// <param name="RecordedTime">When recorded.</param>
/// <param name="Actor">Who sent the command.</param>
/// <param name="Instrument">The instrument, for bookings and amendments.</param>
/// <param name="Side">The bank's side, for bookings and amendments.</param>
/// <param name="Quantity">The quantity, for bookings and amendments.</param>
/// <param name="Price">The price, for bookings and amendments.</param>
/// <param name="Counterparty">The counterparty, for bookings and amendments.</param>
/// <param name="Book">The book, for bookings and amendments.</param>
public sealed record BlotterRow(
    long Position,
    TradeId TradeId,
    string Event,
    DateTimeOffset RecordedTime,
    string? Actor,
    InstrumentId? Instrument,
    Side? Side,
    decimal? Quantity,
    decimal? Price,
    CounterpartyId? Counterparty,
    BookId? Book);
