using FsCheck;
using FsCheck.Fluent;
using TradeFlow.Domain.Events;
using TradeFlow.Domain.Limits;
using TradeFlow.Domain.ReferenceData;
using TradeFlow.Domain.Trades;
using TradeFlow.Domain.Values;
using TradeFlow.EventSourcing;
using TradeFlow.EventSourcing.InMemory;
using TradeFlow.Projections.Runtime;
using TradeFlow.Testing.Builders;

namespace TradeFlow.Engine.Tests.Support;

/// <summary>
/// Random histories driven through the real engine over an in-memory store: each step books a trade, changes a
/// counterparty's credit limit, sends
/// any lifecycle command to any trade the store knows (the engine refuses what the lifecycle, the credit
/// limits or compliance forbid, and journals the refusal), or restarts the engine so that recovery rebuilds
/// its state from the store. Shaped like the projections' random histories, but the engine decides.
/// </summary>
internal sealed class EngineHistory : IDisposable
{
    /// <summary>The step that stops the engine and starts a new one on the same store.</summary>
    public const int Restart = 14;

    private static readonly CounterpartyId[] Counterparties = [DemoIds.GoldmanSachs, DemoIds.DeutscheBank, DemoIds.Barclays];

    private readonly Dictionary<TradeId, Trade> _trades = [];
    private readonly List<TradeId> _ids = [];
    private GlobalPosition _read = GlobalPosition.Start;
    private DateTimeOffset _now = new(2025, 3, 14, 14, 30, 0, TimeSpan.Zero);
    private int _keys;
    private bool _untracked;

    public EngineHistory(ReferenceDataSet referenceData)
    {
        ReferenceData = referenceData;
        Harness = EngineHarness.Start(Store, referenceData: referenceData);
    }

    public ReferenceDataSet ReferenceData { get; }

    public InMemoryEventStore Store { get; } = new();

    public EngineHarness Harness { get; private set; }

    /// <summary>How many commands the engine refused for the credit limit.</summary>
    public int CreditRefusals { get; private set; }

    /// <summary>Every command sent, in order (restarts send none), so a run can be replayed elsewhere.</summary>
    public List<TradeCommand> Sent { get; } = [];

    /// <summary>The type of every event the store holds, to show what a run of histories reached.</summary>
    public HashSet<string> EventTypes { get; } = new(StringComparer.Ordinal);

    public static Gen<(int Op, int Target, int Variant)[]> Steps(int maxSteps) =>
        Gen.Choose(1, maxSteps).SelectMany(n => Gen.ArrayOf(
            from op in Gen.Choose(0, Restart) from target in Gen.Choose(0, 50) from variant in Gen.Choose(0, 1000)
            select (op, target, variant), n));

    /// <summary>The demo reference data with Barclays' limit in sterling, so limit-currency conversion is exercised.</summary>
    public static ReferenceDataSet DemoWithSterlingLimit()
    {
        var barclays = ReferenceDataBuilder.DemoCounterparty(DemoIds.Barclays, "Barclays Bank PLC", "BARCGB22");
        var limit = new CreditLimit("CL-BARC-GBP", new Money(40_000_000m, Currency.GBP), new Money(32_000_000m, Currency.GBP));
        return new ReferenceDataBuilder()
            .WithCounterparty(new Counterparty(barclays.Id, barclays.Name, barclays.IsActive, limit, barclays.Ssis))
            .Build();
    }

    /// <summary>Runs one step and waits for its outcome (restarts included).</summary>
    public void Run(int op, int target, int variant)
    {
        if (op == Restart)
        {
            RestartEngine();
            return;
        }

        TradeCommand command = op == 0 && variant % 8 == 7
            ? LimitChange(target, variant)
            : op == 0 || _ids.Count == 0
                ? Booking(variant)
                : Command(op, variant, _trades[_ids[target % _ids.Count]]);
        Sent.Add(command);
        var outcome = Harness.Send(command).GetAwaiter().GetResult();
        if (outcome.Reasons.Any(r => r.Code == RejectionCode.CreditLimitExceeded))
        {
            CreditRefusals++;
        }

        CatchUp();
    }

