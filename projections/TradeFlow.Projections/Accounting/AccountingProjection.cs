using System.Collections.Immutable;
using System.Runtime.InteropServices;
using TradeFlow.Domain.ReferenceData;
using TradeFlow.Projections.Accounting.Kept;
using TradeFlow.Domain.Values;
using TradeFlow.Projections.Runtime;

namespace TradeFlow.Projections.Accounting;

/// <summary>
/// Double-entry accounting folded from the trade events: a balanced journal entry for every event that
/// moves money or positions, ledger balances by account × currency × book (× counterparty for settlement
/// receivables and payables), cost inventories per book × instrument, and the trial balance.
/// Rules and a worked example: docs/accounting.md.
/// </summary>
public sealed partial class AccountingProjection : Projection<AccountingDocument>
{
    private readonly ReferenceDataSet _referenceData;
    private readonly AccountingOptions _options;
    private readonly Dictionary<TradeId, AccountingTradeState> _trades = [];
    private readonly Dictionary<(BookId, InstrumentId), Inventory> _inventories = [];
    private readonly Dictionary<LedgerKey, decimal> _balances = [];
    private readonly List<PostingLine> _scratch = [];

    // The ledgers the trades' compact open lines name (AccountingTradeState); the kept journal has its own.
    private readonly LedgerTable _openLineLedgers = new();
    private readonly IPostingJournal? _journal;
    private long _entries;

    /// <summary>Creates the projection over the reference data it values and looks instruments up in.</summary>
    public AccountingProjection(ReferenceDataSet referenceData, AccountingOptions? options = null)
        : this(referenceData, options, null)
    {
    }

    /// <summary>Creates the projection keeping its journal in <paramref name="journal"/> (tests: a reference representation).</summary>
    internal AccountingProjection(ReferenceDataSet referenceData, AccountingOptions? options, IPostingJournal? journal)
    {
        ArgumentNullException.ThrowIfNull(referenceData);
        _referenceData = referenceData;
        _options = options ?? AccountingOptions.Default;
        _journal = !_options.KeepJournal ? null
            : journal ?? (_options.JournalSpill is { } spill ? new JournalSpill(spill) : new KeptJournal());
    }

    /// <inheritdoc />
    public override string Name => "accounting";

    /// <inheritdoc />
    public override int Version => 1;

    /// <summary>Journal entries posted so far (also when the journal itself is not kept).</summary>
    public long EntryCount => _entries;

    /// <summary>
    /// The journal of entries in posting order (empty when <see cref="AccountingOptions.KeepJournal"/> is off or the
    /// journal is spilled). Held compactly: each entry read is a record made on the read, so index or enumerate it
    /// once per use, and prefer <see cref="LatestJournalEntries"/> to find a trade's entries.
    /// </summary>
    public IReadOnlyList<JournalEntry> Journal => _journal?.Entries ?? [];

    /// <summary>
    /// Up to <paramref name="limit"/> journal entries, newest first, of <paramref name="tradeId"/> or of every trade:
    /// the journal is scanned from its end without making a record of any entry not returned.
    /// </summary>
    public IReadOnlyList<JournalEntry> LatestJournalEntries(TradeId? tradeId, int limit) =>
        _journal is KeptJournal kept ? kept.Latest(tradeId, limit)
            : [.. Journal.Where(j => tradeId is null || j.TradeId == tradeId).Reverse().Take(limit)];

    /// <summary>A trade's accounting view (a snapshot: later events do not change it), or null.</summary>
    public AccountingTrade? FindTrade(TradeId id) => _trades.GetValueOrDefault(id)?.ToTrade();

    /// <summary>Ledger balances (non-zero), in ledger order.</summary>
    public IReadOnlyList<LedgerBalance> Balances(BookId? book = null) =>
    [
        .. _balances.Where(kv => kv.Value != 0m && (book is null || kv.Key.Book == book))
            .OrderBy(kv => kv.Key, LedgerKey.Order)
            .Select(kv => new LedgerBalance(kv.Key, kv.Value)),
    ];

    /// <summary>The balance of one ledger.</summary>
    public decimal BalanceOf(LedgerKey key) => _balances.GetValueOrDefault(key);

    /// <summary>The trial balance: debits, credits and their sum per currency (the sum is always zero).</summary>
    public IReadOnlyList<TrialBalanceLine> TrialBalance() =>
    [
        // Zero balances are skipped as in the canonical state (Balances), so a projection restored from a snapshot
        // answers exactly as the live one: a currency whose every account is back to zero has no line in either.
        .. _balances.Where(kv => kv.Value != 0m).GroupBy(kv => kv.Key.Currency)
            .OrderBy(g => g.Key)
            .Select(g => new TrialBalanceLine(g.Key, g.Where(kv => kv.Value > 0m).Sum(kv => kv.Value),
                g.Where(kv => kv.Value < 0m).Sum(kv => kv.Value))),
    ];

    /// <summary>Positions at cost per book × instrument with realised P&amp;L, from the cost inventories.</summary>
    public IReadOnlyList<CostPosition> CostPositions() =>
    [
        .. _inventories.Values
            .OrderBy(i => i.Book.ToString(), StringComparer.Ordinal).ThenBy(i => i.Instrument)
            .Select(i => new CostPosition(i.Book, i.Instrument, i.Currency, i.Method, i.Quantity, i.Cost, i.Realised)),
    ];

    /// <inheritdoc />
    public override void Reset()
    {
        _trades.Clear();
        _inventories.Clear();
        _balances.Clear();
        _journal?.Clear();
        _openLineLedgers.Clear();
        _entries = 0;
    }

    private void Post(in ProjectionEvent e, TradeId tradeId, EntryKind kind)
    {
        if (_scratch.Count == 0)
        {
            return;
        }

        PostToBalances(CollectionsMarshal.AsSpan(_scratch));
        _entries++;
        // Kept straight from the scratch lines (spilled as JSON, or held as compact structs): no entry record is made.
        _journal?.Add(_entries, e.Position, e.EventId, tradeId, kind, e.EffectiveTime, CollectionsMarshal.AsSpan(_scratch));

        _scratch.Clear();
    }
}
