using TradeFlow.Domain.ReferenceData;
using TradeFlow.Domain.Trades;
using TradeFlow.Domain.Values;
using TradeFlow.EventSourcing;
using TradeFlow.EventSourcing.InMemory;
using TradeFlow.Testing.Builders;
using TradeFlow.Testing.Time;

namespace TradeFlow.Engine.Tests.Support;

/// <summary>An engine over a store (in-memory unless given), the demo reference data and a fake clock, started; disposing stops it.</summary>
internal sealed class EngineHarness : IDisposable
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    private EngineHarness(TradeEngine engine, IEventJournal store, FakeClock clock)
    {
        Engine = engine;
        Store = store;
        Clock = clock;
    }

    public TradeEngine Engine { get; }

    public IEventJournal Store { get; }

    public FakeClock Clock { get; }

    public static EngineHarness Start(
        IEventJournal? store = null,
        WashTradeMode washMode = WashTradeMode.Flag,
        TimeSpan? washWindow = null,
        int ringSize = 1024,
        ReferenceDataSet? referenceData = null,
        IReadOnlyList<IEngineSubscriber>? subscribers = null,
        FakeClock? clock = null,
        Action<Exception>? onFault = null,
        PriceBands? priceBands = null,
        bool pipelinedCommits = false,
        CheckPlacement? checkPlacement = null)
    {
        store ??= new InMemoryEventStore();
        clock ??= new FakeClock();
        referenceData ??= new ReferenceDataBuilder().Build();
        var options = new EngineOptions(store, referenceData, clock)
        {
            // Unset: the engine's own default for this machine.
            CheckPlacement = checkPlacement ?? new EngineOptions(store, referenceData, clock).CheckPlacement,
            WashTradeMode = washMode,
            WashTradeWindow = washWindow ?? TimeSpan.FromMinutes(5),
            RingSize = ringSize,
            Subscribers = subscribers ?? [],
            OnFault = onFault,
            PriceBands = priceBands ?? PriceBands.Default,
            PipelinedCommits = pipelinedCommits,
        };
        var engine = new TradeEngine(options);
        engine.Start();
        return new EngineHarness(engine, store, clock);
    }

    public Task<CommandOutcome> Send(TradeCommand command) =>
        Engine.SubmitAsync(new EngineCommand(command, "TEST:harness", "tester")).WaitAsync(Timeout);

    public async Task<TradeId> Book(BookTrade command)
    {
        var outcome = await Send(command);
        Assert.True(outcome.IsAccepted, $"Booking was not accepted: {outcome}");
        return outcome.TradeId;
    }

    public IReadOnlyList<RecordedEvent> AllEvents() => [.. Store.ReadAll(GlobalPosition.Start, Direction.Forwards)];

    public string StopAndHash()
    {
        Engine.Stop(Timeout);
        return Engine.ComputeStateHash();
    }

    public void Dispose() => Engine.Dispose();
}