    /// <summary>
    /// Books <paramref name="count"/> small trades (all buys, under every limit) in one go, which later steps never
    /// address: they only make the state larger — past a chunk of its tables — before the steps run.
    /// </summary>
    public void Prefill(int count)
    {
        var sent = new Task<CommandOutcome>[count];
        for (var i = 0; i < count; i++)
        {
            var quantity = Quantity.Of(1m + (i % 50));
            var booking = new BookTradeBuilder().At(_now).WithSourceKey($"FILL-{i}").With(t => t with { Quantity = quantity }).Build();
            Sent.Add(booking);
            sent[i] = Harness.Send(booking);
        }

        var outcomes = Task.WhenAll(sent).WaitAsync(EngineHarness.Timeout).GetAwaiter().GetResult();
        // As the summary says: all booked, so the state really holds count more trades and keys before the steps.
        if (Array.FindIndex(outcomes, o => o.Status != CommandStatus.Accepted) is var refused and >= 0)
        {
            throw new InvalidOperationException($"Prefill booking {refused} was not accepted: {outcomes[refused].Status} {outcomes[refused].Error}");
        }

        _untracked = true;
        CatchUp();
        _untracked = false;
    }

    /// <summary>Stops the engine (draining), so its decision state may be read.</summary>
    public void Stop() => Harness.Engine.Stop(EngineHarness.Timeout);

    public void Dispose() => Harness.Dispose();

    private void RestartEngine()
    {
        Harness.Dispose();
        Harness = EngineHarness.Start(Store, referenceData: ReferenceData);
    }

    // The trades' current state, folded from what the engine journaled (so commands address what it decided).
    private void CatchUp()
    {
        foreach (var e in ProjectionEvents.ReadAll(Store, _read.Next))
        {
            _read = e.Position;
            EventTypes.Add(e.Event.GetType().Name);
            if (e.Event is CreditLimitChanged)
            {
                continue;
            }

            if (Trade.Evolve(_trades.GetValueOrDefault(e.Event.TradeId), e.Event) is { } trade)
            {
                if (_trades.TryAdd(trade.Id, trade) && !_untracked)
                {
                    _ids.Add(trade.Id);
                }
                else
                {
                    _trades[trade.Id] = trade;
                }
            }
        }
    }

    private DateTimeOffset Tick() => _now = _now.AddMinutes(1);

    private string NextKey() => $"HIST-{++_keys}";

    private BookTrade Booking(int variant)
    {
        var builder = new BookTradeBuilder().At(Tick()).WithSourceKey(NextKey());
        builder = (variant % 5) switch
        {
            1 => builder.ForFxSpot(),
            2 => builder.ForFxForward(),
            3 => builder.ForBond(),
            4 => builder.With(t => t with { Instrument = DemoIds.Sap, Book = DemoIds.EquitiesLdn, Price = Price.Of(246m) }),
            _ => builder,
        };
        var side = variant % 3 == 0 ? Side.Sell : Side.Buy;
        // Up to 8.75 times the builder's size: large enough that bookings meet the credit limits.
        var quantity = builder.Terms.Quantity.Value * (1 + (variant % 7)) * 5m / 4m;
        var price = builder.Terms.Price.Value * (1m + ((variant % 11) - 5) / 100m);
        return builder.With(t => t with
        {
            Side = side,
            Quantity = Quantity.Of(quantity),
            Price = Price.Of(price),
            Counterparty = Counterparties[variant % Counterparties.Length],
        }).Build();
    }

    // An admin moves a counterparty's limit between 10m and 60m (in its limit currency), so later bookings meet
    // limits both raised and lowered.
    private ChangeCreditLimit LimitChange(int target, int variant)
    {
        var counterparty = Counterparties[target % Counterparties.Length];
        ReferenceData.TryGetCounterparty(counterparty, out var known);
        var currency = known!.CreditLimit.Currency;
        var hard = (1 + (variant % 6)) * 10_000_000m;
        return new ChangeCreditLimit(counterparty, new Money(hard, currency), new Money(hard * 0.8m, currency), "Random review",
            NextKey(), Tick());
    }

    // The engine's histories weigh novation twice (it moves exposure between limits).
    private TradeCommand Command(int op, int variant, Trade trade) =>
        RandomLifecycleCommands.For(op switch
        {
            1 => TradeCommandKind.Amend,
            2 => TradeCommandKind.Cancel,
            3 => TradeCommandKind.Allocate,
            4 => TradeCommandKind.Confirm,
            5 or 6 => TradeCommandKind.Novate,
            7 => TradeCommandKind.PartiallyTerminate,
            8 => TradeCommandKind.InstructSettlement,
            9 => TradeCommandKind.MatchSettlement,
            10 or 11 => TradeCommandKind.Settle,
            12 => TradeCommandKind.FailSettlement,
            _ => TradeCommandKind.Mature,
        }, variant, trade, NextKey(), Tick());
}
