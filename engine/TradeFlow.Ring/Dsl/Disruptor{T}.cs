using System.Diagnostics;
using TradeFlow.Ring.Processing;
using TradeFlow.Ring.WaitStrategies;

namespace TradeFlow.Ring.Dsl;

/// <summary>
/// Builds and runs a graph of consumer stages over one ring: <c>HandleEventsWith(a, b)</c> runs
/// a and b in parallel on every event, <c>.Then(c)</c> runs c on each event after both finished it,
/// and so on. Each stage runs on its own thread. Producers use <see cref="RingBuffer"/>.
/// </summary>
/// <example>
/// <code>
/// var disruptor = new Disruptor&lt;Slot&gt;(() => new Slot(), 1024);
/// disruptor.HandleEventsWith(risk, compliance).Then(decide).Then(journal).Then(publish);
/// var ring = disruptor.Start();
/// var seq = ring.Next(); ring[seq].Load(command); ring.Publish(seq);
/// disruptor.Shutdown(TimeSpan.FromSeconds(30)); // drains, then halts
/// </code>
/// </example>
/// <typeparam name="T">The slot type.</typeparam>
public sealed class Disruptor<T>
    where T : class
{
    private readonly List<Stage> _stages = [];
    private IExceptionHandler<T> _defaultExceptionHandler = new HaltOnExceptionHandler<T>();
    private int _started;

    /// <summary>
    /// Creates a disruptor over a new ring of <paramref name="bufferSize"/> slots (a power of two)
    /// made by <paramref name="factory"/>; multi-producer and <see cref="HybridWaitStrategy"/> by default.
    /// </summary>
    public Disruptor(Func<T> factory, int bufferSize, ProducerType producerType = ProducerType.Multi, IWaitStrategy? waitStrategy = null)
        : this(new RingBuffer<T>(factory, bufferSize, producerType, waitStrategy))
    {
    }

    /// <summary>Creates a disruptor over an existing ring.</summary>
    public Disruptor(RingBuffer<T> ringBuffer)
    {
        ArgumentNullException.ThrowIfNull(ringBuffer);
        RingBuffer = ringBuffer;
    }

    /// <summary>The ring producers claim and publish on.</summary>
    public RingBuffer<T> RingBuffer { get; }

    /// <summary>The failures that halted stages so far (empty while all is well).</summary>
    public IReadOnlyList<Exception> Faults
        => _stages.Select(s => s.Processor.Fault).OfType<Exception>().ToArray();

    /// <summary>Adds first stages: each handler sees every published event, in parallel with the others.</summary>
    public EventHandlerGroup<T> HandleEventsWith(params IEventHandler<T>[] handlers) => CreateStages([], handlers);

    /// <summary>A group of existing stages, to start a dependency from (<c>After(a, b).Then(c)</c>).</summary>
    public EventHandlerGroup<T> After(params IEventHandler<T>[] handlers)
    {
        ArgumentNullException.ThrowIfNull(handlers);
        return new EventHandlerGroup<T>(this, Array.ConvertAll(handlers, h => Find(h).Processor.Sequence));
    }

    /// <summary>Sets the policy for stages without their own (the default halts on the first failure).</summary>
    public void SetDefaultExceptionHandler(IExceptionHandler<T> exceptionHandler)
    {
        ArgumentNullException.ThrowIfNull(exceptionHandler);
        EnsureNotStarted();
        _defaultExceptionHandler = exceptionHandler;
    }

    /// <summary>Sets the failure policy of the stage running <paramref name="handler"/>.</summary>
    public void SetExceptionHandler(IEventHandler<T> handler, IExceptionHandler<T> exceptionHandler)
    {
        ArgumentNullException.ThrowIfNull(exceptionHandler);
        EnsureNotStarted();
        Find(handler).ExceptionHandler = exceptionHandler;
    }

    /// <summary>The processor running <paramref name="handler"/>.</summary>
    public IEventProcessor GetProcessorFor(IEventHandler<T> handler) => Find(handler).Processor;

    /// <summary>The progress sequence of the stage running <paramref name="handler"/>.</summary>
    public Sequence GetSequenceFor(IEventHandler<T> handler) => Find(handler).Processor.Sequence;

    /// <summary>Starts every stage on its own thread and returns the ring. Only once.</summary>
    public RingBuffer<T> Start()
    {
        if (Interlocked.Exchange(ref _started, 1) != 0)
        {
            ThrowHelper.ThrowAlreadyStarted();
        }

        foreach (var stage in _stages)
        {
            stage.Processor.SetExceptionHandler(stage.ExceptionHandler ?? _defaultExceptionHandler);
            stage.Processor.Start("ring:" + stage.Handler.GetType().Name);
        }

        return RingBuffer;
    }

    /// <summary>True while some stage has not yet processed every published event.</summary>
    public bool HasBacklog()
    {
        var cursor = RingBuffer.Cursor;
        foreach (var stage in _stages)
        {
            if (stage.IsEndOfChain && stage.Processor.Sequence.Value < cursor)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Asks every stage to halt after its current batch, without draining; returns at once.</summary>
    public void Halt()
    {
        foreach (var stage in _stages)
        {
            stage.Processor.Halt();
        }
    }

    /// <summary>
    /// Draining stop: waits until every stage has processed every event claimed so far, then halts
    /// the stages and waits for their threads to exit. Stop the producers first.
    /// </summary>
    /// <exception cref="TimeoutException">The backlog did not drain, or a stage did not exit, in time (the stages keep running; call <see cref="Halt"/> to abandon).</exception>
    /// <exception cref="AggregateException">One or more stages had halted on a failure (their <see cref="IEventProcessor.Fault"/>s).</exception>
    public void Shutdown(TimeSpan timeout)
    {
        var started = Stopwatch.GetTimestamp();
        var spinner = default(SpinWait);
        while (HasBacklog() && !AnyStageStopped())
        {
            if (Stopwatch.GetElapsedTime(started) > timeout)
            {
                throw new TimeoutException($"The ring did not drain within {timeout}: cursor {RingBuffer.Cursor}, slowest stage {RingBuffer.GetMinimumGatingSequence()}.");
            }

            spinner.SpinOnce();
        }

        Halt();
        foreach (var stage in _stages)
        {
            var left = timeout - Stopwatch.GetElapsedTime(started);
            if (!stage.Processor.WaitUntilHalted(left > TimeSpan.Zero ? left : TimeSpan.Zero))
            {
                throw new TimeoutException($"The stage {stage.Handler.GetType().Name} did not stop within {timeout}.");
            }
        }

        var faults = Faults;
        if (faults.Count > 0)
        {
            throw new AggregateException("Ring stages halted on failures.", faults);
        }
    }

    /// <summary>Creates one processor per handler, each behind its own barrier on <paramref name="dependencies"/>.</summary>
    internal EventHandlerGroup<T> CreateStages(Sequence[] dependencies, IEventHandler<T>[] handlers)
    {
        ArgumentNullException.ThrowIfNull(handlers);
        EnsureNotStarted();
        var sequences = new Sequence[handlers.Length];
        for (var i = 0; i < handlers.Length; i++)
        {
            ArgumentNullException.ThrowIfNull(handlers[i], nameof(handlers));

            // One barrier per processor, not per group: halting one alerts only its own barrier.
            var barrier = RingBuffer.NewBarrier(dependencies);
            var processor = new BatchEventProcessor<T, IEventHandler<T>>(RingBuffer, barrier, handlers[i]);
            _stages.Add(new Stage(handlers[i], processor));
            sequences[i] = processor.Sequence;
        }

        // Producers only need to gate on the ends of the chain: a stage never passes its upstream.
        foreach (var dependency in dependencies)
        {
            RingBuffer.RemoveGatingSequence(dependency);
            foreach (var stage in _stages)
            {
                if (ReferenceEquals(stage.Processor.Sequence, dependency))
                {
                    stage.IsEndOfChain = false;
                }
            }
        }

        RingBuffer.AddGatingSequences(sequences);
        return new EventHandlerGroup<T>(this, sequences);
    }

    private bool AnyStageStopped()
    {
        foreach (var stage in _stages)
        {
            if (!stage.Processor.IsRunning)
            {
                return true;
            }
        }

        return false;
    }

    private Stage Find(IEventHandler<T> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        foreach (var stage in _stages)
        {
            if (ReferenceEquals(stage.Handler, handler))
            {
                return stage;
            }
        }

        ThrowHelper.ThrowUnknownHandler();
        return null;
    }

    private void EnsureNotStarted()
    {
        if (Volatile.Read(ref _started) != 0)
        {
            ThrowHelper.ThrowAlreadyStarted();
        }
    }

    private sealed class Stage(IEventHandler<T> handler, BatchEventProcessor<T, IEventHandler<T>> processor)
    {
        public IEventHandler<T> Handler { get; } = handler;

        public BatchEventProcessor<T, IEventHandler<T>> Processor { get; } = processor;

        public IExceptionHandler<T>? ExceptionHandler { get; set; }

        public bool IsEndOfChain { get; set; } = true;
    }
}
