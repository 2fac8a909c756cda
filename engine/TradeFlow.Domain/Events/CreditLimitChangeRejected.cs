using System.Collections.Immutable;
using TradeFlow.Domain.Trades;
using TradeFlow.Domain.Values;

namespace TradeFlow.Domain.Events;

/// <summary>
/// An admin's credit limit change was refused, with every reason; journaled on <c>rejections-limit-{LEI}</c> for
/// audit and so that a resent command gets the same answer after a restart. Like <see cref="CreditLimitChanged"/> it
/// addresses no trade (its <see cref="ITradeEvent.TradeId"/> is the default id, not serialized).
/// </summary>
/// <param name="Counterparty">The counterparty (LEI) named by the command.</param>
/// <param name="EffectiveTime">The command's effective time.</param>
/// <param name="SourceKey">The command's idempotency key.</param>
/// <param name="Reasons">Why, every reason with its code.</param>
public sealed record CreditLimitChangeRejected(
    CounterpartyId Counterparty,
    DateTimeOffset EffectiveTime,
    string SourceKey,
    ImmutableArray<RejectionReason> Reasons) : ITradeEvent
{
    /// <summary>The stream prefix of refused changes: <c>rejections-limit-{LEI}</c>.</summary>
    public const string StreamPrefix = "rejections-limit-";

    /// <summary>The reasons; never default.</summary>
    public ImmutableArray<RejectionReason> Reasons { get; init; } = Reasons.IsDefault ? [] : Reasons;

    /// <inheritdoc/>
    TradeId ITradeEvent.TradeId => default;

    /// <summary>The stream of a counterparty's refused limit changes.</summary>
    public static string StreamOf(CounterpartyId counterparty) => StreamPrefix + counterparty.ToString();
}
