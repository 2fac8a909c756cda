namespace TradeFlow.Domain.Trades;

/// <summary>
/// A request to change a trade. <see cref="SourceKey"/> identifies the request at its source (FIX
/// session + TradeReportID, HTTP idempotency key): the engine owns idempotency, the domain only
/// carries the key onto rejections. <see cref="EffectiveTime"/> is when the change is true in
/// business terms; the decider never reads a clock.
/// </summary>
/// <param name="SourceKey">The source's idempotency key.</param>
/// <param name="EffectiveTime">Business-effective time of the change.</param>
public abstract record TradeCommand(string SourceKey, DateTimeOffset EffectiveTime)
{
    /// <summary>The kind of command.</summary>
    public abstract TradeCommandKind Kind { get; }
}
