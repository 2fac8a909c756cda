using TradeFlow.Domain.Values;

namespace TradeFlow.Projections.Settlement;

/// <summary>Outstanding cash obligations netted by counterparty × currency × value date × account.</summary>
/// <param name="Counterparty">The counterparty.</param>
/// <param name="Currency">The currency.</param>
/// <param name="ValueDate">The value date.</param>
/// <param name="Account">The counterparty's account.</param>
/// <param name="GrossReceive">Sum of receipts.</param>
/// <param name="GrossPay">Sum of payments (positive).</param>
/// <param name="Trades">Number of obligations netted.</param>
public sealed record NettingSet(CounterpartyId Counterparty, Currency Currency, BusinessDate ValueDate, string Account,
    decimal GrossReceive, decimal GrossPay, int Trades)
{
    /// <summary>The net payment: positive = the bank receives, negative = the bank pays.</summary>
    public decimal Net => GrossReceive - GrossPay;
}
