namespace TradeFlow.Domain.Trades;

/// <summary>Why a command was refused. Stable names: they are journaled and reported to sources.</summary>
public enum RejectionCode
{
    /// <summary>The command targets a trade that does not exist.</summary>
    TradeNotFound = 1,

    /// <summary>A booking targets an id that already has a trade.</summary>
    TradeAlreadyExists = 2,

    /// <summary>The trade is closed (allocated, novated, cancelled or matured).</summary>
    TradeClosed = 3,

    /// <summary>Settlement is under way, so the economics or the trade itself can no longer change.</summary>
    SettlementInProgress = 4,

    /// <summary>The trade has settled.</summary>
    AlreadySettled = 5,

    /// <summary>The asset class requires confirmation before settlement is instructed.</summary>
    ConfirmationRequired = 6,

    /// <summary>The trade is already confirmed.</summary>
    AlreadyConfirmed = 7,

    /// <summary>Settlement has not been instructed yet.</summary>
    NotInstructed = 8,

    /// <summary>Settlement is instructed but not yet matched.</summary>
    NotMatched = 9,

    /// <summary>Settlement is already instructed.</summary>
    AlreadyInstructed = 10,

    /// <summary>Settlement is already matched.</summary>
    AlreadyMatched = 11,

    /// <summary>Settlement has already failed (re-instruct, re-match or settle it).</summary>
    AlreadyFailed = 12,

    /// <summary>Only a settled trade can mature.</summary>
    NotSettled = 13,

    /// <summary>The instrument has no maturity (equities, FX spot).</summary>
    NoMaturity = 14,

    /// <summary>A quantity is zero, or a termination is not smaller than the live quantity.</summary>
    InvalidQuantity = 15,

    /// <summary>Allocation quantities do not sum exactly to the block.</summary>
    AllocationMismatch = 16,

    /// <summary>An allocation is empty or one of its legs is invalid.</summary>
    InvalidAllocation = 17,

    /// <summary>The instrument is not in the reference data.</summary>
    UnknownInstrument = 18,

    /// <summary>The counterparty is not in the reference data.</summary>
    UnknownCounterparty = 19,

    /// <summary>The counterparty is inactive.</summary>
    InactiveCounterparty = 20,

    /// <summary>The book is not in the reference data.</summary>
    UnknownBook = 21,

    /// <summary>The book is closed.</summary>
    InactiveBook = 22,

    /// <summary>The trader is not in the reference data.</summary>
    UnknownTrader = 23,

    /// <summary>The trader is inactive.</summary>
    InactiveTrader = 24,

    /// <summary>The dates are inconsistent (settlement before trade date, FX forward without value date).</summary>
    InvalidDates = 25,

    /// <summary>An amendment tried to change the instrument (cancel and rebook instead).</summary>
    InstrumentChange = 26,

    /// <summary>A novation names the current counterparty.</summary>
    SameCounterparty = 27,

    /// <summary>The counterparty has no standing settlement instruction for the currency and asset class.</summary>
    MissingSettlementInstruction = 28,

    /// <summary>A field of the command is missing or malformed (blank reason, undefined side).</summary>
    InvalidCommand = 29,

    // Codes 30+ are the engine's risk and compliance checks (not decided by TradeDecider), so that a
    // TradeRejected carries every reason with a stable code whichever stage found it.

    /// <summary>The instrument is on compliance's restricted list.</summary>
    RestrictedInstrument = 30,

    /// <summary>The trader's mandate does not cover the book.</summary>
    MandateBook = 31,

    /// <summary>The trader's mandate does not cover the asset class.</summary>
    MandateAssetClass = 32,

    /// <summary>The notional is above the trader's mandate maximum.</summary>
    MandateNotional = 33,

    /// <summary>The price is outside the fat-finger band around the reference mark.</summary>
    PriceOutsideBand = 34,

    /// <summary>The booking would take counterparty exposure above the hard credit limit.</summary>
    CreditLimitExceeded = 35,

    /// <summary>The booking mirrors another (same trader and instrument, opposite side, same price and quantity) within the wash-trade window.</summary>
    WashTrade = 36,

    // Codes 37+ refuse an admin's credit limit change (decided by Limits.CreditLimitDecider); an unknown
    // counterparty there is UnknownCounterparty and a blank reason InvalidCommand, as for trades.

    /// <summary>A credit limit change whose amounts are not hard ≥ soft &gt; 0.</summary>
    InvalidCreditLimit = 37,

    /// <summary>A credit limit change in another currency than the limit's (limits are not re-denominated).</summary>
    CreditLimitCurrencyMismatch = 38,
}
