using TradeFlow.Domain.Events;
using TradeFlow.Domain.ReferenceData;
using TradeFlow.Domain.Values;
using TradeFlow.Projections.Accounting;
using TradeFlow.Projections.Runtime;

namespace TradeFlow.Projections.Tests.Support;

/// <summary>
/// Accounting's per-trade records as the fold kept them before it updated them in place (mem9): one immutable
/// <see cref="AccountingTrade"/> per trade, replaced by a <c>with</c> copy when the trade is settled or closed and by a
/// new record (built the pre-replay8 way, <see cref="RecordTradeLines"/>) when it is amended or partially terminated.
/// Only the trades: the ledger, inventories and journal do not depend on how the records are held.
/// </summary>
internal sealed class RecordAccountingTrades(ReferenceDataSet referenceData)
{
    private readonly Dictionary<TradeId, AccountingTrade> _trades = [];

    public AccountingTrade? Find(TradeId id) => _trades.GetValueOrDefault(id);

    public IEnumerable<AccountingTrade> Trades => _trades.Values.OrderBy(t => t.TradeId);

    public void Apply(ProjectionEvent e)
    {
        switch (e.Event)
        {
            case TradeBooked booked when !_trades.ContainsKey(booked.TradeId):
                if (booked.NovatedFromTradeId is { } from && Open(from) is { } predecessor)
                {
                    _trades[from] = predecessor with { Closed = true, OpenLines = [] };
                }

                _trades[booked.TradeId] = Create(booked.TradeId, booked.Economics, booked.AssetClass, booked.Notional);
                break;
            case TradeAmended amended when Open(amended.TradeId) is { } trade:
                _trades[trade.TradeId] = Create(trade.TradeId, amended.Current, trade.AssetClass, amended.Notional);
                break;
            case TradePartiallyTerminated terminated when Open(terminated.TradeId) is { } trade:
                var remaining = trade.Economics with { Quantity = terminated.RemainingQuantity };
                var notional = referenceData.TryGetInstrument(trade.Economics.Instrument, out var instrument)
                    ? instrument.GrossAmount(terminated.RemainingQuantity, trade.Economics.Price)
                    : trade.Notional * (terminated.RemainingQuantity.Value / trade.Economics.Quantity.Value);
                _trades[trade.TradeId] = Create(trade.TradeId, remaining, trade.AssetClass, notional);
                break;
            case TradeCancelled cancelled when Open(cancelled.TradeId) is { } trade:
                _trades[trade.TradeId] = trade with { Closed = true, OpenLines = [] };
                break;
            case TradeAllocated allocated when Open(allocated.TradeId) is { } trade:
                _trades[trade.TradeId] = trade with { Closed = true, OpenLines = [] };
                break;
            case SettlementSettled settled when Open(settled.TradeId) is { } trade:
                _trades[trade.TradeId] = trade with { Settled = true };
                break;
            default:
                break;
        }
    }

    private AccountingTrade? Open(TradeId id) =>
        _trades.TryGetValue(id, out var trade) && !trade.Closed && !trade.Settled ? trade : null;

    private AccountingTrade Create(TradeId id, Domain.Trades.TradeEconomics economics, Domain.ReferenceData.AssetClass assetClass, Money notional) =>
        RecordTradeLines.Create(id, economics, assetClass, notional, referenceData);
}
