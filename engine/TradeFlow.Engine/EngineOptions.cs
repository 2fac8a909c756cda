using TradeFlow.Domain.ReferenceData;
using TradeFlow.Domain.Time;
using TradeFlow.Domain.Trades;
using TradeFlow.EventSourcing;
using TradeFlow.EventSourcing.Serialization;
using TradeFlow.Ring.WaitStrategies;

namespace TradeFlow.Engine;

/// <summary>What a <see cref="TradeEngine"/> runs on and how its checks are configured.</summary>
public sealed class EngineOptions
{
    /// <summary>Creates options over a store, reference data and a clock (the three things an engine cannot do without).</summary>
    public EngineOptions(IEventJournal journal, ReferenceDataSet referenceData, IClock clock)
    {
        ArgumentNullException.ThrowIfNull(journal);
        ArgumentNullException.ThrowIfNull(referenceData);
        ArgumentNullException.ThrowIfNull(clock);
        Journal = journal;
        ReferenceData = referenceData;
        Clock = clock;
    }

    /// <summary>
    /// The store: recovery reads it all, the journal stage appends to it. The caller owns (and disposes) it.
    /// </summary>
    public IEventJournal Journal { get; }

    /// <summary>
    /// Pipelined group commits (default off): when the store also implements <see cref="IPipelinedEventJournal"/> (the
    /// embedded journal), a sync stage makes batch n durable while the journal stage writes batch n+1; acks still wait
    /// for the fsync that covers them. Off by default because on a 2-core machine the extra stage thread cost more
    /// than the overlap gained (docs/benchmarks.md, "Pipelined group commit"): turn it on where the stages have cores
    /// of their own.
    /// </summary>
    public bool PipelinedCommits { get; init; }

    /// <summary>
    /// Where risk and compliance run (see <see cref="Engine.CheckPlacement"/>). Default: on the decide thread when the
    /// machine has 2 cores or fewer, where a check thread of its own spent most of its CPU waiting on the producer on the
    /// cores decide and journal need (docs/benchmarks.md, passes <c>engine6</c> and <c>engine7</c>); a thread each above
    /// that, where the checks can have cores of their own and take their work off the decide thread. Outcomes are the
    /// same under every placement.
    /// </summary>
    public CheckPlacement CheckPlacement { get; init; } = DefaultCheckPlacement(Environment.ProcessorCount);

    /// <summary>Reference data for risk, compliance and the lifecycle rules.</summary>
    public ReferenceDataSet ReferenceData { get; }

    /// <summary>The clock that stamps recorded times.</summary>
    public IClock Clock { get; }

    /// <summary>Serializes events for the store (default: the domain's serializer).</summary>
    public IEventSerializer Serializer { get; init; } = TradeEventSerializer.Instance;

    /// <summary>
    /// Trades (and as many source keys) the decision state makes room for when the engine is built (default 0: it grows
    /// as it goes). Room for the live-trade table, the id index and the outcome map — ~120 bytes per trade — is then
    /// allocated once, before the first command, instead of a chunk at a time while commands are decided (~122 B per
    /// booking on the decide thread, engine11), and the outcome map's buckets are never rebuilt below it. Past it the
    /// state grows as without it. Size it from the trades a server expects to hold (the journal's count at start plus a
    /// day's bookings).
    /// </summary>
    public int ExpectedTrades { get; init; }

    /// <summary>Slots in the ring, a power of two (default 4096): how many commands can be in flight before producers wait.</summary>
    public int RingSize { get; init; } = 4096;

    /// <summary>How idle stages wait (default: the ring's hybrid spin-then-block, which does not burn idle cores).</summary>
    public IWaitStrategy? WaitStrategy { get; init; }

    /// <summary>Which asset classes need confirmation before settlement (default: the domain's).</summary>
    public ConfirmationPolicy? ConfirmationPolicy { get; init; }

    /// <summary>Fat-finger bands per asset class.</summary>
    public PriceBands PriceBands { get; init; } = PriceBands.Default;

    /// <summary>Wash-trade handling (default: flag).</summary>
    public WashTradeMode WashTradeMode { get; init; } = WashTradeMode.Flag;

    /// <summary>How far apart (in execution time) two mirrored bookings may be and still count as a wash trade (default 5 minutes).</summary>
    public TimeSpan WashTradeWindow { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>In-process subscribers fed by the publish stage.</summary>
    public IReadOnlyList<IEngineSubscriber> Subscribers { get; init; } = [];

    /// <summary>Hears of a subscriber's or a completion's exception (default: kept in <see cref="TradeEngine.CallbackErrors"/>).</summary>
    public Action<object, Exception>? OnSubscriberError { get; init; }

    /// <summary>Hears of the failure that faulted the engine (store failure, internal error), on the failing stage's thread.</summary>
    public Action<Exception>? OnFault { get; init; }

    /// <summary>The placement <see cref="CheckPlacement"/> defaults to on a machine with <paramref name="processorCount"/> cores.</summary>
    public static CheckPlacement DefaultCheckPlacement(int processorCount) =>
        processorCount <= 2 ? CheckPlacement.DecideThread : CheckPlacement.ThreadEach;
}
