using TradeFlow.Domain.Events;
using TradeFlow.Domain.ReferenceData;
using TradeFlow.Domain.Trades;
using TradeFlow.Domain.Values;

namespace TradeFlow.Testing.Builders;

/// <summary>
/// A minimal stand-in for the engine's decision stage, for tests: holds trades, assigns ids, runs
/// <see cref="TradeDecider"/> and folds the resulting events, keeping every stream's history.
/// </summary>
public sealed class LifecycleDriver
{
    private readonly Dictionary<TradeId, Trade> _trades = [];
    private readonly Dictionary<TradeId, List<ITradeEvent>> _streams = [];
    private readonly List<ITradeEvent> _all = [];
    private int _sourceCounter;

    /// <summary>Creates a driver over the given (or the demo) reference data.</summary>
    public LifecycleDriver(ReferenceDataSet? referenceData = null, ConfirmationPolicy? policy = null)
    {
        ReferenceData = referenceData ?? new ReferenceDataBuilder().Build();
        Policy = policy ?? ConfirmationPolicy.Default;
    }

    /// <summary>The reference data.</summary>
    public ReferenceDataSet ReferenceData { get; }

    /// <summary>The confirmation policy.</summary>
    public ConfirmationPolicy Policy { get; }

    /// <summary>The next id the driver will assign.</summary>
    public TradeId NextTradeId { get; private set; } = TradeId.First;

    /// <summary>Every event in decision order.</summary>
    public IReadOnlyList<ITradeEvent> AllEvents => _all;

    /// <summary>Effective time used by the convenience methods; advanced a minute per command.</summary>
    public DateTimeOffset Now { get; set; } = new(2025, 3, 14, 14, 30, 0, TimeSpan.Zero);

    /// <summary>A trade's current state, or null.</summary>
    public Trade? Find(TradeId id) => _trades.GetValueOrDefault(id);

    /// <summary>A trade's current state.</summary>
    public Trade this[TradeId id] => _trades[id];

    /// <summary>A trade's stream.</summary>
    public IReadOnlyList<ITradeEvent> StreamOf(TradeId id) => _streams.TryGetValue(id, out var s) ? s : [];

    /// <summary>Decides a command and applies its events (a rejection is recorded in the target's stream).</summary>
    public Decision Send(TradeCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        var target = command is ExistingTradeCommand existing ? existing.TradeId : NextTradeId;
        var decision = TradeDecider.Decide(Find(target), command, new DecisionContext(ReferenceData, NextTradeId, Policy));
        foreach (var evt in decision.Events)
        {
            var next = Trade.Evolve(Find(evt.TradeId), evt);
            if (next is not null)
            {
                _trades[evt.TradeId] = next;
            }

            (_streams.TryGetValue(evt.TradeId, out var stream) ? stream : _streams[evt.TradeId] = []).Add(evt);
            _all.Add(evt);
        }

        if (decision.TradeIdsUsed > 0)
        {
            NextTradeId = NextTradeId.Plus(decision.TradeIdsUsed);
        }

        return decision;
    }

    /// <summary>Books and returns the new trade's id; throws when the booking is rejected.</summary>
    public TradeId Book(BookTrade command)
    {
        var decision = Send(command);
        return decision.IsAccepted
            ? decision.Events[0].TradeId
            : throw new InvalidOperationException($"Booking rejected: {decision}");
    }

    /// <summary>A fresh source key.</summary>
    public string NextSourceKey() => $"DRV-{++_sourceCounter}";

    /// <summary>The effective time for the next command.</summary>
    public DateTimeOffset Tick()
    {
        Now = Now.AddMinutes(1);
        return Now;
    }
}
