using TradeFlow.Domain.Values;

namespace TradeFlow.Domain.Trades;

/// <summary>Replaces a booked trade's economics (not its instrument: cancel and rebook for that). Resets confirmation.</summary>
/// <param name="TradeId">The trade the command is for.</param>
/// <param name="SourceKey">The source's idempotency key.</param>
/// <param name="EffectiveTime">Business-effective time of the change.</param>
/// <param name="Terms">The new economics.</param>
public sealed record AmendTrade(TradeId TradeId, string SourceKey, DateTimeOffset EffectiveTime, TradeTerms Terms)
    : ExistingTradeCommand(TradeId, SourceKey, EffectiveTime)
{
    /// <inheritdoc/>
    public override TradeCommandKind Kind => TradeCommandKind.Amend;
}
