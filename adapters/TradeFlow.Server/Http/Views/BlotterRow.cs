using TradeFlow.Domain.Events;
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
    BookId? Book)
{
    /// <summary>
    /// True for the events a trade blotter lists: those of a trade. A counterparty's limit change travels as an event
    /// of no trade (its trade id is the default) and belongs to the counterparty's views, not to the blotter.
    /// </summary>
    public static bool Shows(ITradeEvent evt) => evt is not null && !evt.TradeId.IsDefault;

    /// <summary>The row of one event: bookings and amendments carry the economics they set, other events only the trade.</summary>
    public static BlotterRow From(long position, ITradeEvent evt, DateTimeOffset recordedTime, string? actor)
    {
        ArgumentNullException.ThrowIfNull(evt);
        var economics = evt switch
        {
            TradeBooked booked => booked.Economics,
            TradeAmended amended => amended.Current,
            _ => null,
        };
        return new BlotterRow(position, evt.TradeId, evt.GetType().Name, recordedTime, actor, economics?.Instrument, economics?.Side,
            economics?.Quantity.Value, economics?.Price.Value, economics?.Counterparty, economics?.Book);
    }
}
