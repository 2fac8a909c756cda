using System.Collections.Immutable;
using TradeFlow.Domain.Values;

namespace TradeFlow.Domain.Trades;

/// <summary>
/// Splits a booked block trade into child trades (same instrument, side, price, trader and dates)
/// whose quantities sum exactly to the block. The block closes as allocated.
/// </summary>
/// <param name="TradeId">The block trade.</param>
/// <param name="SourceKey">The source's idempotency key.</param>
/// <param name="EffectiveTime">Business-effective time of the allocation.</param>
/// <param name="Legs">The children, in order; they get consecutive new trade ids.</param>
public sealed record AllocateTrade(TradeId TradeId, string SourceKey, DateTimeOffset EffectiveTime,
    ImmutableArray<AllocationLeg> Legs)
    : ExistingTradeCommand(TradeId, SourceKey, EffectiveTime)
{
    /// <inheritdoc/>
    public override TradeCommandKind Kind => TradeCommandKind.Allocate;
}
