using TradeFlow.Domain.Values;

namespace TradeFlow.Domain.Trades;

/// <summary>Cancels a trade that has not settled and is not matched.</summary>
/// <param name="TradeId">The trade the command is for.</param>
/// <param name="SourceKey">The source's idempotency key.</param>
/// <param name="EffectiveTime">Business-effective time of the change.</param>
/// <param name="Reason">Why it is cancelled (kept for audit).</param>
public sealed record CancelTrade(TradeId TradeId, string SourceKey, DateTimeOffset EffectiveTime, string Reason)
    : ExistingTradeCommand(TradeId, SourceKey, EffectiveTime)
{
    /// <inheritdoc/>
    public override TradeCommandKind Kind => TradeCommandKind.Cancel;
}
