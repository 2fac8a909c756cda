using TradeFlow.Domain.ReferenceData;
using TradeFlow.Domain.Trades;
using TradeFlow.Domain.Values;

namespace TradeFlow.Projections.Exposure;

/// <summary>
/// Exposure's own, mutable copy of a trade, updated in place by the fold: settling, maturing or novating a trade only
/// sets a flag, and a <c>with</c> copy of the public <see cref="ExposureTrade"/> record per such event (96 bytes, garbage
/// at once) was what the fold still allocated on settlements. The state never leaves the projection: readers get an
/// immutable <see cref="ExposureTrade"/> snapshot from <see cref="ToTrade"/>, so nothing they hold changes under them.
/// </summary>
internal sealed class ExposureTradeState : IExposureRow
{
    public ExposureTradeState(TradeId tradeId, TradeEconomics economics, AssetClass assetClass, Money notional, Money? recordedContribution)
    {
        TradeId = tradeId;
        Economics = economics;
        AssetClass = assetClass;
        Notional = notional;
        RecordedContribution = recordedContribution;
    }

    public TradeId TradeId { get; }

    public TradeEconomics Economics { get; set; }

    public AssetClass AssetClass { get; }

    public Money Notional { get; set; }

    public Money? RecordedContribution { get; set; }

    public bool Settled { get; set; }

    public bool Matured { get; set; }

    public bool Closed { get; set; }

    /// <summary>True for an FX spot or forward (as <see cref="ExposureTrade.IsFx"/>).</summary>
    public bool IsFx => AssetClass is AssetClass.FxSpot or AssetClass.FxForward;

    /// <summary>A state holding the record's values.</summary>
    public static ExposureTradeState From(ExposureTrade trade) =>
        new(trade.TradeId, trade.Economics, trade.AssetClass, trade.Notional, trade.RecordedContribution)
        {
            Settled = trade.Settled, Matured = trade.Matured, Closed = trade.Closed,
        };

    /// <summary>An immutable snapshot of the state, for queries and the saved document.</summary>
    public ExposureTrade ToTrade() => new(TradeId, Economics, AssetClass, Notional, RecordedContribution, Settled, Matured, Closed);
}
