using System.Collections.Immutable;
using TradeFlow.Domain.ReferenceData;
using TradeFlow.Domain.Trades;
using TradeFlow.Domain.Values;

namespace TradeFlow.Projections.Accounting;

/// <summary>
/// Accounting's own, mutable copy of a trade, updated in place by the fold: settling a trade only sets a flag, and
/// closing it (cancellation, allocation, novation) sets a flag and empties its open lines; a <c>with</c> copy of the
/// public <see cref="AccountingTrade"/> record per such event (88 bytes, garbage at once) was the last copy the folds
/// made on a settlement. The state never leaves the projection: readers get an immutable <see cref="AccountingTrade"/>
/// snapshot from <see cref="ToTrade"/>, so nothing they hold changes under them. Same fields as the record: a live
/// trade costs the same memory.
/// </summary>
internal sealed class AccountingTradeState
{
    public AccountingTradeState(TradeId tradeId, TradeEconomics economics, AssetClass assetClass, Money notional,
        decimal accruedInterest, ImmutableArray<PostingLine> openLines)
    {
        TradeId = tradeId;
        Economics = economics;
        AssetClass = assetClass;
        Notional = notional;
        AccruedInterest = accruedInterest;
        OpenLines = openLines;
    }

    public TradeId TradeId { get; }

    public TradeEconomics Economics { get; }

    public AssetClass AssetClass { get; }

    public Money Notional { get; }

    public decimal AccruedInterest { get; }

    /// <summary>The receivable/payable lines still open (emptied when the trade is closed; kept, as the record did, once settled).</summary>
    public ImmutableArray<PostingLine> OpenLines { get; private set; }

    public bool Settled { get; private set; }

    public bool Closed { get; private set; }

    /// <summary>As <see cref="AccountingTrade.Consideration"/>.</summary>
    public decimal Consideration => Notional.Round().Amount;

    /// <summary>As <see cref="AccountingTrade.IsFx"/>.</summary>
    public bool IsFx => AssetClass is AssetClass.FxSpot or AssetClass.FxForward;

    /// <summary>A state holding the record's values (a restored trade).</summary>
    public static AccountingTradeState From(AccountingTrade trade) =>
        new(trade.TradeId, trade.Economics, trade.AssetClass, trade.Notional, trade.AccruedInterest, trade.OpenLines)
        {
            Settled = trade.Settled, Closed = trade.Closed,
        };

    /// <summary>Marks the trade settled (its open lines stay, as the saved state has always shown them).</summary>
    public void Settle() => Settled = true;

    /// <summary>Marks the trade closed (cancelled, allocated or novated away): nothing of it is open any more.</summary>
    public void Close()
    {
        Closed = true;
        OpenLines = [];
    }

    /// <summary>An immutable snapshot of the state, for queries and the captured document.</summary>
    public AccountingTrade ToTrade() => new(TradeId, Economics, AssetClass, Notional, AccruedInterest, OpenLines, Settled, Closed);
}
