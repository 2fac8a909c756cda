using TradeFlow.Domain.Values;

namespace TradeFlow.Domain.Trades;

/// <summary>Records that the trade settled.</summary>
/// <param name="TradeId">The trade the command is for.</param>
/// <param name="SourceKey">The source's idempotency key.</param>
/// <param name="EffectiveTime">Business-effective time of the change.</param>
/// <param name="SettledOn">The actual settlement date.</param>
public sealed record SettleTrade(TradeId TradeId, string SourceKey, DateTimeOffset EffectiveTime, BusinessDate SettledOn)
    : ExistingTradeCommand(TradeId, SourceKey, EffectiveTime)
{
    /// <inheritdoc/>
    public override TradeCommandKind Kind => TradeCommandKind.Settle;
}
