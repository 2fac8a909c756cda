using TradeFlow.Engine.Decisions;
using TradeFlow.EventSourcing;
using TradeFlow.Engine.Pipeline;
using TradeFlow.Ring.Dsl;
using TradeFlow.Ring.Processing;

namespace TradeFlow.Engine;

/// <summary>
/// The trade engine: a ring of preallocated command slots and five stages —
/// <c>risk ‖ compliance → decide → journal → publish</c> — each on its own thread, or with risk and compliance
/// sharing one, or run on the decide thread (<see cref="EngineOptions.CheckPlacement"/>; docs/pipeline.md).
/// Gateways submit commands with <see cref="Submit"/> / <see cref="TrySubmit"/> (allocation-free, the outcome
/// arrives on an <see cref="ICommandCompletion"/>) or <see cref="SubmitAsync"/>; every outcome is delivered only
/// after the command's events are durable. <see cref="Start"/> rebuilds the decision state from the store before
/// accepting input; <see cref="Stop"/> drains. A store failure faults the engine rather than ack anything not durable.
/// </summary>
/// <example>
/// <code>
/// using var engine = new TradeEngine(new EngineOptions(journal, referenceData, SystemClock.Instance));
/// engine.Start();                                   // recovery, then the stages start
/// engine.Submit(new EngineCommand(bookTrade, "FIX:CLIENT1:34=12", "JSMITH"), session, token: 12);
/// var outcome = await engine.SubmitAsync(new EngineCommand(cancelTrade));
/// engine.Stop(TimeSpan.FromSeconds(30));            // stop the gateways first; drains every accepted command
/// </code>
/// </example>
public sealed partial class TradeEngine : IDisposable
{
    private readonly EngineOptions _options;
    private readonly DecisionState _state;
    private readonly EngineFault _fault;
    private readonly Disruptor<CommandSlot> _disruptor;
    private readonly JournalStage _journalStage;
    private readonly CommitFigures _commits = new();
    private readonly List<Exception> _callbackErrors = [];
    private int _lifecycle;
    private bool _pipelineStarted;

    /// <summary>Builds an engine over <paramref name="options"/>; nothing runs until <see cref="Start"/>.</summary>
    public TradeEngine(EngineOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _fault = new EngineFault(options.OnFault);
        _state = new DecisionState(options.ReferenceData, options.WashTradeWindow, options.ExpectedTrades);
        _disruptor = new Disruptor<CommandSlot>(static () => new CommandSlot(), options.RingSize,
            waitStrategy: options.WaitStrategy);
        _disruptor.SetDefaultExceptionHandler(new HaltOnExceptionHandler<CommandSlot>((ex, _) => _fault.Raise(ex)));
        var onCallbackError = options.OnSubscriberError ?? RecordCallbackError;
        // Asked for, and on a store that splits write from fsync: a sync stage, so that the journal stage writes batch
        // n+1 while batch n's fsync runs, and publish is gated on the durable point (docs/pipeline.md, "Pipelined group commit").
        var pipelined = options.PipelinedCommits ? options.Journal as IPipelinedEventJournal : null;
        var progress = pipelined is null ? null : new SyncProgress();
        _journalStage = new JournalStage(options.Journal, options.Serializer, options.Clock, _fault, _commits, progress,
            onCallbackError);
        var decide = new DecideStage(_state, options.ReferenceData, options.ConfirmationPolicy, options.WashTradeMode, _fault,
            options.CheckPlacement == CheckPlacement.DecideThread ? NewChecks(options) : null);
        var written = (options.CheckPlacement switch
            {
                CheckPlacement.DecideThread => _disruptor.HandleEventsWith(decide),
                CheckPlacement.SharedThread => _disruptor.HandleEventsWith(NewChecks(options)).Then(decide),
                _ => _disruptor.HandleEventsWith(new RiskStage(options.ReferenceData),
                    new ComplianceStage(options.ReferenceData, options.PriceBands)).Then(decide),
            })
            .Then(_journalStage);
        var durable = pipelined is null ? written : written.Then(new SyncStage(pipelined, _fault, _commits, progress!));
        durable.Then(new PublishStage(options.Subscribers, onCallbackError));
    }

    // Risk then compliance on one thread: a shared stage thread's, or decide's. Either way decide reads a slot's checks
    // only after both ran on it (the ring's sequence, or program order on one thread).
    private static ChecksStage NewChecks(EngineOptions options) =>
        new(new RiskStage(options.ReferenceData), new ComplianceStage(options.ReferenceData, options.PriceBands));

    /// <summary>Where the engine is in its life; <see cref="EngineState.Faulted"/> as soon as a failure is latched.</summary>
    public EngineState State
    {
        get
        {
            var state = (EngineState)Volatile.Read(ref _lifecycle);
            return state == EngineState.Running && _fault.Fault is not null ? EngineState.Faulted : state;
        }
    }

    /// <summary>The failure that faulted the engine, or null.</summary>
    public Exception? Fault => _fault.Fault;

    /// <summary>What recovery did on <see cref="Start"/>.</summary>
    public RecoveryReport Recovery { get; private set; }

