namespace TradeFlow.Projections.Accounting;

/// <summary>How the cost of a position is relieved when it is reduced (realised P&amp;L).</summary>
public enum CostMethod
{
    /// <summary>Weighted average cost: every unit carries the position's average cost.</summary>
    WeightedAverage = 1,

    /// <summary>First in, first out: the oldest lot is relieved first.</summary>
    Fifo = 2,
}
