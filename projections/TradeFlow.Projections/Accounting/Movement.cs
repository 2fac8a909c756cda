using TradeFlow.Domain.Values;

namespace TradeFlow.Projections.Accounting;

/// <summary>One live trade's effect on a position: what the cost method folds, in booking order.</summary>
/// <param name="TradeId">The trade (the successor's id after a novation).</param>
/// <param name="Side">Buy or sell.</param>
/// <param name="Quantity">The live quantity.</param>
/// <param name="Consideration">The clean consideration, rounded to minor units.</param>
public sealed record Movement(TradeId TradeId, Side Side, decimal Quantity, decimal Consideration);
