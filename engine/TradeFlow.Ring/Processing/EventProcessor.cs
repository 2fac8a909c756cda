using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;
using TradeFlow.Ring.WaitStrategies;

namespace TradeFlow.Ring.Processing;

/// <summary>
/// The lifecycle every processor shares: idle → running → halted → idle, its thread, its fault,
/// and waiting for it to stop. The event loop itself is in the generic subclasses, so that the
/// JIT specialises it for each handler type.
/// </summary>
public abstract class EventProcessor : IEventProcessor
{
    private const int Idle = 0;
    private const int Halting = 1;
    private const int Running = 2;

    private readonly object _stoppedGate = new();
    private bool _stopped = true;
    private int _state;
    private Exception? _fault;

    private protected EventProcessor(SequenceBarrier barrier)
    {
        ArgumentNullException.ThrowIfNull(barrier);
        Barrier = barrier;
        WaitStrategy = barrier.WaitStrategy;
        SignalsProgress = WaitStrategy.IsBlockingStrategy;
    }

    /// <inheritdoc/>
    public Sequence Sequence { get; } = new();

    /// <summary>The barrier this processor waits on.</summary>
    public SequenceBarrier Barrier { get; }

    /// <inheritdoc/>
    public bool IsRunning => Volatile.Read(ref _state) != Idle;

    /// <inheritdoc/>
    public Exception? Fault => Volatile.Read(ref _fault);

    /// <summary>The ring's wait strategy, signalled after each batch when it blocks.</summary>
    private protected IWaitStrategy WaitStrategy { get; }

    /// <summary>
    /// True for blocking strategies: a downstream stage may be asleep waiting on this processor's
    /// sequence, and only we can wake it, so we signal after every batch.
    /// </summary>
    private protected bool SignalsProgress { get; }

    /// <summary>True once a halt was requested.</summary>
    private protected bool IsHalting => Volatile.Read(ref _state) != Running;

    /// <inheritdoc/>
    public Thread Start(string? threadName = null)
    {
        BeginRun();

        // A background thread: a processor someone forgot to halt must not keep the process alive.
        var thread = new Thread(RunCore) { IsBackground = true, Name = threadName ?? GetType().Name };
        thread.Start();
        return thread;
    }

    /// <inheritdoc/>
    public void Run()
    {
        BeginRun();
        RunCore();
    }

    /// <inheritdoc/>
    public void Halt()
    {
        // Only a running processor can halt; an idle one stays startable.
        if (Interlocked.CompareExchange(ref _state, Halting, Running) == Running)
        {
            Barrier.Alert();
        }
    }

    /// <inheritdoc/>
    public bool WaitUntilHalted(TimeSpan timeout)
    {
        lock (_stoppedGate)
        {
            var started = Stopwatch.GetTimestamp();
            while (!_stopped)
            {
                var left = timeout - Stopwatch.GetElapsedTime(started);
                if (left <= TimeSpan.Zero || !Monitor.Wait(_stoppedGate, left))
                {
                    return _stopped;
                }
            }

            return true;
        }
    }

    /// <summary>Runs the event loop until halted (an <see cref="AlertException"/> with <see cref="IsHalting"/>).</summary>
    private protected abstract void ProcessEvents();

    /// <summary>Calls the handler's <c>OnStart</c>, routing a failure to the exception handler.</summary>
    private protected abstract void NotifyStart();

    /// <summary>Calls the handler's <c>OnShutdown</c>, routing a failure to the exception handler.</summary>
    private protected abstract void NotifyShutdown();

    private void BeginRun()
    {
        if (Interlocked.CompareExchange(ref _state, Running, Idle) != Idle)
        {
            ThrowHelper.ThrowAlreadyRunning();
        }

        lock (_stoppedGate)
        {
            _stopped = false;
        }

        Volatile.Write(ref _fault, null);
    }

    [SuppressMessage("Design", "CA1031:Do not catch general exception types", Justification = "A processor's thread must never die with an unhandled exception (that kills the process); every failure is kept as the Fault.")]
    private void RunCore()
    {
        // Cleared before the state check: a Halt() from now on sets the alert after we cleared it.
        Barrier.ClearAlert();
        try
        {
            NotifyStart();
            if (!IsHalting)
            {
                ProcessEvents();
            }
        }
        catch (Exception ex)
        {
            Volatile.Write(ref _fault, ex);
        }
        finally
        {
            Shutdown();
        }
    }

    [SuppressMessage("Design", "CA1031:Do not catch general exception types", Justification = "See RunCore: a shutdown failure is kept as the Fault unless an earlier one is.")]
    private void Shutdown()
    {
        try
        {
            NotifyShutdown();
        }
        catch (Exception ex)
        {
            Interlocked.CompareExchange(ref _fault, ex, null);
        }

        Volatile.Write(ref _state, Idle);
        lock (_stoppedGate)
        {
            _stopped = true;
            Monitor.PulseAll(_stoppedGate);
        }
    }
}
