using TradeFlow.Domain.Values;
using TradeFlow.Projections.Accounting;
using TradeFlow.Projections.Exposure;
using TradeFlow.Projections.Settlement;

// The query requests, one file as for an aggregate's events: each is a one-line record.
namespace TradeFlow.Projections.Queries;

/// <summary>The trial balance per currency.</summary>
public sealed record GetTrialBalance : ProjectionQuery<IReadOnlyList<TrialBalanceLine>>;

/// <summary>Ledger balances, optionally of one book.</summary>
/// <param name="Book">The book, or null for all.</param>
public sealed record GetLedgerBalances(BookId? Book = null) : ProjectionQuery<IReadOnlyList<LedgerBalance>>;

/// <summary>Journal entries (latest first), optionally of one trade.</summary>
/// <param name="TradeId">The trade, or null for all.</param>
/// <param name="Limit">At most this many (1..10,000).</param>
public sealed record GetJournalEntries(TradeId? TradeId = null, int Limit = 100) : ProjectionQuery<IReadOnlyList<JournalEntry>>;

/// <summary>Positions by book × instrument, optionally of one book.</summary>
/// <param name="Book">The book, or null for all.</param>
public sealed record GetPositions(BookId? Book = null) : ProjectionQuery<IReadOnlyList<Position>>;

/// <summary>Counterparty exposure against limits, optionally of one counterparty.</summary>
/// <param name="Counterparty">The counterparty, or null for all.</param>
public sealed record GetCounterpartyExposure(CounterpartyId? Counterparty = null) : ProjectionQuery<IReadOnlyList<CounterpartyExposure>>;

/// <summary>Currency exposure by book, optionally of one book.</summary>
/// <param name="Book">The book, or null for all.</param>
public sealed record GetCurrencyExposure(BookId? Book = null) : ProjectionQuery<IReadOnlyList<CurrencyExposure>>;

/// <summary>A trade's settlement obligations.</summary>
/// <param name="TradeId">The trade.</param>
public sealed record GetObligations(TradeId TradeId) : ProjectionQuery<IReadOnlyList<Obligation>>;

/// <summary>Netting sets of outstanding cash obligations.</summary>
public sealed record GetNettingSets : ProjectionQuery<IReadOnlyList<NettingSet>>;

/// <summary>Settlement exceptions (missing SSIs).</summary>
public sealed record GetSettlementExceptions : ProjectionQuery<IReadOnlyList<SettlementBreak>>;

/// <summary>Failed settlements aged on a date.</summary>
/// <param name="AsOfDate">The date the ages are counted to.</param>
public sealed record GetSettlementFails(BusinessDate AsOfDate) : ProjectionQuery<IReadOnlyList<FailRow>>;

/// <summary>The settlement ladder.</summary>
/// <param name="From">The first date.</param>
/// <param name="BusinessDays">How many business days (1..250).</param>
public sealed record GetSettlementLadder(BusinessDate From, int BusinessDays = 10) : ProjectionQuery<IReadOnlyList<LadderRow>>;
