namespace TradeFlow.Projections.Accounting;

/// <summary>
/// The chart of accounts (docs/accounting.md). Amounts are signed: a debit is positive, a credit negative,
/// so an entry balances when its lines sum to zero in each currency.
/// </summary>
public enum Account
{
    /// <summary>Asset: securities held, at cost (negative for a short position), per book.</summary>
    SecuritiesPosition = 1,

    /// <summary>Asset: cash at the bank's nostro in each currency.</summary>
    Cash = 2,

    /// <summary>Asset: cash or currency owed to the bank by a counterparty, from trade date until settlement.</summary>
    SettlementReceivable = 3,

    /// <summary>Liability: cash or currency the bank owes a counterparty, from trade date until settlement.</summary>
    SettlementPayable = 4,

    /// <summary>Income: realised P&amp;L on closing a position (credit = profit).</summary>
    RealisedPnl = 5,

    /// <summary>Income: unrealised P&amp;L from marks (revaluation report; see docs/accounting.md).</summary>
    UnrealisedPnl = 6,

    /// <summary>Asset: accrued interest bought with a bond (debit) or sold with it (credit).</summary>
    AccruedInterest = 7,

    /// <summary>The currency position account that keeps each currency of an FX deal balanced on its own.</summary>
    FxPosition = 8,

    /// <summary>Income: FX revaluation of currency positions (revaluation report; see docs/accounting.md).</summary>
    FxRevaluation = 9,
}
