using System.Collections.Immutable;
using TradeFlow.Domain.ReferenceData;
using TradeFlow.Domain.Trades;
using TradeFlow.Domain.Values;

namespace TradeFlow.Domain.Events;

// The trade aggregate's events, one file as STYLE.md allows for an aggregate's events. They are
// facts: immutable, never rewritten; a new shape is a new schema version with an upcaster
// (see Serialization/DomainEventRegistry.cs). Array-valued members are never default.

/// <summary>A trade was booked (directly, as an allocation child, or as the new leg of a novation).</summary>
/// <param name="TradeId">The new trade.</param>
/// <param name="EffectiveTime">Execution time.</param>
/// <param name="Economics">The economics as booked.</param>
/// <param name="AssetClass">The instrument's asset class at booking (drives confirmation and maturity rules).</param>
/// <param name="Notional">Gross consideration in the instrument currency (see <see cref="Instrument.GrossAmount"/>).</param>
/// <param name="ParentTradeId">The block, for an allocation child.</param>
/// <param name="NovatedFromTradeId">The novated trade, for the new leg of a novation.</param>
/// <param name="Enrichment">Risk and compliance enrichment, filled by the engine.</param>
public sealed record TradeBooked(
    TradeId TradeId,
    DateTimeOffset EffectiveTime,
    TradeEconomics Economics,
    AssetClass AssetClass,
    Money Notional,
    TradeId? ParentTradeId = null,
    TradeId? NovatedFromTradeId = null,
    TradeEnrichment? Enrichment = null) : ITradeEvent;

/// <summary>A trade's economics were amended; both versions are kept so an auditor sees what changed.</summary>
/// <param name="TradeId">The trade.</param>
/// <param name="EffectiveTime">When the amendment is effective.</param>
/// <param name="Previous">The economics before.</param>
/// <param name="Current">The economics after.</param>
/// <param name="Notional">The new gross consideration in the instrument currency.</param>
public sealed record TradeAmended(
    TradeId TradeId,
    DateTimeOffset EffectiveTime,
    TradeEconomics Previous,
    TradeEconomics Current,
    Money Notional) : ITradeEvent;

/// <summary>A trade was cancelled (schema v2: with the reason; v1 events are upcast).</summary>
/// <param name="TradeId">The trade.</param>
/// <param name="EffectiveTime">When the cancellation is effective.</param>
/// <param name="Reason">Why.</param>
public sealed record TradeCancelled(TradeId TradeId, DateTimeOffset EffectiveTime, string Reason) : ITradeEvent
{
    /// <summary>The reason given to v1 events, which did not record one.</summary>
    public const string ReasonNotRecorded = "not recorded (v1 event)";
}

/// <summary>A block trade was allocated into child trades, each booked in its own stream.</summary>
/// <param name="TradeId">The block.</param>
/// <param name="EffectiveTime">When the allocation is effective.</param>
/// <param name="Children">The children; their quantities sum to the block's.</param>
public sealed record TradeAllocated(TradeId TradeId, DateTimeOffset EffectiveTime, ImmutableArray<AllocatedChild> Children)
    : ITradeEvent
{
    /// <summary>The children; never default.</summary>
    public ImmutableArray<AllocatedChild> Children { get; init; } = Children.IsDefault ? [] : Children;
}

/// <summary>The counterparty confirmed the trade.</summary>
/// <param name="TradeId">The trade.</param>
/// <param name="EffectiveTime">When confirmed.</param>
/// <param name="ConfirmationReference">The confirmation's reference.</param>
public sealed record TradeConfirmed(TradeId TradeId, DateTimeOffset EffectiveTime, string ConfirmationReference)
    : ITradeEvent;

