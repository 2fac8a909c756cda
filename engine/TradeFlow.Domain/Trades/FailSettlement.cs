using TradeFlow.Domain.Values;

namespace TradeFlow.Domain.Trades;

/// <summary>Records that settlement failed.</summary>
/// <param name="TradeId">The trade the command is for.</param>
/// <param name="SourceKey">The source's idempotency key.</param>
/// <param name="EffectiveTime">Business-effective time of the change.</param>
/// <param name="Reason">Why (e.g. "insufficient securities", "instruction rejected by agent").</param>
public sealed record FailSettlement(TradeId TradeId, string SourceKey, DateTimeOffset EffectiveTime, string Reason)
    : ExistingTradeCommand(TradeId, SourceKey, EffectiveTime)
{
    /// <inheritdoc/>
    public override TradeCommandKind Kind => TradeCommandKind.FailSettlement;
}
