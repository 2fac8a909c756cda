using TradeFlow.Domain.Values;

namespace TradeFlow.Domain.Trades;

/// <summary>Records that the counterparty confirmed the trade.</summary>
/// <param name="TradeId">The trade the command is for.</param>
/// <param name="SourceKey">The source's idempotency key.</param>
/// <param name="EffectiveTime">Business-effective time of the change.</param>
/// <param name="ConfirmationReference">The confirmation's reference (e.g. the matched MT300).</param>
public sealed record ConfirmTrade(TradeId TradeId, string SourceKey, DateTimeOffset EffectiveTime, string ConfirmationReference)
    : ExistingTradeCommand(TradeId, SourceKey, EffectiveTime)
{
    /// <inheritdoc/>
    public override TradeCommandKind Kind => TradeCommandKind.Confirm;
}
