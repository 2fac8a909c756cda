using TradeFlow.Domain.Values;

namespace TradeFlow.Domain.Events;

/// <summary>
/// A counterparty's credit limit was changed by an admin, on the stream <c>limit-{LEI}</c>. Both the previous and
/// the new amounts are kept so an auditor sees what changed. It travels through the same pipeline, journal and
/// projection plumbing as the trade events, hence <see cref="ITradeEvent"/>; it addresses no trade, so its
/// <see cref="ITradeEvent.TradeId"/> is the default id (implemented explicitly, so it is not serialized) and every
/// trade fold ignores it.
/// </summary>
/// <param name="Counterparty">The counterparty (LEI).</param>
/// <param name="EffectiveTime">When the new limit applies in business terms.</param>
/// <param name="LimitId">The credit limit's id (unchanged: exposure stays aggregated under it).</param>
/// <param name="PreviousHard">The hard limit before.</param>
/// <param name="PreviousSoft">The soft limit before.</param>
/// <param name="Hard">The hard limit after.</param>
/// <param name="Soft">The soft limit after.</param>
/// <param name="Reason">Why (as the admin gave it).</param>
public sealed record CreditLimitChanged(
    CounterpartyId Counterparty,
    DateTimeOffset EffectiveTime,
    string LimitId,
    Money PreviousHard,
    Money PreviousSoft,
    Money Hard,
    Money Soft,
    string Reason) : ITradeEvent
{
    /// <summary>The stream prefix: a counterparty's limit changes are on <c>limit-{LEI}</c>.</summary>
    public const string StreamPrefix = "limit-";

    /// <inheritdoc/>
    TradeId ITradeEvent.TradeId => default;

    /// <summary>The stream of a counterparty's limit changes, <c>limit-{LEI}</c>.</summary>
    public static string StreamOf(CounterpartyId counterparty) => StreamPrefix + counterparty.ToString();
}
