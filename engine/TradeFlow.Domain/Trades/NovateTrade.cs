using TradeFlow.Domain.Values;

namespace TradeFlow.Domain.Trades;

/// <summary>Moves a booked trade to a new counterparty: the trade is closed as novated and a new trade is booked with the new counterparty.</summary>
/// <param name="TradeId">The trade the command is for.</param>
/// <param name="SourceKey">The source's idempotency key.</param>
/// <param name="EffectiveTime">Business-effective time of the change.</param>
/// <param name="NewCounterparty">The transferee.</param>
public sealed record NovateTrade(TradeId TradeId, string SourceKey, DateTimeOffset EffectiveTime, CounterpartyId NewCounterparty)
    : ExistingTradeCommand(TradeId, SourceKey, EffectiveTime)
{
    /// <inheritdoc/>
    public override TradeCommandKind Kind => TradeCommandKind.Novate;
}
