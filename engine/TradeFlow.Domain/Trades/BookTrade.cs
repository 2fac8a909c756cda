namespace TradeFlow.Domain.Trades;

/// <summary>
/// Books a new trade. The engine assigns the id (<see cref="DecisionContext.NextTradeId"/>);
/// allocation children are booked by <see cref="AllocateTrade"/>, which keeps a block and its
/// children consistent in one decision.
/// </summary>
/// <param name="SourceKey">The source's idempotency key.</param>
/// <param name="EffectiveTime">Execution time.</param>
/// <param name="Terms">The requested economics.</param>
public sealed record BookTrade(string SourceKey, DateTimeOffset EffectiveTime, TradeTerms Terms)
    : TradeCommand(SourceKey, EffectiveTime)
{
    /// <inheritdoc/>
    public override TradeCommandKind Kind => TradeCommandKind.Book;
}
