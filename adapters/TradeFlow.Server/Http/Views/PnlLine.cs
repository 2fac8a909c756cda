using TradeFlow.Domain.Values;

namespace TradeFlow.Server.Http.Views;

/// <summary>A book's P&amp;L in one currency, summed from its positions (weighted average cost, marks from reference data).</summary>
/// <param name="Book">The book.</param>
/// <param name="Currency">The currency of the amounts.</param>
/// <param name="Realised">Realised P&amp;L.</param>
/// <param name="Unrealised">Unrealised P&amp;L of positions that have a mark.</param>
/// <param name="UnmarkedPositions">Open positions without a mark (their unrealised P&amp;L is unknown, not zero).</param>
public sealed record PnlLine(BookId Book, Currency Currency, decimal Realised, decimal Unrealised, int UnmarkedPositions)
{
    /// <summary>Realised + unrealised.</summary>
    public decimal Total => Realised + Unrealised;
}
