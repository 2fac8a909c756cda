using TradeFlow.Domain.Events;
using TradeFlow.Domain.ReferenceData;
using TradeFlow.Domain.Values;
using TradeFlow.Projections.Accounting;
using TradeFlow.Projections.Runtime;

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
    private readonly Dictionary<TradeId, SettlementTrade> _trades = [];
    private readonly SettlementAccountSets _accountSets = new();

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
    public SettlementTrade? FindTrade(TradeId id) => _trades.GetValueOrDefault(id);

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
                _trades[booked.TradeId] = new SettlementTrade(booked.TradeId, booked.Economics, booked.AssetClass,
                    booked.Notional, Accrual.Of(booked.Economics, booked.AssetClass, booked.Notional.Currency, _referenceData),
                    SettlementStatus.Pending, 0, [], null, null, null, at);
                break;
            case TradeAmended amended when Outstanding(amended.TradeId) is { } t:
                Update(t with { Economics = amended.Current, Notional = amended.Notional }, at);
                break;
            case TradePartiallyTerminated terminated when Outstanding(terminated.TradeId) is { } t:
                var economics = t.Economics with { Quantity = terminated.RemainingQuantity };
                Update(t with { Economics = economics, Notional = NotionalAt(t, terminated.RemainingQuantity) }, at);
                break;
            case TradeCancelled or TradeAllocated or TradeNovated when Outstanding(e.Event.TradeId) is { } t:
                _trades[t.TradeId] = t with { Status = SettlementStatus.Closed, Position = at };
                break;
            case SettlementInstructed instructed when Outstanding(instructed.TradeId) is { } t:
                _trades[t.TradeId] = t with
                {
                    Status = SettlementStatus.Instructed, Attempt = instructed.Attempt,
                    InstructedAccounts = _accountSets.Intern(instructed.Accounts), FailReason = null, FailedAt = null, Position = at,
                };
                break;
            case SettlementMatched matched when Outstanding(matched.TradeId) is { } t:
                _trades[t.TradeId] = t with { Status = SettlementStatus.Matched, Position = at };
                break;
            case SettlementFailed failed when Outstanding(failed.TradeId) is { } t:
                _trades[t.TradeId] = t with
                {
                    Status = SettlementStatus.Failed, FailReason = failed.Reason, FailedAt = failed.EffectiveTime,
                    Attempt = failed.Attempt, Position = at,
                };
                break;
            case SettlementSettled settled when Outstanding(settled.TradeId) is { } t:
                _trades[t.TradeId] = t with
                {
                    Status = SettlementStatus.Settled, SettledOn = settled.SettledOn, FailReason = null, Position = at,
                };
                break;
            default:
                break;
        }
    }

    private SettlementTrade? Outstanding(TradeId id) => _trades.TryGetValue(id, out var t) && t.IsOutstanding ? t : null;

    private void Update(SettlementTrade t, long position) =>
        _trades[t.TradeId] = t with
        {
            AccruedInterest = Accrual.Of(t.Economics, t.AssetClass, t.Notional.Currency, _referenceData),
            Position = position,
        };

    private Money NotionalAt(SettlementTrade t, Quantity quantity) =>
        _referenceData.TryGetInstrument(t.Economics.Instrument, out var instrument)
            ? instrument.GrossAmount(quantity, t.Economics.Price)
            : t.Notional * (quantity.Value / t.Economics.Quantity.Value);

    /// <inheritdoc />
    protected override SettlementDocument Capture() => new([.. _trades.Values.OrderBy(t => t.TradeId)]);

    /// <inheritdoc />
    protected override void Restore(SettlementDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        foreach (var trade in document.Trades)
        {
            _trades[trade.TradeId] = trade with { InstructedAccounts = _accountSets.Intern(trade.InstructedAccounts) };
        }
    }
}
