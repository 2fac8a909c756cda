using TradeFlow.Domain.Events;
using TradeFlow.Domain.Limits;
using TradeFlow.Domain.ReferenceData;
using TradeFlow.Domain.Values;
using TradeFlow.Projections.Accounting;
using TradeFlow.Projections.Exposure;
using TradeFlow.Projections.Runtime;

namespace TradeFlow.Projections.Tests.Support;

/// <summary>
/// Exposure's fold as it was before it updated its trades in place (replay8): one immutable record per trade, replaced by
/// a <c>with</c> copy on every event. The in-place fold must produce exactly this document, byte for byte.
/// </summary>
internal sealed class RecordExposureFold(ReferenceDataSet referenceData)
{
    private readonly Dictionary<TradeId, ExposureTrade> _trades = [];
    private readonly Dictionary<(BookId, InstrumentId), Inventory> _positions = [];
    private readonly Dictionary<CounterpartyId, CreditLimit> _limits = [];

    public ExposureTrade? Find(TradeId id) => _trades.GetValueOrDefault(id);

    public ExposureDocument Document() => new(
        [.. _trades.Values.OrderBy(t => t.TradeId)],
        [
            .. _positions.Values
                .OrderBy(i => i.Book.ToString(), StringComparer.Ordinal).ThenBy(i => i.Instrument)
                .Select(i => new InventoryRow(i.Book, i.Instrument, i.Currency, i.Method, [.. i.Movements], i.Cost, i.Realised)),
        ],
        _limits.Count == 0
            ? null
            : [.. _limits.OrderBy(kv => kv.Key.ToString(), StringComparer.Ordinal)
                .Select(kv => new LimitInForce(kv.Key, kv.Value.LimitId, kv.Value.Hard, kv.Value.Soft))]);

    public void Apply(ProjectionEvent e)
    {
        switch (e.Event)
        {
            case TradeBooked booked:
                OnBooked(booked);
                break;
            case TradeAmended amended when Live(amended.TradeId) is { } trade:
                Change(trade, trade with { Economics = amended.Current, Notional = amended.Notional, RecordedContribution = null });
                break;
            case TradePartiallyTerminated terminated when Live(terminated.TradeId) is { } trade:
                var economics = trade.Economics with { Quantity = terminated.RemainingQuantity };
                var notional = referenceData.TryGetInstrument(economics.Instrument, out var instrument)
                    ? instrument.GrossAmount(economics.Quantity, economics.Price)
                    : trade.Notional * (terminated.RemainingQuantity.Value / trade.Economics.Quantity.Value);
                Change(trade, trade with { Economics = economics, Notional = notional, RecordedContribution = null });
                break;
            case TradeCancelled or TradeAllocated when Live(e.Event.TradeId) is { } trade:
                Change(trade, null);
                break;
            case TradeNovated novated when Live(novated.TradeId) is { } trade:
                _trades[trade.TradeId] = trade with { Closed = true };
                break;
            case SettlementSettled settled when Live(settled.TradeId) is { } trade:
                _trades[trade.TradeId] = trade with { Settled = true };
                break;
            case TradeMatured matured when Live(matured.TradeId) is { } trade:
                _trades[trade.TradeId] = trade with { Matured = true };
                break;
            case CreditLimitChanged change:
                _limits[change.Counterparty] = CreditLimitDecider.Apply(change);
                break;
            default:
                break;
        }
    }

    private ExposureTrade? Live(TradeId id) => _trades.TryGetValue(id, out var trade) && !trade.Closed ? trade : null;

    private void OnBooked(TradeBooked booked)
    {
        if (_trades.ContainsKey(booked.TradeId))
        {
            return;
        }

        var trade = new ExposureTrade(booked.TradeId, booked.Economics, booked.AssetClass, booked.Notional,
            booked.Enrichment?.ExposureContribution);
        _trades[trade.TradeId] = trade;
        if (booked.NovatedFromTradeId is { } from && _trades.TryGetValue(from, out var predecessor)
            && PositionOf(predecessor).Movements.Any(m => m.TradeId == from))
        {
            PositionOf(predecessor).Replace(from, MovementOf(trade));
            return;
        }

        PositionOf(trade).Append(MovementOf(trade));
    }

    private void Change(ExposureTrade old, ExposureTrade? updated)
    {
        var from = PositionOf(old);
        if (updated is not null && updated.Economics.Book == old.Economics.Book)
        {
            from.Replace(old.TradeId, MovementOf(updated));
        }
        else
        {
            from.Replace(old.TradeId, null);
            if (updated is not null)
            {
                PositionOf(updated).Append(MovementOf(updated));
            }
        }

        _trades[old.TradeId] = updated ?? old with { Closed = true };
    }

    private Inventory PositionOf(ExposureTrade trade)
    {
        var key = (trade.Economics.Book, trade.Economics.Instrument);
        if (!_positions.TryGetValue(key, out var position))
        {
            position = new Inventory(key.Book, key.Instrument, trade.Notional.Currency, CostMethod.WeightedAverage);
            _positions[key] = position;
        }

        return position;
    }

    private static Movement MovementOf(ExposureTrade trade) =>
        new(trade.TradeId, trade.Economics.Side, trade.Economics.Quantity.Value, trade.Notional.Round().Amount);
}
