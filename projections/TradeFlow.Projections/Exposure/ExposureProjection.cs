using System.Text.Json;
using TradeFlow.Domain.Events;
using TradeFlow.Domain.ReferenceData;
using TradeFlow.Domain.Values;
using TradeFlow.Projections.Accounting;
using TradeFlow.Projections.Runtime;

namespace TradeFlow.Projections.Exposure;

/// <summary>
/// Risk views folded from the trade events: positions by book × instrument (weighted average cost,
/// valued at the reference marks), counterparty exposure against credit limits (<see cref="ExposureRule"/>),
/// and currency exposure by book.
/// </summary>
public sealed partial class ExposureProjection : Projection<ExposureDocument>
{
    private readonly ReferenceDataSet _referenceData;
    private readonly Dictionary<TradeId, ExposureTrade> _trades = [];
    private readonly Dictionary<(BookId, InstrumentId), Inventory> _positions = [];

    /// <summary>Creates the projection over the reference data it values with (limits, marks, FX rates).</summary>
    public ExposureProjection(ReferenceDataSet referenceData)
    {
        ArgumentNullException.ThrowIfNull(referenceData);
        _referenceData = referenceData;
    }

    /// <inheritdoc />
    public override string Name => "exposure";

    /// <inheritdoc />
    /// <remarks>
    /// Version 2: settlement risk follows the domain's <c>SettlementRisk</c> rule (an FX sale counts the quote
    /// amount purchased, not the base amount delivered) and an amended or partially terminated trade is
    /// re-measured instead of scaling the recorded contribution, so stored version-1 states are rebuilt.
    /// </remarks>
    public override int Version => 2;

    /// <summary>A trade's exposure view, or null.</summary>
    public ExposureTrade? FindTrade(TradeId id) => _trades.GetValueOrDefault(id);

    /// <inheritdoc />
    public override void Reset()
    {
        _trades.Clear();
        _positions.Clear();
        _limits.Clear();
    }

    /// <inheritdoc />
    public override void Apply(in ProjectionEvent e)
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
                var notional = _referenceData.TryGetInstrument(economics.Instrument, out var instrument)
                    ? instrument.GrossAmount(economics.Quantity, economics.Price)
                    : trade.Notional * (terminated.RemainingQuantity.Value / trade.Economics.Quantity.Value);
                Change(trade, trade with { Economics = economics, Notional = notional, RecordedContribution = null });
                break;
            case TradeCancelled or TradeAllocated when Live(e.Event.TradeId) is { } trade:
                Change(trade, null);
                break;
            case TradeNovated novated when Live(novated.TradeId) is { } trade:
                // The position keeps its place: the successor's TradeBooked takes the movement over.
                _trades[trade.TradeId] = trade with { Closed = true };
                break;
            case SettlementSettled settled when Live(settled.TradeId) is { } trade:
                _trades[trade.TradeId] = trade with { Settled = true };
                break;
            case TradeMatured matured when Live(matured.TradeId) is { } trade:
                _trades[trade.TradeId] = trade with { Matured = true };
                break;
            case CreditLimitChanged change:
                OnLimitChanged(change);
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

    /// <inheritdoc />
    protected override ExposureDocument Capture() => new(
        [.. _trades.Values.OrderBy(t => t.TradeId)],
        [
            .. _positions.Values
                .OrderBy(i => i.Book.ToString(), StringComparer.Ordinal).ThenBy(i => i.Instrument)
                .Select(i => new InventoryRow(i.Book, i.Instrument, i.Currency, i.Method, [.. i.Movements], i.Cost, i.Realised)),
        ],
        CaptureLimits());

    /// <inheritdoc />
    protected override void Restore(ExposureDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        RestoreLimits(document.Limits);
        foreach (var trade in document.Trades)
        {
            _trades[trade.TradeId] = trade;
        }

        foreach (var row in document.Positions)
        {
            var position = new Inventory(row.Book, row.Instrument, row.Currency, row.Method);
            foreach (var movement in row.Movements)
            {
                position.Append(movement);
            }

            if (position.Cost != row.Cost || position.Realised != row.Realised)
            {
                throw new JsonException($"Exposure state: position {row.Book}/{row.Instrument} refolds to a different cost.");
            }

            _positions[(row.Book, row.Instrument)] = position;
        }
    }
}
