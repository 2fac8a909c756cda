using TradeFlow.Domain.Values;

namespace TradeFlow.Projections.Accounting;

/// <summary>One currency of the trial balance.</summary>
/// <param name="Currency">The currency.</param>
/// <param name="Debits">Sum of debit balances (positive).</param>
/// <param name="Credits">Sum of credit balances (negative).</param>
public sealed record TrialBalanceLine(Currency Currency, decimal Debits, decimal Credits)
{
    /// <summary>Debits + credits: zero when the books balance.</summary>
    public decimal Net => Debits + Credits;
}
