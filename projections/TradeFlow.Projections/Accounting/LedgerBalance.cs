namespace TradeFlow.Projections.Accounting;

/// <summary>A ledger's balance: debit positive, credit negative.</summary>
/// <param name="Key">The ledger.</param>
/// <param name="Balance">The balance.</param>
public sealed record LedgerBalance(LedgerKey Key, decimal Balance);
