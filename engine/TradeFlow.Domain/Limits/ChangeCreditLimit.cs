using TradeFlow.Domain.Trades;
using TradeFlow.Domain.Values;

namespace TradeFlow.Domain.Limits;

/// <summary>
/// An admin's change of a counterparty's credit limit. It goes through the engine like every command (source-key
/// idempotency, journaled, answered after the commit) so the limit every later capture is checked against is a fact
/// in the store, not a file edit. The limit keeps its id and currency; only the amounts change.
/// </summary>
/// <param name="Counterparty">The counterparty (LEI) whose limit changes.</param>
/// <param name="Hard">The new hard limit, in the limit's currency.</param>
/// <param name="Soft">The new soft limit, in the limit's currency.</param>
/// <param name="Reason">Why (kept for audit; required).</param>
/// <param name="SourceKey">The source's idempotency key.</param>
/// <param name="EffectiveTime">When the new limit applies in business terms.</param>
public sealed record ChangeCreditLimit(
    CounterpartyId Counterparty,
    Money Hard,
    Money Soft,
    string Reason,
    string SourceKey,
    DateTimeOffset EffectiveTime) : TradeCommand(SourceKey, EffectiveTime)
{
    /// <inheritdoc/>
    public override TradeCommandKind Kind => TradeCommandKind.ChangeCreditLimit;
}