/// <summary>The trade was novated: it is closed, and <paramref name="NewTradeId"/> carries it on with the new counterparty.</summary>
/// <param name="TradeId">The novated (old) trade.</param>
/// <param name="EffectiveTime">When the novation is effective.</param>
/// <param name="PreviousCounterparty">The transferor.</param>
/// <param name="NewCounterparty">The transferee.</param>
/// <param name="NewTradeId">The trade booked with the transferee.</param>
public sealed record TradeNovated(
    TradeId TradeId,
    DateTimeOffset EffectiveTime,
    CounterpartyId PreviousCounterparty,
    CounterpartyId NewCounterparty,
    TradeId NewTradeId) : ITradeEvent;

/// <summary>Part of the trade was terminated; the remainder stays live.</summary>
/// <param name="TradeId">The trade.</param>
/// <param name="EffectiveTime">When the termination is effective.</param>
/// <param name="TerminatedQuantity">The quantity terminated.</param>
/// <param name="RemainingQuantity">The live quantity afterwards.</param>
public sealed record TradePartiallyTerminated(
    TradeId TradeId,
    DateTimeOffset EffectiveTime,
    Quantity TerminatedQuantity,
    Quantity RemainingQuantity) : ITradeEvent;

/// <summary>Settlement was instructed (attempt 1) or re-instructed after a fail (attempt 2, 3, ...).</summary>
/// <param name="TradeId">The trade.</param>
/// <param name="EffectiveTime">When instructed.</param>
/// <param name="Attempt">1 for the first instruction, +1 for each re-instruction.</param>
/// <param name="Accounts">The counterparty accounts instructed to, one per settling currency.</param>
public sealed record SettlementInstructed(
    TradeId TradeId,
    DateTimeOffset EffectiveTime,
    int Attempt,
    ImmutableArray<SettlementAccount> Accounts) : ITradeEvent
{
    /// <summary>The accounts; never default.</summary>
    public ImmutableArray<SettlementAccount> Accounts { get; init; } = Accounts.IsDefault ? [] : Accounts;
}

/// <summary>The counterparty's settlement instruction matched ours.</summary>
/// <param name="TradeId">The trade.</param>
/// <param name="EffectiveTime">When matched.</param>
/// <param name="MatchReference">The matching reference.</param>
public sealed record SettlementMatched(TradeId TradeId, DateTimeOffset EffectiveTime, string MatchReference) : ITradeEvent;

/// <summary>The trade settled.</summary>
/// <param name="TradeId">The trade.</param>
/// <param name="EffectiveTime">When settled.</param>
/// <param name="SettledOn">The actual settlement date (later than the contractual one after a fail).</param>
public sealed record SettlementSettled(TradeId TradeId, DateTimeOffset EffectiveTime, BusinessDate SettledOn) : ITradeEvent;

/// <summary>Settlement failed.</summary>
/// <param name="TradeId">The trade.</param>
/// <param name="EffectiveTime">When the fail was reported.</param>
/// <param name="Reason">Why.</param>
/// <param name="Attempt">The settlement attempt that failed.</param>
public sealed record SettlementFailed(TradeId TradeId, DateTimeOffset EffectiveTime, string Reason, int Attempt) : ITradeEvent;

/// <summary>A settled trade reached its instrument's maturity and is closed.</summary>
/// <param name="TradeId">The trade.</param>
/// <param name="EffectiveTime">When matured.</param>
public sealed record TradeMatured(TradeId TradeId, DateTimeOffset EffectiveTime) : ITradeEvent;

/// <summary>A command was refused. Journaled for audit; it does not change the trade.</summary>
/// <param name="TradeId">The trade addressed (for a refused booking, the id it would have had).</param>
/// <param name="EffectiveTime">The command's effective time.</param>
/// <param name="CommandKind">What was asked.</param>
/// <param name="SourceKey">The command's source key.</param>
/// <param name="Reasons">Every reason it was refused.</param>
public sealed record TradeRejected(
    TradeId TradeId,
    DateTimeOffset EffectiveTime,
    TradeCommandKind CommandKind,
    string SourceKey,
    ImmutableArray<RejectionReason> Reasons) : ITradeEvent
{
    /// <summary>The reasons; never default.</summary>
    public ImmutableArray<RejectionReason> Reasons { get; init; } = Reasons.IsDefault ? [] : Reasons;
}