    /// <summary>
    /// Durable group commits made so far (read it after <see cref="Stop"/> for an exact figure): fsyncs, each covering
    /// one or more of the journal's writes, when the store pipelines its commits; appends otherwise.
    /// </summary>
    public long Commits => _commits.Commits;

    /// <summary>The store's commits written so far (each one write; several may share one fsync when pipelined).</summary>
    internal long Writes => _journalStage.Writes;

    /// <summary>
    /// The running figures — ring capacity and occupancy, commands answered, commits, events committed, commit
    /// latency — read lock-free and allocation-free from any thread, at any time (see <see cref="EngineMetrics"/>).
    /// </summary>
    public EngineMetrics Metrics
    {
        get
        {
            var ring = _disruptor.RingBuffer;
            // The slowest consumer is the publish stage (the end of the chain): everything up to its sequence is answered.
            var completed = ring.GetMinimumGatingSequence();
            var claimed = ring.Cursor;
            var latency = _commits.Latency;
            return new EngineMetrics(ring.BufferSize, Math.Max(0, claimed - completed), completed + 1, latency.Count,
                _commits.EventsCommitted, latency.LastMicroseconds, latency.MeanMicroseconds, latency.Percentile(0.50),
                latency.Percentile(0.99), latency.MaxMicroseconds);
        }
    }

    /// <summary>Exceptions thrown by subscribers and completions, when no <see cref="EngineOptions.OnSubscriberError"/> was given.</summary>
    public IReadOnlyList<Exception> CallbackErrors
    {
        get
        {
            lock (_callbackErrors)
            {
                return [.. _callbackErrors];
            }
        }
    }

    /// <summary>
    /// Rebuilds the decision state from the store (reads it all), then starts the stages; only then are
    /// submissions accepted. Call once.
    /// </summary>
    /// <exception cref="InvalidDataException">The store holds events that do not fold (the engine stays down).</exception>
    public void Start()
    {
        if (Interlocked.CompareExchange(ref _lifecycle, (int)EngineState.Recovering, (int)EngineState.Created) != (int)EngineState.Created)
        {
            throw new InvalidOperationException($"The engine can only be started once (it is {State}).");
        }

        try
        {
            Recovery = Decisions.Recovery.Rebuild(_options.Journal, _options.Serializer, _state);
        }
        catch (Exception ex)
        {
            _fault.Raise(ex);
            Volatile.Write(ref _lifecycle, (int)EngineState.Faulted);
            throw;
        }

        _disruptor.Start();
        _pipelineStarted = true;
        Volatile.Write(ref _lifecycle, (int)EngineState.Running);
    }

    /// <summary>
    /// Stops intake and drains: every command submitted so far is decided, journaled and answered, then the
    /// stage threads exit. Stop the gateways first (a submission racing with <see cref="Stop"/> may be refused).
    /// </summary>
    /// <exception cref="TimeoutException">The pipeline did not drain in time.</exception>
    /// <exception cref="AggregateException">A stage had halted on an unexpected failure.</exception>
    public void Stop(TimeSpan timeout)
    {
        var previous = (EngineState)Interlocked.Exchange(ref _lifecycle, (int)EngineState.Stopped);
        if (_pipelineStarted && previous is EngineState.Running or EngineState.Faulted)
        {
            _disruptor.Shutdown(timeout);
        }
    }

    /// <summary>
    /// A SHA-256 (hex) over a canonical form of the decision state: live trades, changed credit limits, limit utilisation, the
    /// settlement-risk ladder, every source key's outcome, the next trade id and the wash-trade window. Equal
    /// hashes before a stop and after a restart prove recovery rebuilt the same state. Only while no stage runs
    /// (before <see cref="Start"/> or after <see cref="Stop"/>), since the state belongs to the decide thread.
    /// </summary>
    public string ComputeStateHash()
    {
        EnsureQuiescent();
        return StateHasher.Hash(_state);
    }

    /// <summary>The canonical text the hash is taken over (to diagnose a mismatch); same rules as <see cref="ComputeStateHash"/>.</summary>
    public string DescribeState()
    {
        EnsureQuiescent();
        return StateHasher.Canonical(_state);
    }

    /// <summary>
    /// Exposure per credit limit id, in the limit currency, as the decision stage checks limits against it (a copy;
    /// limits with nothing outstanding are absent). For tests that reconcile it with the exposure projection; same
    /// rules as <see cref="ComputeStateHash"/>.
    /// </summary>
    internal IReadOnlyDictionary<string, decimal> LimitUtilisation()
    {
        EnsureQuiescent();
        return new Dictionary<string, decimal>(_state.Utilisation, StringComparer.Ordinal);
    }

    /// <summary>Stops (draining, 30 s) if running. The store is the caller's to dispose.</summary>
    public void Dispose() => Stop(TimeSpan.FromSeconds(30));

    private void EnsureQuiescent()
    {
        var state = (EngineState)Volatile.Read(ref _lifecycle);
        if (state is not (EngineState.Created or EngineState.Stopped))
        {
            throw new InvalidOperationException($"The decision state can only be read while the engine is not running (it is {state}).");
        }
    }

    private void RecordCallbackError(object source, Exception error)
    {
        lock (_callbackErrors)
        {
            _callbackErrors.Add(error);
        }
    }
}
