using System.Text.Json;
using TradeFlow.Domain.Events;
using TradeFlow.Domain.ReferenceData;
using TradeFlow.Domain.Trades;
using TradeFlow.Domain.Values;
using TradeFlow.Projections.Accounting;
using TradeFlow.Projections.Runtime;
using TradeFlow.Projections.Runtime.StateJson;

namespace TradeFlow.Projections.Settlement;

/// <summary>
/// Settlement folded from the trade events: per-trade status (instructed, matched, failed with reason,
/// settled), obligations, SSI exceptions, netting sets, fails ageing and the ladder. Amendments and
/// partial terminations change the obligations; cancellation, allocation and novation close them (the
/// children and the successor carry their own). Rules and a worked example: docs/settlement.md.
/// </summary>
public sealed partial class SettlementProjection : Projection<SettlementDocument>
{
    private readonly ReferenceDataSet _referenceData;
    // Mutable per-trade state, private to the projection (see SettlementTradeState for why); readers get snapshots.
    private readonly Dictionary<TradeId, SettlementTradeState> _trades = [];
    private readonly SettlementAccountSets _accountSets = new();

    // The document's member name as the options' camelCase policy writes it; flushes keep the buffer small, as the serializer's do.
    private static readonly JsonEncodedText TradesName = JsonEncodedText.Encode("trades");
    private const int FlushThreshold = 16 * 1024;

    /// <summary>Creates the projection over the reference data (SSIs and calendars).</summary>
    public SettlementProjection(ReferenceDataSet referenceData)
    {
        ArgumentNullException.ThrowIfNull(referenceData);
        _referenceData = referenceData;
    }

    /// <inheritdoc />
    public override string Name => "settlement";

    /// <inheritdoc />
    public override int Version => 1;

    /// <summary>A trade's settlement view, or null.</summary>
    public SettlementTrade? FindTrade(TradeId id) => _trades.GetValueOrDefault(id)?.ToTrade();

    /// <inheritdoc />
    public override void Reset()
    {
        _trades.Clear();
        _accountSets.Clear();
    }

    /// <inheritdoc />
    public override void Apply(in ProjectionEvent e)
    {
        var at = e.Position.Value;
        switch (e.Event)
        {
            case TradeBooked booked when !_trades.ContainsKey(booked.TradeId):
                _trades[booked.TradeId] = SettlementTradeState.Booked(booked.TradeId, booked.Economics, booked.AssetClass,
                    booked.Notional, Accrual.Of(booked.Economics, booked.AssetClass, booked.Notional.Currency, _referenceData), at);
                break;
            case TradeAmended amended when Outstanding(amended.TradeId) is { } t:
                Reprice(t, amended.Current, amended.Notional, at);
                break;
            case TradePartiallyTerminated terminated when Outstanding(terminated.TradeId) is { } t:
                var notional = NotionalAt(t, terminated.RemainingQuantity);
                Reprice(t, t.Economics with { Quantity = terminated.RemainingQuantity }, notional, at);
                break;
            case TradeCancelled or TradeAllocated or TradeNovated when Outstanding(e.Event.TradeId) is { } t:
                t.Status = SettlementStatus.Closed;
                t.Position = at;
                break;
            case SettlementInstructed instructed when Outstanding(instructed.TradeId) is { } t:
                OnInstructed(t, instructed, at);
                break;
            case SettlementMatched matched when Outstanding(matched.TradeId) is { } t:
                t.Status = SettlementStatus.Matched;
                t.Position = at;
                break;
            case SettlementFailed failed when Outstanding(failed.TradeId) is { } t:
                OnFailed(t, failed, at);
                break;
            case SettlementSettled settled when Outstanding(settled.TradeId) is { } t:
                t.Status = SettlementStatus.Settled;
                t.SettledOn = settled.SettledOn;
                t.FailReason = null;
                t.Position = at;
                break;
            default:
                break;
        }
    }

    private SettlementTradeState? Outstanding(TradeId id) =>
        _trades.TryGetValue(id, out var t) && t.IsOutstanding ? t : null;

    private void OnInstructed(SettlementTradeState t, SettlementInstructed instructed, long at)
    {
        t.Status = SettlementStatus.Instructed;
        t.Attempt = instructed.Attempt;
        t.InstructedAccounts = _accountSets.Intern(instructed.Accounts);
        t.FailReason = null;
        t.FailedAt = null;
        t.Position = at;
    }

    private static void OnFailed(SettlementTradeState t, SettlementFailed failed, long at)
    {
        t.Status = SettlementStatus.Failed;
        t.FailReason = failed.Reason;
        t.FailedAt = failed.EffectiveTime;
        t.Attempt = failed.Attempt;
        t.Position = at;
    }

    private void Reprice(SettlementTradeState t, TradeEconomics economics, Money notional, long at)
    {
        t.Economics = economics;
        t.Notional = notional;
        t.AccruedInterest = Accrual.Of(economics, t.AssetClass, notional.Currency, _referenceData);
        t.Position = at;
    }

    private Money NotionalAt(SettlementTradeState t, Quantity quantity) =>
        _referenceData.TryGetInstrument(t.Economics.Instrument, out var instrument)
            ? instrument.GrossAmount(quantity, t.Economics.Price)
            : t.Notional * (quantity.Value / t.Economics.Quantity.Value);

    /// <inheritdoc />
    /// <remarks>
    /// Writes the document's one member, <c>{"trades":[…]}</c>, row by row straight from the fold's states with the
    /// serializer's row writer: the bytes of <see cref="Capture"/>'s document (a property test compares them) without
    /// a snapshot record per trade (200,000 of them, 29 MB, per hash at 1M events).
    /// </remarks>
    public override void WriteState(Stream output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var options = ProjectionStateJson.WriteOptions;
        using var writer = new Utf8JsonWriter(output, new JsonWriterOptions { Encoder = options.Encoder });
        writer.WriteStartObject();
        writer.WritePropertyName(TradesName);
        writer.WriteStartArray();
        foreach (var trade in _trades.Values.OrderBy(t => t.TradeId))
        {
            SettlementTradeStateConverter.WriteRow(writer, trade, options);
            if (writer.BytesPending > FlushThreshold)
            {
                writer.Flush();
            }
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
        writer.Flush();
    }

    /// <inheritdoc />
    protected override SettlementDocument Capture() =>
        new([.. _trades.Values.OrderBy(t => t.TradeId).Select(t => t.ToTrade())]);

    /// <inheritdoc />
    protected override void Restore(SettlementDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        foreach (var trade in document.Trades)
        {
            _trades[trade.TradeId] = SettlementTradeState.From(
                trade with { InstructedAccounts = _accountSets.Intern(trade.InstructedAccounts) });
        }
    }
}
