using TradeFlow.Domain.Values;

namespace TradeFlow.Domain.Trades;

/// <summary>A command addressed to a trade that already exists.</summary>
/// <param name="TradeId">The trade the command is for.</param>
/// <param name="SourceKey">The source's idempotency key.</param>
/// <param name="EffectiveTime">Business-effective time of the change.</param>
public abstract record ExistingTradeCommand(TradeId TradeId, string SourceKey, DateTimeOffset EffectiveTime)
    : TradeCommand(SourceKey, EffectiveTime);
