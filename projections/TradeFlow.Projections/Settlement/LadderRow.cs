using TradeFlow.Domain.Values;

namespace TradeFlow.Projections.Settlement;

/// <summary>Cash due on one date in one currency (the settlement ladder).</summary>
/// <param name="Date">The value date (for the overdue row, the ladder's start date).</param>
/// <param name="Currency">The currency.</param>
/// <param name="Receive">Receipts due.</param>
/// <param name="Pay">Payments due (positive).</param>
/// <param name="Overdue">True for the row collecting everything due before the ladder's start and not settled.</param>
public sealed record LadderRow(BusinessDate Date, Currency Currency, decimal Receive, decimal Pay, bool Overdue)
{
    /// <summary>Receipts − payments.</summary>
    public decimal Net => Receive - Pay;
}
