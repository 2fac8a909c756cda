using System.Text.Json;
using TradeFlow.Domain.Events;
using TradeFlow.Domain.ReferenceData;
using TradeFlow.Domain.Trades;
using TradeFlow.Domain.Values;
using TradeFlow.Projections.Accounting;
using TradeFlow.Projections.Runtime;
using TradeFlow.Projections.Runtime.StateJson;

namespace TradeFlow.Projections.Exposure;

/// <summary>
/// Risk views folded from the trade events: positions by book × instrument (weighted average cost,
/// valued at the reference marks), counterparty exposure against credit limits (<see cref="ExposureRule"/>),
/// and currency exposure by book.
/// </summary>
public sealed partial class ExposureProjection : Projection<ExposureDocument>
{
    private const int FlushThreshold = 16 * 1024;
    private static readonly JsonEncodedText TradesName = JsonEncodedText.Encode("trades");
    private static readonly JsonEncodedText PositionsName = JsonEncodedText.Encode("positions");
    private static readonly JsonEncodedText LimitsName = JsonEncodedText.Encode("limits");
    private readonly ReferenceDataSet _referenceData;
    private readonly Dictionary<TradeId, ExposureTradeState> _trades = [];
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

    /// <summary>A trade's exposure view (a snapshot: later events do not change it), or null.</summary>
    public ExposureTrade? FindTrade(TradeId id) => _trades.GetValueOrDefault(id)?.ToTrade();

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
                Change(trade, amended.Current, amended.Notional);
                break;
            case TradePartiallyTerminated terminated when Live(terminated.TradeId) is { } trade:
                var economics = trade.Economics with { Quantity = terminated.RemainingQuantity };
                var notional = _referenceData.TryGetInstrument(economics.Instrument, out var instrument)
                    ? instrument.GrossAmount(economics.Quantity, economics.Price)
                    : trade.Notional * (terminated.RemainingQuantity.Value / trade.Economics.Quantity.Value);
                Change(trade, economics, notional);
                break;
            case TradeCancelled or TradeAllocated when Live(e.Event.TradeId) is { } trade:
                Close(trade);
                break;
            case TradeNovated novated when Live(novated.TradeId) is { } trade:
                // The position keeps its place: the successor's TradeBooked takes the movement over.
                trade.Closed = true;
                break;
            case SettlementSettled settled when Live(settled.TradeId) is { } trade:
                trade.Settled = true;
                break;
            case TradeMatured matured when Live(matured.TradeId) is { } trade:
                trade.Matured = true;
                break;
            case CreditLimitChanged change:
                OnLimitChanged(change);
                break;
            default:
                break;
        }
    }

    private ExposureTradeState? Live(TradeId id) => _trades.TryGetValue(id, out var trade) && !trade.Closed ? trade : null;

    private void OnBooked(TradeBooked booked)
    {
        if (_trades.ContainsKey(booked.TradeId))
        {
            return;
        }

        var trade = new ExposureTradeState(booked.TradeId, booked.Economics, booked.AssetClass, booked.Notional,
            booked.Enrichment?.ExposureContribution);
        _trades[trade.TradeId] = trade;
        if (booked.NovatedFromTradeId is { } from && _trades.TryGetValue(from, out var predecessor)
            && PositionOf(predecessor).Holds(from))
        {
            PositionOf(predecessor).Replace(from, MovementOf(trade));
            return;
        }

        PositionOf(trade).Append(MovementOf(trade));
    }

    /// <summary>New economics (an amendment or a partial termination): the trade is re-measured and its movement moved.</summary>
    private void Change(ExposureTradeState trade, TradeEconomics economics, Money notional)
    {
        var from = PositionOf(trade);
        var sameBook = economics.Book == trade.Economics.Book;
        trade.Economics = economics;
        trade.Notional = notional;
        trade.RecordedContribution = null;
        if (sameBook)
        {
            from.Replace(trade.TradeId, MovementOf(trade));
        }
        else
        {
            from.Remove(trade.TradeId);
            PositionOf(trade).Append(MovementOf(trade));
        }
    }

    /// <summary>Cancelled or allocated: the trade leaves its position and no longer counts.</summary>
    private void Close(ExposureTradeState trade)
    {
        PositionOf(trade).Remove(trade.TradeId);
        trade.Closed = true;
    }

    private Inventory PositionOf(ExposureTradeState trade)
    {
        var key = (trade.Economics.Book, trade.Economics.Instrument);
        if (!_positions.TryGetValue(key, out var position))
        {
            position = new Inventory(key.Book, key.Instrument, trade.Notional.Currency, CostMethod.WeightedAverage);
            _positions[key] = position;
        }

        return position;
    }

    private static InventoryMovement MovementOf(ExposureTradeState trade) =>
        new(trade.Economics.Quantity.Value, trade.Notional.Round().Amount, trade.TradeId, trade.Economics.Side);

    /// <inheritdoc />
    /// <remarks>
    /// The document <see cref="Capture"/> makes, written member by member: the trade rows straight from the fold's states
    /// (a snapshot record per trade per hash would be 96 bytes × every trade of garbage), the positions straight from the
    /// inventories, the limits through the serializer. A property test compares the bytes with the serializer's document.
    /// </remarks>
    public override void WriteState(Stream output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var options = ProjectionStateJson.WriteOptions;
        using var writer = new Utf8JsonWriter(output, new JsonWriterOptions { Encoder = options.Encoder });
        writer.WriteStartObject();
        writer.WriteStartArray(TradesName);
        foreach (var trade in _trades.Values.OrderBy(t => t.TradeId))
        {
            ExposureTradeStateConverter.WriteRow(writer, trade, options);
            FlushWhenFull(writer);
        }

        writer.WriteEndArray();
        writer.WriteStartArray(PositionsName);
        foreach (var position in SortedPositions())
        {
            InventoryStateWriter.WriteRow(writer, position, options, FlushThreshold);
            FlushWhenFull(writer);
        }

        writer.WriteEndArray();
        if (CaptureLimits() is { } limits)
        {
            writer.WritePropertyName(LimitsName);
            JsonSerializer.Serialize<IReadOnlyList<LimitInForce>>(writer, limits, options);
        }

        writer.WriteEndObject();
        writer.Flush();
    }

    private static void FlushWhenFull(Utf8JsonWriter writer)
    {
        if (writer.BytesPending > FlushThreshold)
        {
            writer.Flush();
        }
    }

    private IEnumerable<Inventory> SortedPositions() =>
        _positions.Values.OrderBy(i => i.Book.ToString(), StringComparer.Ordinal).ThenBy(i => i.Instrument);

    /// <inheritdoc />
    protected override ExposureDocument Capture() => new(
        [.. _trades.Values.OrderBy(t => t.TradeId).Select(t => t.ToTrade())],
        [.. SortedPositions().Select(i => new InventoryRow(i.Book, i.Instrument, i.Currency, i.Method, [.. i.Movements], i.Cost, i.Realised))],
        CaptureLimits());

    /// <inheritdoc />
    protected override void Restore(ExposureDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        RestoreLimits(document.Limits);
        foreach (var trade in document.Trades)
        {
            _trades[trade.TradeId] = ExposureTradeState.From(trade);
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
