using TradeFlow.Domain.Values;

namespace TradeFlow.Domain.Trades;

/// <summary>Terminates part of a booked trade's quantity; the rest stays live.</summary>
/// <param name="TradeId">The trade the command is for.</param>
/// <param name="SourceKey">The source's idempotency key.</param>
/// <param name="EffectiveTime">Business-effective time of the change.</param>
/// <param name="QuantityToTerminate">How much to terminate: more than zero, less than the live quantity.</param>
public sealed record PartiallyTerminateTrade(TradeId TradeId, string SourceKey, DateTimeOffset EffectiveTime, Quantity QuantityToTerminate)
    : ExistingTradeCommand(TradeId, SourceKey, EffectiveTime)
{
    /// <inheritdoc/>
    public override TradeCommandKind Kind => TradeCommandKind.PartiallyTerminate;
}
