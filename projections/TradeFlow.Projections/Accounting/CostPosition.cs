using TradeFlow.Domain.Values;

namespace TradeFlow.Projections.Accounting;

/// <summary>A book × instrument position at cost, with the realised P&amp;L of its cost method.</summary>
/// <param name="Book">The book.</param>
/// <param name="Instrument">The instrument.</param>
/// <param name="Currency">The instrument currency.</param>
/// <param name="Method">The book's cost method.</param>
/// <param name="Quantity">Net quantity (negative when short).</param>
/// <param name="Cost">Position at cost (negative when short).</param>
/// <param name="RealisedPnl">Cumulative realised P&amp;L (profit positive).</param>
public sealed record CostPosition(BookId Book, InstrumentId Instrument, Currency Currency, CostMethod Method,
    decimal Quantity, decimal Cost, decimal RealisedPnl);
