using TradeFlow.Domain.Values;

namespace TradeFlow.Domain.Trades;

/// <summary>Records that the counterparty's settlement instruction matched ours.</summary>
/// <param name="TradeId">The trade the command is for.</param>
/// <param name="SourceKey">The source's idempotency key.</param>
/// <param name="EffectiveTime">Business-effective time of the change.</param>
/// <param name="MatchReference">The CSD or agent's matching reference.</param>
public sealed record MatchSettlement(TradeId TradeId, string SourceKey, DateTimeOffset EffectiveTime, string MatchReference)
    : ExistingTradeCommand(TradeId, SourceKey, EffectiveTime)
{
    /// <inheritdoc/>
    public override TradeCommandKind Kind => TradeCommandKind.MatchSettlement;
}
