using System.Collections.Immutable;
using TradeFlow.Domain.Events;
using TradeFlow.Domain.ReferenceData;
using TradeFlow.Domain.Trades;
using TradeFlow.Domain.Values;

namespace TradeFlow.Projections.Settlement;

/// <summary>
/// Settlement's own, mutable copy of a trade, updated in place by the fold. Four of a trade's five events only move
/// its status, and a <c>with</c> copy of the public <see cref="SettlementTrade"/> record per event was garbage the GC
/// spent its pauses on (replay and the live server alike). The state never leaves the projection: readers get an
/// immutable <see cref="SettlementTrade"/> snapshot from <see cref="ToTrade"/>, so nothing they hold changes under them.
/// </summary>
internal sealed class SettlementTradeState : ISettlementRow
{
    private SettlementTradeState(TradeId tradeId, TradeEconomics economics, AssetClass assetClass, Money notional)
    {
        TradeId = tradeId;
        Economics = economics;
        AssetClass = assetClass;
        Notional = notional;
        InstructedAccounts = [];
    }

    private SettlementTradeState(SettlementTrade trade)
    {
        TradeId = trade.TradeId;
        Economics = trade.Economics;
        AssetClass = trade.AssetClass;
        Notional = trade.Notional;
        AccruedInterest = trade.AccruedInterest;
        Status = trade.Status;
        Attempt = trade.Attempt;
        InstructedAccounts = trade.InstructedAccounts;
        FailReason = trade.FailReason;
        FailedAt = trade.FailedAt;
        SettledOn = trade.SettledOn;
        Position = trade.Position;
    }

    public TradeId TradeId { get; }

    public TradeEconomics Economics { get; set; }

    public AssetClass AssetClass { get; }

    public Money Notional { get; set; }

    public decimal AccruedInterest { get; set; }

    public SettlementStatus Status { get; set; }

    public int Attempt { get; set; }

    public ImmutableArray<SettlementAccount> InstructedAccounts { get; set; }

    public string? FailReason { get; set; }

    public DateTimeOffset? FailedAt { get; set; }

    public BusinessDate? SettledOn { get; set; }

    public long Position { get; set; }

    /// <summary>True while obligations are outstanding (as <see cref="SettlementTrade.IsOutstanding"/>).</summary>
    public bool IsOutstanding => Status is not (SettlementStatus.Settled or SettlementStatus.Closed);

    /// <summary>A trade just booked: pending, never instructed, as of <paramref name="position"/>.</summary>
    public static SettlementTradeState Booked(TradeId tradeId, TradeEconomics economics, AssetClass assetClass, Money notional,
        decimal accruedInterest, long position) =>
        new(tradeId, economics, assetClass, notional)
        {
            AccruedInterest = accruedInterest, Status = SettlementStatus.Pending, Position = position,
        };

    /// <summary>A state holding the trade's values.</summary>
    public static SettlementTradeState From(SettlementTrade trade) => new(trade);

    /// <summary>An immutable snapshot of the state, for queries and the saved document.</summary>
    public SettlementTrade ToTrade() => new(TradeId, Economics, AssetClass, Notional, AccruedInterest, Status, Attempt,
        InstructedAccounts, FailReason, FailedAt, SettledOn, Position);
}
