using System.Collections.Immutable;


namespace TradeFlow.Projections.Accounting;

/// <summary>The accounting state in canonical form (every list sorted): what is saved and hashed.</summary>
/// <param name="Entries">Journal entries posted so far.</param>
/// <param name="Trades">Trades by id.</param>
/// <param name="Inventories">Cost inventories by book and instrument, each with its movements in booking order.</param>
/// <param name="Balances">Non-zero ledger balances in ledger order.</param>
/// <param name="Journal">The journal entries kept, in posting order.</param>
public sealed record AccountingDocument(
    long Entries,
    ImmutableArray<AccountingTrade> Trades,
    ImmutableArray<InventoryRow> Inventories,
    ImmutableArray<LedgerBalance> Balances,
    ImmutableArray<JournalEntry> Journal);
