using TradeFlow.Domain.Values;

namespace TradeFlow.Projections.Exposure;

/// <summary>A book × instrument position (trade-date, weighted average cost).</summary>
/// <param name="Book">The book.</param>
/// <param name="Instrument">The instrument.</param>
/// <param name="Currency">The instrument (quote) currency of the amounts.</param>
/// <param name="Quantity">Net quantity: shares, face, or base currency; negative when short.</param>
/// <param name="Cost">Position at cost (negative when short).</param>
/// <param name="AverageCost">Cost per unit in price terms (percent of face for bonds, rate for FX), or null when flat.</param>
/// <param name="MarketValue">Quantity at the mark, or null without a mark.</param>
/// <param name="UnrealisedPnl">Market value − cost, or null without a mark.</param>
/// <param name="RealisedPnl">Realised P&amp;L on weighted average cost.</param>
public sealed record Position(
    BookId Book,
    InstrumentId Instrument,
    Currency Currency,
    decimal Quantity,
    decimal Cost,
    decimal? AverageCost,
    decimal? MarketValue,
    decimal? UnrealisedPnl,
    decimal RealisedPnl);
