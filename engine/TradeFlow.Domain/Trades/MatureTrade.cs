using TradeFlow.Domain.Values;

namespace TradeFlow.Domain.Trades;

/// <summary>Closes a settled trade whose instrument has reached maturity (bond redeemed, FX forward delivered).</summary>
/// <param name="TradeId">The trade the command is for.</param>
/// <param name="SourceKey">The source's idempotency key.</param>
/// <param name="EffectiveTime">Business-effective time of the change.</param>
public sealed record MatureTrade(TradeId TradeId, string SourceKey, DateTimeOffset EffectiveTime)
    : ExistingTradeCommand(TradeId, SourceKey, EffectiveTime)
{
    /// <inheritdoc/>
    public override TradeCommandKind Kind => TradeCommandKind.Mature;
}
