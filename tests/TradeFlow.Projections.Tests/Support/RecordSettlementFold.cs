using System.Reflection;
using TradeFlow.Domain.Events;
using TradeFlow.Domain.ReferenceData;
using TradeFlow.Domain.Trades;
using TradeFlow.Domain.Values;
using TradeFlow.Projections.Runtime;
using TradeFlow.Projections.Settlement;

namespace TradeFlow.Projections.Tests.Support;

/// <summary>
/// Settlement's fold as it was before it updated its trades in place: one immutable record per trade, replaced by a
/// <c>with</c> copy on every event. The in-place fold must produce exactly this document, byte for byte.
/// </summary>
public sealed class RecordSettlementFold(ReferenceDataSet referenceData)
{
    // Accrual is internal to the projections; the reference calls the very same rule rather than restating it.
    private static readonly MethodInfo AccrualOf = typeof(SettlementProjection).Assembly
        .GetType("TradeFlow.Projections.Accounting.Accrual", throwOnError: true)!.GetMethod("Of")!;

    private readonly Dictionary<TradeId, SettlementTrade> _trades = [];

    public SettlementTrade? Find(TradeId id) => _trades.GetValueOrDefault(id);

    public SettlementDocument Document() => new([.. _trades.Values.OrderBy(t => t.TradeId)]);

    public void Apply(ProjectionEvent e)
    {
        var at = e.Position.Value;
        switch (e.Event)
        {
            case TradeBooked b when !_trades.ContainsKey(b.TradeId):
                _trades[b.TradeId] = new SettlementTrade(b.TradeId, b.Economics, b.AssetClass, b.Notional,
                    Accrual(b.Economics, b.AssetClass, b.Notional.Currency), SettlementStatus.Pending, 0, [], null, null, null, at);
                break;
            case TradeAmended amended when Outstanding(amended.TradeId) is { } t:
                Update(t with { Economics = amended.Current, Notional = amended.Notional }, at);
                break;
            case TradePartiallyTerminated terminated when Outstanding(terminated.TradeId) is { } t:
                var notional = referenceData.TryGetInstrument(t.Economics.Instrument, out var instrument)
                    ? instrument.GrossAmount(terminated.RemainingQuantity, t.Economics.Price)
                    : t.Notional * (terminated.RemainingQuantity.Value / t.Economics.Quantity.Value);
                Update(t with { Economics = t.Economics with { Quantity = terminated.RemainingQuantity }, Notional = notional }, at);
                break;
            case TradeCancelled or TradeAllocated or TradeNovated when Outstanding(e.Event.TradeId) is { } t:
                _trades[t.TradeId] = t with { Status = SettlementStatus.Closed, Position = at };
                break;
            case SettlementInstructed i when Outstanding(i.TradeId) is { } t:
                _trades[t.TradeId] = t with
                {
                    Status = SettlementStatus.Instructed, Attempt = i.Attempt, InstructedAccounts = i.Accounts,
                    FailReason = null, FailedAt = null, Position = at,
                };
                break;
            case SettlementMatched m when Outstanding(m.TradeId) is { } t:
                _trades[t.TradeId] = t with { Status = SettlementStatus.Matched, Position = at };
                break;
            case SettlementFailed f when Outstanding(f.TradeId) is { } t:
                _trades[t.TradeId] = t with
                {
                    Status = SettlementStatus.Failed, FailReason = f.Reason, FailedAt = f.EffectiveTime, Attempt = f.Attempt, Position = at,
                };
                break;
            case SettlementSettled s when Outstanding(s.TradeId) is { } t:
                _trades[t.TradeId] = t with { Status = SettlementStatus.Settled, SettledOn = s.SettledOn, FailReason = null, Position = at };
                break;
            default:
                break;
        }
    }

    private SettlementTrade? Outstanding(TradeId id) => _trades.TryGetValue(id, out var t) && t.IsOutstanding ? t : null;

    private void Update(SettlementTrade t, long at) =>
        _trades[t.TradeId] = t with { AccruedInterest = Accrual(t.Economics, t.AssetClass, t.Notional.Currency), Position = at };

    private decimal Accrual(TradeEconomics economics, AssetClass assetClass, Currency currency) =>
        (decimal)AccrualOf.Invoke(null, [economics, assetClass, currency, referenceData])!;
}
