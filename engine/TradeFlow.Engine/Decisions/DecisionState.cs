using System.Runtime.CompilerServices;
using TradeFlow.Domain.Events;
using TradeFlow.Domain.ReferenceData;
using TradeFlow.Domain.Trades;
using TradeFlow.Domain.Values;
using TradeFlow.Engine.Checks;

namespace TradeFlow.Engine.Decisions;

/// <summary>
/// Everything the decision stage knows: every trade, the credit limits changed by admins, limit utilisation, the settlement-risk ladder, the
/// outcome of every source key, the next trade id and the wash-trade window. Changed only by
/// <see cref="Apply"/> (and <see cref="RecordOutcome(string, in CommandOutcome)"/>), by the decide thread while running and by recovery
/// before — so the live state and the state rebuilt from the store are folded by the same code.
/// </summary>
internal sealed class DecisionState
{
    private readonly LiveTradeTable _trades;
    private readonly OutcomeMap _outcomes;
    private readonly Dictionary<string, decimal> _utilisation = new(StringComparer.Ordinal);
    private readonly Dictionary<BusinessDate, decimal> _settlementLadder = [];
    private readonly ReferenceDataSet _data;

    /// <summary>Creates an empty state with room for <paramref name="expectedTrades"/> trades and source keys (see <see cref="EngineOptions.ExpectedTrades"/>).</summary>
    public DecisionState(ReferenceDataSet data, TimeSpan washWindow, int expectedTrades = 0)
    {
        _data = data;
        _trades = new LiveTradeTable(expectedTrades);
        _outcomes = new OutcomeMap(expectedTrades);
        Wash = new WashTradeWindow(washWindow);
    }

    /// <summary>The first unused trade id.</summary>
    public TradeId NextTradeId { get; private set; } = TradeId.First;

    /// <summary>Recent direct bookings, for wash-trade detection.</summary>
    public WashTradeWindow Wash { get; }

    /// <summary>Credit limits changed through the admin API (the reference data's otherwise).</summary>
    public CreditLimits Limits { get; } = new();

    /// <summary>Every trade, for the state hash.</summary>
    public IEnumerable<LiveTrade> Trades => _trades.Values;

    /// <summary>Every source key's outcome, for the state hash.</summary>
    public IEnumerable<KeyValuePair<string, CommandOutcome>> Outcomes =>
        _outcomes.Entries.Select(kv => KeyValuePair.Create(kv.Key, kv.Value.ToOutcome()));

    /// <summary>Exposure per credit limit, in the limit currency.</summary>
    public IReadOnlyDictionary<string, decimal> Utilisation => _utilisation;

    /// <summary>Notional (base currency) of unsettled trades, by value date; the limit figures use the domain's SettlementRisk rule.</summary>
    public IReadOnlyDictionary<BusinessDate, decimal> SettlementLadder => _settlementLadder;

    /// <summary>The trade table itself (tests: where its chunks live).</summary>
    internal LiveTradeTable TradeTable => _trades;

    /// <summary>The outcome map itself (tests: where its chunks live).</summary>
    internal OutcomeMap OutcomeTable => _outcomes;

    /// <summary>Finds a trade.</summary>
    public bool TryGetTrade(TradeId id, out LiveTrade trade) => _trades.TryGet(id, out trade);

    /// <summary>The hash of a source key that <see cref="TryGetOutcome(string, int, out CommandOutcome)"/> and <see cref="RecordOutcome(string, int, in CommandOutcome)"/> take, computed once per command.</summary>
    public static int SourceKeyHash(string sourceKey) => OutcomeMap.HashOf(sourceKey);

    /// <summary>The outcome already given to a source key, if any.</summary>
    public bool TryGetOutcome(string sourceKey, out CommandOutcome outcome) =>
        TryGetOutcome(sourceKey, SourceKeyHash(sourceKey), out outcome);

    /// <summary>The outcome already given to a source key, if any; <paramref name="hash"/> is its <see cref="SourceKeyHash"/>.</summary>
    public bool TryGetOutcome(string sourceKey, int hash, out CommandOutcome outcome)
    {
        var found = _outcomes.TryGet(sourceKey, hash, out var recorded);
        outcome = found ? recorded.ToOutcome() : default;
        return found;
    }

    /// <summary>Records a source key's outcome (its first and only one).</summary>
    /// <exception cref="ArgumentException">The outcome failed (failures are not recorded).</exception>
    public void RecordOutcome(string sourceKey, in CommandOutcome outcome) =>
        RecordOutcome(sourceKey, SourceKeyHash(sourceKey), outcome);

    /// <summary>Records a source key's outcome; <paramref name="hash"/> is its <see cref="SourceKeyHash"/>.</summary>
    /// <exception cref="ArgumentException">The outcome failed (failures are not recorded).</exception>
    public void RecordOutcome(string sourceKey, int hash, in CommandOutcome outcome) =>
        _outcomes.Set(sourceKey, hash, RecordedOutcome.Of(outcome));

