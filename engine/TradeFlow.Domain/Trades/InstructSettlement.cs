using TradeFlow.Domain.Values;

namespace TradeFlow.Domain.Trades;

/// <summary>Sends settlement instructions (using the counterparty's SSIs); also re-instructs a failed settlement.</summary>
/// <param name="TradeId">The trade the command is for.</param>
/// <param name="SourceKey">The source's idempotency key.</param>
/// <param name="EffectiveTime">Business-effective time of the change.</param>
public sealed record InstructSettlement(TradeId TradeId, string SourceKey, DateTimeOffset EffectiveTime)
    : ExistingTradeCommand(TradeId, SourceKey, EffectiveTime)
{
    /// <inheritdoc/>
    public override TradeCommandKind Kind => TradeCommandKind.InstructSettlement;
}