    /// <summary>The exposure under a limit now (0 when none).</summary>
    public decimal UtilisationOf(string limitId) => _utilisation.GetValueOrDefault(limitId);

    /// <summary>
    /// Folds one event, appended to <paramref name="stream"/> by a command of <paramref name="kind"/>.
    /// </summary>
    /// <exception cref="InvalidOperationException">The event does not fit the state (a misrouted or corrupt stream).</exception>
    public void Apply(ITradeEvent evt, string stream, TradeCommandKind kind)
    {
        switch (evt)
        {
            case TradeBooked booked:
                ApplyBooked(booked, stream, kind);
                break;
            case CreditLimitChanged change:
                Limits.Apply(change);
                break;
            case CreditLimitChangeRejected:
                break;
            case TradeRejected rejected when !_trades.Contains(rejected.TradeId):
                // A refused booking consumes its id; a refusal of a command to an unknown trade does not.
                if (rejected.CommandKind == TradeCommandKind.Book)
                {
                    Advance(rejected.TradeId);
                }

                break;
            default:
                ApplyToExisting(evt);
                break;
        }
    }

    private void ApplyBooked(TradeBooked booked, string stream, TradeCommandKind kind)
    {
        if (_trades.Contains(booked.TradeId))
        {
            throw new InvalidOperationException($"Trade {booked.TradeId} is booked twice (stream {stream}).");
        }

        // A direct booking keeps its economics only (LiveTrade.AsBooked); a child or a novation leg its whole state.
        var exposure = LiveExposure.Of(FiguresOf(booked));
        var live = booked is { ParentTradeId: null, NovatedFromTradeId: null }
            ? LiveTrade.AsBooked(booked.TradeId, booked.Economics, booked.AssetClass, stream, exposure)
            : new LiveTrade(Trade.Evolve(null, booked)!, stream, exposure);
        _trades.Add(booked.TradeId, live);
        AddExposure(live, 1m);
        if (kind == TradeCommandKind.Book)
        {
            var e = booked.Economics;
            Wash.Record(new WashKey(e.Trader, e.Instrument, e.Side, e.Price, e.Quantity), booked.EffectiveTime, booked.TradeId);
        }

        Advance(booked.TradeId);
    }

    private void ApplyToExisting(ITradeEvent evt)
    {
        ref var live = ref _trades.Find(evt.TradeId);
        if (Unsafe.IsNullRef(ref live))
        {
            throw new InvalidOperationException($"Event {evt.GetType().Name} for trade {evt.TradeId}, which was never booked.");
        }

        AddExposure(live, -1m);
        var state = live.State.Apply(evt);
        var exposure = live.Exposure;
        if (evt is TradeAmended or TradePartiallyTerminated)
        {
            var e = state.Economics;
            exposure = ExposureCalculator.TryCompute(_data, e.Instrument, e.Side, e.Quantity, e.Price, e.Counterparty, out var f)
                ? LiveExposure.Of(f)
                : default;
        }

        live = live.With(state, exposure);
        AddExposure(live, 1m);
    }

    // A booking carries the figures the risk stage computed when it was captured (the FX rates of that
    // moment), so recovery restores exactly what was decided; other changes are re-priced by the one rule.
    private ExposureFigures? FiguresOf(TradeBooked booked)
    {
        if (booked.Enrichment is { NotionalInBase: { } inBase, ExposureContribution: { } exposure, CounterpartyLimitId: { } limit })
        {
            return new ExposureFigures(booked.Notional, inBase, exposure, limit);
        }

        var e = booked.Economics;
        return ExposureCalculator.TryCompute(_data, e.Instrument, e.Side, e.Quantity, e.Price, e.Counterparty, out var f) ? f : null;
    }

    private void AddExposure(in LiveTrade live, decimal sign)
    {
        if (!live.CountsTowardsExposure)
        {
            return;
        }

        var exposure = live.Exposure;
        Accumulate(_utilisation, exposure.LimitId!, sign * exposure.Exposure);
        Accumulate(_settlementLadder, live.Economics.SettlementDate, sign * exposure.NotionalInBase);
    }

    // Entries that return to zero are removed, so a state and its replay hold the same keys.
    private static void Accumulate<TKey>(Dictionary<TKey, decimal> totals, TKey key, decimal delta)
        where TKey : notnull
    {
        var total = totals.GetValueOrDefault(key) + delta;
        if (total == 0m)
        {
            totals.Remove(key);
        }
        else
        {
            totals[key] = total;
        }
    }

    private void Advance(TradeId used)
    {
        if (used >= NextTradeId)
        {
            NextTradeId = used.Next();
        }
    }
}
